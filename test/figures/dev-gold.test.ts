import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/model.js';
import { figureStage } from '../../src/pipeline/figures/index.js';
import { haveShared, runDev, scoreObservations } from './dev-harness.js';

async function score(standInActors: boolean) {
  const run = await runDev([figureStage], { standInActors });
  const observations = run.findings.filter((f): f is Observation => f.kind === 'observation');
  const result = scoreObservations(run.document, observations);
  // Printed so a run shows where it stands, not only whether it passed.
  console.info(
    `figures dev (${standInActors ? 'stand-in actors' : 'pipeline actors'}; real stages: ${run.realStages.join(', ') || 'none'}): ` +
      `P=${result.precision.toFixed(2)} R=${result.recall.toFixed(2)} F1=${result.f1.toFixed(2)} attributes=${result.attributes.toFixed(2)}`,
  );
  return result;
}

describe.skipIf(!haveShared)('figures on the development document (../shared absent: skipped)', () => {
  it('reaches the observation targets against gold, given correct actors', async () => {
    const result = await score(true);
    expect(result.f1).toBeGreaterThanOrEqual(0.85);
    expect(result.attributes).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the figures whatever the actor stage resolves', async () => {
    const result = await score(false);
    expect(result.f1).toBeGreaterThanOrEqual(0.85);
  });
});
