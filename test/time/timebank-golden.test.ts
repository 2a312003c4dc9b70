import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreFile, tagTimemlDocument } from '../../src/eval/timeml/index.js';
import { parseTimeml } from '../../src/eval/timeml/tml.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const TIMEBANK = join(SHARED, 'data/tempeval3/train/TimeBank');

// Train files (development data) the tagger annotates exactly like the TimeBank annotators: weekdays in
// news, ISO weeks, quarters, DCT-relative years, long-form dates and hyphenated durations.
const GOLDEN = ['NYT19980206.0466.tml', 'SJMN91-06338157.tml', 'wsj_0612.tml', 'wsj_0667.tml'];

describe.skipIf(!existsSync(TIMEBANK))('golden TimeBank files (skipped: ../shared absent)', () => {
  for (const file of GOLDEN) {
    it(`reproduces every gold TIMEX3 of ${file}: extent, type and value`, () => {
      const document = parseTimeml(readFileSync(join(TIMEBANK, file), 'utf8'));
      const system = tagTimemlDocument(document);
      const simplify = (t: { text: string; type: string; value: string }) => `${t.text}|${t.type}|${t.value}`;
      expect(system.map(simplify)).toEqual(document.timexes.map(simplify));
      const score = scoreFile(file, document.timexes, system);
      expect(score.goldStrict).toBe(score.gold);
    });
  }
});
