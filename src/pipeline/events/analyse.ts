/**
 * Finds event triggers in a document and assigns their arguments by simple clause structure:
 * the subject before the trigger, objects after it (direct object or by preposition), possessors and
 * modifiers of nominal triggers, `by`-agents of passives, coordinated actors on either side.
 * Shared by the event stage and the itinerary stage.
 */

import type { DyadDocument, Finding, Mention, Sentence, Timex } from '../../domain/model.js';
import { TITLE_WORD } from '../actors/lexicon.js';
import { splitSentences } from '../sentences.js';
import { isDeadline } from '../time/tagger.js';
import { defaultPersonName, type Participant, participantOf } from './actors.js';
import { detectFactuality, type FactualityCue } from './factuality.js';
import { type CompiledTrigger, compileLexicon, type TriggerEntry } from './lexicon.js';
import { resolveComplements } from './resolve.js';
import { BE_FORMS, DETERMINERS, isClauseBoundary, PREPOSITIONS, type Token, tokenize } from './tokens.js';

export interface TriggerMatch {
  readonly sentenceIndex: number;
  /** Token indices within the sentence, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly compiled: CompiledTrigger;
  readonly entry: TriggerEntry;
  readonly passive: boolean;
}

export interface AnalysedEvent {
  readonly match: TriggerMatch;
  readonly sources: readonly Participant[];
  readonly targets: readonly Participant[];
  /** Where it happened: a place or facility among the objects (the destination of a visit). */
  readonly place: Mention | null;
  readonly date: string | null;
  readonly dateTimex: Timex | null;
  /** `clause`: a time expression of the clause; `narrative`: the running date of a dated narrative. */
  readonly dateBasis: 'clause' | 'narrative' | null;
  readonly factuality: FactualityCue;
  /** The holder's id or name for claimed events (`unnamed` for generic sources). */
  readonly claimedBy: string | null;
  /** Offsets of the sentence, for evidence. */
  readonly sentence: { readonly start: number; readonly end: number };
  /** The source was not named in the clause but inferred (pronoun fallback, vehicle, coordination). */
  readonly sourceInferred: boolean;
  /** "at the summit", "during the visit": an earlier meeting or visit the clause refers to, for its date. */
  readonly reference: 'meet' | 'visit' | null;
}

export interface AnalyseOptions {
  readonly personName?: (id: string) => string | null;
  /** The two states the text is about ("the two countries"), when it is about two. */
  readonly dyad?: readonly string[];
}

function dyadParticipant(code: string, docId: string): Participant {
  const mention: Mention = {
    kind: 'mention',
    id: `dyad:${code}`,
    docId,
    evidence: [],
    extractor: { name: 'events', version: '1' },
    text: code,
    mentionType: 'state',
    entityId: code,
    country: code,
    candidates: [],
    lat: null,
    lon: null,
    resolution: 'dyad',
  };
  return { mention, code, person: null, isPlace: false };
}

/** A nominal trigger that is the object of a verbal one ("declined an offer", "defaulted on Soviet loans"). */
function isArgumentOfVerb(
  view: SentenceView,
  match: TriggerMatch,
  matches: readonly TriggerMatch[],
): boolean {
  if (match.entry.pos !== 'noun') return false;
  for (let k = match.first - 1; k >= Math.max(0, match.first - 4); k--) {
    const token = view.tokens[k] as Token;
    if (!token.isWord && token.text !== '$' && token.lower !== "'s") return false;
    const verb = matches.find((m) => m.last === k && m.entry.pos === 'verb');
    // "resisting Washington's pressure": a noun with its own agent stays an event of its own.
    if (verb) return !hasPossessor(view, match);
  }
  return false;
}

const LEXICON = compileLexicon();
// Words that are triggers on their own ("border" only starts "border closure", so it is not one).
const SINGLE_WORD_TRIGGERS = new Set(
  [...LEXICON.values()]
    .flat()
    .filter((c) => c.words.length === 1)
    .map((c) => c.words[0] ?? ''),
);

const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
const NUMERALS = new Set(['two', 'three', 'four', 'five']);
const CALENDAR_WORDS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
// A travelling party's vehicle or retinue stands for the traveller: "the train entered Russia".
const VEHICLES = new Set([
  'train',
  'plane',
  'aircraft',
  'jet',
  'motorcade',
  'convoy',
  'delegation',
  'entourage',
]);

const ACTOR_TYPES = new Set(['state', 'organisation', 'person', 'group', 'pronoun', 'place', 'facility']);

interface MentionSlot {
  readonly mention: Mention;
  readonly first: number;
  readonly last: number;
}

interface SentenceView {
  /** The document's text: token and finding offsets point into it. */
  readonly text: string;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  /** For each token, the mention covering it (longest). */
  readonly mentionAt: readonly (MentionSlot | null)[];
  readonly timexes: readonly Timex[];
  readonly paragraph: number;
  /** "the two presidents": the two mentions each pair pronoun of the document stands for, by its id. */
  readonly sides: ReadonlyMap<string, readonly Mention[]>;
}

export function analyseDocument(
  document: DyadDocument,
  findings: readonly Finding[],
  options: AnalyseOptions = {},
): AnalysedEvent[] {
  const personName = options.personName ?? defaultPersonName;
  const sentences = sentenceViews(document, findings);
  const dyad = (options.dyad ?? []).map((code) => dyadParticipant(code, document.id));
  const events: AnalysedEvent[] = [];
  let lastPersonSubject: Participant | null = null;
  let narrative: Timex | null = null;
  let narrativeParagraph = -1;
  let narrativeSentence = -1;
  const whereabouts = new Map<string, Mention>();

  for (const view of sentences) {
    const matches = findTriggers(view);
    const sourcesByMatch = new Map<TriggerMatch, { list: Participant[]; inferred: boolean }>();
    for (const match of matches) {
      if (isArgumentOfVerb(view, match, matches)) continue;
      const roles = assignRoles(view, match, matches, personName, lastPersonSubject, dyad);
      sourcesByMatch.set(match, { list: [...roles.subjects], inferred: roles.subjectInferred });
      const oriented = orient(match, roles);
      const sources = [...oriented.sources];
      let { targets } = oriented;
      let place = roles.place;
      const traveller = sources.find((p) => p.person !== null)?.person ?? null;
      if (match.entry.movement && traveller) {
        const destination =
          place ?? targets.find((p) => p.isPlace || p.mention.mentionType === 'state')?.mention;
        if (destination) whereabouts.set(traveller, destination);
        else if (match.entry.movement === 'visits' && targets.length === 0) {
          // "toured the facilities": the traveller is still where the narrative last put them.
          const here = whereabouts.get(traveller);
          if (here) {
            place = here.mentionType === 'state' ? null : here;
            targets = [participantOf(here, personName)];
          }
        }
      }
      const personSource = sources.find((p) => p.person !== null);
      if (personSource && !roles.subjectInferred && match.entry.pos === 'verb')
        lastPersonSubject = personSource;
      if (sources.length === 0 && match.entry.pos === 'noun') {
        // "such shipments", "these talks": a definite or demonstrative noun refers back to the last such event.
        const phrase = view.tokens.slice(firstOfNounPhrase(view, match), match.first);
        const antecedent = phrase.some((t) => ANAPHORIC.has(t.lower))
          ? [...events]
              .reverse()
              .find((e) => e.match.entry.type === match.entry.type && view.index - e.match.sentenceIndex <= 3)
          : undefined;
        if (antecedent) {
          sources.push(...antecedent.sources);
          if (targets.length === 0) targets = [...antecedent.targets];
        }
      }
      if (sources.length === 0) continue;
      // "Pompeo blamed Iran, while Tehran denied any involvement": a denial with no object answers the accuser.
      if (match.entry.type === 'REJECT' && targets.length === 0) {
        const accusation = events.findLast(
          (e) =>
            e.match.entry.type === 'ACCUSE' &&
            view.index - e.match.sentenceIndex <= 1 &&
            e.targets.some((t) => sources.some((s) => s.code === t.code)),
        );
        if (accusation) targets = [...accusation.sources];
      }
      const factuality = detectFactuality(view.tokens, match.first, match.last);
      // A day dates the rest of its paragraph's account; a month only the next two sentences.
      const continues =
        narrative !== null &&
        narrativeParagraph === view.paragraph &&
        (/^\d{4}-\d{2}-\d{2}/.test(narrative.value) || view.index - narrativeSentence <= 2);
      const dated = dateFor(
        view,
        match,
        matches,
        continues && (factuality.factuality === 'asserted' || factuality.factuality === 'claimed')
          ? narrative
          : null,
      );
      events.push({
        match,
        sources,
        targets,
        place,
        date: dated.timex ? (dated.value ?? null) : null,
        dateTimex: dated.timex,
        dateBasis: dated.timex ? dated.basis : null,
        factuality,
        claimedBy: factuality.factuality === 'claimed' ? holderOf(view, factuality, personName) : null,
        sentence: { start: view.start, end: view.end },
        sourceInferred: roles.subjectInferred,
        reference: dated.timex ? null : referencedEvent(view, matches),
      });
    }
    // A person named as the sentence's first actor is the likeliest antecedent of the next sentence's "he".
    if (!matches.some((m) => sourcesByMatch.get(m)?.list.some((p) => p.person))) {
      const subject = sentenceSubjectPerson(view, view.tokens.length);
      if (subject) lastPersonSubject = participantOf(subject.mention, personName);
    }
    // Only an account by day or month is a dated narrative that later clauses continue; a year named in an
    // analytical paragraph does not date what follows, nor does a deadline.
    const dated = view.timexes
      .filter((t) => isDateLike(t) && !isDeadlineIn(view, t))
      .filter((t) => /^\d{4}-\d{2}(?:-\d{2}|$)/.test(t.value));
    // "On 3 November it said the drivers had been killed two days earlier": the story stays on 3 November.
    const lastDate = dated.filter((t) => !LOOKS_BACK.test(t.text) || t === dated[0]).at(-1);
    if (lastDate) {
      narrative = lastDate;
      narrativeParagraph = view.paragraph;
      narrativeSentence = view.index;
    }
  }
  return events;
}

/** Pair pronouns ("the two leaders": no entity, two candidates) with the last earlier mention of each candidate. */
function pairPronounSides(mentions: readonly Mention[]): Map<string, readonly Mention[]> {
  const sides = new Map<string, readonly Mention[]>();
  for (const pair of mentions) {
    if (pair.mentionType !== 'pronoun' || pair.entityId !== null || pair.candidates.length !== 2) continue;
    const found = pair.candidates.map((candidate) => {
      const side = mentions.findLast(
        (m) =>
          (m.entityId === candidate.id || (m.mentionType === 'person' && m.country === candidate.id)) &&
          spanOf(m).end <= spanOf(pair).start,
      );
      // "the two foreign ministers" after their presidents were named: the states, not those people.
      return side && side.entityId !== candidate.id
        ? { ...side, mentionType: 'state' as const, entityId: candidate.id }
        : side;
    });
    if (found.every((m) => m !== undefined)) sides.set(pair.id, found as Mention[]);
  }
  return sides;
}

function sentenceViews(document: DyadDocument, findings: readonly Finding[]): SentenceView[] {
  const sentenceFindings = findings.filter((f): f is Sentence => f.kind === 'sentence');
  const ranges =
    sentenceFindings.length > 0
      ? sentenceFindings
          .map((s) => ({ start: s.evidence[0]?.start ?? 0, end: s.evidence[0]?.end ?? 0 }))
          .sort((a, b) => a.start - b.start)
      : splitSentences(document.text);
  const actors = findings
    .filter((f): f is Mention => f.kind === 'mention' && ACTOR_TYPES.has(f.mentionType))
    // "US$134m" is a currency, not the United States.
    .filter((m) => document.text[spanOf(m).end] !== '$');
  const sides = pairPronounSides(actors);
  const mentions = actors.filter(
    (m) => m.mentionType !== 'pronoun' || m.entityId !== null || m.country !== null || sides.has(m.id),
  );
  const timexes = findings.filter((f): f is Timex => f.kind === 'timex');
  const paragraphBreaks: number[] = [];
  for (const match of document.text.matchAll(/\n\s*\n/g)) paragraphBreaks.push(match.index ?? 0);

  return ranges.map((range, index) => {
    const tokens = tokenize(document.text, 0, range.start, range.end);
    const mentionAt: (MentionSlot | null)[] = tokens.map(() => null);
    const inside = mentions
      .filter((m) => spanOf(m).start >= range.start && spanOf(m).end <= range.end)
      .sort((a, b) => spanOf(b).end - spanOf(b).start - (spanOf(a).end - spanOf(a).start));
    for (const mention of inside) {
      const span = spanOf(mention);
      const covered = tokens
        .map((token, i) => (token.start < span.end && token.end > span.start ? i : -1))
        .filter((i) => i >= 0);
      const first = covered[0];
      const last = covered.at(-1);
      if (first === undefined || last === undefined) continue;
      // "Soviet-era", "pro-US", "former-Soviet": a name inside a longer word is a modifier, not an actor.
      if ((tokens[first] as Token).start < span.start || (tokens[last] as Token).end > span.end) continue;
      if (covered.some((i) => mentionAt[i] !== null)) continue;
      const slot: MentionSlot = { mention, first, last };
      for (const i of covered) mentionAt[i] = slot;
    }
    return {
      text: document.text,
      index,
      start: range.start,
      end: range.end,
      tokens,
      mentionAt,
      timexes: timexes
        .filter((t) => spanOf(t).start >= range.start && spanOf(t).end <= range.end)
        .sort((a, b) => spanOf(a).start - spanOf(b).start),
      sides,
      paragraph: paragraphBreaks.filter((offset) => offset < range.start).length,
    };
  });
}

function spanOf(finding: Finding): { start: number; end: number } {
  return finding.evidence[0] ?? { start: 0, end: 0 };
}

function findTriggers(view: SentenceView): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  const { tokens } = view;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!token.isWord || view.mentionAt[i]) continue;
    const candidates = LEXICON.get(token.lower);
    if (!candidates) continue;
    for (const compiled of candidates) {
      const last = matchRest(tokens, i, compiled.words);
      if (last === null) continue;
      const before = i > 0 ? view.mentionAt[i - 1] : null;
      // A demonym before the word makes it a noun phrase ("Soviet loans"), a name makes it a subject.
      const subjectBefore =
        before !== null && before !== undefined && before.mention.resolution !== 'demonym';
      // "given that" is a conjunction, not an act of giving.
      if (token.lower === 'given' && tokens[i + 1]?.lower === 'that') break;
      if (compiled.entry.pos === 'noun' && isCompoundModifier(tokens, last)) continue;
      if (!plausiblePartOfSpeech(tokens, i, compiled, subjectBefore)) continue;
      matches.push({
        sentenceIndex: view.index,
        first: i,
        last,
        start: token.start,
        end: (tokens[last] as Token).end,
        compiled,
        entry: compiled.entry,
        passive: isPassive(tokens, i, last, compiled),
      });
      i = last;
      break;
    }
  }
  return resolveComplements(tokens, matches);
}

/** "launch site", "war effort", "aid recipients": a trigger noun modifying the noun after it is no event. */
function isCompoundModifier(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (!next?.isWord || /^\p{Lu}/u.test(next.text)) return false;
  if (PREPOSITIONS.has(next.lower) || CONJUNCTION_WORDS.has(next.lower) || BE_FORMS.has(next.lower))
    return false;
  if (/(ed|ing|ly)$/.test(next.lower) || MODAL_OR_AUX.has(next.lower)) return false;
  if (COMPOUND_HEADS.has(next.lower)) return true;
  // Any other plain lowercase word that is not a common verb or adverb is a head noun: "summit banquet".
  return !/s$/.test(next.lower) && !COMMON_VERBS_AND_ADVERBS.has(next.lower) && !DETERMINERS.has(next.lower);
}

const COMMON_VERBS_AND_ADVERBS = new Set(
  'remain continue begin take make come go seem appear show mean lead include involve become fail cause took made came went led then there also again still now soon later itself alone together yet already ago'.split(
    ' ',
  ),
);
const MODAL_OR_AUX = new Set([
  'will',
  'would',
  'may',
  'might',
  'could',
  'can',
  'should',
  'must',
  'did',
  'does',
  'do',
]);
const COMPOUND_HEADS = new Set(
  'site sites pad vehicle vehicles programme programmes program programs recipient recipients volume volumes effort efforts route routes capability capabilities system systems facility facilities zone zones record records partner partners policy policies officials official ties package packages figure figures money funds'.split(
    ' ',
  ),
);

// Words a long gap does not cross: "called for talks, which it said were unacceptable" is no verdict ("and" may
// join the object's modifiers: "anti-dumping and anti-subsidy duties").
const LONG_GAP_STOPS = new Set(['but', 'that', 'which', 'who', 'whom', 'for', 'on', 'said', 'says']);

function matchRest(tokens: readonly Token[], first: number, words: readonly string[]): number | null {
  let position = first;
  for (let w = 1; w < words.length; w++) {
    const word = words[w];
    if (word === '*' || word === '**') {
      const next = words[w + 1];
      if (next === undefined) return null;
      let found = -1;
      const lastWord = w + 1 === words.length - 1;
      // Up to two words ("**": up to six, none opening another clause or phrase); a possessive's "'s" is not one of
      // them ("summoned South Korea's ambassador", "called Chile's treatment of the crews unacceptable").
      const long = word === '**';
      let gapEnd = position + (long ? 7 : 3);
      for (let k = position + 1; k <= gapEnd && k < tokens.length; k++) {
        const lower = tokens[k]?.lower;
        if (lower === "'s") gapEnd++;
        if (lower === next || (lastWord && (lower === `${next}s` || lower === `${next}es`))) {
          found = k;
          break;
        }
        // A possessive may sit in the gap: "welcomed Chile's decision".
        if (!tokens[k]?.isWord && tokens[k]?.lower !== "'s") break;
        if (long && LONG_GAP_STOPS.has(lower ?? '')) break;
      }
      if (found < 0) return null;
      position = found;
      w++;
      continue;
    }
    const token = tokens[position + 1];
    const isLast = w === words.length - 1;
    // The last word of a phrase may be plural: "held three summits", "imposed new sanctions".
    if (
      !token ||
      (token.lower !== word && !(isLast && (token.lower === `${word}s` || token.lower === `${word}es`)))
    )
      return null;
    position++;
  }
  return position;
}

/** Rough noun/verb disambiguation from the neighbouring word: "a visit" is a noun, "to visit" a verb. */
function plausiblePartOfSpeech(
  tokens: readonly Token[],
  index: number,
  compiled: CompiledTrigger,
  mentionBefore: boolean,
): boolean {
  const previous = tokens[index - 1];
  const prev = previous?.lower ?? '';
  const word = tokens[index]?.lower ?? '';
  if (compiled.entry.pos === 'noun') {
    if (prev === 'to' && compiled.words.length === 1 && !/s$/.test(word)) return false;
    if (['will', 'would', 'may', 'might', 'could', 'can', 'should', 'did', 'not'].includes(prev))
      return false;
    return true;
  }
  // A verb form right after a determiner or possessive is a noun ("the attack", "Kim's visit"), but "the two" and
  // "both" may stand alone as a subject before a past-tense verb ("the two agreed").
  const pronounSubject =
    compiled.pastForm && (prev === 'both' || (NUMERALS.has(prev) && tokens[index - 2]?.lower === 'the'));
  if ((DETERMINERS.has(prev) || prev === "'s") && !pronounSubject) return false;
  // So is a base form after a determiner and an adjective: "an immediate halt", "a complete stop".
  if (
    !compiled.pastForm &&
    DETERMINERS.has(tokens[index - 2]?.lower ?? '') &&
    /^[a-z]+(?:ate|al|ive|ful|ous|ic|ent|ant|ary)$/.test(prev) &&
    !prev.endsWith('ment')
  )
    return false;
  // "heavily armed militants", "the Armed Forces": a participle used as an adjective, unless an object follows.
  if (ADJECTIVAL_PARTICIPLES.has(word)) {
    const next = tokens[index + 1];
    const objectFollows =
      next !== undefined &&
      (DETERMINERS.has(next.lower) || /^\p{Lu}/u.test(next.text) || /^(them|him|her)$/.test(next.lower));
    if (!objectFollows) return false;
  }
  // A third-person form ("ships", "exports") needs its subject right before it.
  if (compiled.thirdPersonForm && !mentionBefore && !VERBAL_CONTEXT.has(prev) && !prev.endsWith('ly'))
    return false;
  // A form shared with a noun ("loan", "visits", "talks", "funding") is a verb only after a subject or a
  // verbal word, and only when an object rather than a preposition follows ("UN sanctions on X").
  if (NOUN_FORMS.has(word) && !compiled.pastForm) {
    const next = tokens[index + 1];
    const objectFollows =
      next?.isWord === true && !PREPOSITIONS.has(next.lower) && !CONJUNCTION_WORDS.has(next.lower);
    if (compiled.gerundForm) return !mentionBefore && objectFollows && !PREPOSITIONS.has(prev);
    return (
      (mentionBefore || VERBAL_CONTEXT.has(prev) || prev.endsWith("n't") || prev.endsWith('ly')) &&
      objectFollows
    );
  }
  return true;
}

const ADJECTIVAL_PARTICIPLES = new Set(['armed']);

const CONJUNCTION_WORDS = new Set([
  'and',
  'or',
  'but',
  'nor',
  'since',
  'until',
  'have',
  'has',
  'had',
  'were',
  'was',
]);

const NOUN_FORMS = new Set(
  [...LEXICON.values()]
    .flat()
    .filter((c) => c.entry.pos === 'noun' && c.words.length === 1)
    .map((c) => c.words[0] ?? ''),
);
const VERBAL_CONTEXT = new Set([
  'to',
  'will',
  'would',
  'may',
  'might',
  'could',
  'can',
  'should',
  'must',
  'shall',
  'did',
  'does',
  'do',
  'not',
  'never',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'it',
  'who',
  'which',
  'also',
  'then',
  'jointly',
]);

function isPassive(
  tokens: readonly Token[],
  first: number,
  last: number,
  compiled: CompiledTrigger,
): boolean {
  if (compiled.entry.pos !== 'verb' || !compiled.pastForm) return false;
  // "condemned by X" is passive; "welcomed the proposal by X" names the proposal's author.
  if (last === first && tokens[last + 1]?.lower === 'by') return true;
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const lower = tokens[k]?.lower ?? '';
    if (BE_FORMS.has(lower) || lower === 'got') return true;
  }
  return false;
}

interface Roles {
  readonly subjects: readonly Participant[];
  readonly subjectInferred: boolean;
  /** Objects in reading order with the preposition that governs them (`dobj` for a direct object). */
  readonly objects: readonly {
    readonly prep: string;
    readonly group: readonly Participant[];
    /** A comma stands between the trigger and the object. */
    readonly afterComma: boolean;
  }[];
  readonly place: Mention | null;
  /** A nominal trigger inside a prepositional adjunct ("with Soviet funding") benefits the clause subject. */
  readonly clauseSubject: readonly Participant[];
  readonly nounAgentFromModifier: boolean;
}

// Verbs whose object noun names the event itself: "held talks", "paid a visit", "made an offer".
const LIGHT_VERBS = new Set(
  'hold held holds holding have had has having make made makes making pay paid pays paying conduct conducted conducts attend attended attends sign signed signs reach reached conclude concluded announce announced announces launch launched launches impose imposed imposes begin began begun start started started undertake undertook undertaken host hosted issue issued extend extended offer offered provide provided provides providing continue continued continues give gave given receive received receiving agree agreed yield yielded yields produce produced produces bring brought'.split(
    ' ',
  ),
);

// Conjunctions that look like prepositions: "until Seoul revoked", "after Moscow accepted".
const SUBORDINATORS = new Set([
  'until',
  'after',
  'before',
  'since',
  'as',
  'while',
  'when',
  'because',
  'than',
]);

// A demonym followed by one of these names no state actor: "Western media outlets", "Russian sources".
const GENERIC_HEADS = new Set([
  'media',
  'outlets',
  'sources',
  'bloggers',
  'observers',
  'analysts',
  'commentators',
  'newspapers',
  'press',
  'scholars',
]);

const AUXILIARY_OR_ADVERB = (token: Token) =>
  /ly$/.test(token.lower) ||
  [
    'has',
    'have',
    'had',
    'was',
    'were',
    'is',
    'are',
    'not',
    'never',
    'also',
    'then',
    'did',
    'does',
    'do',
  ].includes(token.lower) ||
  token.lower.endsWith("n't");

function assignRoles(
  view: SentenceView,
  match: TriggerMatch,
  matches: readonly TriggerMatch[],
  personName: (id: string) => string | null,
  lastPersonSubject: Participant | null,
  dyad: readonly Participant[],
): Roles {
  const { tokens, mentionAt } = view;
  const toParticipant = (slot: MentionSlot): Participant => {
    const participant = participantOf(slot.mention, personName);
    // Narrative continuity beats a pronoun resolver's nearest-name guess for subjects: "He reached ...".
    if (slot.mention.mentionType === 'pronoun' && isSubjectPronoun(tokens[slot.first])) {
      // Within the sentence, "he" is most often its main subject ("Kim met Putin ... in which he had held");
      // across sentences, the subject of the last narrated action.
      const main = nearestSubjectPerson(view, slot.first, matches);
      if (main) return { ...participantOf(main.mention, personName), mention: slot.mention };
      const earlier = mentionAt.slice(0, slot.first).some((m) => m?.mention.mentionType === 'person');
      if (!earlier && lastPersonSubject) return { ...lastPersonSubject, mention: slot.mention };
    }
    return participant;
  };

  let subjects: Participant[] = [];
  let subjectInferred = false;
  let nounAgentFromModifier = false;
  if (match.entry.pos === 'noun') {
    const modifier = nounModifier(view, match);
    const lightVerb = modifier ? null : lightVerbOf(view, match, matches);
    if (modifier) {
      subjects = coordinatedBackward(view, modifier).map(toParticipant);
      nounAgentFromModifier = true;
    } else if (lightVerb !== null) {
      // From the verb: "met A and B and attended a summit" shares the clause's subject, not B.
      const found = scanSubject(view, lightVerb, matches, toParticipant, lastPersonSubject, dyad);
      subjects = found.subjects;
      subjectInferred = found.inferred;
    } else if (inFrontedAdjunct(view, match)) {
      subjects = mainClauseSubject(view, match, toParticipant);
    } else if (afterAs(view, match)) {
      subjects = scanSubject(view, match.first, matches, toParticipant, lastPersonSubject, dyad).subjects;
    }
    // "No bilateral military deal": a two-sided noun with no named side is between the text's two states.
    if (subjects.length === 0 && dyad.length === 2 && twoSided(view, match)) {
      subjects = [...dyad];
      subjectInferred = true;
    }
  } else {
    const found = scanSubject(view, match.first, matches, toParticipant, lastPersonSubject, dyad);
    subjects = found.subjects;
    subjectInferred = found.inferred;
    // "Having failed to launch a satellite, Kim ...": a fronted participle clause shares the main subject.
    if (
      subjects.length === 0 &&
      /ing$/.test(tokens[0]?.lower ?? '') &&
      tokens.slice(0, match.first).every((t) => t.text !== ',')
    ) {
      subjects = mainClauseSubject(view, match, toParticipant);
    }
  }

  // Objects: mentions after the trigger up to the clause end or the next verbal trigger.
  const objects: { prep: string; group: Participant[]; afterComma: boolean }[] = [];
  let place: Mention | null = null;
  let placeIsLocative = false;
  const nextVerb = matches.find((m) => m.first > match.last && m.entry.pos === 'verb');
  const stop = nextVerb ? nextVerb.first : tokens.length;
  let depth = 0;
  const opener = tokens[0]?.lower ?? '';
  const frontedClause =
    (PREPOSITIONS.has(opener) || /ing$/.test(opener)) &&
    tokens.slice(0, match.first).every((t) => t.text !== ',');
  // "welcomed Chile's decision", "summoned the US ambassador": an actor inside the trigger's gap owns what the act
  // is about; a possessive owner alone does when there is one ("called Peru's treatment of Afghan refugees ...").
  // A pronoun there is the actor's own ("closed the country's airspace", "recalled its ambassador").
  const inGap: MentionSlot[] = [];
  for (let i = match.first + 1; i < match.last; i++) {
    const slot = mentionAt[i];
    if (!slot) continue;
    if (slot.mention.mentionType === 'pronoun') {
      i = slot.last;
      continue;
    }
    if (
      tokens[slot.last + 1]?.lower === "'s" ||
      slot.mention.resolution === 'demonym' ||
      slot.mention.mentionType === 'state'
    )
      inGap.push(slot);
    i = slot.last;
  }
  const owner = inGap.find((slot) => tokens[slot.last + 1]?.lower === "'s");
  for (const slot of owner ? [owner] : inGap)
    objects.push({ prep: 'dobj', group: [participantOf(slot.mention, personName)], afterComma: false });
  for (let i = match.last + 1; i < stop; i++) {
    const token = tokens[i] as Token;
    if (token.text === '(') depth++;
    if (token.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (isClauseBoundary(token) || token.text === '–' || token.text === '—') break;
    // The object of a verb in a fronted clause ends at its comma: "Having failed to launch X, Kim ...".
    if (token.text === ',' && frontedClause) break;
    const slot = mentionAt[i];
    if (!slot) {
      if (objects.length === 0 && PRONOUNS.has(token.lower) && i === match.last + 1 && lastPersonSubject) {
        objects.push({ prep: 'dobj', group: [lastPersonSubject], afterComma: false }); // "gave him ..."
      }
      continue;
    }
    // "met his Chinese counterpart Wang Yi": a possessive that points back to the subject owns the object and
    // is not the object itself.
    if (
      slot.mention.mentionType === 'pronoun' &&
      POSSESSIVE_DETERMINERS.has(tokens[slot.first]?.lower ?? '') &&
      subjects.some((subject) => subject.code === participantOf(slot.mention, personName).code)
    ) {
      i = slot.last;
      continue;
    }
    const modifiesNoun =
      slot.mention.resolution !== 'demonym' &&
      matches.some((m) => m.entry.pos === 'noun' && m.first === slot.last + 1);
    // "from midnight Moscow time": a time zone, not a party.
    const timeZone = tokens[slot.last + 1]?.lower === 'time';
    if (isGenericDemonym(view, slot) || modifiesNoun || timeZone) {
      i = slot.last;
      continue;
    }
    const prep = governingPreposition(tokens, mentionAt, slot, match.last);
    const group = coordinatedForward(view, slot);
    const last = group.at(-1) ?? slot;
    i = Math.max(i, last.last);
    const participants = group.map((member) => participantOf(member.mention, personName));
    const firstPlace = participants.find((p) => p.isPlace);
    const sinceTrigger = tokens.slice(match.last + 1, slot.first);
    const sameStretch = !sinceTrigger.some((t) => t.text === ',');
    if (firstPlace && (!place || ((prep === 'at' || prep === 'in') && sameStretch && !placeIsLocative))) {
      placeIsLocative = prep === 'at' || prep === 'in';
      place = firstPlace.mention;
    }
    if (prep !== null) objects.push({ prep, group: participants, afterComma: !sameStretch });
  }
  const clauseSubject =
    match.entry.pos === 'noun' &&
    nounAgentFromModifier &&
    ['with', 'through'].includes(tokens[firstOfNounPhrase(view, match) - 1]?.lower ?? '')
      ? scanSubject(view, firstOfNounPhrase(view, match), matches, toParticipant, lastPersonSubject, dyad)
          .subjects
      : [];
  return { subjects, subjectInferred, objects, place, clauseSubject, nounAgentFromModifier };
}

/** "as a warning to Yoon": the noun describes what the clause subject did. */
function afterAs(view: SentenceView, match: TriggerMatch): boolean {
  const one = view.tokens[match.first - 1]?.lower ?? '';
  const two = view.tokens[match.first - 2]?.lower ?? '';
  return (one === 'a' || one === 'an') && two === 'as';
}

function twoSided(view: SentenceView, match: TriggerMatch): boolean {
  return view.tokens
    .slice(Math.max(0, match.first - 3), match.last + 1)
    .some((t) => ['bilateral', 'joint', 'mutual', 'two-way'].includes(t.lower));
}

/** The first person named in the sentence before `end` who is not inside a prepositional phrase. */
function sentenceSubjectPerson(view: SentenceView, end: number): MentionSlot | null {
  for (let i = 0; i < end; i++) {
    const slot = view.mentionAt[i];
    if (!slot) continue;
    i = slot.last;
    if (slot.mention.mentionType !== 'person') continue;
    if (isPrepositionalObject(view.tokens, view.mentionAt, slot)) continue;
    if (view.tokens[slot.last + 1]?.lower === "'s") continue;
    return slot;
  }
  return null;
}

/** The closest person before `end` who is a subject: not a prepositional object, possessor or verb object. */
function nearestSubjectPerson(
  view: SentenceView,
  end: number,
  matches: readonly TriggerMatch[],
): MentionSlot | null {
  for (let i = end - 1; i >= 0; i--) {
    const slot = view.mentionAt[i];
    if (!slot) continue;
    i = slot.first;
    if (slot.mention.mentionType !== 'person') continue;
    if (isPrepositionalObject(view.tokens, view.mentionAt, slot)) continue;
    if (view.tokens[slot.last + 1]?.lower === "'s") continue;
    if (isObjectOfEarlierVerb(view.tokens, matches, slot)) continue;
    return slot;
  }
  return null;
}

function isSubjectPronoun(token: Token | undefined): boolean {
  return token !== undefined && (token.lower === 'he' || token.lower === 'she');
}

function isGenericDemonym(view: SentenceView, slot: MentionSlot): boolean {
  if (slot.mention.resolution !== 'demonym') return false;
  for (let k = slot.last + 1; k <= slot.last + 2; k++) {
    if (GENERIC_HEADS.has(view.tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

interface FoundSubject {
  readonly subjects: Participant[];
  readonly inferred: boolean;
}

/** The subject of a verb at token `from`: the nearest actor before it that is not an object of something else. */
function scanSubject(
  view: SentenceView,
  from: number,
  matches: readonly TriggerMatch[],
  toParticipant: (slot: MentionSlot) => Participant,
  lastPersonSubject: Participant | null,
  dyad: readonly Participant[],
): FoundSubject {
  const { tokens, mentionAt } = view;
  // "..., held talks" / "and attended": a coordinated verb phrase shares the clause's first subject.
  let k = from - 1;
  while (k >= 0 && AUXILIARY_OR_ADVERB(tokens[k] as Token)) k--;
  const joiner = tokens[k];
  if (joiner && (joiner.lower === 'and' || joiner.text === ',') && matches.some((m) => m.last < k)) {
    const first = clauseFirstSubject(view, k, toParticipant);
    if (first.length > 0) return { subjects: first, inferred: false };
  }
  // "talks with Putin, who praised ...": a relative pronoun's antecedent is the name right before it.
  if (tokens[k]?.lower === 'who') {
    const antecedent = mentionAt[tokens[k - 1]?.text === ',' ? k - 2 : k - 1];
    if (antecedent && antecedent.mention.mentionType !== 'place')
      return { subjects: [toParticipant(antecedent)], inferred: false };
  }
  // "… and in January Misri visited Beijing": a capitalised word right before the verb that the actor data does
  // not know is the subject; an actor named earlier is not.
  const wordBefore = tokens[k];
  if (
    wordBefore &&
    k > 0 &&
    !isTitleCase(view) &&
    // "Chile's Carabineros arrested", "Russian Gazprom cut": an actor names whose body it is.
    !mentionAt[k - 1] &&
    tokens[k - 1]?.lower !== "'s" &&
    !mentionAt[k] &&
    /^\p{Lu}\p{Ll}+$/u.test(wordBefore.text) &&
    !CALENDAR_WORDS.test(wordBefore.lower) &&
    !(lastPersonSubject?.person ?? '').split(/\s+/).includes(wordBefore.text)
  ) {
    // "Taliban spokesman Zabihullah Mujahid called ...": a titled name speaks for the actor its title names.
    const owner = titleOwner(view, k);
    return { subjects: owner ? [toParticipant(owner)] : [], inferred: false };
  }
  for (let i = from - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.text === ';' || token.text === ':') break;
    if (token.text === ')') {
      while (i > 0 && tokens[i]?.text !== '(') i--;
      continue;
    }
    const slot = mentionAt[i];
    if (slot) {
      i = slot.first;
      const pair = view.sides.get(slot.mention.id);
      if (pair)
        return { subjects: pair.map((mention) => toParticipant({ ...slot, mention })), inferred: true };
      if (isGenericDemonym(view, slot)) continue;
      const nearTrigger = slot.last >= from - 3;
      const before = tokens[slot.first - 1]?.lower ?? '';
      const subordinated = SUBORDINATORS.has(before) && nearTrigger;
      if (!subordinated && isPrepositionalObject(tokens, mentionAt, slot)) continue;
      // "help Kim launch": the object of the earlier verb is the subject of the bare verb right after it.
      const smallClause = slot.last === from - 1 && isObjectOfEarlierVerb(tokens, matches, slot);
      if (smallClause) return { subjects: [], inferred: false }; // "help Kim launch": part of the helping
      if (!smallClause && (isObjectOfEarlierVerb(tokens, matches, slot) || followsPastVerb(tokens, slot)))
        continue;
      // "breach UN sanctions": a name modifying a trigger noun belongs to that noun.
      if (matches.some((m) => m.entry.pos === 'noun' && m.first === slot.last + 1 && m.first !== from))
        continue;
      return { subjects: coordinatedBackward(view, slot).map(toParticipant), inferred: false };
    }
    if (
      token.isWord &&
      dyad.length === 2 &&
      /^(countries|sides|neighbours|neighbors|leaders|governments)$/.test(token.lower)
    ) {
      const previous = tokens[i - 1]?.lower ?? '';
      if (previous === 'two' || previous === 'both' || previous === 'the')
        return { subjects: [...dyad], inferred: true };
    }
    // "the government banned Chinese apps, and it later tightened …": an unresolved "it" is the clause's first
    // state or organisation, never an actor named after it (here a demonym of the object).
    if (token.lower === 'it' && !isPrepositionalToken(tokens, i)) {
      const first = clauseFirstSubject(view, i, toParticipant).filter((p) => p.person === null);
      return { subjects: first, inferred: first.length > 0 };
    }
    // "… met Wang Yi, and the two agreed": a bare "the two" is the two sides named last in the sentence.
    if (token.lower === 'two' && tokens[i - 1]?.lower === 'the' && i === from - 1) {
      const named = lastTwoSides(view, i - 1, toParticipant);
      if (named.length === 2) return { subjects: named, inferred: true };
      if (dyad.length === 2) return { subjects: [...dyad], inferred: true };
    }
    // An untagged part of the last actor's name ("Kim" for Kim Jong-un) still names that actor.
    if (
      token.isWord &&
      lastPersonSubject?.person &&
      /^\p{Lu}/u.test(token.text) &&
      !isPrepositionalToken(tokens, i)
    ) {
      const parts = lastPersonSubject.person.split(/\s+/);
      if (token.text === parts[0] || token.text === parts.at(-1))
        return { subjects: [lastPersonSubject], inferred: false };
    }
    if (token.isWord && (PRONOUNS.has(token.lower) || VEHICLES.has(token.lower)) && lastPersonSubject) {
      if (!isPrepositionalToken(tokens, i)) return { subjects: [lastPersonSubject], inferred: true };
    }
  }
  return { subjects: [], inferred: false };
}

/**
 * The state or body that owns the title or body before the unknown name ending at token `last` ("Taliban
 * spokesman", "Chile's foreign ministry spokesman", "Algeria's High Security Council"), or null.
 */
function titleOwner(view: SentenceView, last: number): MentionSlot | null {
  const { tokens, mentionAt } = view;
  let first = last;
  while (first > 0 && last - first < 3 && /^\p{Lu}\p{Ll}/u.test(tokens[first - 1]?.text ?? '')) {
    if (mentionAt[first - 1] || TITLE_WORD.test(tokens[first - 1]?.text ?? '')) break;
    first--;
  }
  let k = first - 1;
  const titleOrName = (text: string) => TITLE_WORD.test(text) || /^\p{Lu}\p{Ll}/u.test(text);
  while (k >= 0 && first - k <= 4 && !mentionAt[k] && titleOrName(tokens[k]?.text ?? '')) k--;
  // Without a title, only a possessive owns the name ("Norway's High Aviation Board").
  if (tokens[k]?.lower === "'s") k--;
  else if (k === first - 1) return null;
  const slot = mentionAt[k];
  const owns =
    slot && (['state', 'organisation', 'group'] as const).some((t) => t === slot.mention.mentionType);
  return owns ? slot : null;
}

/** A headline in title case ("Navy Warship Conducts Joint Exercises"), where capitals mark no names. */
function isTitleCase(view: SentenceView): boolean {
  const long = view.tokens.filter((t, i) => t.isWord && t.text.length > 3 && !view.mentionAt[i]);
  return long.length >= 3 && long.filter((t) => /^\p{Lu}/u.test(t.text)).length / long.length >= 0.7;
}

/** The last two persons or states of different countries named before token `end`, earliest first. */
function lastTwoSides(
  view: SentenceView,
  end: number,
  toParticipant: (slot: MentionSlot) => Participant,
): Participant[] {
  const found: Participant[] = [];
  for (let i = end - 1; i >= 0 && found.length < 2; i--) {
    const slot = view.mentionAt[i];
    if (!slot) continue;
    i = slot.first;
    const type = slot.mention.mentionType;
    if (type !== 'person' && type !== 'state') continue;
    const participant = toParticipant(slot);
    if (participant.code && !found.some((p) => p.code === participant.code)) found.unshift(participant);
  }
  return found;
}

/** The first actor of the clause ending at `end` that is not a prepositional object. */
function clauseFirstSubject(
  view: SentenceView,
  end: number,
  toParticipant: (slot: MentionSlot) => Participant,
): Participant[] {
  let start = end;
  while (start > 0 && ![';', ':'].includes(view.tokens[start - 1]?.text ?? '')) start--;
  for (let i = start; i < end; i++) {
    const slot = view.mentionAt[i];
    if (!slot) continue;
    i = slot.last;
    if (isPrepositionalObject(view.tokens, view.mentionAt, slot) || isGenericDemonym(view, slot)) continue;
    if (view.tokens[slot.last + 1]?.lower === "'s" && headOf(view, slot) === slot) continue;
    return coordinatedForward(view, slot).map(toParticipant);
  }
  return [];
}

/** "created North Korea ... and bankrolled it", "removing Turkey from": a name right after a past-tense verb or a
 * gerund is that verb's object. */
function followsPastVerb(tokens: readonly Token[], slot: MentionSlot): boolean {
  let k = slot.first - 1;
  while (k >= 0 && ['the', 'a', 'an'].includes((tokens[k] as Token).lower)) k--;
  const previous = tokens[k];
  return previous?.isWord === true && /^[a-z]+(?:ed|ing)$/.test(previous.text);
}

function firstOfNounPhrase(view: SentenceView, match: TriggerMatch): number {
  let k = match.first;
  while (k > 0 && match.first - k < 6) {
    const previous = view.tokens[k - 1] as Token;
    const inMention = view.mentionAt[k - 1] !== null;
    if (!inMention && previous.lower !== "'s" && !(previous.isWord && isModifierWord(previous))) break;
    k--;
  }
  return k;
}

/**
 * A noun right after a light verb ("held three summits", "paid a visit") takes that verb's subject: the verb's
 * token index, or null.
 */
function lightVerbOf(
  view: SentenceView,
  match: TriggerMatch,
  matches: readonly TriggerMatch[],
): number | null {
  for (let k = match.first - 1; k >= Math.max(0, match.first - 4); k--) {
    const token = view.tokens[k] as Token;
    if (!token.isWord) return null;
    if (LIGHT_VERBS.has(token.lower)) return k;
    if (matches.some((m) => m.last === k && m.entry.pos === 'verb')) return null;
    if (view.mentionAt[k] || PREPOSITIONS.has(token.lower)) return null;
    if (!isModifierWord(token)) return null;
  }
  return null;
}

/** Words that may stand between a verb and its object noun: determiners, numbers, adjectives. */
function isModifierWord(token: Token): boolean {
  if (DETERMINERS.has(token.lower) || /^\d/.test(token.lower) || token.lower.includes('-')) return true;
  if (/(al|ic|ive|ary|ous|ful|less|ed|ern|ian|ese|ish|est|er)$/.test(token.lower)) return true;
  return [
    'new',
    'first',
    'second',
    'third',
    'long',
    'large',
    'major',
    'more',
    'further',
    'public',
    'joint',
    'many',
    'few',
    'no',
    'any',
    'formal',
    'official',
    'private',
    'secret',
    'direct',
    'full',
    'high',
    'top',
    'key',
  ].includes(token.lower);
}

/** "During a trip to X on 18 May, Lavrov said": the noun sits in a fronted adjunct before the main clause. */
function inFrontedAdjunct(view: SentenceView, match: TriggerMatch): boolean {
  const first = view.tokens[0];
  if (!first || !PREPOSITIONS.has(first.lower)) return false;
  return view.tokens.slice(0, match.first).every((t) => t.text !== ',');
}

function mainClauseSubject(
  view: SentenceView,
  match: TriggerMatch,
  toParticipant: (slot: MentionSlot) => Participant,
): Participant[] {
  const comma = view.tokens.findIndex((t, i) => i > match.last && t.text === ',');
  if (comma < 0) return [];
  for (let i = comma + 1; i < view.tokens.length; i++) {
    const token = view.tokens[i] as Token;
    if (isClauseBoundary(token)) break;
    const slot = view.mentionAt[i];
    if (!slot) continue;
    i = slot.last;
    if (view.tokens[slot.last + 1]?.lower === "'s" && headOf(view, slot) === slot) continue;
    if (slot.mention.resolution === 'demonym') {
      const head = view.mentionAt.slice(slot.last + 1, slot.last + 5).find((s) => s !== null);
      if (head) continue; // "Russian Foreign Minister Sergei Lavrov": the person follows
    }
    if (isPrepositionalObject(view.tokens, view.mentionAt, slot)) continue;
    return [toParticipant(slot)];
  }
  return [];
}

/** "recognised South Korea (receiving ...)": the mention right after an earlier verb is its object. */
function isObjectOfEarlierVerb(
  tokens: readonly Token[],
  matches: readonly TriggerMatch[],
  slot: MentionSlot,
): boolean {
  let k = slot.first - 1;
  while (k >= 0 && DETERMINERS.has((tokens[k] as Token).lower)) k--;
  // Also a name inside a verb phrase's gap: "sent Putin a letter".
  return matches.some(
    (m) =>
      m.entry.pos === 'verb' && !m.passive && (m.last === k || (m.first < slot.first && slot.last < m.last)),
  );
}

function hasPossessor(view: SentenceView, match: TriggerMatch): boolean {
  const modifier = nounModifier(view, match);
  if (!modifier) return false;
  return view.tokens.slice(modifier.first, match.first).some((t) => t.lower === "'s");
}

/** A mention within a few words before a nominal trigger, joined to it only by adjectives or a possessive. */
function nounModifier(view: SentenceView, match: TriggerMatch): MentionSlot | null {
  for (let k = match.first - 1; k >= Math.max(0, match.first - 5); k--) {
    const slot = view.mentionAt[k];
    if (slot) return isGenericDemonym(view, slot) ? null : slot;
    const token = view.tokens[k] as Token;
    if (!token.isWord && token.lower !== "'s" && token.text !== '-') return null;
    if (PREPOSITIONS.has(token.lower) || (BE_FORMS.has(token.lower) && token.lower !== "'s")) return null;
    if (SINGLE_WORD_TRIGGERS.has(token.lower) || LIGHT_VERBS.has(token.lower)) return null;
  }
  return null;
}

function isPrepositionalToken(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return previous !== undefined && PREPOSITIONS.has(previous.lower);
}

function isPrepositionalObject(
  tokens: readonly Token[],
  mentionAt: readonly (MentionSlot | null)[],
  slot: MentionSlot,
): boolean {
  let k = slot.first - 1;
  // Skip determiners: "with the Russian president".
  while (k >= 0 && DETERMINERS.has((tokens[k] as Token).lower)) k--;
  const previous = tokens[k];
  if (!previous) return false;
  if (PREPOSITIONS.has(previous.lower)) return true;
  // A coordinated object: "with Xi and Moon" — the second is an object when the first is.
  if ((previous.lower === 'and' || previous.lower === 'or') && k > 0) {
    const before = mentionAt[k - 1];
    if (before) return isPrepositionalObject(tokens, mentionAt, before);
  }
  return false;
}

/** The preposition governing an object after the trigger, `dobj` for a bare object, null when not an argument. */
function governingPreposition(
  tokens: readonly Token[],
  mentionAt: readonly (MentionSlot | null)[],
  slot: MentionSlot,
  triggerLast: number,
): string | null {
  let k = slot.first - 1;
  let skipped = 0;
  while (k > triggerLast) {
    const token = tokens[k] as Token;
    if (PREPOSITIONS.has(token.lower)) return token.lower;
    if (!token.isWord && token.lower !== "'s" && token.text !== '-' && token.text !== '$') return null;
    // Another actor intervenes, unless it is a possessive determiner: "met his counterpart Wang Yi".
    if (mentionAt[k] && !POSSESSIVE_DETERMINERS.has(token.lower)) return null;
    skipped++;
    k--;
  }
  return skipped <= 3 ? 'dobj' : null;
}

const CONJUNCTIONS = new Set(['and', 'or', 'nor']);

/** A capitalised word that is no actor, or a demonym: part of a title before a name ("Chinese President"). */
function isTitleWord(view: SentenceView, index: number): boolean {
  const token = view.tokens[index];
  if (!token?.isWord || !/^\p{Lu}/u.test(token.text)) return false;
  const slot = view.mentionAt[index];
  return !slot || slot.mention.resolution === 'demonym';
}

/** The mention and those coordinated before it: "Kim and Putin", "Russia (and China)". */
function coordinatedBackward(view: SentenceView, slot: MentionSlot): MentionSlot[] {
  const group: MentionSlot[] = [headOf(view, slot)];
  let current = slot;
  for (;;) {
    let k = skipListPunctuation(view, current.first - 1, -1).index;
    // "Modi and President Xi", "Putin and Chinese President Xi", "Sisi and Eritrea's President Isaias": a title,
    // with its demonym or possessor, before the name.
    let title = current.first - 1;
    while (title > current.first - 5 && isTitleWord(view, title)) title--;
    const possessor = view.mentionAt[title - 1];
    if (title < current.first - 1 && view.tokens[title]?.lower === "'s" && possessor)
      title = possessor.first - 1;
    if (title < current.first - 1 && CONJUNCTIONS.has(view.tokens[title]?.lower ?? '')) k = title;
    const conj = view.tokens[k]?.lower ?? '';
    if (!CONJUNCTIONS.has(conj)) {
      const maybe = view.mentionAt[k];
      // "Sisi, Hassan Sheikh and Isaias": a comma before a name already coordinated with "and" continues the list.
      if (
        maybe &&
        group.length >= 2 &&
        view.tokens[current.first - 1]?.text === ',' &&
        k === current.first - 2
      ) {
        group.unshift(headOf(view, maybe));
        current = maybe;
        continue;
      }
      // "Russia's then-president Dmitry Medvedev": the possessor is part of the head's phrase.
      if (view.tokens[current.first - 1]?.lower !== "'s" || !maybe) break;
      current = maybe;
      continue;
    }
    const skipped = skipListPunctuation(view, k - 1, -1);
    const before = view.mentionAt[skipped.index];
    if (!before) break;
    // "a treaty with Chile, and Chile criticised ...": ", and" after a single name opens a new clause; only a list
    // of three or more ("A, B, and C") ends that way.
    if (
      skipped.comma &&
      group.length === 1 &&
      !view.mentionAt[before.first - 2] &&
      view.tokens[before.first - 1]?.text !== ','
    )
      break;
    group.unshift(headOf(view, before));
    current = before;
  }
  return dedupeSlots(group);
}

/** The mention and those coordinated after it: "Stalin and China's Mao Zedong". */
function coordinatedForward(view: SentenceView, slot: MentionSlot): MentionSlot[] {
  const group: MentionSlot[] = [headOf(view, slot)];
  let current = headOf(view, slot);
  for (;;) {
    const skipped = skipListPunctuation(view, current.last + 1, 1);
    const conj = view.tokens[skipped.index]?.lower ?? '';
    if (!CONJUNCTIONS.has(conj)) break;
    // "a treaty with Chile, and Peru criticised ...": ", and" after a single name opens a new clause (a list of
    // three or more may end in ", and C").
    if (skipped.comma && group.length === 1) break;
    const next = view.mentionAt[skipListPunctuation(view, skipped.index + 1, 1).index];
    if (!next) break;
    current = headOf(view, next);
    group.push(current);
  }
  return dedupeSlots(group);
}

/** From `index`, steps past brackets and commas in direction `step`; says whether a comma was among them. */
function skipListPunctuation(
  view: SentenceView,
  index: number,
  step: 1 | -1,
): { index: number; comma: boolean } {
  let k = index;
  let comma = false;
  while (k >= 0 && k < view.tokens.length && ['(', ')', ','].includes(view.tokens[k]?.text ?? '')) {
    comma ||= view.tokens[k]?.text === ',';
    k += step;
  }
  return { index: k, comma };
}

/** A possessor mention followed by a person or organisation mention: the latter is the head. */
function headOf(view: SentenceView, slot: MentionSlot): MentionSlot {
  if (view.tokens[slot.last + 1]?.lower !== "'s") return slot;
  if (slot.mention.mentionType === 'person' || slot.mention.mentionType === 'pronoun') return slot;
  for (let k = slot.last + 2; k <= slot.last + 4 && k < view.tokens.length; k++) {
    const next = view.mentionAt[k];
    if (next && (next.mention.mentionType === 'person' || next.mention.mentionType === 'organisation'))
      return next;
    const token = view.tokens[k] as Token;
    if (!token.isWord || PREPOSITIONS.has(token.lower) || SINGLE_WORD_TRIGGERS.has(token.lower)) break;
  }
  return slot;
}

function dedupeSlots(slots: readonly MentionSlot[]): MentionSlot[] {
  return slots.filter((slot, i) => slots.findIndex((other) => other.mention.id === slot.mention.id) === i);
}

const VERB_TARGET_PREPS = new Set([
  'to',
  'with',
  'against',
  'on',
  'into',
  'for',
  'at',
  'in',
  'toward',
  'towards',
]);
// What one withdraws, recalls or suspends something from.
const WITHDRAWAL_TARGET_PREPS = new Set([...VERB_TARGET_PREPS, 'from']);
const NOUN_TARGET_PREPS = new Set([
  'to',
  'with',
  'against',
  'of',
  'on',
  'for',
  'at',
  'in',
  'toward',
  'towards',
]);
const LOCATIVE = new Set(['at', 'in']);

/** Source and target participants from the grammatical roles and the trigger's role frame. */
function orient(match: TriggerMatch, roles: Roles): { sources: Participant[]; targets: Participant[] } {
  const { entry } = match;
  const all = (prep: string): Participant[] =>
    roles.objects.filter((o) => o.prep === prep).flatMap((o) => [...o.group]);
  const movement = entry.movement !== null;
  // The nearest object among the allowed prepositions; "in"/"at" name a target only for an organisation or a
  // state (a place there is where it happened), unless the trigger is a movement to a destination.
  const nearest = (allowed: ReadonlySet<string>): Participant[] => {
    for (const object of roles.objects) {
      if (object.prep === 'dobj' || !allowed.has(object.prep)) continue;
      if (LOCATIVE.has(object.prep) && !movement && object.group.some((p) => p.isPlace)) continue;
      if (movement && object.group.every((p) => !p.isPlace && p.mention.mentionType !== 'state')) continue;
      return [...object.group];
    }
    return [];
  };
  const direct = (): Participant[] => {
    const group = all('dobj');
    if (movement) return group.filter((p) => p.isPlace || p.mention.mentionType === 'state');
    return group;
  };
  if (match.passive) {
    // "a dinner hosted by X": X is the host, the guest is the visiting source.
    if (entry.frame === 'host') return { sources: [...roles.subjects], targets: all('by') };
    return { sources: all('by'), targets: [...roles.subjects] };
  }
  switch (entry.frame) {
    case 'recipient':
      return { sources: all('from'), targets: [...roles.subjects] };
    case 'host':
      return { sources: direct(), targets: [...roles.subjects] };
    case 'symmetric': {
      const between = all('between');
      if (between.length >= 2 && roles.subjects.length === 0) {
        return { sources: between.slice(0, 1), targets: between.slice(1, 2) };
      }
      const withWhom = [...direct(), ...all('with')];
      // "A, B and C met": the first named with each of the others.
      if (withWhom.length === 0 && roles.subjects.length >= 2) {
        return { sources: roles.subjects.slice(0, 1), targets: roles.subjects.slice(1) };
      }
      return {
        sources: [...roles.subjects],
        targets: withWhom.length > 0 ? withWhom : nearest(VERB_TARGET_PREPS),
      };
    }
    case 'agent': {
      if (entry.pos === 'noun') {
        const between = all('between');
        if (between.length >= 2) return { sources: between.slice(0, 1), targets: between.slice(1, 2) };
        // "intervention by China", "a loan from Seoul": the agent follows the noun.
        // Only the first object counts, and "from" marks a giver only for what is given (aid, loans).
        const firstObject = roles.objects[0];
        const byAgent = firstObject?.prep === 'by' ? [...firstObject.group] : [];
        const fromGiver = firstObject?.prep === 'from' && entry.type === 'AID' ? [...firstObject.group] : [];
        const agent = byAgent.length > 0 ? byAgent : fromGiver;
        if (agent.length > 0 && (!roles.nounAgentFromModifier || fromGiver.length > 0)) {
          return {
            sources: agent,
            targets: roles.subjects.length > 0 ? [...roles.subjects] : nearest(NOUN_TARGET_PREPS),
          };
        }
        const targets = nearest(NOUN_TARGET_PREPS);
        return jointly(entry.type, roles.subjects, targets.length > 0 ? targets : [...roles.clauseSubject]);
      }
      const object = direct();
      // "recalled its ambassador from Madrid", "suspended imports from four Chilean plants".
      const withdrawal = entry.mode === 'withdraw' || entry.mode === 'cancel' || entry.type === 'RETREAT';
      const targets =
        object.length > 0 ? object : nearest(withdrawal ? WITHDRAWAL_TARGET_PREPS : VERB_TARGET_PREPS);
      const oriented = jointly(entry.type, roles.subjects, targets);
      // "denounced actions by X", "welcomed the proposal by X": the act answers X's.
      const firstObject = roles.objects[0];
      if (oriented.targets.length > 0 || firstObject?.prep !== 'by' || firstObject.afterComma)
        return oriented;
      return { sources: oriented.sources, targets: [...firstObject.group] };
    }
  }
}

/** Types whose act, done jointly by two parties, is an act between them (agreeing, meeting, cooperating). */
const JOINT_TYPES: ReadonlySet<string> = new Set(['AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT']);

/**
 * "Jordan and Britain signed a treaty", "France and Brazil began joint exercises": a joint act of two parties
 * with no third named is an act between them, the first named as source.
 */
function jointly(
  type: string | null,
  subjects: readonly Participant[],
  targets: readonly Participant[],
): { sources: Participant[]; targets: Participant[] } {
  const partner = subjects.find((p) => p.code !== subjects[0]?.code);
  if (targets.length === 0 && partner && type !== null && JOINT_TYPES.has(type)) {
    return { sources: subjects.slice(0, 1), targets: [partner] };
  }
  return { sources: [...subjects], targets: [...targets] };
}

const ANAPHORIC = new Set(['such', 'these', 'those', 'this', 'that', 'the']);

const REFERRING = new Set(['at', 'during', 'after', 'before', 'since', 'following']);

function referencedEvent(view: SentenceView, matches: readonly TriggerMatch[]): 'meet' | 'visit' | null {
  for (const match of matches) {
    if (match.entry.pos !== 'noun' || match.entry.type !== 'CONSULT') continue;
    const determiner = view.tokens[match.first - 1]?.lower ?? '';
    const preposition = view.tokens[match.first - 2]?.lower ?? '';
    if (!['the', 'this', 'that', 'their', 'his', 'her'].includes(determiner) || !REFERRING.has(preposition))
      continue;
    return match.entry.mode === 'visit' ? 'visit' : 'meet';
  }
  return null;
}

function isDateLike(timex: Timex): boolean {
  if (timex.type !== 'DATE' && timex.type !== 'TIME') return false;
  return /^\d{4}/.test(timex.value);
}

/** A time of day ("the evening of 19 September") dates an event to its day. */
function dateValue(timex: Timex): string {
  return timex.type === 'TIME' ? timex.value.replace(/T.*$/, '') : timex.value;
}

/** The clause's own time expression, else the running narrative date within the same paragraph. */
function dateFor(
  view: SentenceView,
  match: TriggerMatch,
  matches: readonly TriggerMatch[],
  narrative: Timex | null,
): { timex: Timex | null; value: string | null; basis: 'clause' | 'narrative' } {
  // "under the 1965 agreement", "a 2016 pact": a year naming a thing does not date the act, only that thing;
  // "had until 1 November to leave": a deadline bounds the act and does not date it.
  const candidates = view.timexes.filter(
    (t) => isDateLike(t) && !namesAnotherThing(view, t, match) && !isDeadlineIn(view, t),
  );
  const after = candidates.filter((t) => spanOf(t).start >= match.end);
  const before = candidates.filter((t) => spanOf(t).end <= match.start);
  // "arrived in Beijing ..., and met Xi the next day": a date after a coordinated verb is that verb's.
  const coordinatedVerb = matches.find(
    (m) => m.first > match.last && m.entry.pos === 'verb' && view.tokens[m.first - 1]?.lower === 'and',
  );
  const nextTriggerStart = coordinatedVerb
    ? (view.tokens[coordinatedVerb.first] as Token).start
    : Number.POSITIVE_INFINITY;
  // A date after a relative pronoun or a subordinating conjunction belongs to that embedded clause:
  // "agreed to resume talks, which it had suspended in August".
  const withinClause = (t: Timex) =>
    !crossesBoundary(view, match.end, spanOf(t).start) &&
    !crossesSubordinator(view, match.end, spanOf(t).start);
  const right = after.find((t) => withinClause(t) && spanOf(t).start < nextTriggerStart);
  const inside = candidates.find((t) => spanOf(t).start < match.end && spanOf(t).end > match.start);
  const left = [...before]
    .reverse()
    .find((t) => !crossesBoundary(view, spanOf(t).end, match.start) && !insideRelativeClause(view, t, match));
  // "In 1990, ...: the Soviet Union recognised ..." — a sentence-initial date frames the whole sentence.
  const framing = before.find((t) => spanOf(t).start - view.start <= 4);
  // "On 5 August, a ship fired at a boat ..., a wreck grounded there in 1999": past a comma, a later date
  // describes something else, and the sentence's opening date still frames the act.
  const rightPastComma =
    right !== undefined &&
    view.tokens.some(
      (t, i) =>
        t.text === ',' &&
        t.start >= match.end &&
        t.end <= spanOf(right).start &&
        (view.tokens[i + 1]?.start ?? t.end) > t.end, // a comma and a space, not "1,000"
    );
  // "... on 10 October after Lavrov hosted them, the second truce was announced a week later": the same
  // holds for a date just before the act in its clause.
  const chosen =
    inside ??
    (rightPastComma && (left ?? framing) ? (left ?? framing) : (right ?? left ?? framing)) ??
    before.filter((t) => !insideRelativeClause(view, t, match)).at(-1) ??
    null;
  if (chosen) return { timex: chosen, value: dateValue(chosen), basis: 'clause' };
  if (narrative) {
    return { timex: narrative, value: dateValue(narrative), basis: 'narrative' };
  }
  return { timex: null, value: null, basis: 'clause' };
}

// A date counted back from the story's own: it tells of an earlier event, not where the story is.
const LOOKS_BACK = /\b(?:earlier|before|previously|ago)$/i;

const EMBEDDING_WORDS = new Set(['which', 'who', 'whom', 'whose']);

// Conjunctions that open a clause of their own when a gerund or a subject pronoun follows: "since taking power
// in 2011", "after they met in May" (but "since 2011" and "once before, in 2019" are adjuncts of the event).
const CLAUSE_OPENERS = new Set(['since', 'after', 'before', 'until', 'when', 'while']);
const CLAUSE_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/**
 * Whether a relative or subordinate clause opens between `from` and `to` and is still open at `to`
 * (a dash or bracket closes it).
 */
function crossesSubordinator(view: SentenceView, from: number, to: number): boolean {
  let open = false;
  const inside = view.tokens.filter((t) => t.start >= from && t.end <= to);
  for (const [i, t] of inside.entries()) {
    const word = t.text.toLowerCase();
    const next = inside[i + 1]?.text.toLowerCase() ?? '';
    const opensClause = CLAUSE_OPENERS.has(word) && (/^[a-z]+ing$/.test(next) || CLAUSE_SUBJECTS.has(next));
    // "met Biden at the White House, where Biden said ...": a relative "where" after a comma.
    const relativeWhere = word === 'where' && inside[i - 1]?.text === ',';
    if (EMBEDDING_WORDS.has(word) || opensClause || relativeWhere) open = true;
    else if (open && /^[–—)\]]$|^-$/.test(t.text)) open = false;
  }
  return open;
}

/**
 * A year between a determiner and a word names a thing ("the 1965 agreement", "a 2016 pact"): it dates that
 * thing when the thing is the act's own word, and nothing else.
 */
function namesAnotherThing(view: SentenceView, timex: Timex, match: TriggerMatch): boolean {
  if (!/^\d{4}$/.test(timex.value)) return false;
  const span = spanOf(timex);
  const i = view.tokens.findIndex((t) => t.start === span.start);
  if (i < 1) return false;
  const next = view.tokens.find((t) => t.start >= span.end);
  if (!next || !/^\p{L}/u.test(next.text) || !DETERMINERS.has((view.tokens[i - 1] as Token).lower))
    return false;
  return next.start < match.start || next.start >= match.end;
}

function isDeadlineIn(view: SentenceView, timex: Timex): boolean {
  const span = spanOf(timex);
  return isDeadline(view.text, span.start, span.end);
}

/** "Cairo, which had asked the week before, accused ...": a date inside a relative clause closed before the act. */
function insideRelativeClause(view: SentenceView, timex: Timex, match: TriggerMatch): boolean {
  const span = spanOf(timex);
  const opening = view.tokens.filter((t) => t.end <= span.start);
  let k = opening.length - 1;
  while (k >= 0 && (opening[k] as Token).text !== ',') k--;
  if (k < 0 || !EMBEDDING_WORDS.has(opening[k + 1]?.lower ?? '')) return false;
  return view.tokens.some((t) => t.text === ',' && t.start >= span.end && t.end <= match.start);
}

function crossesBoundary(view: SentenceView, from: number, to: number): boolean {
  return view.tokens.some((t) => t.start >= from && t.end <= to && (t.text === ';' || t.text === ':'));
}

function holderOf(view: SentenceView, cue: FactualityCue, personName: (id: string) => string | null): string {
  if (cue.holderIsGeneric || !cue.holderSpan) return 'unnamed';
  const span = cue.holderSpan;
  for (let i = 0; i < view.tokens.length; i++) {
    const token = view.tokens[i] as Token;
    if (token.start < span.start || token.end > span.end) continue;
    const slot = view.mentionAt[i];
    if (!slot) continue;
    const participant = participantOf(headOf(view, slot).mention, personName);
    const holder = participant.person ?? participant.code;
    if (holder) return holder;
  }
  return 'unnamed';
}

function pseudoMention(token: Token): Mention {
  return {
    kind: 'mention',
    id: `name:${token.start}`,
    docId: '',
    evidence: [{ docId: '', start: token.start, end: token.end }],
    extractor: { name: 'events', version: '1' },
    text: token.text,
    mentionType: 'state',
    entityId: null,
    country: null,
    candidates: [],
    lat: null,
    lon: null,
    resolution: null,
  };
}

/** Trigger matches in a bare piece of text (no actor mentions), for typing sentences without context. */
export function triggersInText(text: string): TriggerMatch[] {
  const tokens = tokenize(text);
  // Without an actor stage, a capitalised word that is no trigger stands in for a named actor, so that
  // "Norway Condemns ..." reads as subject and verb (headlines are in title case).
  const mentionAt = tokens.map((token, i): MentionSlot | null =>
    token.isWord && /^\p{Lu}/u.test(token.text) && !LEXICON.has(token.lower)
      ? { mention: pseudoMention(token), first: i, last: i }
      : null,
  );
  return findTriggers({
    text,
    index: 0,
    start: 0,
    end: text.length,
    tokens,
    mentionAt,
    timexes: [],
    paragraph: 0,
    sides: new Map(),
  });
}
