import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsToGold, scoreDocument } from '../../src/eval/gold/index.js';
import { claimStage } from '../../src/pipeline/claims/index.js';
import { figureStage } from '../../src/pipeline/figures/index.js';
import { DEV_GOLD, haveShared, runDev } from '../figures/dev-harness.js';

async function claimScores(standInActors: boolean) {
  const run = await runDev([figureStage, claimStage], { standInActors });
  const gold = JSON.parse(readFileSync(DEV_GOLD, 'utf8')) as unknown;
  const predicted = findingsToGold(run.document, run.findings, 'dprk-russia-2023-11-05.txt');
  const { claims, observations } = scoreDocument(gold as never, predicted, run.document.text).scores;
  console.info(
    `claims dev (${standInActors ? 'stand-in actors' : 'pipeline actors'}; real stages: ${run.realStages.join(', ') || 'none'}): ` +
      `R=${claims.overall.recall.toFixed(2)} P=${claims.overall.precision.toFixed(2)} holder=${claims.holder.accuracy?.toFixed(2)} ` +
      `likelihood=${claims.likelihood.accuracy?.toFixed(2)} within-one=${claims.likelihoodWithinOne.accuracy?.toFixed(2)}; ` +
      `observations F1=${observations.overall.f1.toFixed(2)} attributes=${observations.attributes.accuracy?.toFixed(2)}`,
  );
  return claims;
}

describe.skipIf(!haveShared)('claims on the development document (../shared absent: skipped)', () => {
  it('reaches the claim targets against gold, given correct actors', async () => {
    const claims = await claimScores(true);
    expect(claims.overall.recall).toBeGreaterThanOrEqual(0.8);
    expect(claims.holder.accuracy ?? 0).toBeGreaterThanOrEqual(0.85);
    expect(claims.likelihoodWithinOne.accuracy ?? 0).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the claims and their likelihoods whatever the actor stage resolves', async () => {
    const claims = await claimScores(false);
    expect(claims.overall.recall).toBeGreaterThanOrEqual(0.8);
    expect(claims.likelihoodWithinOne.accuracy ?? 0).toBeGreaterThanOrEqual(0.9);
  });
});
