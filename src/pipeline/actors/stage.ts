/**
 * Recognises actors and places and resolves them to stable ids: states (ISO alpha-3), organisations, people (dated
 * roles pick who "the Russian president" or "Kim" was at the time), places (gazetteer + curated facilities and
 * regions, disambiguated by the countries the document talks about) and a light in-paragraph coreference.
 */
import type { Candidate, DyadDocument, Finding, Mention, MentionType, Timex } from '../../domain/model.js';
import { findingId, type Stage, type StageContext } from '../pipeline.js';
import { splitSentences, type TextRange } from '../sentences.js';
import {
  ORGANISATION_BY_ID,
  PERSON_BY_ID,
  type PersonRecord,
  type PlaceRecord,
  PREDECESSORS,
  type RoleCode,
  STATE_BY_ID,
} from './data.js';
import type { Gazetteer } from './gazetteer.js';
import {
  LEXICON,
  type LexiconEntry,
  MAX_NAME_TOKENS,
  MAX_TITLE_TOKENS,
  TITLE_FIRST_WORDS,
  TITLES,
} from './lexicon.js';
import { joinableGaps, squash, type Token, tokenize } from './normalize.js';
import { activeRoles, dayWindow, holdersOf, roleOverlapDays, roleRank, type TimeWindow } from './people.js';

export const ACTORS_EXTRACTOR = { name: 'actors', version: '1' } as const;

export interface ActorStageOptions {
  /** City gazetteer; without one only curated places (facilities, regions, capitals) are found. */
  readonly gazetteer?: Gazetteer;
}

const NAME_PARTICLES = new Set(['de', 'al', 'von', 'van', 'le', 'la', 'du', 'bin', 'ibn', 'el', 'da', 'di']);
const LOCATIVE = new Set([
  'in',
  'to',
  'at',
  'from',
  'into',
  'near',
  'toward',
  'towards',
  'via',
  'outside',
  'inside',
  'around',
  'left',
  'reached',
  'visited',
  'visiting',
  'visit',
  'arrived',
  'leaving',
  'reaching',
  'through',
]);
// Buildings that stand for a government are places only when the text is about being there.
const STRONG_LOCATIVE = new Set([
  'in',
  'at',
  'inside',
  'outside',
  'near',
  'into',
  'visited',
  'left',
  'reached',
  'arrived',
]);
// Words between a state and a title that keep the title about that state: "Russia's then-president".
const TITLE_FILLERS = new Set([
  's',
  'then',
  'the',
  'current',
  'incumbent',
  'acting',
  'interim',
  'new',
  'its',
  'their',
]);
// Determiners that make a title generic ("no Soviet leader", "the first Russian defence minister to ...").
const GENERIC_CUES = new Set([
  'a',
  'an',
  'no',
  'any',
  'every',
  'each',
  'first',
  'neither',
  'either',
  'successive',
  'future',
  'previous',
  'former',
  'ex',
  'typical',
  'another',
  'other',
  'one',
]);
const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
// Capitalised English words that are also the names of towns with more than 15,000 inhabitants.
const COMMON_WORD_TOWNS = new Set(
  'of police split nice mobile reading bath most bar union liberty independence enterprise mission progress victory hope orange commerce industry university republic justice opportunity buy why along sale gap ende marshall bradley wilson jackson hamilton lincoln victoria florence young general president minister this that these they there he she it we you our but and or as if when while after before since during god bell delta brent stanley taylor norton hurst hudson carolina columbia mercury apollo phoenix dunkirk'.split(
    ' ',
  ),
);
// Words that make "General Motors Corp" or "General Accounting Office" an organisation, not General So-and-so.
const ORGANISATION_WORDS = new Set(
  'corp corporation inc co company ltd plc insurance motors electric dynamics mills foods assembly council office agency bureau department ministry committee commission staff group bank fund association union party secretary general'.split(
    ' ',
  ),
);
const FEATURE_WORDS = new Set(
  'shoal reef reefs island islands isle strait straits sea bay gulf river lake mount mountains peninsula cape canal bridge dam airport airbase base station street avenue square port harbour harbor valley desert county province district city park hospital university college school institute foundation prize award church cathedral mosque temple palace tower centre center hall stadium'.split(
    ' ',
  ),
);
// Given names that start a person's name: those of the people Dyad knows plus common English ones.
const GIVEN_NAMES: ReadonlySet<string> = (() => {
  const names = new Set(
    'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank raymond jack dennis jerry tyler aaron jose adam nathan henry douglas peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail sophia frances jean alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla alexis lori marie jim tom bob bill mike dave steve tony chris dan ben sam nick tim ted ken greg jeff rick ron andy fred'.split(
      ' ',
    ),
  );
  for (const p of PERSON_BY_ID.values()) {
    const first = p.name.split(/\s+/)[0];
    if (p.surnames[0] !== first && first && first.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(first))
      names.add(squash(first));
  }
  return names;
})();
const PRONOUNS_PERSON = new Set(['he', 'him', 'his', 'she', 'her', 'hers']);
// "Kim persuaded Stalin that he could...", "Shoigu showed him": these refer to the sentence's subject, while a
// possessive ("to support his war") refers to the nearest person.
const PRONOUN_SUBJECT_BOUND = new Set(['he', 'she', 'him']);

interface RawMatch {
  readonly first: number;
  /** Last token index, inclusive. */
  readonly last: number;
  readonly entries: readonly LexiconEntry[];
  readonly cities: readonly PlaceRecord[];
}

interface TitleHit {
  readonly first: number;
  readonly last: number;
  readonly role: RoleCode | null;
}

interface Draft {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly mentionType: MentionType;
  readonly entityId: string | null;
  readonly country: string | null;
  readonly candidates: readonly Candidate[];
  readonly lat: number | null;
  readonly lon: number | null;
  readonly resolution: string | null;
  readonly sentence: number;
}

interface DocContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly gaps: readonly boolean[];
  readonly sentenceOfToken: readonly number[];
  readonly paragraphOfSentence: readonly number[];
  readonly windowAt: (tokenIndex: number) => TimeWindow | null;
  readonly lowercaseWords: ReadonlySet<string>;
  readonly countryWeight: ReadonlyMap<string, number>;
  readonly totalWeight: number;
  readonly admin1InDoc: ReadonlySet<string>;
  /** Keys of names already accepted as places in this document. */
  readonly placeKeys: Set<string>;
  /** Where each person was last named (by offset), filled as mentions are resolved left to right. */
  readonly personSeenAt: Map<string, number>;
  /** Resolved mentions by their last and first token, for titles that look left and right. */
  readonly draftEndingAt: Map<number, Draft>;
  readonly draftStartingAt: Map<number, Draft>;
}

export function createActorStage(options: ActorStageOptions = {}): Stage {
  const gazetteer = options.gazetteer;
  return {
    extractor: ACTORS_EXTRACTOR,
    run(document: DyadDocument, findingsSoFar: readonly Finding[], context: StageContext): Finding[] {
      const seen = new Map<string, number>();
      return extractMentions(document, findingsSoFar, context, gazetteer).map((d) => {
        const key = `${d.start}-${d.end}`;
        const dup = seen.get(key) ?? 0;
        seen.set(key, dup + 1);
        return toMention(document, d, dup);
      });
    },
  };
}

function toMention(document: DyadDocument, d: Draft, dup: number): Mention {
  return {
    kind: 'mention',
    id: findingId('mention', document.id, d.start, d.end, dup),
    docId: document.id,
    evidence: [{ docId: document.id, start: d.start, end: d.end }],
    extractor: ACTORS_EXTRACTOR,
    text: document.text.slice(d.start, d.end),
    mentionType: d.mentionType,
    entityId: d.entityId,
    country: d.country,
    candidates: d.candidates,
    lat: d.lat,
    lon: d.lon,
    resolution: d.resolution,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning

function scanNames(
  text: string,
  tokens: readonly Token[],
  gaps: readonly boolean[],
  gazetteer: Gazetteer | undefined,
): RawMatch[] {
  const out: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!first.capitalised && !NAME_PARTICLES.has(first.key)) {
      i++;
      continue;
    }
    let best: RawMatch | null = null;
    let key = '';
    let lowerJoined = false;
    for (let j = i; j < tokens.length && j < i + MAX_NAME_TOKENS; j++) {
      if (j > i && !gaps[j - 1]) break;
      key += (tokens[j] as Token).key;
      const entries = (LEXICON.get(key) ?? []).filter((e) => casingFits(e, tokens, i, j));
      // "He met" is not Hemet: a town's words are capitalised unless joined by hyphens ("Stratford-upon-Avon")
      if (
        j > i &&
        !(tokens[j] as Token).capitalised &&
        !/[-\u2010\u2011]/.test(text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start))
      )
        lowerJoined = true;
      const cities = lowerJoined ? [] : (gazetteer?.byKey.get(key) ?? []);
      if (entries.length > 0 || (cities.length > 0 && first.capitalised))
        best = { first: i, last: j, entries, cities };
    }
    // "US$3 billion" is a currency
    if (best && text[(tokens[best.last] as Token).end] === '$') best = null;
    if (best) {
      out.push(best);
      i = best.last + 1;
    } else i++;
  }
  return out;
}

function casingFits(entry: LexiconEntry, tokens: readonly Token[], i: number, j: number): boolean {
  if (entry.caps) {
    for (let k = i; k <= j; k++) if (!(tokens[k] as Token).allCaps) return false;
    return true;
  }
  return (tokens[i] as Token).capitalised || NAME_PARTICLES.has((tokens[i] as Token).key);
}

function scanTitles(tokens: readonly Token[], gaps: readonly boolean[]): TitleHit[] {
  const out: TitleHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!TITLE_FIRST_WORDS.has((tokens[i] as Token).key)) {
      i++;
      continue;
    }
    let best: TitleHit | null = null;
    let key = '';
    for (let j = i; j < tokens.length && j < i + MAX_TITLE_TOKENS; j++) {
      if (j > i && !gaps[j - 1]) break;
      key += (tokens[j] as Token).key;
      const role = TITLES.get(key);
      if (role !== undefined) best = { first: i, last: j, role };
    }
    if (best) {
      out.push(best);
      i = best.last + 1;
    } else i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Document context: sentences, paragraphs, dates

const YEAR =
  /\b(1[89]\d\d|20\d\d)\b(?!\s*(?:km|kilomet|miles?|people|troops|tonnes|tons|soldiers|containers|men|mm)\b)/g;
const LONGEST_USEFUL_WINDOW_DAYS = 5 * 366;

function sentenceRanges(document: DyadDocument, findings: readonly Finding[]): TextRange[] {
  const fromStage = findings
    .filter((f) => f.kind === 'sentence')
    .map((f) => ({ start: f.evidence[0]?.start ?? 0, end: f.evidence[0]?.end ?? 0 }));
  return fromStage.length > 0 ? fromStage.sort((a, b) => a.start - b.start) : splitSentences(document.text);
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\n[ \t]*\n\s*/g)) starts.push((m.index ?? 0) + m[0].length);
  return starts;
}

interface DatedSpan {
  readonly start: number;
  readonly window: TimeWindow;
}

function datedSpans(text: string, findings: readonly Finding[]): DatedSpan[] {
  const timexes = findings.filter((f): f is Timex => f.kind === 'timex');
  const out: DatedSpan[] = [];
  if (timexes.length > 0) {
    for (const t of timexes) {
      if (t.type !== 'DATE' || t.interval === null) continue;
      const window = { earliest: t.interval.earliest.slice(0, 10), latest: t.interval.latest.slice(0, 10) };
      out.push({ start: t.evidence[0]?.start ?? 0, window });
    }
  } else {
    for (const m of text.matchAll(YEAR)) {
      const year = m[1] as string;
      out.push({ start: m.index ?? 0, window: { earliest: `${year}-01-01`, latest: `${year}-12-31` } });
    }
  }
  return out
    .filter(
      (d) =>
        (Date.parse(d.window.latest) - Date.parse(d.window.earliest)) / 86_400_000 <=
        LONGEST_USEFUL_WINDOW_DAYS,
    )
    .sort((a, b) => a.start - b.start);
}

function buildContext(
  document: DyadDocument,
  findings: readonly Finding[],
  context: StageContext,
  tokens: readonly Token[],
  gaps: readonly boolean[],
): Omit<
  DocContext,
  | 'countryWeight'
  | 'totalWeight'
  | 'admin1InDoc'
  | 'placeKeys'
  | 'personSeenAt'
  | 'draftEndingAt'
  | 'draftStartingAt'
> {
  const text = document.text;
  const sentences = sentenceRanges(document, findings);
  const paragraphs = paragraphStarts(text);
  const paragraphOfSentence = sentences.map((s) => {
    let p = 0;
    while (p + 1 < paragraphs.length && (paragraphs[p + 1] as number) <= s.start) p++;
    return p;
  });
  const sentenceOfToken: number[] = [];
  let s = 0;
  for (const t of tokens) {
    while (s + 1 < sentences.length && (sentences[s + 1] as TextRange).start <= t.start) s++;
    sentenceOfToken.push(s);
  }
  const dct = context.dct ?? document.published?.slice(0, 10) ?? null;
  const dated = datedSpans(text, findings);
  // The window for a sentence: the last date named before the token in the sentence, else the sentence's first date,
  // else the last date named earlier in the paragraph, else the document date.
  const sentenceWindows = sentences.map((range) =>
    dated.filter((d) => d.start >= range.start && d.start < range.end),
  );
  const carried: (TimeWindow | null)[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const own = sentenceWindows[k] ?? [];
    const last = own[own.length - 1];
    if (last) carried.push(last.window);
    else if (k > 0 && paragraphOfSentence[k - 1] === paragraphOfSentence[k])
      carried.push(carried[k - 1] ?? null);
    else carried.push(null);
  }
  const windowAt = (tokenIndex: number): TimeWindow | null => {
    const token = tokens[tokenIndex];
    const k = sentenceOfToken[tokenIndex] ?? 0;
    const own = sentenceWindows[k] ?? [];
    if (token && own.length > 0) {
      let chosen = own[0] as DatedSpan;
      for (const d of own) if (d.start <= token.start) chosen = d;
      return chosen.window;
    }
    const previous = k > 0 && paragraphOfSentence[k - 1] === paragraphOfSentence[k] ? carried[k - 1] : null;
    if (previous) return previous;
    return dct ? dayWindow(dct) : null;
  };
  const lowercaseWords = new Set<string>();
  for (const t of tokens) if (!t.capitalised) lowercaseWords.add(t.key);
  return { text, tokens, gaps, sentenceOfToken, paragraphOfSentence, windowAt, lowercaseWords };
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction

export function extractMentions(
  document: DyadDocument,
  findingsSoFar: readonly Finding[],
  context: StageContext,
  gazetteer: Gazetteer | undefined,
): Draft[] {
  const tokens = tokenize(document.text);
  const gaps = joinableGaps(document.text, tokens);
  const base = buildContext(document, findingsSoFar, context, tokens, gaps);
  const matches = scanNames(document.text, tokens, gaps, gazetteer);
  const titles = scanTitles(tokens, gaps);

  // Country context for place disambiguation: states named, people's countries, regions named.
  const countryWeight = new Map<string, number>();
  const admin1InDoc = new Set<string>();
  let totalWeight = 0;
  const bump = (country: string | null, w: number): void => {
    if (!country) return;
    countryWeight.set(country, (countryWeight.get(country) ?? 0) + w);
    totalWeight += w;
  };
  for (const m of matches) {
    const state = m.entries.find((e) => e.kind === 'state' && e.form !== 'metonym');
    if (state && state.kind === 'state') bump(state.id, 1);
    for (const e of m.entries) {
      if (e.kind === 'place' && e.place.placeKind === 'region') {
        bump(e.place.country, 1);
        if (e.place.admin1 && e.place.country) admin1InDoc.add(`${e.place.country}.${e.place.admin1}`);
      }
      if (e.kind === 'person') {
        const p = PERSON_BY_ID.get(e.id);
        bump(p?.roles[p.roles.length - 1]?.country ?? null, 0.5);
      }
    }
  }
  const ctx: DocContext = {
    ...base,
    countryWeight,
    totalWeight,
    admin1InDoc,
    placeKeys: new Set(),
    personSeenAt: new Map(),
    draftEndingAt: new Map(),
    draftStartingAt: new Map(),
  };

  const drafts: Draft[] = [];
  const titleEndingAt = new Map<number, TitleHit>();
  for (const t of titles) titleEndingAt.set(t.last, t);
  const coveredTokens = new Set<number>();

  for (const m of matches) {
    const draft = resolveMatch(m, ctx, titleEndingAt);
    if (draft) {
      drafts.push(draft);
      for (let k = m.first; k <= m.last; k++) coveredTokens.add(k);
      if (draft.mentionType === 'person' && draft.entityId) ctx.personSeenAt.set(draft.entityId, draft.start);
      if (draft.entityId !== null) {
        ctx.draftEndingAt.set(draft.last, draft);
        ctx.draftStartingAt.set(draft.first, draft);
      }
    }
  }
  drafts.push(...resolveTitles(titles, ctx, drafts, coveredTokens));
  drafts.push(...unknownPeople(ctx, drafts, coveredTokens));
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  drafts.push(...resolveCoreference(ctx, drafts, coveredTokens));
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  return drafts;
}

function draftFor(
  ctx: DocContext,
  first: number,
  last: number,
  fields: Omit<Draft, 'first' | 'last' | 'start' | 'end' | 'sentence'>,
): Draft {
  return {
    first,
    last,
    start: (ctx.tokens[first] as Token).start,
    end: (ctx.tokens[last] as Token).end,
    sentence: ctx.sentenceOfToken[first] ?? 0,
    ...fields,
  };
}

function isPossessive(ctx: DocContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  const token = ctx.tokens[last] as Token;
  if (next?.key !== 's') return false;
  const gap = ctx.text.slice(token.end, next.start);
  return gap === "'" || gap === '’';
}

function previousWord(ctx: DocContext, first: number): Token | null {
  const prev = ctx.tokens[first - 1];
  if (!prev) return null;
  const gap = ctx.text.slice(prev.end, (ctx.tokens[first] as Token).start);
  return /^\s+$/.test(gap) ? prev : null;
}

function stateFor(id: string, window: TimeWindow | null, form: 'alias' | 'demonym' | 'metonym'): string {
  // "Moscow" in 1950 is the Soviet Union's government.
  if (form !== 'metonym' || !window) return id;
  const predecessor = PREDECESSORS[id];
  const pred = predecessor ? STATE_BY_ID.get(predecessor) : undefined;
  if (pred?.validTo && window.latest < pred.validTo) return pred.id;
  return id;
}

function resolveMatch(
  m: RawMatch,
  ctx: DocContext,
  titleEndingAt: ReadonlyMap<number, TitleHit>,
): Draft | null {
  // "Su-35", "Tu-95": a name before a hyphen and a number is a model designation.
  const nameEnd = ctx.tokens[m.last]?.end ?? 0;
  if (/^[-‐]\d/.test(ctx.text.slice(nameEnd, nameEnd + 2))) return null;
  const window = ctx.windowAt(m.first);
  const persons = m.entries.filter((e) => e.kind === 'person');
  if (persons.length > 0) {
    const ids = persons.map((e) => (e.kind === 'person' ? e.id : ''));
    return personDraft(ctx, m, ids, window, 'alias', titleCue(ctx, m.first, titleEndingAt));
  }
  const org = m.entries.find((e) => e.kind === 'organisation');
  const state = m.entries.find((e) => e.kind === 'state' && e.form !== 'metonym');
  const metonym = m.entries.find((e) => e.kind === 'state' && e.form === 'metonym');
  const places = placeCandidates(m, ctx);

  if (org && org.kind === 'organisation' && !state) {
    const prev = ctx.tokens[m.first - 1];
    if (org.requiresArticle && prev?.key !== 'the') return null;
    // "Iran's Supreme National Security Council", "the Federal Assembly": a national body's longer name.
    if (prev?.capitalised && NATIONAL_BODY_WORDS.has(prev.key)) return null;
    // "Russia's Security Council", "the Russian Security Council": an international body's bare name after a
    // state's possessive or adjective is that state's namesake.
    if (orgRecord(org.id).country === null && isBareBodyName(ctx, m) && followsStateOwner(ctx, m.first))
      return null;
    // An adjective before a capitalised word is part of another name: "Western Europe", "Western Sahara".
    const next = ctx.tokens[m.last + 1];
    if (
      org.form === 'demonym' &&
      next?.capitalised &&
      ctx.text.slice(ctx.tokens[m.last]?.end, next.start) === ' '
    )
      return null;
    const record = orgRecord(org.id);
    return draftFor(ctx, m.first, m.last, {
      mentionType: 'organisation',
      entityId: org.id,
      country: record.country,
      candidates: [{ id: org.id, score: 1 }],
      lat: record.lat,
      lon: record.lon,
      resolution: org.form === 'demonym' ? 'demonym' : 'alias',
    });
  }
  if (state && state.kind === 'state') {
    // "Georgia" next to Atlanta is the US state, not the country.
    const region = places.find((p) => p.place.placeKind === 'region');
    if (region && share(ctx, region.place.country) > share(ctx, state.id) + 0.1) {
      return placeDraft(ctx, m, places);
    }
    const possessive = isPossessive(ctx, m.last);
    return draftFor(ctx, m.first, m.last, {
      mentionType: 'state',
      entityId: state.id,
      country: state.id,
      candidates: [{ id: state.id, score: 1 }],
      lat: state.lat,
      lon: state.lon,
      resolution: possessive ? 'possessive' : state.form,
    });
  }
  const surname = m.entries.find((e) => e.kind === 'surname');
  // "met in Muscat": after a locative preposition a place of that name beats a person's surname.
  const placeAfterLocative =
    (places.length > 0 || metonym !== undefined) &&
    STRONG_LOCATIVE.has(previousWord(ctx, m.first)?.key ?? '');
  if (
    surname &&
    surname.kind === 'surname' &&
    !placeAfterLocative &&
    !beforeHyphenatedGivenName(ctx, m.last)
  ) {
    const cue = titleCue(ctx, m.first, titleEndingAt);
    const draft = personDraft(ctx, m, surname.ids, window, 'surname', cue);
    if (draft) return draft;
  }
  if (metonym && metonym.kind === 'state') {
    const prev = previousWord(ctx, m.first);
    const article = prev?.key === 'the' ? previousWord(ctx, m.first - 1) : null;
    const cue = article ?? prev;
    const according =
      cue?.key === 'to' && previousWord(ctx, article ? m.first - 2 : m.first - 1)?.key === 'according';
    const locative =
      cue !== null &&
      !according &&
      (metonym.isCapital ? LOCATIVE.has(cue.key) : STRONG_LOCATIVE.has(cue.key));
    if (!locative) {
      const best = places[0];
      const capitalFits =
        !metonym.isCapital ||
        !best ||
        (best.place.country === metonym.id && best.score >= (places[1]?.score ?? 0));
      if (capitalFits) {
        const id = stateFor(metonym.id, window, 'metonym');
        return draftFor(ctx, m.first, m.last, {
          mentionType: 'state',
          entityId: id,
          country: id,
          candidates: [
            { id, score: 1 },
            ...places.slice(0, 3).map((p) => ({ id: p.place.id, score: round(p.score) })),
          ],
          lat: metonym.lat,
          lon: metonym.lon,
          resolution: 'metonym',
        });
      }
    }
    if (places.length === 0) {
      // a seat of power without a gazetteer entry: still a place at the seat's coordinates
      return draftFor(ctx, m.first, m.last, {
        mentionType: 'place',
        entityId: `capital:${metonym.id}`,
        country: metonym.id,
        candidates: [{ id: `capital:${metonym.id}`, score: 1 }],
        lat: metonym.lat,
        lon: metonym.lon,
        resolution: 'alias',
      });
    }
  }
  if (places.length > 0) {
    if (surname && !m.entries.some((e) => e.kind === 'place')) {
      const prev = previousWord(ctx, m.first);
      if (!(prev !== null && LOCATIVE.has(prev.key))) return null;
    }
    if (!m.entries.some((e) => e.kind === 'place') && !metonym && !plausibleCity(m, ctx, places)) return null;
    return placeDraft(ctx, m, places);
  }
  return null;
}

function orgRecord(id: string): { country: string | null; lat: number | null; lon: number | null } {
  const countryId = countryOfOrg(id);
  const record = ORG_COORDS.get(id);
  return { country: countryId, lat: record?.lat ?? null, lon: record?.lon ?? null };
}

const ORG_COORDS = new Map([...ORGANISATION_BY_ID.values()].map((o) => [o.id, { lat: o.lat, lon: o.lon }]));
function countryOfOrg(id: string): string | null {
  return ORGANISATION_BY_ID.get(id)?.country ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// People

interface TitleCue {
  readonly role: RoleCode | null;
  readonly country: string | null;
  readonly generic: boolean;
  readonly first: number;
}

/** A title right before token `first` ("Foreign Minister Lavrov", "Russia's then-president, Medvedev"). */
function titleCue(
  ctx: DocContext,
  first: number,
  titleEndingAt: ReadonlyMap<number, TitleHit>,
): TitleCue | null {
  const title = titleEndingAt.get(first - 1);
  if (!title) return null;
  const gap = ctx.text.slice((ctx.tokens[first - 1] as Token).end, (ctx.tokens[first] as Token).start);
  if (!/^,?\s+$/.test(gap)) return null;
  return cueForTitle(ctx, title);
}

function cueForTitle(ctx: DocContext, title: TitleHit): TitleCue {
  let k = title.first - 1;
  while (k >= 0 && TITLE_FILLERS.has((ctx.tokens[k] as Token).key) && (ctx.tokens[k] as Token).key !== 'the')
    k--;
  const candidate = ctx.draftEndingAt.get(k);
  const owner =
    candidate && (candidate.mentionType === 'state' || candidate.mentionType === 'organisation')
      ? candidate
      : undefined;
  let country = owner?.country ?? (owner?.mentionType === 'organisation' ? owner.entityId : null);
  if (owner?.mentionType === 'organisation') country = owner.entityId;
  const lead = owner ? owner.first : title.first;
  const generic = [1, 2].some((back) => {
    const t = ctx.tokens[lead - back];
    return (
      t !== undefined &&
      ctx.sentenceOfToken[lead - back] === ctx.sentenceOfToken[lead] &&
      GENERIC_CUES.has(t.key)
    );
  });
  if (!owner) {
    // "the president of Russia"
    const of = ctx.tokens[title.last + 1];
    if (of?.key === 'of') {
      const after = ctx.draftStartingAt.get(title.last + 2);
      if (after?.mentionType === 'state') country = after.entityId;
    }
  }
  return { role: title.role, country: country ?? null, generic, first: owner ? owner.first : title.first };
}

function personDraft(
  ctx: DocContext,
  m: RawMatch,
  ids: readonly string[],
  window: TimeWindow | null,
  how: 'alias' | 'surname',
  cue: TitleCue | null,
): Draft | null {
  // People named earlier in the document, most recent last.
  const earlier = ctx.personSeenAt;
  const token = ctx.tokens[m.first] as Token;
  const scored = ids
    .map((id) => {
      const person = PERSON_BY_ID.get(id) as PersonRecord;
      const active = window ? activeRoles(person, window) : [];
      let score = 0;
      const seenAt = earlier.get(id);
      if (seenAt !== undefined) score += 3 + seenAt / Math.max(1, token.start);
      if (active.length > 0) score += 1 + Math.max(...active.map((r) => roleRank(r.role))) * 0.75;
      if (cue?.role && active.some((r) => r.role === cue.role)) score += 2;
      if (cue?.country && person.roles.some((r) => r.country === cue.country)) score += 2;
      if (!window && seenAt === undefined) score += 0.5;
      const country =
        person.roles.find((r) => active.includes(r))?.country ?? person.roles[0]?.country ?? null;
      score += 0.5 * share(ctx, country);
      return { person, score, seen: seenAt !== undefined, active: active.length > 0, country };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  if (how === 'surname') {
    const single = m.first === m.last;
    if (single && MONTHS_AND_DAYS.has(token.key)) return null;
    // "LIN" in a header, "Dow Jones", "Ford Motor", "Kim Yong-chol": someone or something else
    if (token.allCaps && token.text.length > 1) return null;
    if (cue === null && partOfLongerName(ctx, m.first, m.last)) return null;
    const commonWord = ctx.lowercaseWords.has(token.key);
    const licensed = best.seen || (cue !== null && best.active) || (best.active && !commonWord);
    if (!licensed) {
      // "Bush" in a text from 1998: a known surname, but no one of that name in office then or named before
      const prev = previousWord(ctx, m.first);
      const plausibleName =
        single && !commonWord && !isSentenceStart(ctx, m.first) && !(prev !== null && LOCATIVE.has(prev.key));
      if (!plausibleName) return null;
      const total = scored.reduce((sum, s) => sum + Math.max(0, s.score), 0) || 1;
      return draftFor(ctx, m.first, m.last, {
        mentionType: 'person',
        entityId: null,
        country: null,
        candidates: scored
          .slice(0, 5)
          .map((s) => ({ id: s.person.id, score: round(Math.max(0, s.score) / total) })),
        lat: null,
        lon: null,
        resolution: 'surname',
      });
    }
  }
  const second = scored[1];
  const clear = !second || best.score - second.score >= 0.5;
  const total = scored.reduce((sum, s) => sum + Math.max(0, s.score), 0) || 1;
  const window0 = window ?? null;
  const country = window0 ? best.country : (best.person.roles[best.person.roles.length - 1]?.country ?? null);
  const start = cue && !cue.generic && how === 'surname' ? cue.first : m.first;
  return draftFor(ctx, start === cue?.first ? m.first : m.first, m.last, {
    mentionType: 'person',
    entityId: clear ? best.person.id : null,
    country: clear ? country : null,
    candidates: scored
      .slice(0, 5)
      .map((s) => ({ id: s.person.id, score: round(Math.max(0, s.score) / total) })),
    lat: null,
    lon: null,
    resolution: how === 'surname' && cue?.role ? 'role' : how,
  });
}

function resolveTitles(
  titles: readonly TitleHit[],
  ctx: DocContext,
  drafts: readonly Draft[],
  covered: ReadonlySet<number>,
): Draft[] {
  const out: Draft[] = [];
  for (const title of titles) {
    if (covered.has(title.first)) continue;
    const next = ctx.tokens[title.last + 1];
    const nextGap = next ? ctx.text.slice((ctx.tokens[title.last] as Token).end, next.start) : '';
    const followedByName = next !== undefined && /^,?\s+$/.test(nextGap);
    if (followedByName && drafts.some((d) => d.first === title.last + 1 && d.mentionType === 'person'))
      continue;
    const titleToken = ctx.tokens[title.first] as Token;
    // "President Zorblat": a capitalised title followed by a name Dyad does not know.
    if (
      followedByName &&
      titleToken.capitalised &&
      next?.capitalised &&
      !covered.has(title.last + 1) &&
      !ORGANISATION_WORDS.has(next.key)
    ) {
      let last = title.last + 1;
      while (
        last + 1 < ctx.tokens.length &&
        last < title.last + 3 &&
        (ctx.tokens[last + 1] as Token).capitalised &&
        ctx.gaps[last] &&
        !covered.has(last + 1)
      )
        last++;
      let orgLike = false;
      for (let k = title.last + 1; k <= last; k++)
        if (ORGANISATION_WORDS.has((ctx.tokens[k] as Token).key)) orgLike = true;
      if (orgLike) continue;
      out.push(
        draftFor(ctx, title.last + 1, last, {
          mentionType: 'person',
          entityId: null,
          country: cueForTitle(ctx, title).country,
          candidates: [],
          lat: null,
          lon: null,
          resolution: null,
        }),
      );
      continue;
    }
    if (title.role === null) continue;
    const cue = cueForTitle(ctx, title);
    if (cue.generic) continue;
    const window = ctx.windowAt(title.first);
    if (cue.country && window) {
      const holders = holdersOf(cue.country, title.role, window);
      const best = holders[0];
      if (!best) continue;
      const total = holders.reduce((s, h) => s + h.days, 0) || 1;
      out.push(
        draftFor(ctx, cue.first, title.last, {
          mentionType: 'person',
          entityId: holders.length === 1 || best.days / total >= 0.6 ? best.person.id : null,
          country: cue.country,
          candidates: holders.slice(0, 5).map((h) => ({ id: h.person.id, score: round(h.days / total) })),
          lat: null,
          lon: null,
          resolution: 'role',
        }),
      );
      continue;
    }
    // "the president": the last person named who held that office then
    const prev = ctx.tokens[title.first - 1];
    if (prev?.key !== 'the' || !window) continue;
    const antecedent = [...drafts]
      .reverse()
      .find(
        (d) =>
          d.start < titleToken.start &&
          d.mentionType === 'person' &&
          d.entityId !== null &&
          PERSON_BY_ID.get(d.entityId)?.roles.some(
            (r) => r.role === title.role && roleOverlapDays(r, window) > 0,
          ),
      );
    if (antecedent?.entityId) {
      out.push(
        draftFor(ctx, title.first - 1, title.last, {
          mentionType: 'pronoun',
          entityId: antecedent.entityId,
          country: antecedent.country,
          candidates: [{ id: antecedent.entityId, score: 1 }],
          lat: null,
          lon: null,
          resolution: 'coref',
        }),
      );
    }
  }
  return out;
}

/**
 * People Dyad has no record of, named with a known given name ("Jim Press") and later by surname ("Press said"):
 * recognised as persons, left unresolved.
 */
function unknownPeople(ctx: DocContext, drafts: readonly Draft[], covered: ReadonlySet<number>): Draft[] {
  const taken = new Set(covered);
  for (const d of drafts) for (let k = d.first; k <= d.last; k++) taken.add(k);
  const out: Draft[] = [];
  const surnames = new Set<string>();
  const free = (k: number): boolean => {
    const t = ctx.tokens[k];
    return t !== undefined && !taken.has(k) && t.capitalised && !t.allCaps;
  };
  for (let i = 0; i + 1 < ctx.tokens.length; i++) {
    const token = ctx.tokens[i] as Token;
    if (!GIVEN_NAMES.has(token.key) || !free(i) || !free(i + 1) || !ctx.gaps[i]) continue;
    if (ctx.text.slice(token.end, (ctx.tokens[i + 1] as Token).start) !== ' ') continue;
    let last = i + 1;
    // a middle initial or a second family name: "John W. Smith", "Ana Maria Lopez"
    while (last < i + 3 && free(last + 1) && ctx.gaps[last] && /^\.? $/.test(gapAfter(ctx, last))) last++;
    if (ORGANISATION_WORDS.has((ctx.tokens[last] as Token).key)) continue;
    // "Second Thomas Shoal", "James Bay", "George Washington Bridge": a named feature, not a person.
    if (
      FEATURE_WORDS.has((ctx.tokens[last] as Token).key) ||
      FEATURE_WORDS.has(ctx.tokens[last + 1]?.key ?? '')
    )
      continue;
    out.push(unresolvedPerson(ctx, i, last));
    surnames.add((ctx.tokens[last] as Token).key);
    for (let k = i; k <= last; k++) taken.add(k);
    i = last;
  }
  for (let i = 0; i < ctx.tokens.length; i++) {
    const token = ctx.tokens[i] as Token;
    if (!surnames.has(token.key) || !free(i) || partOfLongerName(ctx, i, i)) continue;
    out.push({ ...unresolvedPerson(ctx, i, i), resolution: 'surname' });
  }
  return out;
}

function gapAfter(ctx: DocContext, k: number): string {
  const next = ctx.tokens[k + 1];
  return next ? ctx.text.slice((ctx.tokens[k] as Token).end, next.start) : '';
}

function unresolvedPerson(ctx: DocContext, first: number, last: number): Draft {
  return draftFor(ctx, first, last, {
    mentionType: 'person',
    entityId: null,
    country: null,
    candidates: [],
    lat: null,
    lon: null,
    resolution: null,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Places

interface ScoredPlace {
  readonly place: PlaceRecord;
  readonly score: number;
}

function share(ctx: DocContext, country: string | null): number {
  if (!country || ctx.totalWeight === 0) return 0;
  return (ctx.countryWeight.get(country) ?? 0) / ctx.totalWeight;
}

function placeCandidates(m: RawMatch, ctx: DocContext): ScoredPlace[] {
  const curated = m.entries.flatMap((e) => (e.kind === 'place' ? [e.place] : []));
  const all = [...curated, ...m.cities];
  for (const e of m.entries) {
    if (e.kind !== 'state' || e.form !== 'metonym' || !e.isCapital) continue;
    const near = all.some(
      (p) => p.country === e.id && Math.abs(p.lat - e.lat) + Math.abs(p.lon - e.lon) < 0.5,
    );
    if (!near) {
      all.push({
        id: `capital:${e.id}`,
        name: STATE_BY_ID.get(e.id)?.capital ?? e.id,
        placeKind: 'city',
        country: e.id,
        lat: e.lat,
        lon: e.lon,
        population: CAPITAL_POPULATION,
        admin1: null,
      });
    }
  }
  if (all.length === 0) return [];
  const maxShare = Math.max(...all.map((p) => share(ctx, p.country)), 0);
  return all
    .map((place) => {
      const population =
        place.placeKind === 'city'
          ? Math.min(1, Math.max(0, (Math.log10(place.population + 1) - 4) / 3))
          : place.placeKind === 'facility'
            ? 0.8
            : 0.7;
      const context = maxShare > 0 ? share(ctx, place.country) / maxShare : 0;
      const admin = place.admin1 && ctx.admin1InDoc.has(`${place.country}.${place.admin1}`) ? 1 : 0;
      // A capital or a curated place is what a writer most likely means by the bare name.
      const prominent = place.placeKind !== 'city' || isCapitalCity(place) ? 0.2 : 0;
      return { place, score: 0.5 * population + 0.25 * context + 0.5 * admin + prominent };
    })
    .sort((a, b) => b.score - a.score);
}

function isCapitalCity(place: PlaceRecord): boolean {
  if (place.id.startsWith('capital:')) return true;
  const capital = place.country ? STATE_BY_ID.get(place.country)?.capital : null;
  return capital !== null && capital !== undefined && squash(capital) === squash(place.name);
}

// Capitals known only from the state data are scored as large cities.
const CAPITAL_POPULATION = 1_000_000;
const SMALL_TOWN = 100_000;

function plausibleCity(m: RawMatch, ctx: DocContext, places: readonly ScoredPlace[]): boolean {
  const prev = previousWord(ctx, m.first);
  const locative = prev !== null && LOCATIVE.has(prev.key);
  if (m.first !== m.last) return true;
  const token = ctx.tokens[m.first] as Token;
  if (MONTHS_AND_DAYS.has(token.key)) return false;
  if (COMMON_WORD_TOWNS.has(token.key)) return locative && token.key !== 'of';
  if (ctx.lowercaseWords.has(token.key) && !locative) return false;
  // part of a longer proper name: "Harold Wilson", "Paris Agreement"
  if (
    prev?.capitalised &&
    ctx.sentenceOfToken[m.first - 1] === ctx.sentenceOfToken[m.first] &&
    !isSentenceStart(ctx, m.first - 1)
  )
    return false;
  const next = ctx.tokens[m.last + 1];
  if (next?.capitalised && ctx.gaps[m.last] && /^\s$/.test(ctx.text.slice(token.end, next.start)))
    return false;
  const best = places[0];
  if (!best) return false;
  if (locative || ctx.placeKeys.has(token.key)) return true;
  const dateline =
    next !== undefined && ctx.text.slice(token.end, next.start).trim() === ',' && next.capitalised;
  if (best.place.population < SMALL_TOWN) return dateline;
  return dateline || share(ctx, best.place.country) > 0 || best.place.population >= 300_000;
}

/** The name continues with capitalised words on either side ("Paula Jones", "Ford Motor"). */
function partOfLongerName(ctx: DocContext, first: number, last: number): boolean {
  const prev = previousWord(ctx, first);
  // "In November Albanese met": a month or day before a name is not part of it.
  if (
    prev?.capitalised &&
    !isSentenceStart(ctx, first - 1) &&
    !TITLE_FIRST_WORDS.has(prev.key) &&
    !MONTHS_AND_DAYS.has(prev.key)
  )
    return true;
  const next = ctx.tokens[last + 1];
  const gap = next ? ctx.text.slice((ctx.tokens[last] as Token).end, next.start) : '';
  return (
    next?.capitalised === true &&
    /^[ \t\u00a0]$/.test(gap) &&
    ctx.sentenceOfToken[last + 1] === ctx.sentenceOfToken[last]
  );
}

function isSentenceStart(ctx: DocContext, tokenIndex: number): boolean {
  return tokenIndex === 0 || ctx.sentenceOfToken[tokenIndex - 1] !== ctx.sentenceOfToken[tokenIndex];
}

function placeDraft(ctx: DocContext, m: RawMatch, places: readonly ScoredPlace[]): Draft {
  const best = places[0] as ScoredPlace;
  if (m.first === m.last) ctx.placeKeys.add((ctx.tokens[m.first] as Token).key);
  const second = places[1];
  const clear = !second || best.score - second.score >= 0.05;
  const total = places.reduce((s, p) => s + p.score, 0) || 1;
  return draftFor(ctx, m.first, m.last, {
    mentionType: best.place.placeKind === 'facility' ? 'facility' : 'place',
    entityId: clear ? best.place.id : null,
    country: clear ? best.place.country : null,
    candidates: places.slice(0, 5).map((p) => ({ id: p.place.id, score: round(p.score / total) })),
    lat: clear ? best.place.lat : null,
    lon: clear ? best.place.lon : null,
    resolution: best.place.placeKind === 'city' ? 'gazetteer' : 'alias',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Coreference within a paragraph

function resolveCoreference(
  ctx: DocContext,
  drafts: readonly Draft[],
  covered: ReadonlySet<number>,
): Draft[] {
  const out: Draft[] = [];
  const resolved = (d: Draft): boolean => d.entityId !== null;
  const sameParagraph = (a: number, b: number): boolean =>
    ctx.paragraphOfSentence[a] === ctx.paragraphOfSentence[b];
  const people = drafts.filter((d) => d.mentionType === 'person' && resolved(d));
  const statesAndOrgs = drafts.filter(
    (d) => (d.mentionType === 'state' || d.mentionType === 'organisation') && resolved(d),
  );
  const personChain: Draft[] = [...people];
  const peopleBySentence = new Map<number, Draft[]>();
  for (const d of people) peopleBySentence.set(d.sentence, [...(peopleBySentence.get(d.sentence) ?? []), d]);
  const countryish = drafts.filter(
    (d) => (d.mentionType === 'state' && resolved(d)) || (d.mentionType === 'place' && d.country !== null),
  );
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (covered.has(i)) continue;
    const token = ctx.tokens[i] as Token;
    const sentence = ctx.sentenceOfToken[i] ?? 0;
    if (PRONOUNS_PERSON.has(token.key)) {
      const antecedent = personAntecedent(peopleBySentence, token, sentence, sameParagraph, (s) =>
        lastClauseStart(ctx, i, s),
      );
      if (!antecedent?.entityId) continue;
      const d = draftFor(ctx, i, i, {
        mentionType: 'pronoun',
        entityId: antecedent.entityId,
        country: antecedent.country,
        candidates: [{ id: antecedent.entityId, score: 1 }],
        lat: null,
        lon: null,
        resolution: 'coref',
      });
      out.push(d);
      insertSorted(personChain, d);
      const list = peopleBySentence.get(sentence) ?? [];
      insertSorted(list, d);
      peopleBySentence.set(sentence, list);
      continue;
    }
    if (token.key === 'its') {
      // A demonym is mostly an adjective ("from four Australian abattoirs, ... its ministry"): a named state first.
      const recent = (d: Draft) => d.sentence >= sentence - 1;
      const antecedent =
        lastBefore(statesAndOrgs, token.start, (d) => recent(d) && d.resolution !== 'demonym') ??
        lastBefore(statesAndOrgs, token.start, recent);
      if (antecedent?.entityId) out.push(corefDraft(ctx, i, i, antecedent));
      continue;
    }
    const next = ctx.tokens[i + 1];
    // "The Algerian presidency said ... It blamed Moroccan forces": a sentence-opening "It" before a past-tense verb
    // is the state or body the previous sentence opened with.
    if (token.key === 'it' && opensSentence(ctx, i) && next && PAST_VERB.test(next.text)) {
      // The subject of its last clause: "Madrid had kept its neutrality, and Algeria ... reacted. It recalled".
      const clauseStart = lastClauseStart(ctx, i, sentence - 1);
      const previous = (d: Draft) => d.sentence === sentence - 1;
      const antecedent =
        statesAndOrgs.find((d) => previous(d) && d.start >= clauseStart) ?? statesAndOrgs.find(previous);
      if (antecedent?.entityId) out.push(corefDraft(ctx, i, i, antecedent));
      continue;
    }
    const third = ctx.tokens[i + 2];
    // "the government" as well, unless its state follows: "the government of Peru", "the government in Lima".
    const countryNoun =
      next?.key === 'country' || (next?.key === 'government' && third?.key !== 'of' && third?.key !== 'in');
    if ((token.key === 'the' || token.key === 'that') && countryNoun && ctx.gaps[i]) {
      // After a preposition ("aid to the country") it is rarely the state already named in its own sentence: take
      // the paragraph's most often named other state. Elsewhere ("the country's debt") the nearest state.
      const inParagraph = (d: Draft): boolean =>
        (d.mentionType === 'state' || (d.mentionType === 'place' && d.country !== null)) &&
        sameParagraph(d.sentence, sentence);
      const prev = previousWord(ctx, i);
      const objectPosition = prev !== null && OBJECT_PREPOSITIONS.has(prev.key);
      let antecedent: Draft | null = null;
      if (objectPosition) {
        const subject = countryish.find((d) => d.sentence === sentence && d.start < token.start)?.country;
        const pool = countryish.filter(
          (d) => inParagraph(d) && d.start < token.start && d.country !== subject,
        );
        antecedent =
          mostFrequentBefore(
            pool.map((d) => ({ ...d, entityId: d.country })),
            token.start,
            1,
          )[0] ?? null;
      }
      antecedent ??= lastBefore(countryish, token.start, inParagraph);
      if (antecedent?.country)
        out.push(corefDraft(ctx, i, i + 1, { ...antecedent, entityId: antecedent.country }));
      continue;
    }
    const pairStart =
      (token.key === 'the' && next?.key === 'two') || token.key === 'both'
        ? token.key === 'both'
          ? i + 1
          : i + 2
        : -1;
    if (pairStart >= 0) {
      // "the two foreign ministers": an office's first word stands before the noun.
      const nounIndex = OFFICE_WORDS.has(ctx.tokens[pairStart]?.key ?? '') ? pairStart + 1 : pairStart;
      const noun = ctx.tokens[nounIndex];
      if (!noun) continue;
      const pool = PAIR_PERSON_NOUNS.has(noun.key)
        ? personChain
        : PAIR_STATE_NOUNS.has(noun.key)
          ? [
              ...statesAndOrgs.filter((d) => d.mentionType === 'state'),
              // "Wang met Blinken ... the two foreign ministers": people's states count too.
              ...personChain.filter((d) => d.country !== null).map((d) => ({ ...d, entityId: d.country })),
            ].sort((a, b) => a.start - b.start)
          : null;
      if (!pool) continue;
      const distinct =
        lastSentencePair(pool, token.start, ctx.sentenceOfToken[i] ?? 0) ??
        mostFrequentBefore(pool, token.start, 2);
      if (distinct.length === 2 && third !== undefined) {
        out.push(
          draftFor(ctx, i, nounIndex, {
            mentionType: 'pronoun',
            entityId: null,
            country: null,
            candidates: distinct.map((d) => ({ id: d.entityId as string, score: 0.5 })),
            lat: null,
            lon: null,
            resolution: 'coref',
          }),
        );
      }
    }
  }
  return out;
}

// Words of a date that may open a sentence before its subject: "On 8 June 2022 it suspended ...".
const DATE_OPENER = /^(?:on|in|at|by|early|late|mid|the|of|\d+(?:st|nd|rd|th)?|spring|summer|autumn|winter)$/;

/** Whether token `i` is the first of its sentence, or comes only after a date that opens it. */
function opensSentence(ctx: DocContext, i: number): boolean {
  for (let j = i - 1; j >= 0 && !isSentenceStart(ctx, j + 1); j--) {
    const key = (ctx.tokens[j] as Token).key;
    if (!DATE_OPENER.test(key) && !MONTHS_AND_DAYS.has(key)) return false;
  }
  return true;
}

/** Where the last clause of sentence `sentence` (ending before token `before`) starts: after ", and", ", but" or ";". */
function lastClauseStart(ctx: DocContext, before: number, sentence: number): number {
  let last = before - 1;
  while (last > 0 && (ctx.sentenceOfToken[last] ?? 0) > sentence) last--;
  for (let j = last; j > 0 && ctx.sentenceOfToken[j] === sentence; j--) {
    const token = ctx.tokens[j] as Token;
    const gap = ctx.text.slice((ctx.tokens[j - 1] as Token).end, token.start);
    if (gap.includes(';') || ((token.key === 'and' || token.key === 'but') && gap.includes(',')))
      return token.end;
  }
  return 0;
}

const PAST_VERB =
  /^(?:[a-z]+ed|said|sent|took|made|gave|told|held|cut|struck|shot|broke|sought|threw|fought)$/;

const OBJECT_PREPOSITIONS = new Set([
  'to',
  'with',
  'from',
  'into',
  'for',
  'on',
  'against',
  'in',
  'toward',
  'towards',
]);
// "the two foreign ministers", "the two delegations": their states, whoever the people are.
const PAIR_STATE_NOUNS = new Set([
  'countries',
  'states',
  'neighbours',
  'neighbors',
  'sides',
  'governments',
  'ministers',
  'delegations',
  'envoys',
]);
// "the two presidents": the two people most named before.
const PAIR_PERSON_NOUNS = new Set([
  'leaders',
  'men',
  'presidents',
  'premiers',
  'chancellors',
  'monarchs',
  'kings',
]);
const OFFICE_WORDS = new Set(['foreign', 'defence', 'defense', 'prime']);
const PAIR_WINDOW = 30;
const NATIONAL_BODY_WORDS = new Set([
  'national',
  'supreme',
  'federal',
  'state',
  'central',
  'presidential',
  'royal',
  'high',
]);

// Words of a body's bare name ("Security Council", "General Assembly"), which states' own bodies share.
const BODY_NAME_WORDS = new Set(['security', 'council', 'general', 'assembly', 'court', 'commission']);

function isBareBodyName(ctx: DocContext, m: RawMatch): boolean {
  for (let k = m.first; k <= m.last; k++)
    if (!BODY_NAME_WORDS.has((ctx.tokens[k] as Token).key)) return false;
  return true;
}

/**
 * "Lee Su-hoon", "Kim Yo-jong": a family name written before a hyphenated given name is someone else's full name,
 * not the known person of that family name.
 */
function beforeHyphenatedGivenName(ctx: DocContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  const after = ctx.tokens[last + 2];
  if (!next?.capitalised || !after || ctx.text.slice(ctx.tokens[last]?.end, next.start) !== ' ') return false;
  return /^-$/.test(ctx.text.slice(next.end, after.start)) && /^\p{Ll}+$/u.test(after.text);
}

/** Whether the name at token `first` directly follows a state's possessive ("Russia's") or adjective ("Russian"). */
function followsStateOwner(ctx: DocContext, first: number): boolean {
  const possessive = ctx.tokens[first - 1]?.key === 's';
  const owner = ctx.draftEndingAt.get(possessive ? first - 2 : first - 1);
  if (owner?.mentionType !== 'state') return false;
  const gap = ctx.text.slice(owner.end, (ctx.tokens[first] as Token).start);
  return possessive ? /^['’]s\s+$/.test(gap) : owner.resolution === 'demonym' && /^\s+$/.test(gap);
}

/**
 * "Sisi received Hassan Sheikh ... The two presidents": exactly two entities named earlier in this sentence, else in
 * this and the last one.
 */
function lastSentencePair(pool: readonly Draft[], offset: number, sentence: number): Draft[] | null {
  for (const from of [sentence, sentence - 1]) {
    const recent = new Map<string, Draft>();
    for (const d of pool)
      if (d.start < offset && d.entityId !== null && d.sentence >= from) recent.set(d.entityId, d);
    if (recent.size === 2) return [...recent.values()];
  }
  return null;
}

/** The `n` entities named most often among the last mentions before `offset` ("the two leaders"). */
function mostFrequentBefore(pool: readonly Draft[], offset: number, n: number): Draft[] {
  const before = pool.filter((d) => d.start < offset && d.entityId !== null).slice(-PAIR_WINDOW);
  const counts = new Map<string, { draft: Draft; count: number; last: number }>();
  before.forEach((d, k) => {
    const id = d.entityId as string;
    const entry = counts.get(id) ?? { draft: d, count: 0, last: 0 };
    counts.set(id, { draft: d, count: entry.count + 1, last: k });
  });
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || b.last - a.last)
    .slice(0, n)
    .map((e) => e.draft);
}

function corefDraft(ctx: DocContext, first: number, last: number, antecedent: Draft): Draft {
  return draftFor(ctx, first, last, {
    mentionType: 'pronoun',
    entityId: antecedent.entityId,
    country: antecedent.country,
    candidates: [{ id: antecedent.entityId as string, score: 1 }],
    lat: antecedent.lat,
    lon: antecedent.lon,
    resolution: 'coref',
  });
}

/** The last draft before `offset` that passes `ok`; `list` is sorted by start. */
function lastBefore(list: readonly Draft[], offset: number, ok: (d: Draft) => boolean): Draft | null {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Draft).start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const d = list[k] as Draft;
    if (d.start < offset && ok(d)) return d;
  }
  return null;
}

function insertSorted(list: Draft[], d: Draft): void {
  let k = list.length;
  while (k > 0 && (list[k - 1] as Draft).start > d.start) k--;
  list.splice(k, 0, d);
}

/**
 * A pronoun that opens its sentence refers to the subject of the last clause of the previous sentence that names a
 * person (its first person when that clause names none); inside a
 * sentence "he"/"him" refer to the sentence's subject and a possessive to the nearest person.
 */
function personAntecedent(
  bySentence: ReadonlyMap<number, readonly Draft[]>,
  token: Token,
  sentence: number,
  sameParagraph: (a: number, b: number) => boolean,
  clauseStart: (sentence: number) => number,
): Draft | null {
  const inSentence = (bySentence.get(sentence) ?? []).filter((d) => d.start < token.start);
  if (inSentence.length > 0) {
    if (PRONOUN_SUBJECT_BOUND.has(token.key)) return inSentence[0] as Draft;
    return inSentence[inSentence.length - 1] as Draft;
  }
  for (let s = sentence - 1; s >= 0 && sameParagraph(s, sentence) && s >= sentence - 3; s--) {
    // The subject of the sentence's last clause: "Sisi's government said ..., and Abiy told ... . Days later he".
    const people = bySentence.get(s) ?? [];
    const subject = people.find((d) => d.start >= clauseStart(s)) ?? people[0];
    if (subject) return subject;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export { squash };
