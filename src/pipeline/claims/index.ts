import type { Claim, DyadDocument, Finding, Likelihood, Mention, Span } from '../../domain/model.js';
import { TITLE_WORD } from '../actors/lexicon.js';
import {
  clauseAt,
  end,
  isSubjectPosition,
  mentionState,
  type SentenceContext,
  sentenceContexts,
  start,
} from '../figures/text-context.js';
import { findingId, type Stage } from '../pipeline.js';
import type { TextRange } from '../sentences.js';
import { CUE_TABLE, type CueEntry } from './cue-table.js';

export const CLAIMS_EXTRACTOR = { name: 'claims', version: '1' } as const;

/** Every attributed statement and every estimative judgement, with its holder, cue, likelihood and proposition. */
export const claimStage: Stage = {
  extractor: CLAIMS_EXTRACTOR,
  run(document: DyadDocument, findingsSoFar: readonly Finding[]): Claim[] {
    const contexts = sentenceContexts(document, findingsSoFar);
    const timexes = findingsSoFar.filter((f) => f.kind === 'timex');
    const containable = findingsSoFar.filter((f) => f.kind === 'event' || f.kind === 'observation');
    const names = personNames(findingsSoFar);
    const claims: Claim[] = [];
    const ids = new Set<string>();
    for (const context of contexts) {
      // A heading ("Manifestly military") asserts nothing.
      if (context.text.split(/\s+/).length < 4) continue;
      const cues = findCues(context).filter(
        (cue) => !timexes.some((t) => cue.start < end(t) && cue.end > start(t)),
      );
      for (const draft of claimsOfSentence(document.text, context, cues, names)) {
        const about = containable
          .filter(
            (f) =>
              draft.proposition && start(f) >= draft.proposition.start && end(f) <= draft.proposition.end,
          )
          .map((f) => f.id);
        claims.push(toClaim(document, draft, about, ids));
      }
    }
    return claims;
  },
};

interface CueMatch {
  readonly entry: CueEntry;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const COMPILED = CUE_TABLE.map((entry) => ({
  entry,
  pattern: new RegExp(`(?<![\\w'’-])(?:${entry.pattern})(?![\\w-])`, 'gi'),
}));

/** Cue matches in a sentence, longest-first by table order, without overlaps, in reading order. */
function findCues(context: SentenceContext): CueMatch[] {
  const taken: CueMatch[] = [];
  const body = context.text;
  for (const { entry, pattern } of COMPILED) {
    for (const match of body.matchAll(pattern)) {
      const at = context.start + (match.index ?? 0);
      const cue: CueMatch = { entry, start: at, end: at + match[0].length, text: match[0] };
      if (taken.some((t) => cue.start < t.end && cue.end > t.start)) continue;
      if (/^May$/.test(match[0]) && at !== context.start) continue;
      taken.push(cue);
    }
  }
  // "before it could give up": a modal in a subordinate clause of time or condition hedges nothing.
  return taken
    .filter(
      (cue) =>
        !(
          MODALS.has(cue.entry.cue) &&
          SUBORDINATE_BEFORE.test(context.text.slice(0, cue.start - context.start))
        ),
    )
    .sort((a, b) => a.start - b.start);
}

const MODALS = new Set(['may', 'could', 'will', 'may not']);
const SUBORDINATE_BEFORE = /\b(?:before|until|unless|if|once|whether|so that|in case)\s+(?:\S+\s+){0,2}$/i;

interface ClaimDraft {
  readonly clause: TextRange;
  readonly cueText: string;
  readonly cueStart: number;
  readonly holder: string;
  readonly holderText: string | null;
  readonly likelihood: Likelihood;
  readonly proposition: TextRange | null;
}

function claimsOfSentence(
  text: string,
  context: SentenceContext,
  cues: readonly CueMatch[],
  names: ReadonlyMap<string, string>,
): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  const consumed = new Set<CueMatch>();
  // Attributions first: each governs the estimative cues in its own clause.
  for (const cue of cues) {
    const kind = cue.entry.kind;
    if (kind !== 'attribution' && kind !== 'attribution_after' && kind !== 'attitude') continue;
    const clause = clauseAt(context, cue.start);
    // "The offensive failed, a senior official said.": the report comes last, its holder after the last comma.
    const inverted = kind === 'attribution' ? invertedSplit(text, cue, clause) : null;
    const found =
      kind === 'attribution_after'
        ? holderAfter(text, context, cue, clause, names)
        : holderBefore(text, context, cue, clause, names, inverted);
    // "X acknowledged that A, but insisted that B": a second verb with no subject of its own shares X.
    const shared =
      found.holder === 'author' &&
      kind === 'attribution' &&
      /^\s*(?:and|but|yet)\s+(?:also\s+)?$/i.test(text.slice(clause.start, cue.start))
        ? drafts.findLast((d) => d.holder !== 'author' && d.holder !== 'unnamed')
        : undefined;
    const holder: HolderFound = shared
      ? { holder: shared.holder, text: shared.holderText, end: found.end }
      : found;
    if (kind === 'attribution' && cue.entry.cue === 'suggests' && holder.holder === 'author') {
      // "the record suggests that ...": evidence, not a speaker; the writer's own inference.
      drafts.push({
        clause,
        cueText: cue.text,
        cueStart: cue.start,
        holder: 'author',
        holderText: null,
        likelihood: 'likely',
        proposition: propositionAfter(text, cue, clause),
      });
      consumeWithin(cues, clause, cue, consumed, false);
      consumed.add(cue);
      continue;
    }
    // "No deal has been announced": a passive report names no holder and governs nothing after it.
    const passive =
      kind === 'attribution' &&
      /\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$/i.test(text.slice(cue.start - 20, cue.start));
    const complement: TextRange =
      kind === 'attribution_after'
        ? clause
        : inverted !== null
          ? { start: clause.start, end: inverted }
          : { start: cue.end, end: nextComma(text, cue.end, clause.end) };
    const governed = passive
      ? undefined
      : cues.find(
          (c) =>
            c !== cue &&
            c.entry.kind === 'estimative' &&
            c.entry.cue !== 'will' &&
            c.start >= complement.start &&
            c.end <= complement.end,
        );
    const likelihood =
      kind === 'attitude' ? cue.entry.likelihood : (governed?.entry.likelihood ?? 'unstated');
    drafts.push({
      clause,
      cueText: governed && kind !== 'attitude' ? joinCues(cue, governed) : cue.text,
      cueStart: cue.start,
      holder: passive || (holder.holder === 'author' && kind !== 'attitude') ? 'unnamed' : holder.holder,
      holderText: passive ? null : holder.text,
      likelihood,
      proposition:
        kind === 'attribution_after'
          ? propositionAround(text, cue, clause, holder.end)
          : inverted !== null
            ? { start: clause.start, end: trimEnd(text, clause.start, inverted) }
            : propositionAfter(text, cue, clause),
    });
    consumed.add(cue);
    if (governed) consumed.add(governed);
    if (kind === 'attribution_after' || inverted !== null) consumeWithin(cues, clause, cue, consumed, true);
  }
  // The writer's own judgements: one claim per estimative cue.
  for (const cue of cues) {
    if (consumed.has(cue) || cue.entry.kind !== 'estimative') continue;
    const clause = clauseAt(context, cue.start);
    // "will" marks a judgement only when nothing weightier in its clause does.
    if (
      cue.entry.cue === 'will' &&
      cues.some(
        (c) =>
          c !== cue && c.entry.kind !== 'attribution_after' && c.start >= clause.start && c.end <= clause.end,
      )
    )
      continue;
    const reporter = reporterOf(text, clause, drafts);
    drafts.push({
      clause,
      cueText: cue.text,
      cueStart: cue.start,
      holder: reporter?.holder ?? 'author',
      holderText: reporter?.holderText ?? null,
      likelihood: cue.entry.likelihood,
      // "it is unlikely that P": P follows; "Putin may help Kim": the clause is the proposition.
      proposition: propositionAfter(text, cue, clause, !/^\s*that\b/i.test(text.slice(cue.end, clause.end))),
    });
  }
  // "X claimed that A, and that B": the second complement is X's claim too.
  for (const clause of context.clauses) {
    const reporter = reporterOf(text, clause, drafts);
    if (!reporter || drafts.some((d) => d.clause.start === clause.start)) continue;
    const from =
      clause.start + (/^\w+\s+that\s+/i.exec(text.slice(clause.start, clause.end))?.[0].length ?? 0);
    drafts.push({
      ...reporter,
      clause,
      cueStart: clause.start,
      proposition: { start: from, end: trimEnd(text, from, clause.end) },
    });
  }
  return drafts.sort((a, b) => a.cueStart - b.cueStart);
}

/** For a coordinated complement ("..., and that B"), the attribution earlier in the sentence it continues. */
function reporterOf(text: string, clause: TextRange, drafts: readonly ClaimDraft[]): ClaimDraft | undefined {
  if (!/^(?:and|or|but)\s+that\b/i.test(text.slice(clause.start, clause.end))) return undefined;
  return drafts.find(
    (d) => d.clause.end <= clause.start && d.holder !== 'author' && d.likelihood === 'unstated',
  );
}

function nextComma(text: string, from: number, limit: number): number {
  const at = text.indexOf(',', from);
  return at < 0 || at > limit ? limit : at;
}

function consumeWithin(
  cues: readonly CueMatch[],
  clause: TextRange,
  by: CueMatch,
  consumed: Set<CueMatch>,
  wholeClause: boolean,
): void {
  for (const c of cues) {
    if (
      c.entry.kind === 'estimative' &&
      c.start >= clause.start &&
      c.end <= clause.end &&
      (wholeClause || c.start > by.start)
    )
      consumed.add(c);
  }
}

function joinCues(first: CueMatch, second: CueMatch): string {
  return first.start < second.start ? `${first.text} ... ${second.text}` : `${second.text} ... ${first.text}`;
}

interface HolderFound {
  readonly holder: string;
  readonly text: string | null;
  /** End of the holder phrase, for propositions that follow it. */
  readonly end: number;
}

const UNNAMED_NOUNS =
  /\b(?:sources?|media|outlets?|press|analysts?|observers?|experts?|bloggers?|commentators?|critics?|scholars?|researchers?|reports?|images?|imagery|photos?|photographs?|companies|firms?|some|others|many|people|residents?|witnesses?|insiders?|diplomats? familiar|studies|polls?)\b/i;
const OFFICIAL_NOUNS =
  /\b(?:officials?|government|statements?|administration|ministry|ministers?|ambassadors?|embassy|envoys?|spokes(?:man|woman|person)|president|premier|prime minister|authorities|leadership|military|army|navy|delegation|state media|diplomats?|translation|kremlin|agency|agencies|intelligence|customs|white house|foreign office)\b/i;

const TITLE_OF = /\b[A-Z][a-z]+ of (?:the )?[A-Z]/g;

/** The holder named before an attribution cue: the clause's subject. */
function holderBefore(
  text: string,
  context: SentenceContext,
  cue: CueMatch,
  clause: TextRange,
  names: ReadonlyMap<string, string>,
  invertedAt: number | null,
): HolderFound {
  const from = invertedAt !== null ? invertedAt + 1 : (possessiveHolderStart(text, cue) ?? clause.start);
  const phrase = text.slice(from, cue.start);
  const mentions = context.mentions.filter((m) => start(m) >= from && end(m) <= cue.start);
  const found = classifyHolder(text, phrase, mentions, names, cue.start);
  // "the government announced": an official body without a state is the state the clause is about.
  if (found.holder === 'author' && OFFICIAL_NOUNS.test(phrase)) {
    const state = context.mentions.find(
      (m) => start(m) >= clause.start && start(m) < cue.start && m.mentionType === 'state',
    );
    if (state) return { ...found, holder: mentionState(state) ?? 'unnamed', text: phrase.trim() };
  }
  // "Beijing did not acknowledge its losses until 2021, when it said …": "it" is the state or body named last.
  if (found.holder === 'author' && /\bit\s+(?:(?:later|also|then|\w+ly)\s+)?$/i.test(phrase)) {
    const antecedent = context.mentions.findLast(
      (m) =>
        end(m) <= from && (m.mentionType === 'state' || m.mentionType === 'organisation') && mentionState(m),
    );
    if (antecedent) return { ...found, holder: mentionState(antecedent) ?? 'unnamed', text: antecedent.text };
  }
  return found;
}

/** For a report placed after what it reports ("P, X said"), the offset of the comma before X; else null. */
function invertedSplit(text: string, cue: CueMatch, clause: TextRange): number | null {
  // Only a finite reporting verb closes a sentence this way; "calling X 'Y'" does not.
  if (/ing$/i.test(cue.text) || cue.entry.cue === 'spoke of') return null;
  const tail = text.slice(cue.end, clause.end).trim();
  if (/\bthat\b/i.test(tail) || tail.split(/\s+/).length > 6) return null;
  const comma = text.lastIndexOf(',', cue.start);
  if (comma <= clause.start || cue.start - comma > 80) return null;
  return comma;
}

// "Kim Il-sung's claims of ...": the possessor is the holder.
function possessiveHolderStart(text: string, cue: CueMatch): number | null {
  if (cue.entry.cue !== 'claims') return null;
  const before = text.slice(Math.max(0, cue.start - 60), cue.start);
  const match = /([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+$/.exec(before);
  return match ? cue.start - before.length + (match.index ?? 0) : null;
}

function holderAfter(
  text: string,
  context: SentenceContext,
  cue: CueMatch,
  clause: TextRange,
  names: ReadonlyMap<string, string>,
): HolderFound {
  const rest = text.slice(cue.end, clause.end);
  const stop =
    cue.entry.cue === 'as X put it'
      ? rest.search(/\s(?:put|puts) it\b/)
      : rest.search(/[,;:.)]|\s(?:that|and)\s/);
  const phraseEnd = cue.end + (stop < 0 ? rest.length : stop);
  const phrase = text.slice(cue.end, phraseEnd);
  const mentions = context.mentions.filter((m) => start(m) >= cue.end && end(m) <= phraseEnd);
  const found = classifyHolder(text, phrase, mentions, names, phraseEnd, false);
  const holderEnd =
    cue.entry.cue === 'as X put it'
      ? phraseEnd + (/^\s*(?:put|puts) it/.exec(text.slice(phraseEnd))?.[0].length ?? 0)
      : phraseEnd;
  return { ...found, holder: found.holder === 'author' ? 'unnamed' : found.holder, end: holderEnd };
}

function classifyHolder(
  text: string,
  phrase: string,
  mentions: readonly Mention[],
  names: ReadonlyMap<string, string>,
  phraseEnd: number,
  subjectPhrase = true,
): HolderFound {
  const phraseStart = phraseEnd - phrase.length;
  // Actors inside a prepositional phrase ("the history of relations between X and Y") are not the speaker;
  // after "sourced to" they are ("statements from US officials").
  const heads = mentions.filter((m) => {
    if (!subjectPhrase) return true;
    // "Shoigu handed Kim a letter and told him": an object does not speak.
    if (m.mentionType !== 'pronoun' && !isSubjectPosition(m, text)) return false;
    const segment = phrase.slice(0, start(m) - phraseStart);
    // A capitalised title's "of" ("Secretary of State Antony Blinken") is not a preposition before the name.
    const sinceComma = segment.slice(segment.lastIndexOf(',') + 1).replace(TITLE_OF, ' ');
    return !/\b(?:of|between|by|with|in|from|for|on|about|to|during|after|before|at|under|over|against|among|towards?)\b/i.test(
      sinceComma,
    );
  });
  const people = heads.filter(
    (m) => m.mentionType === 'person' || (m.mentionType === 'pronoun' && isPersonPronoun(m)),
  );
  const nearestPerson = people[people.length - 1];
  const states = heads.filter(
    (m) => m.mentionType !== 'person' && m.mentionType !== 'pronoun' && mentionState(m),
  );
  const organisations = heads.filter((m) => m.mentionType === 'organisation' && m.entityId);
  // The head noun is the last of these nouns: "Russian military bloggers" are unnamed, "Russia's ambassador" is Russia.
  const officialAt = lastMatch(OFFICIAL_NOUNS, phrase);
  const unnamedMatch = lastMatch(UNNAMED_NOUNS, phrase);
  const official =
    officialAt !== null && (unnamedMatch === null || (officialAt.index ?? 0) > (unnamedMatch.index ?? 0));
  const unnamed = official ? null : unnamedMatch;
  if (nearestPerson && !(unnamed && start(nearestPerson) < phraseStart + (unnamed.index ?? 0))) {
    return { holder: personName(nearestPerson, names), text: nearestPerson.text, end: phraseEnd };
  }
  // A name the actor data lacks, at the end of the subject: after a title ("US National Security Adviser Jake
  // Sullivan") it is that person; untitled, it is taken only when nothing else names the holder.
  const subject = phrase.replace(/,[^,]*,\s*$/, '');
  const unknown = unknownName(subject);
  if (unknown?.titled && !unnamed) return { holder: unknown.name, text: unknown.name, end: phraseEnd };
  const firstState = states[0];
  // "officials in Kyiv", "the government of Japan": here a place after a preposition does name the state.
  const officialState =
    firstState ??
    mentions.find((m) => m.mentionType !== 'person' && m.mentionType !== 'pronoun' && mentionState(m));
  if (official && officialState)
    return { holder: mentionState(officialState) ?? 'unnamed', text: phrase.trim(), end: phraseEnd };
  if (unnamed) return { holder: 'unnamed', text: unnamedPhrase(phrase, unnamed), end: phraseEnd };
  const organisation = organisations[organisations.length - 1];
  if (organisation?.entityId)
    return { holder: organisation.entityId, text: organisation.text, end: phraseEnd };
  if (firstState)
    return { holder: mentionState(firstState) ?? 'unnamed', text: firstState.text, end: phraseEnd };
  const pronoun = heads.find((m) => m.mentionType === 'pronoun' && mentionState(m));
  if (pronoun) return { holder: mentionState(pronoun) ?? 'unnamed', text: pronoun.text, end: phraseEnd };
  if (
    unknown &&
    subject
      .slice(subject.lastIndexOf(',') + 1)
      .trim()
      .split(/\s+/).length <= 6
  )
    return { holder: unknown.name, text: unknown.name, end: phraseEnd };
  return { holder: 'author', text: null, end: phraseEnd };
}

/**
 * The capitalised name ending a subject, without its title's words ("National Security Adviser Jake Sullivan" →
 * "Jake Sullivan"), and whether a title stood right before it.
 */
function unknownName(subject: string): { name: string; titled: boolean } | null {
  const run = /([A-Z][a-z]+(?:\s+[A-Z][\w-]+)+)\s*$/.exec(subject);
  if (!run?.[1]) return null;
  const words = run[1].split(/\s+/);
  let first = words.length;
  while (first > 0 && !TITLE_WORD.test(words[first - 1] as string)) first--;
  if (words.length - first < 2) return null;
  const before = first > 0 ? words[first - 1] : /(\S+)\s+$/.exec(subject.slice(0, run.index))?.[1];
  return { name: words.slice(first).join(' '), titled: before !== undefined && TITLE_WORD.test(before) };
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(new RegExp(pattern.source, 'gi'))) last = match as RegExpExecArray;
  return last;
}

function isPersonPronoun(mention: Mention): boolean {
  return (
    /^(?:he|she|him|her|his)$/i.test(mention.text) &&
    mention.entityId !== null &&
    !/^[A-Z]{3}$/.test(mention.entityId)
  );
}

function unnamedPhrase(phrase: string, match: RegExpExecArray): string {
  const at = match.index ?? 0;
  const head = phrase.slice(0, at + match[0].length);
  const words = head.trim().split(/\s+/);
  return words
    .slice(-4)
    .join(' ')
    .replace(/^[,;:\s]+/, '');
}

/** Canonical person names: the longest way the document names each person id. */
function personNames(findings: readonly Finding[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of findings) {
    if (f.kind !== 'mention' || f.mentionType !== 'person' || !f.entityId || f.resolution === 'role')
      continue;
    const known = names.get(f.entityId);
    if (!known || f.text.length > known.length) names.set(f.entityId, f.text);
  }
  return names;
}

function personName(mention: Mention, names: ReadonlyMap<string, string>): string {
  const id = mention.entityId;
  if (id) {
    const name = names.get(id);
    if (name?.includes(' ')) return name;
    if (/\s/.test(id)) return id;
    if (/^[a-z]+(?:-[a-z]+)+$/.test(id))
      return id
        .split('-')
        .map((w) => w[0]?.toUpperCase() + w.slice(1))
        .join(' ');
    return name ?? id;
  }
  for (const name of names.values()) if (name.split(/\s+/).includes(mention.text)) return name;
  return mention.text;
}

/** What follows the cue to the clause's end, without a leading "that". */
function propositionAfter(text: string, cue: CueMatch, clause: TextRange, whole = false): TextRange | null {
  let from = cue.end;
  const lead = /^\s*(?:that\b)?\s*/.exec(text.slice(from, clause.end));
  from += lead?.[0].length ?? 0;
  const to = trimEnd(text, from, clause.end);
  if (to - from < 8 || whole) {
    const whole = { start: clause.start, end: trimEnd(text, clause.start, clause.end) };
    return whole.end > whole.start ? whole : null;
  }
  return { start: from, end: to };
}

/** The clause without its "according to X" phrase. */
function propositionAround(
  text: string,
  cue: CueMatch,
  clause: TextRange,
  holderEnd: number,
): TextRange | null {
  const before = trimEnd(text, clause.start, cue.start);
  if (before - clause.start >= 8) return { start: clause.start, end: before };
  let from = holderEnd;
  const lead = /^[\s,:]*/.exec(text.slice(from, clause.end));
  from += lead?.[0].length ?? 0;
  const to = trimEnd(text, from, clause.end);
  return to > from ? { start: from, end: to } : null;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[\s,;:.–—]/.test(text[end - 1] ?? '')) end--;
  return end;
}

function toClaim(
  document: DyadDocument,
  draft: ClaimDraft,
  about: readonly string[],
  ids: Set<string>,
): Claim {
  const evidence: Span = {
    docId: document.id,
    start: draft.clause.start,
    end: trimEnd(document.text, draft.clause.start, draft.clause.end),
  };
  let n = 0;
  let id = findingId('claim', document.id, evidence.start, evidence.end);
  while (ids.has(id)) id = findingId('claim', document.id, evidence.start, evidence.end, ++n);
  ids.add(id);
  return {
    kind: 'claim',
    id,
    docId: document.id,
    evidence: [evidence],
    extractor: CLAIMS_EXTRACTOR,
    holder: draft.holder,
    holderText: draft.holderText,
    cue: draft.cueText,
    likelihood: draft.likelihood,
    proposition: draft.proposition ? { docId: document.id, ...draft.proposition } : null,
    about,
  };
}
