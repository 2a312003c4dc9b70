/** Word and punctuation tokens with offsets, shared by the event and itinerary stages. */

export interface Token {
  readonly text: string;
  readonly lower: string;
  /** Offsets into the text the tokens were cut from (the document text when a base is given). */
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// A word may contain inner hyphens, apostrophes and dots ("Jong-un", "didn't", "U.S"); a trailing
// possessive ('s / ’s) is split off as its own token so that "Kim's visit" yields Kim + 's + visit.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/u;

export function tokenize(text: string, base = 0, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(TOKEN)) {
    const raw = match[0];
    const start = base + from + (match.index ?? 0);
    const isWord = /[\p{L}\p{N}]/u.test(raw);
    const possessive = isWord ? POSSESSIVE.exec(raw) : null;
    if (possessive?.[1] && possessive[2] && !/n['’]t$/i.test(raw)) {
      const stem = possessive[1];
      tokens.push({ text: stem, lower: stem.toLowerCase(), start, end: start + stem.length, isWord: true });
      const mark = possessive[2];
      tokens.push({
        text: mark,
        lower: "'s",
        start: start + stem.length,
        end: start + raw.length,
        isWord: false,
      });
      continue;
    }
    tokens.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + raw.length,
      isWord,
    });
  }
  return tokens;
}

export const PREPOSITIONS = new Set([
  'to',
  'with',
  'from',
  'against',
  'in',
  'at',
  'on',
  'of',
  'by',
  'for',
  'into',
  'toward',
  'towards',
  'between',
  'over',
  'under',
  'via',
  'through',
  'among',
  'across',
  'after',
  'before',
  'during',
  'since',
  'until',
  'like',
  'than',
  'about',
  'including',
  'as',
]);

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'some',
  'several',
  'both',
  'all',
  'any',
  'each',
  'every',
  'such',
  'no',
  'two',
  'three',
  'four',
  'five',
]);

export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);

/** Punctuation and conjunctions that end a clause for the purpose of argument and cue scope. */
export function isClauseBoundary(token: Token): boolean {
  if (!token.isWord) return token.text === ';' || token.text === ':' || token.text === '.';
  return CLAUSE_WORDS.has(token.lower);
}

const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet', 'however', 'because']);
