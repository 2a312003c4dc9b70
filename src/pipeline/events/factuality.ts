/**
 * Factuality cues around an event trigger: is the action stated as happened (asserted), attributed to someone
 * (claimed), hedged (possible) or denied (negated)? Pure text rules, exported for the claims stage to reuse.
 *
 * Precedence: an attribution wins (the author reports what someone else says, whatever that source hedges),
 * then negation, then hedging.
 */
import type { Factuality } from '../../domain/model.js';
import { verbForms } from './lexicon.js';
import { isClauseBoundary, type Token, tokenize } from './tokens.js';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface FactualityCue {
  readonly factuality: Factuality;
  /** The words that carry the cue (`may`, `did not`, `claimed`, `according to`), or null when asserted. */
  readonly cue: string | null;
  readonly cueSpan: TextSpan | null;
  /** For `claimed`: the words naming who says so, e.g. "the United States" or "Satellite images". */
  readonly holderSpan: TextSpan | null;
  /** For `claimed`: the holder is a generic source ("sources", "media", "images") rather than a named actor. */
  readonly holderIsGeneric: boolean;
}

const NEGATORS = new Set(['not', 'never', 'no', 'neither', 'nor', 'nothing', 'without', 'none', 'cannot']);

const HEDGES = new Set([
  'may',
  'might',
  'could',
  'would',
  'should',
  'can',
  'will',
  'shall',
  "'d",
  'likely',
  'unlikely',
  'probably',
  'possibly',
  'perhaps',
  'possible',
  'possibility',
  'potential',
  'potentially',
  'plausible',
  'implausible',
  'if',
  'whether',
  'willing',
  'expected',
  'expects',
  'expect',
  'plans',
  'planned',
  'intends',
  'intended',
  'hopes',
  'prefer',
  'reportedly',
  'allegedly',
  'prospect',
]);

const INTENT_NOUNS = new Set([
  'plan',
  'plans',
  'bid',
  'effort',
  'efforts',
  'attempt',
  'attempts',
  'aim',
  'goal',
  'proposal',
  'way',
  'ways',
  'channel',
]);

const TRAILING_HEDGES = new Set([
  'likely',
  'unlikely',
  'possible',
  'plausible',
  'implausible',
  'expected',
  'planned',
]);

const REPORTING_LEMMAS = [
  'claim',
  'say',
  'state',
  'report',
  'allege',
  'announce',
  'indicate',
  'suggest',
  'tell',
  'insist',
  'assert',
  'note',
  'reveal',
  'confirm',
  'believe',
  'argue',
  'estimate',
  'assess',
  'contend',
  'maintain',
  'warn',
];
const IRREGULAR_REPORTING: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
};
// Present forms that are also common nouns ("the state", "media reports") count only before "that".
const NOUN_LIKE_FORMS = new Set([
  'state',
  'states',
  'report',
  'reports',
  'claim',
  'claims',
  'note',
  'notes',
  'estimate',
  'estimates',
  'show',
  'shows',
]);
const REPORTING_VERBS = new Set(
  REPORTING_LEMMAS.flatMap((lemma) => [...verbForms(lemma), ...(IRREGULAR_REPORTING[lemma] ?? [])]),
);

/** Head nouns of holders that are neither a named actor nor a state: "Russian sources", "satellite images". */
const GENERIC_HOLDERS = new Set([
  'sources',
  'source',
  'media',
  'outlets',
  'reports',
  'report',
  'images',
  'imagery',
  'analysts',
  'experts',
  'observers',
  'commentators',
  'bloggers',
  'diplomats',
  'witnesses',
  'people',
  'some',
  'others',
  'data',
  'evidence',
  'photos',
  'photographs',
  'documents',
]);

const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'did',
  'does',
  'do',
  'also',
  'now',
]);

/** Index range [first, last] of the clause containing the trigger tokens. */
export function clauseBounds(tokens: readonly Token[], first: number, last: number): [number, number] {
  let from = first;
  while (from > 0 && !isClauseBoundary(tokens[from - 1] as Token)) from--;
  let to = last;
  while (to < tokens.length - 1 && !isClauseBoundary(tokens[to + 1] as Token)) to++;
  return [from, to];
}

/**
 * Factuality of the event whose trigger spans tokens[first..last] of one sentence.
 * Offsets in the result are those of the tokens (document offsets when the tokens carry them).
 */
export function detectFactuality(tokens: readonly Token[], first: number, last: number): FactualityCue {
  const attribution = findAttribution(tokens, first, last);
  if (attribution) return attribution;
  const [clauseStart, clauseEnd] = clauseBounds(tokens, first, last);
  const windowStart = Math.max(clauseStart, first - 7);

  for (let i = first - 1; i >= windowStart; i--) {
    const token = tokens[i] as Token;
    if (NEGATORS.has(token.lower) || token.lower.endsWith("n't")) return cue('negated', token);
  }
  // "Neither Putin nor Xi will ...", "No Soviet leader ever ...": a negated subject negates the clause.
  const opener = tokens
    .slice(clauseStart, first)
    .find((t) => t.isWord && !/^(in|particular|yet|and|so)$/.test(t.lower));
  if (
    opener &&
    (opener.lower === 'neither' ||
      opener.lower === 'no' ||
      opener.lower === 'nobody' ||
      opener.lower === 'none')
  ) {
    return cue('negated', opener);
  }
  for (let i = first - 1; i >= Math.max(clauseStart, first - 9); i--) {
    const token = tokens[i] as Token;
    // "On 4 May" is a date, not a modal.
    if (HEDGES.has(token.lower) && !(token.lower === 'may' && token.text === 'May'))
      return cue('possible', token);
  }
  // "a plan to ease tensions", "an attempt to seize the shoal": what a noun of intent is for has not happened.
  if (tokens[first - 1]?.lower === 'to' && INTENT_NOUNS.has(tokens[first - 2]?.lower ?? ''))
    return cue('possible', tokens[first - 2] as Token);
  // "Cooperation ... is more likely": a hedge predicated of the event noun after it.
  for (let i = last + 1; i <= Math.min(clauseEnd, last + 6); i++) {
    const token = tokens[i] as Token;
    if (
      TRAILING_HEDGES.has(token.lower) &&
      tokens.slice(last + 1, i).some((t) => t.lower === 'is' || t.lower === 'are')
    )
      return cue('possible', token);
  }
  return { factuality: 'asserted', cue: null, cueSpan: null, holderSpan: null, holderIsGeneric: false };
}

function cue(factuality: Factuality, token: Token): FactualityCue {
  return {
    factuality,
    cue: token.text,
    cueSpan: { start: token.start, end: token.end },
    holderSpan: null,
    holderIsGeneric: false,
  };
}

/** "according to X" anywhere in the sentence, or "X claimed (that) ..." before the trigger. */
export function findAttribution(
  tokens: readonly Token[],
  first: number,
  _last: number,
): FactualityCue | null {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]?.lower !== 'according' || tokens[i + 1]?.lower !== 'to') continue;
    // "A signed deals, and B pledged aid, according to X": a source at the end covers only its own clause.
    if (i > first && coordinatedClauseBetween(tokens, first, i)) continue;
    let end = i + 2;
    while (end < tokens.length && (tokens[end] as Token).isWord) end++;
    const holder = tokens.slice(i + 2, end);
    return attributed(tokens[i] as Token, tokens[i + 1] as Token, holder);
  }
  for (let i = first - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.text === ';') break;
    if (!REPORTING_VERBS.has(token.lower)) continue;
    if (i > 0 && /^\p{Lu}/u.test(token.text)) continue; // "the United States", a name, not a verb
    if (NOUN_LIKE_FORMS.has(token.lower) && tokens[i + 1]?.lower !== 'that') continue;
    // "No deal has been announced": a passive report names no one who says so.
    if (['been', 'was', 'were', 'is', 'are', 'be'].includes(tokens[i - 1]?.lower ?? '')) continue;
    // "X said that" / "X said on 16 September that" / "X suggest Y did": the reporting verb governs the trigger.
    let start = i;
    while (start > 0 && !isClauseBoundary(tokens[start - 1] as Token)) start--;
    let holderEnd = i;
    while (holderEnd > start && AUXILIARIES.has((tokens[holderEnd - 1] as Token).lower)) holderEnd--;
    const holder = tokens.slice(start, holderEnd).filter((t) => t.isWord || t.lower === "'s");
    if (holder.length === 0) continue;
    return attributed(token, token, holder);
  }
  return null;
}

function coordinatedClauseBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to - 1; k++) {
    const token = tokens[k] as Token;
    if (token.text === ';') return true;
    if (token.text === ',' && ['and', 'but', 'while', 'whereas'].includes(tokens[k + 1]?.lower ?? ''))
      return true;
  }
  return false;
}

function attributed(cueFirst: Token, cueLast: Token, holder: readonly Token[]): FactualityCue {
  const words = holder.filter((t) => t.isWord);
  const head = words.at(-1);
  const holderSpan = holder.length > 0 ? { start: holder[0]!.start, end: holder.at(-1)!.end } : null;
  return {
    factuality: 'claimed',
    cue: cueFirst === cueLast ? cueFirst.text : `${cueFirst.text} ${cueLast.text}`,
    cueSpan: { start: cueFirst.start, end: cueLast.end },
    holderSpan,
    holderIsGeneric: head === undefined || GENERIC_HOLDERS.has(head.lower) || startsGeneric(words),
  };
}

function startsGeneric(words: readonly Token[]): boolean {
  const firstWord = words[0]?.lower;
  return firstWord === 'some' || firstWord === 'many' || firstWord === 'several';
}

/** Convenience for callers holding a sentence string: trigger offsets are relative to `sentence`. */
export function detectFactualityInText(
  sentence: string,
  triggerStart: number,
  triggerEnd: number,
): FactualityCue {
  const tokens = tokenize(sentence);
  const first = tokens.findIndex((t) => t.end > triggerStart);
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < triggerEnd) last++;
  if (first < 0)
    return { factuality: 'asserted', cue: null, cueSpan: null, holderSpan: null, holderIsGeneric: false };
  return detectFactuality(tokens, first, last);
}
