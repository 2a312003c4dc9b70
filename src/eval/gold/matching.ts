/**
 * One-to-one matching of gold items to predictions by the Hungarian algorithm (Kuhn–Munkres):
 * it first maximises the number of matched pairs, then, among matchings of that size, the summed quality.
 * Greedy best-first can lose a match when a prediction could serve two gold items; this cannot.
 */

export const MATCHING_METHOD = 'hungarian (maximum matches, then maximum quality)';

export interface MatchPair {
  readonly gold: number;
  readonly predicted: number;
}

/**
 * `quality(g, p)` is null when the pair cannot match, else a number in [0, 1] saying how good the match is
 * (used only to choose among matchings with the same number of pairs).
 */
export function matchOneToOne(
  goldCount: number,
  predictedCount: number,
  quality: (gold: number, predicted: number) => number | null,
): MatchPair[] {
  if (goldCount === 0 || predictedCount === 0) return [];
  const maxPairs = Math.min(goldCount, predictedCount);
  // Quality is scaled so that all of it together is worth less than one more pair.
  const weights: (number | null)[][] = [];
  let anyCandidate = false;
  for (let g = 0; g < goldCount; g++) {
    const row: (number | null)[] = [];
    for (let p = 0; p < predictedCount; p++) {
      const q = quality(g, p);
      if (q !== null) anyCandidate = true;
      row.push(q === null ? null : 1 + Math.min(1, Math.max(0, q)) / (maxPairs + 1));
    }
    weights.push(row);
  }
  if (!anyCandidate) return [];
  const transpose = goldCount > predictedCount;
  const rows = transpose ? predictedCount : goldCount;
  const cols = transpose ? goldCount : predictedCount;
  const weightAt = (r: number, c: number): number | null =>
    transpose ? (weights[c]?.[r] ?? null) : (weights[r]?.[c] ?? null);
  const assignment = hungarianMinCost(rows, cols, (r, c) => -(weightAt(r, c) ?? 0));
  const pairs: MatchPair[] = [];
  for (let r = 0; r < rows; r++) {
    const c = assignment[r];
    if (c === undefined || c < 0 || weightAt(r, c) === null) continue;
    pairs.push(transpose ? { gold: c, predicted: r } : { gold: r, predicted: c });
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}

/** Minimum-cost assignment of every row to a distinct column (rows <= cols); returns the column per row. */
function hungarianMinCost(rows: number, cols: number, cost: (r: number, c: number) => number): number[] {
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(cols + 1).fill(0);
  const rowOfCol = new Array<number>(cols + 1).fill(0);
  const way = new Array<number>(cols + 1).fill(0);
  for (let r = 1; r <= rows; r++) {
    rowOfCol[0] = r;
    let col0 = 0;
    const minv = new Array<number>(cols + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(cols + 1).fill(false);
    do {
      used[col0] = true;
      const r0 = rowOfCol[col0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let col1 = 0;
      for (let c = 1; c <= cols; c++) {
        if (used[c]) continue;
        const reduced = cost(r0 - 1, c - 1) - (u[r0] ?? 0) - (v[c] ?? 0);
        if (reduced < (minv[c] ?? Number.POSITIVE_INFINITY)) {
          minv[c] = reduced;
          way[c] = col0;
        }
        if ((minv[c] ?? Number.POSITIVE_INFINITY) < delta) {
          delta = minv[c] ?? Number.POSITIVE_INFINITY;
          col1 = c;
        }
      }
      for (let c = 0; c <= cols; c++) {
        if (used[c]) {
          const row = rowOfCol[c] ?? 0;
          u[row] = (u[row] ?? 0) + delta;
          v[c] = (v[c] ?? 0) - delta;
        } else {
          minv[c] = (minv[c] ?? 0) - delta;
        }
      }
      col0 = col1;
    } while ((rowOfCol[col0] ?? 0) !== 0);
    do {
      const col1 = way[col0] ?? 0;
      rowOfCol[col0] = rowOfCol[col1] ?? 0;
      col0 = col1;
    } while (col0 !== 0);
  }
  const assignment = new Array<number>(rows).fill(-1);
  for (let c = 1; c <= cols; c++) {
    const r = rowOfCol[c] ?? 0;
    if (r > 0) assignment[r - 1] = c - 1;
  }
  return assignment;
}
