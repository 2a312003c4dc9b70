import { describe, expect, it } from 'vitest';
import { matchOneToOne } from './matching.js';

/** Exhaustive search: the best (pair count, total quality) over all one-to-one matchings. */
function bruteForce(quality: (number | null)[][], cols: number): { pairs: number; total: number } {
  let best = { pairs: 0, total: 0 };
  const used = new Array<boolean>(cols).fill(false);
  const visit = (row: number, pairs: number, total: number) => {
    if (row === quality.length) {
      if (pairs > best.pairs || (pairs === best.pairs && total > best.total + 1e-12)) best = { pairs, total };
      return;
    }
    visit(row + 1, pairs, total);
    for (let c = 0; c < cols; c++) {
      const q = quality[row]?.[c];
      if (used[c] || q === null || q === undefined) continue;
      used[c] = true;
      visit(row + 1, pairs + 1, total + q);
      used[c] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

// A small deterministic generator so a failure can be reproduced.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('matchOneToOne', () => {
  it('finds as many pairs, and as much quality, as exhaustive search', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(next() * 5);
      const cols = 1 + Math.floor(next() * 5);
      const quality = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (next() < 0.45 ? null : Math.round(next() * 10) / 10)),
      );
      const pairs = matchOneToOne(rows, cols, (g, p) => quality[g]?.[p] ?? null);
      const best = bruteForce(quality, cols);
      expect(new Set(pairs.map((p) => p.gold)).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p.predicted)).size).toBe(pairs.length);
      expect(pairs.every((p) => quality[p.gold]?.[p.predicted] !== null)).toBe(true);
      expect(pairs.length).toBe(best.pairs);
      const total = pairs.reduce((sum, p) => sum + (quality[p.gold]?.[p.predicted] ?? 0), 0);
      expect(total).toBeCloseTo(best.total, 9);
    }
  });
});
