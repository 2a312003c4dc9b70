/**
 * Text keys for dictionary lookup. A name and its written variants ("Rostov-on-Don", "Rostov on Don",
 * "Rostovon- Don" broken across a line) share one key: letters and digits only, lower-cased, without diacritics.
 */

const MARKS = /\p{M}/gu;
const NON_ALNUM = /[^a-z0-9]/g;

const PLAIN = /^[a-z0-9]*$/;
const ASCII_ALNUM = /^[A-Za-z0-9]*$/;

export function squash(text: string): string {
  if (PLAIN.test(text)) return text;
  if (ASCII_ALNUM.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss').replace(NON_ALNUM, '');
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** squash(text) */
  readonly key: string;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Every letter is upper-case (acronyms: US, DPRK, WHO). */
  readonly allCaps: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    const word = match[0];
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      key: squash(word),
      capitalised: UPPER_START.test(word),
      allCaps: !HAS_LOWER.test(word) && /\p{Lu}/u.test(word),
    });
  }
  return tokens;
}

// What may stand between two tokens of one name: a space or a single line break, a hyphen (possibly a line-break
// hyphenation artefact "Rostovon- Don"), an apostrophe ("Côte d'Ivoire"), or the dot of an initial ("U.S.").
const NAME_GAP =
  /^(?:[ \t\u00a0]*\n?[ \t\u00a0]*|[ \t\u00a0]*[-\u2010\u2011][ \t\u00a0]*\n?[ \t\u00a0]*|['’]|\.[ \t\u00a0]?)$/;

// Saint, Sainte, Mount, Fort: abbreviated with a dot at the start of many place names.
const PLACE_ABBREVIATIONS = new Set(['St', 'Ste', 'Mt', 'Ft']);

/** joinable[i] says whether token i and token i+1 can belong to one name. */
export function joinableGaps(text: string, tokens: readonly Token[]): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1] as Token;
    const gap = text.slice(a.end, b.start);
    if (gap.length > 4) {
      out.push(false);
      continue;
    }
    // a dot joins only after an initial or a place name's abbreviation: "U.S.", "St. Petersburg", but not
    // "Washington. Paris"
    out.push(
      NAME_GAP.test(gap) && (!gap.startsWith('.') || a.text.length === 1 || PLACE_ABBREVIATIONS.has(a.text)),
    );
  }
  return out;
}
