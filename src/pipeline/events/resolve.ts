/**
 * Type resolution between the triggers of one clause. A verb whose meaning lies in its complement
 * ("agreed to withdraw", "pledged support") takes the complement's type when the complement is a yielding act
 * (PLOVER CONCEDE, RETREAT) or support; a request, threat or refusal keeps its own type and the act it asks
 * for, threatens or refuses is not an event of its own ("threatened to impose sanctions" is no SANCTION).
 */
import type { PloverType, TriggerEntry } from './lexicon.js';
import { PREPOSITIONS, type Token } from './tokens.js';

/** The part of a trigger match that resolution reads and rewrites (token indices inclusive, text offsets). */
export interface ResolvableMatch {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly entry: TriggerEntry;
  readonly passive: boolean;
}

// Verbs of commitment: their object or complement names what is promised.
const COMMITMENT_PATTERNS = new Set(['agree', 'promise', 'pledge', 'vow', 'offer', 'commit to']);
// Verbs that frame an act they do not perform: a request for it, a threat of it, a refusal of it.
const FRAMING_TYPES = new Set<PloverType>(['REQUEST', 'THREATEN', 'REJECT']);
const HOSTILE_TYPES = new Set<PloverType>([
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'COERCE',
  'ASSAULT',
]);
// A committed act of these types is the act itself in PLOVER: "agreed to release" is a release.
const COMMITTED_ACT_TYPES = new Set<PloverType>(['CONCEDE', 'RETREAT', 'SUPPORT']);
// Ending or undoing something, after a verb of commitment, is a concession: "agreed to end the curfew".
const YIELDING_VERBS = new Set(
  'end ends ending ended remove removes removing removed stop stops stopping stopped halt halts halting halted suspend suspends suspending suspended scrap scrapping scrapped abolish abolishing abolished drop dropping dropped cease ceasing ceased reverse reversing reversed repeal repealing repealed cancel cancelling cancelled canceled rescind rescinding rescinded '.split(
    ' ',
  ),
);
const SKIPPABLE_BEFORE_COMPLEMENT = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'further',
  'more',
  'new',
]);

/** Rewrites one sentence's trigger matches (in text order) by the complement rules above. */
export function resolveComplements<M extends ResolvableMatch>(
  tokens: readonly Token[],
  sentenceMatches: readonly M[],
): M[] {
  const dropped = new Set<M>();
  const replaced = new Map<M, M>();
  const matches = haltedHostilities(
    tokens,
    sentenceMatches.map((m) => militaryStrike(tokens, m)),
  );
  for (const [index, governor] of matches.entries()) {
    if (governor.entry.type === null || dropped.has(governor)) continue;
    const later = matches.slice(index + 1);
    const launched = launchedEvent(tokens, governor, later);
    if (launched?.entry.type) {
      replaced.set(governor, merged(governor, launched, launched.entry.type, launched.entry.mode));
      dropped.add(launched);
      continue;
    }
    // "a promise to end the curfew": a commitment noun governs its infinitive as the verb would.
    const nounWithInfinitive = governor.entry.pos === 'noun' && tokens[governor.last + 1]?.lower === 'to';
    if (governor.entry.pos !== 'verb' && !nounWithInfinitive) continue;
    if (FRAMING_TYPES.has(governor.entry.type)) {
      const framed = framedInfinitives(tokens, governor, later);
      for (const act of framed) dropped.add(act);
      // "declined to oppose the plan", "refused to condemn the strikes": refusing a hostile act rejects nobody.
      if (
        governor.entry.type === 'REJECT' &&
        framed.some((act) => HOSTILE_TYPES.has(act.entry.type ?? 'AGREE'))
      )
        dropped.add(governor);
      continue;
    }
    if (!COMMITMENT_PATTERNS.has(governor.entry.pattern)) continue;
    const complement = committedComplement(tokens, governor, later);
    if (nounWithInfinitive && complement?.entry.pos === 'noun') continue;
    if (complement?.entry.type && COMMITTED_ACT_TYPES.has(complement.entry.type)) {
      replaced.set(governor, merged(governor, complement, complement.entry.type, complement.entry.mode));
      dropped.add(complement);
      continue;
    }
    if (complement?.entry.type === 'SANCTION' && complement.entry.mode === 'cancel') {
      replaced.set(governor, merged(governor, complement, 'CONCEDE', null));
      dropped.add(complement);
      continue;
    }
    const yielding = yieldingVerbAfter(tokens, governor);
    if (yielding !== null && !complement) {
      const token = tokens[yielding] as Token;
      replaced.set(governor, {
        ...governor,
        last: yielding,
        end: token.end,
        entry: { ...governor.entry, type: 'CONCEDE', mode: null },
      });
    }
  }
  return matches.filter((m) => !dropped.has(m)).map((m) => replaced.get(m) ?? m);
}

// Ending a curfew, a ban or an embargo yields as much as ending a protest does.
const HALTABLE_TYPES = new Set<PloverType>(['PROTEST', 'ASSAULT', 'COERCE', 'SANCTION']);
// "suspension of attacks", "an end of hostilities": the noun that halts what follows its "of".
const HALTING_NOUN = /^(suspension|end|halt|cessation)$/;
const HALTING_VERBS = new Set(
  'end ends ending ended stop stops stopping stopped halt halts halting halted suspend suspends suspending suspended'.split(
    ' ',
  ),
);

/**
 * "suspended its protests", "will end the strike", "called off the attacks", "suspension of attacks", "ended the
 * curfew": stopping dissent, violence or a restriction is a concession (PLOVER CONCEDE), not the act stopped.
 */
function haltedHostilities<M extends ResolvableMatch>(tokens: readonly Token[], matches: readonly M[]): M[] {
  const dropped = new Set<M>();
  const replaced = new Map<M, M>();
  for (const hostility of matches) {
    if (hostility.entry.pos !== 'noun') continue;
    if (!HALTABLE_TYPES.has(hostility.entry.type ?? 'AGREE')) continue;
    let k = hostility.first - 1;
    while (k >= 0 && hostility.first - k <= 4 && isSkippable(tokens[k] as Token)) k--;
    if (tokens[k]?.lower === 'of' && HALTING_NOUN.test(tokens[k - 1]?.lower ?? '')) k--;
    else if (tokens[k]?.lower === 'off' && /^call/.test(tokens[k - 1]?.lower ?? '')) k--;
    else if (!HALTING_VERBS.has(tokens[k]?.lower ?? '')) continue;
    const halting = matches.find((m) => m.first <= k && m.last >= k);
    if (halting) dropped.add(halting);
    const verbal = !HALTING_NOUN.test(tokens[k]?.lower ?? '');
    const start = halting ?? { first: k, start: (tokens[k] as Token).start };
    replaced.set(hostility, {
      ...hostility,
      first: start.first,
      start: start.start,
      entry: { ...hostility.entry, type: 'CONCEDE', mode: null, pos: verbal ? 'verb' : 'noun' },
    });
  }
  return matches.filter((m) => !dropped.has(m)).map((m) => replaced.get(m) ?? m);
}

const MILITARY_MODIFIERS = new Set(
  'air missile missiles drone drones rocket rockets artillery military nuclear retaliatory pre-emptive preemptive precision naval aerial surgical cruise'.split(
    ' ',
  ),
);
const MILITARY_FOLLOWERS = new Set([
  'on',
  'against',
  'hit',
  'hits',
  'killed',
  'kill',
  'kills',
  'targeted',
  'targeting',
]);

const TIME_WORDS =
  /^(\d.*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** "missile strikes", "strikes on the port": a strike noun in a military context is an attack, not a walkout. */
function militaryStrike<M extends ResolvableMatch>(tokens: readonly Token[], match: M): M {
  if (match.entry.type !== 'PROTEST' || match.entry.mode !== 'strike') return match;
  const previous = tokens[match.first - 1]?.lower ?? '';
  const next = tokens[match.last + 1]?.lower ?? '';
  // "a strike on Monday" is dated, not aimed.
  const dated = next === 'on' && TIME_WORDS.test(tokens[match.last + 2]?.lower ?? '');
  if (!MILITARY_MODIFIERS.has(previous) && (!MILITARY_FOLLOWERS.has(next) || dated)) return match;
  return { ...match, entry: { ...match.entry, type: 'ASSAULT', mode: null } };
}

/**
 * "launched an offensive", "launched an investigation": the launched event is the act. "gave concessions",
 * "provided amnesty": what is handed over is a concession, not aid.
 */
function launchedEvent<M extends ResolvableMatch>(
  tokens: readonly Token[],
  governor: M,
  later: readonly M[],
): M | undefined {
  if (governor.entry.pos !== 'verb') return undefined;
  const launching = governor.entry.mode === 'launch';
  const giving = governor.entry.type === 'AID' && governor.entry.mode === 'transfer';
  if (!launching && !giving) return undefined;
  let k = governor.last + 1;
  const startsAt = (index: number) => later.find((m) => m.first === index && m.entry.pos === 'noun');
  // "launched artillery and drone strikes": up to four words, coordinated modifiers included.
  while (k < tokens.length && k - governor.last <= 4 && !startsAt(k) && isLaunchModifier(tokens[k] as Token))
    k++;
  const launched = startsAt(k);
  const type = launched?.entry.type;
  if (!type) return undefined;
  if (launching) return type !== 'MOBILIZE' ? launched : undefined;
  return type === 'CONCEDE' || type === 'RETREAT' ? launched : undefined;
}

// Words that end a launched noun phrase: "launched a satellite and then the talks", "launched a probe that ...".
const CLAUSE_WORDS = new Set(['then', 'that', 'which', 'who', 'but', 'while', 'when']);

function isLaunchModifier(token: Token): boolean {
  return (
    token.isWord &&
    /^[a-z-]+$/.test(token.text) &&
    !PREPOSITIONS.has(token.lower) &&
    !CLAUSE_WORDS.has(token.lower)
  );
}

function merged<M extends ResolvableMatch>(
  governor: M,
  complement: M,
  type: PloverType,
  mode: string | null,
): M {
  return {
    ...governor,
    last: complement.last,
    end: complement.end,
    entry: { ...governor.entry, type, mode },
  };
}

/** "agreed to release", "agreed to a ceasefire", "pledged support", "promised further concessions". */
function committedComplement<M extends ResolvableMatch>(
  tokens: readonly Token[],
  governor: M,
  later: readonly M[],
): M | undefined {
  let k = governor.last + 1;
  const infinitive = tokens[k]?.lower === 'to';
  if (infinitive) k++;
  while (k < tokens.length && isSkippable(tokens[k] as Token)) k++;
  const candidate = later.find((m) => m.first === k);
  if (!candidate) return undefined;
  // "agreed to withdraw" (verb after to), "agreed to a ceasefire", "pledged support" (noun object).
  if (candidate.entry.pos === 'verb' && !infinitive) return undefined;
  return candidate;
}

function isSkippable(token: Token): boolean {
  return SKIPPABLE_BEFORE_COMPLEMENT.has(token.lower) || /^[a-z]+ly$/.test(token.lower);
}

function yieldingVerbAfter(tokens: readonly Token[], governor: ResolvableMatch): number | null {
  let k = governor.last + 1;
  if (tokens[k]?.lower !== 'to') return null;
  k++;
  if (/^[a-z]+ly$/.test(tokens[k]?.lower ?? '')) k++;
  return YIELDING_VERBS.has(tokens[k]?.lower ?? '') ? k : null;
}

/**
 * Verb triggers in an infinitive that a request, threat or refusal governs: "urged Moscow to withdraw",
 * "threatened to impose sanctions", "refused to release". The clause ends at punctuation or a conjunction.
 */
function framedInfinitives<M extends ResolvableMatch>(
  tokens: readonly Token[],
  governor: M,
  later: readonly M[],
): M[] {
  const framed: M[] = [];
  let open = true;
  for (const match of later) {
    if (match.first - governor.last > 10) break;
    const between = tokens.slice(governor.last + 1, match.first);
    if (between.some((t) => !t.isWord && t.text !== "'s" && t.text !== '-')) open = false;
    if (between.some((t) => t.lower === 'and' || t.lower === 'but' || t.lower === 'while')) open = false;
    if (!open) break;
    if (match.entry.pos !== 'verb') continue;
    const before = tokens[match.first - 1]?.lower;
    const beforeThat = tokens[match.first - 2]?.lower;
    if (before === 'to' || (beforeThat === 'to' && /^[a-z]+ly$/.test(before ?? ''))) framed.push(match);
    else break;
  }
  return framed;
}
