import type { DyadDocument, Finding, Sentence } from '../domain/model.js';
import { findingId, type Stage } from './pipeline.js';

const EXTRACTOR = { name: 'sentences', version: '1' } as const;

// Abbreviations whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr vs etc e.g i.e no nos fig figs approx jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp u.s u.k u.n est cf al'.split(
    ' ',
  ),
);

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Splits text into sentence ranges: at . ! ? followed by space and an upper-case letter or quote, and at blank lines. */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const paragraphPattern = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const paragraph of text.matchAll(paragraphPattern)) {
    const base = paragraph.index ?? 0;
    const body = paragraph[0];
    let start = 0;
    const boundary = /[.!?]+['"’”)\]]*(?=\s+["'‘“([]?[A-Z0-9])/g;
    for (const match of body.matchAll(boundary)) {
      const end = (match.index ?? 0) + match[0].length;
      if (match[0].startsWith('.') && match[0].length === 1 && isAbbreviation(body, match.index ?? 0))
        continue;
      pushTrimmed(ranges, body, base, start, end);
      start = end;
    }
    pushTrimmed(ranges, body, base, start, body.length);
  }
  return ranges;
}

function isAbbreviation(body: string, dotIndex: number): boolean {
  const before = body.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? '';
  if (word.length === 1) return /[A-Z]/.test(word); // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(ranges: TextRange[], body: string, base: number, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s] ?? '')) s++;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
  if (e > s) ranges.push({ start: base + s, end: base + e });
}

export const sentenceStage: Stage = {
  extractor: EXTRACTOR,
  run(document: DyadDocument): Finding[] {
    return splitSentences(document.text).map(
      (range, index): Sentence => ({
        kind: 'sentence',
        id: findingId('sentence', document.id, range.start, range.end),
        docId: document.id,
        index,
        evidence: [{ docId: document.id, start: range.start, end: range.end }],
        extractor: EXTRACTOR,
      }),
    );
  },
};
