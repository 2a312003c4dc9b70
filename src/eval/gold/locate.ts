/**
 * Finding gold evidence in a document. Gold gives text, not offsets, and may normalise whitespace, so the
 * search runs over a whitespace-collapsed copy of the text and maps the hit back to the original offsets.
 */

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A document's text with whitespace runs collapsed to one space, and where each kept character came from. */
export interface SearchableText {
  readonly text: string;
  readonly collapsed: string;
  /** `origin[i]` is the offset in `text` of `collapsed[i]`. */
  readonly origin: readonly number[];
}

export function searchable(text: string): SearchableText {
  let collapsed = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      if (!inSpace) {
        collapsed += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      collapsed += char;
      origin.push(i);
      inSpace = false;
    }
  }
  return { text, collapsed, origin };
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The span of the `occurrence`-th (1-based) appearance of `evidence`, whitespace-normalised; null when absent.
 * Occurrences are counted at every start position, so overlapping repeats count separately.
 */
export function locateEvidence(doc: SearchableText, evidence: string, occurrence = 1): TextSpan | null {
  const needle = collapseWhitespace(evidence);
  if (!needle) return null;
  let from = 0;
  let seen = 0;
  for (;;) {
    const index = doc.collapsed.indexOf(needle, from);
    if (index < 0) return null;
    seen++;
    if (seen === occurrence) {
      const start = doc.origin[index] ?? 0;
      const end = (doc.origin[index + needle.length - 1] ?? start) + 1;
      return { start, end };
    }
    from = index + 1;
  }
}

/** Which occurrence of its own (whitespace-normalised) text the span is, so a written prediction can name it. */
export function occurrenceOf(doc: SearchableText, span: TextSpan): number {
  const needle = collapseWhitespace(doc.text.slice(span.start, span.end));
  if (!needle) return 1;
  let from = 0;
  let seen = 0;
  for (;;) {
    const index = doc.collapsed.indexOf(needle, from);
    if (index < 0) return Math.max(1, seen);
    seen++;
    if ((doc.origin[index] ?? 0) >= span.start) return seen;
    from = index + 1;
  }
}

export function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Overlap as a fraction of the union: 1 for identical spans, 0 for disjoint ones. */
export function overlapRatio(a: TextSpan, b: TextSpan): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return 0;
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}
