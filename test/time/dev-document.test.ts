import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tagTimexes } from '../../src/pipeline/time/tagger.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const TEXT = join(SHARED, 'corpus/dev/dprk-russia-2023-11-05.txt');
const GOLD = join(SHARED, 'gold/dprk-russia-2023-11-05.json');

interface GoldTimex {
  text: string;
  type: string;
  value: string;
  mod?: string;
  anchor?: string;
  evidence: string;
  occurrence?: number;
}

describe.skipIf(!existsSync(TEXT) || !existsSync(GOLD))(
  'dev document timexes (skipped: ../shared absent)',
  () => {
    // Vitest runs a skipped suite's body to collect its tests, so the files are read only when present.
    const present = existsSync(TEXT) && existsSync(GOLD);
    const text = present ? readFileSync(TEXT, 'utf8') : '';
    const gold = (
      JSON.parse(present ? readFileSync(GOLD, 'utf8') : '{"timexes":[]}') as {
        dct: string;
        timexes: GoldTimex[];
      }
    ).timexes.map((g) => {
      let start = -1;
      for (let n = 0; n < (g.occurrence ?? 1); n++) start = text.indexOf(g.evidence, start + 1);
      return { ...g, start, end: start + g.evidence.length };
    });
    const system = tagTimexes(text, '2023-11-05');
    const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;

    it('finds the gold timexes (relaxed F1 >= 0.95) with values right (accuracy >= 0.90)', () => {
      expect(gold.every((g) => g.start >= 0)).toBe(true);
      const matched = gold.filter((g) => system.some((s) => overlapping(s, g)));
      const precision = system.filter((s) => gold.some((g) => overlapping(s, g))).length / system.length;
      const recall = matched.length / gold.length;
      const f1 = (2 * precision * recall) / (precision + recall);
      const correct = matched.filter((g) => {
        const s = system.find((x) => overlapping(x, g));
        return s?.value === g.value && (!g.mod || s.mod === g.mod);
      });
      expect(f1).toBeGreaterThanOrEqual(0.95);
      expect(correct.length / matched.length).toBeGreaterThanOrEqual(0.9);
    });

    it('resolves every narrative-relative expression to the right day against the right anchor', () => {
      const relative = gold.filter((g) => g.anchor);
      expect(relative.length).toBeGreaterThan(0);
      for (const g of relative) {
        const s = system.find((x) => overlapping(x, g));
        expect(s?.value, g.text).toBe(g.value);
        expect(s?.anchor?.basis, g.text).toBe('narrative');
        const anchorTimex =
          s?.anchor?.index === null || s?.anchor?.index === undefined ? null : system[s.anchor.index];
        expect(anchorTimex?.text, g.text).toBe(g.anchor);
      }
    });
  },
);
