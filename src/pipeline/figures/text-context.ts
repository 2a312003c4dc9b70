import type { DyadDocument, Finding, Mention, Timex } from '../../domain/model.js';
import { splitSentences, type TextRange } from '../sentences.js';

/** What the figure and claim stages read from earlier stages, grouped by sentence. */
export interface SentenceContext {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly mentions: readonly Mention[];
  readonly timexes: readonly Timex[];
  /** Clause ranges (document offsets) in reading order. */
  readonly clauses: readonly TextRange[];
}

export function sentenceContexts(document: DyadDocument, findings: readonly Finding[]): SentenceContext[] {
  const sentenceRanges: TextRange[] = findings.some((f) => f.kind === 'sentence')
    ? findings
        .filter((f) => f.kind === 'sentence')
        .map((f) => ({ start: f.evidence[0]?.start ?? 0, end: f.evidence[0]?.end ?? 0 }))
        .sort((a, b) => a.start - b.start)
    : splitSentences(document.text);
  const mentions = findings
    .filter((f): f is Mention => f.kind === 'mention' && f.docId === document.id)
    .sort((a, b) => start(a) - start(b));
  const timexes = findings.some((f) => f.kind === 'timex')
    ? findings.filter((f): f is Timex => f.kind === 'timex' && f.docId === document.id)
    : fallbackYearTimexes(document);
  return sentenceRanges.map((range, index) => ({
    index,
    start: range.start,
    end: range.end,
    text: document.text.slice(range.start, range.end),
    mentions: mentions.filter((m) => start(m) >= range.start && start(m) < range.end),
    timexes: timexes
      .filter((t) => start(t) >= range.start && start(t) < range.end)
      .sort((a, b) => start(a) - start(b)),
    clauses: splitClauses(document.text, range),
  }));
}

export function start(finding: Finding): number {
  return finding.evidence[0]?.start ?? 0;
}

export function end(finding: Finding): number {
  return finding.evidence[0]?.end ?? 0;
}

// Clause boundaries: semicolons, colons, dashes used as parentheses, and a comma before a conjunction
// that opens a new finite clause.
const CLAUSE_BREAK =
  /;|:(?!\d)|\s[–—]\s|,\s+(?=(?:and|but|while|whereas|although|though|yet|of which|so)\b)/g;

// "a loan from Seoul on which Russia later defaulted": a relative clause has actors of its own.
const RELATIVE_CLAUSE = /\s(?=(?:on|in|for|by|from|at|under|through) (?:which|whom)\b)/g;

export function splitClauses(text: string, range: TextRange): TextRange[] {
  const body = text.slice(range.start, range.end);
  const clauses: TextRange[] = [];
  let from = 0;
  const breaks = [...body.matchAll(CLAUSE_BREAK)].filter((m) => !insideParentheses(body, m.index ?? 0));
  breaks.push(...body.matchAll(RELATIVE_CLAUSE));
  breaks.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const match of breaks) {
    const at = match.index ?? 0;
    if (at < from) continue;
    if (at > from) clauses.push({ start: range.start + from, end: range.start + at });
    from = at + match[0].length;
  }
  if (from < body.length) clauses.push({ start: range.start + from, end: range.end });
  return clauses;
}

function insideParentheses(text: string, at: number): boolean {
  const open = text.lastIndexOf('(', at);
  if (open < 0) return false;
  const close = text.lastIndexOf(')', at);
  return close < open;
}

/** The parenthesised range around `at` in document offsets, or null. */
export function parenthesesAround(text: string, at: number, limit: TextRange): TextRange | null {
  const open = text.lastIndexOf('(', at);
  if (open < limit.start) return null;
  const closeBefore = text.lastIndexOf(')', at - 1);
  if (closeBefore > open) return null;
  const close = text.indexOf(')', at);
  if (close < 0 || close >= limit.end) return null;
  return { start: open, end: close + 1 };
}

export function clauseAt(context: SentenceContext, offset: number): TextRange {
  return (
    context.clauses.find((c) => offset >= c.start && offset < c.end) ?? {
      start: context.start,
      end: context.end,
    }
  );
}

const ISO3 = /^[A-Z]{3}$/;

/** The state a mention stands for: a state itself, a person's or place's country, a resolved pronoun's country. */
export function mentionState(mention: Mention): string | null {
  switch (mention.mentionType) {
    case 'state':
      return mention.entityId && ISO3.test(mention.entityId) ? mention.entityId : mention.country;
    case 'organisation':
      return null;
    case 'person':
    case 'place':
    case 'facility':
    case 'group':
    case 'pronoun':
      return mention.country ?? (mention.entityId && ISO3.test(mention.entityId) ? mention.entityId : null);
  }
}

// Used only when no time stage ran: bare years and "from YYYY to YYYY", enough to date yearly figures.
function fallbackYearTimexes(document: DyadDocument): Timex[] {
  const timexes: Timex[] = [];
  const pattern = /\b(?:from\s+)?((?:1[89]|20)\d\d)(?:\s*(?:to|–|-)\s*((?:1[89]|20)\d\d|\d\d)\b)?\b/g;
  for (const match of document.text.matchAll(pattern)) {
    const at = match.index ?? 0;
    const before = document.text.slice(Math.max(0, at - 1), at);
    if (/[$€£¥₩\w.,-]/.test(before)) continue;
    const after = document.text.slice(at + match[0].length, at + match[0].length + 2);
    if (/^(?:\s?%|[\w])/.test(after)) continue;
    const first = match[1] ?? '';
    const secondRaw = match[2];
    const second = secondRaw && secondRaw.length === 2 ? `${first.slice(0, 2)}${secondRaw}` : secondRaw;
    const value = second ? `${first}/${second}` : first;
    const span = { docId: document.id, start: at, end: at + match[0].length };
    timexes.push({
      kind: 'timex',
      id: `timex:${document.id}:${span.start}-${span.end}`,
      docId: document.id,
      evidence: [span],
      extractor: { name: 'figures-year-fallback', version: '1' },
      text: match[0],
      type: 'DATE',
      value,
      mod: null,
      anchor: null,
      interval: null,
    });
  }
  return timexes;
}

/** Before an actor: a preposition that makes it the other side of a relation ("with X", "to eastern X"). */
export const RELATIONAL_BEFORE =
  /(?:\b(?:with|to|from|between|against|alongside|towards?|into)|\bbetween\s+[^,;()]{1,40}\s+and)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$/i;
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);
// Common irregular past tenses that take an object: "told Biden", "gave him".
const IRREGULAR_OBJECT_VERB =
  /\b(?:told|gave|sent|met|sold|lent|left|saw|took|made|paid|brought|struck|hit|beat|led|fought|won|lost|urged|asked|handed|showed|shown|invited|welcomed|hosted|received)\s+(?:the\s+)?$/;
const OBJECT_BEFORE = /\b(?:by|of)\s+(?:the\s+)?$|\b[a-z]{2,}(?:ed|s)\s+(?:the\s+)?$/;
const NOT_VERBS = new Set([
  'its',
  'his',
  'hers',
  'theirs',
  'this',
  'was',
  'has',
  'is',
  'does',
  'as',
  'towards',
  'thus',
  'perhaps',
]);

/** Whether a mention stands where a clause's subject stands: not after a preposition or a verb ("owed Borduria"). */
export function isSubjectPosition(mention: Mention, text: string): boolean {
  if (OBJECT_PRONOUNS.has(mention.text.toLowerCase())) return false;
  const before = text.slice(Math.max(0, start(mention) - 40), start(mention));
  if (RELATIONAL_BEFORE.test(before)) return false;
  if (IRREGULAR_OBJECT_VERB.test(before)) return false;
  const verb = OBJECT_BEFORE.exec(before);
  if (!verb) return true;
  const word = /[a-z]+/.exec(verb[0])?.[0] ?? '';
  return NOT_VERBS.has(word) || /(?:ss|us|is|as)$/.test(word);
}
