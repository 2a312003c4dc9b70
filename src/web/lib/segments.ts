/** Splits a document's text into runs, each covered by the same set of findings, for highlighting as text nodes. */

export interface Highlight {
  readonly findingId: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Highlights covering the whole run, shortest first (the most specific finding is drawn on top). */
  readonly covering: readonly Highlight[];
}

export function segmentText(text: string, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end);
  const cuts = new Set<number>([0, text.length]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let open: Highlight[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    open = open.filter((h) => h.end > start);
    while (next < byStart.length && (byStart[next] as Highlight).start <= start) {
      const h = byStart[next] as Highlight;
      if (h.end > start) open.push(h);
      next += 1;
    }
    const covering = [...open].sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, text: text.slice(start, end), covering });
  }
  return segments;
}
