/** Counts and the rates derived from them; counts are kept so totals can be micro-averaged. */

export interface Prf {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Accuracy {
  readonly correct: number;
  readonly total: number;
  /** null when there was nothing to judge (no matched pairs). */
  readonly accuracy: number | null;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? null : correct / total };
}

export function countCorrect<T>(items: readonly T[], isCorrect: (item: T) => boolean): Accuracy {
  return accuracy(items.filter(isCorrect).length, items.length);
}

export function sumPrf(parts: readonly Prf[]): Prf {
  return prf(
    parts.reduce((n, p) => n + p.tp, 0),
    parts.reduce((n, p) => n + p.fp, 0),
    parts.reduce((n, p) => n + p.fn, 0),
  );
}

export function sumAccuracy(parts: readonly Accuracy[]): Accuracy {
  return accuracy(
    parts.reduce((n, p) => n + p.correct, 0),
    parts.reduce((n, p) => n + p.total, 0),
  );
}
