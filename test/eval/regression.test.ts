import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeRegressions, findRegressions, parseBaseline } from '../../src/eval/gold/baseline.js';
import { evalGold } from '../../src/eval/gold/evaluate.js';
import { defaultPipeline } from '../../src/pipeline/default.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const BASELINE = fileURLToPath(new URL('../../eval/baseline.json', import.meta.url));

describe.skipIf(!existsSync(SHARED))('gold regression on the dev document (needs ../shared)', () => {
  it('keeps every layer within 2 points of eval/baseline.json', async () => {
    const baseline = parseBaseline(readFileSync(BASELINE, 'utf8'));
    const report = await evalGold({
      goldDir: `${SHARED}/gold`,
      corpusDir: `${SHARED}/corpus/dev`,
      pipeline: defaultPipeline,
    });
    expect(report.documents.length).toBeGreaterThan(0);
    const regressions = findRegressions(report.headline, baseline.headline);
    expect(regressions, describeRegressions(regressions)).toEqual([]);
  });
});
