import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalTimeml, formatTimemlReport } from '../../src/eval/timeml/index.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const PLATINUM = join(SHARED, 'data/tempeval3/platinum');

// What the tagger reached on the TempEval-3 platinum set, minus 2 points: a regression guard.
const FLOOR = { strictF1: 0.82, relaxedF1: 0.8945, valueF1: 0.783 };

describe.skipIf(!existsSync(PLATINUM))('TempEval-3 platinum (skipped: ../shared absent)', () => {
  it('stays at or above the measured scores minus 2 points', async () => {
    const report = await evalTimeml({ goldDir: PLATINUM });
    expect(report.files).toBe(20);
    expect(report.gold).toBe(138);
    expect(report.strict.f1).toBeGreaterThanOrEqual(FLOOR.strictF1);
    expect(report.relaxed.f1).toBeGreaterThanOrEqual(FLOOR.relaxedF1);
    expect(report.valueF1).toBeGreaterThanOrEqual(FLOOR.valueF1);
    expect(formatTimemlReport(report)).toMatch(
      /HeidelTime-t\s+83\.85\s+78\.99\s+81\.34\s+93\.08\s+87\.68\s+90\.30\s+77\.61/,
    );
  });
});
