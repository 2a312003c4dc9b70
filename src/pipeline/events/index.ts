/**
 * The events stage: who did what to whom, when and where, typed with PLOVER.
 * Reads the sentence, timex and mention findings of earlier stages; pure and browser-safe.
 */
import type { DyadDocument, DyadEvent, Finding, Mention, Place, Span } from '../../domain/model.js';
import { ORGANISATION_BY_ID } from '../actors/data.js';
import { findingId, type Stage } from '../pipeline.js';
import { placeOf } from './actors.js';
import { type AnalysedEvent, type AnalyseOptions, analyseDocument } from './analyse.js';
import { topicDyad } from './dyad.js';

export const EVENTS_EXTRACTOR = { name: 'events', version: '3' } as const;

export { type AnalysedEvent, analyseDocument } from './analyse.js';
export { topicDyad } from './dyad.js';
export { detectFactuality, detectFactualityInText, type FactualityCue } from './factuality.js';
export { PLOVER_TYPES, type PloverType, TRIGGERS } from './lexicon.js';

/** Types whose action can stand without a target ("launched a missile", "closed the border", "surrendered"). */
const UNTARGETED_TYPES = new Set(['MOBILIZE', 'COERCE', 'PROTEST', 'RETREAT']);
/** Types whose unnamed counterpart in a two-country text is the other country of the text. */
const NOT_BILATERAL_TYPES = new Set(['ASSAULT', 'MOBILIZE', 'COERCE', 'PROTEST', 'RETREAT']);

// The Soviet Union acted for Russia until its dissolution (December 1991).
const PREDECESSOR: Readonly<Record<string, { readonly code: string; readonly until: string }>> = {
  RUS: { code: 'SUN', until: '1991-12' },
};

function historical(code: string | null, date: string | null): string | null {
  if (code === null || date === null) return code;
  const predecessor = PREDECESSOR[code];
  if (!predecessor || !/^\d{4}/.test(date)) return code;
  const end = date.includes('/') ? (date.split('/')[1] ?? date) : date;
  return end < predecessor.until ? predecessor.code : code;
}

/**
 * A movement's id stands for the state it governed de facto on the date (the Taliban for Afghanistan from
 * August 2021): what it does then, the state does.
 */
function governing(code: string | null, date: string | null): string | null {
  if (code === null || date === null || !/^\d{4}/.test(date)) return code;
  const periods = ORGANISATION_BY_ID.get(code)?.governs;
  if (!periods) return code;
  const day = date.split('/')[0] as string;
  const period = periods.find((p) => p.from.slice(0, day.length) <= day && (p.to === null || day < p.to));
  return period?.country ?? code;
}

export function createEventStage(options: AnalyseOptions = {}): Stage {
  return {
    extractor: EVENTS_EXTRACTOR,
    run(document: DyadDocument, findingsSoFar: readonly Finding[]): Finding[] {
      return extractEvents(document, findingsSoFar, options);
    },
  };
}

export const eventStage: Stage = createEventStage();

export function extractEvents(
  document: DyadDocument,
  findings: readonly Finding[],
  options: AnalyseOptions = {},
): DyadEvent[] {
  const dyad = topicDyad(findings);
  const analysed = analyseDocument(document, findings, { ...options, dyad });
  const drafts: DyadEvent[] = [];
  const references = new Map<DyadEvent, 'meet' | 'visit'>();
  for (const item of analysed) {
    for (const event of eventsOf(document, item, dyad)) {
      drafts.push(event);
      SENTENCE_OF.set(event, item.sentence.start);
      if (item.match.entry.pos === 'noun') NOMINAL.add(event);
      if (item.reference && event.date === null) references.set(event, item.reference);
    }
  }
  const dated = drafts.map((event) => {
    const reference = references.get(event);
    if (!reference) return event;
    const date = referencedDate(drafts, event, reference);
    if (!date) return event;
    const copy = { ...event, date };
    SENTENCE_OF.set(copy, SENTENCE_OF.get(event) ?? -1);
    if (NOMINAL.has(event)) NOMINAL.add(copy);
    return copy;
  });
  return withIds(document, deduplicate(dated));
}

function eventsOf(document: DyadDocument, item: AnalysedEvent, dyad: readonly string[]): DyadEvent[] {
  const { entry } = item.match;
  if (entry.type === null) return [];
  const events: DyadEvent[] = [];
  // "The two countries agreed": the text's two states are one pair, not two actors each acting on the other.
  const dyadPair = item.sources.length === 2 && item.sources.every((p) => p.mention.resolution === 'dyad');
  const sources = dyadPair ? item.sources.slice(0, 1) : item.sources;
  const targets = item.targets.length > 0 ? item.targets : dyadPair ? item.sources.slice(1, 2) : [null];
  // An undated act is placed at the report's date to tell who governed.
  const when = item.date ?? document.published;
  for (const source of sources) {
    const actor = governing(source.code, when);
    const sourceCode = source.mention.text.startsWith('Russia') ? actor : historical(actor, item.date);
    if (!sourceCode) continue;
    for (const target of targets) {
      let targetCode = historical(governing(target?.code ?? null, when), item.date);
      let location: Place | null = item.place ? placeOf(item.place) : null;
      if (target?.isPlace) location = placeOf(target.mention);
      // A visit needs a destination in the text; only a trip noun ("Kim's trip") may take the text's other state.
      const mayFill = !NOT_BILATERAL_TYPES.has(entry.type) && (!entry.needsTarget || entry.pos === 'noun');
      // "Pakistani aircraft struck targets in Khost": an attack on another state's ground is an attack on it.
      if (
        targetCode === null &&
        entry.type === 'ASSAULT' &&
        location?.country &&
        location.country !== sourceCode
      )
        targetCode = historical(location.country, item.date);
      const member = dyad.find((code) => code === actor || PREDECESSOR[code]?.code === actor);
      if (targetCode === null && mayFill && member) {
        targetCode = historical(dyad.find((code) => code !== member) ?? null, item.date);
      }
      if (targetCode === null && (entry.needsTarget || !UNTARGETED_TYPES.has(entry.type))) continue;
      if (targetCode === sourceCode) continue;
      events.push({
        kind: 'event',
        id: '',
        docId: document.id,
        evidence: [evidenceOf(document, item, source.mention, target?.mention ?? null)],
        extractor: EVENTS_EXTRACTOR,
        type: entry.type,
        mode: entry.mode ?? (entry.movement ? 'visit' : null),
        source: sourceCode,
        target: targetCode,
        sourceActor: source.person,
        targetActor: target?.person ?? null,
        date: item.date,
        location,
        factuality: item.factuality.factuality,
        claimedBy: item.claimedBy,
        origin: 'extracted',
      });
    }
  }
  return events;
}

function evidenceOf(
  document: DyadDocument,
  item: AnalysedEvent,
  source: Mention,
  target: Mention | null,
): Span {
  const points = [item.match.start, item.match.end];
  for (const mention of [source, target]) {
    const span = mention?.evidence[0];
    if (span && span.start >= item.sentence.start && span.end <= item.sentence.end)
      points.push(span.start, span.end);
  }
  const timexSpan = item.dateBasis === 'clause' ? item.dateTimex?.evidence[0] : undefined;
  if (timexSpan && timexSpan.start >= item.sentence.start && timexSpan.end <= item.sentence.end) {
    points.push(timexSpan.start, timexSpan.end);
  }
  return { docId: document.id, start: Math.min(...points), end: Math.max(...points) };
}

const SYMMETRIC_MODES = new Set(['meet', 'talks']);

/** Which sentence each draft came from, for merging two readings of one clause. */
const SENTENCE_OF = new WeakMap<DyadEvent, number>();
/** Drafts from nominal triggers ("Kim's visit", "the summit"): references to events as often as new ones. */
const NOMINAL = new WeakSet<DyadEvent>();

/**
 * A later mention may differ in factuality when it is only a reference ("the summit" inside someone's claim)
 * or a forecast of what was reported as done ("would meet"); a denial never merges with an assertion.
 */
function compatibleFactuality(kept: DyadEvent, later: DyadEvent): boolean {
  if (kept.factuality === later.factuality) return true;
  if (kept.factuality === 'negated' || later.factuality === 'negated') return false;
  return NOMINAL.has(later) || later.factuality === 'possible' || kept.factuality === 'possible';
}

/** "declined an offer at the summit": the date of the first dated meeting (or visit) between the same parties. */
function referencedDate(
  events: readonly DyadEvent[],
  event: DyadEvent,
  reference: 'meet' | 'visit',
): string | null {
  const parties = new Set([event.source, event.target]);
  const found = events.find(
    (other) =>
      other.type === 'CONSULT' &&
      other.date !== null &&
      (modeGroup(other) === 'CONSULT:meet') === (reference === 'meet') &&
      parties.has(other.source) &&
      parties.has(other.target),
  );
  return found?.date ?? null;
}

function modeGroup(event: DyadEvent): string {
  if (event.type !== 'CONSULT') return event.type;
  return SYMMETRIC_MODES.has(event.mode ?? '') ? 'CONSULT:meet' : 'CONSULT:visit';
}

function sameParties(a: DyadEvent, b: DyadEvent): boolean {
  if (a.source === b.source && a.target === b.target) return true;
  return modeGroup(a) === 'CONSULT:meet' && a.source === b.target && a.target === b.source;
}

function compatibleDates(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a === b || a.startsWith(b) || b.startsWith(a);
}

function compatibleActors(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/** One event per happening: later mentions with the same type, parties and compatible dates add evidence. */
export function deduplicate(events: readonly DyadEvent[]): DyadEvent[] {
  const merged: DyadEvent[] = [];
  for (const event of events) {
    const index = merged.findIndex(
      (kept) =>
        sameClause(kept, event) ||
        (modeGroup(kept) === modeGroup(event) &&
          !twoActionsOfOneSentence(kept, event) &&
          sameParties(kept, event) &&
          compatibleDates(kept.date, event.date) &&
          // A newly dated action is not folded into an undated one unless it is only a nominal reference.
          !(kept.date === null && event.date !== null && !NOMINAL.has(event)) &&
          compatibleActors(kept.sourceActor, event.sourceActor) &&
          compatibleActors(kept.targetActor, event.targetActor) &&
          compatibleFactuality(kept, event)),
    );
    const kept = merged[index];
    if (!kept) {
      merged.push(event);
      continue;
    }
    // Once the author asserts what was elsewhere reported or forecast, the event stands as asserted.
    const asserted = kept.factuality !== 'negated' && event.factuality === 'asserted' && !NOMINAL.has(event);
    const combined: DyadEvent = {
      ...kept,
      factuality: asserted ? 'asserted' : kept.factuality,
      claimedBy: asserted ? null : kept.claimedBy,
      evidence: [
        ...kept.evidence,
        ...event.evidence.filter((s) => !kept.evidence.some((k) => overlaps(k, s))),
      ],
      date: moreSpecific(kept.date, event.date),
      sourceActor: kept.sourceActor ?? event.sourceActor,
      targetActor: kept.targetActor ?? event.targetActor,
      location: kept.location ?? event.location,
    };
    SENTENCE_OF.set(combined, SENTENCE_OF.get(kept) ?? -1);
    merged[index] = combined;
  }
  return merged;
}

/** Two CONSULT readings of one clause ("travelled to X, where he and Y discussed ...") are one meeting. */
function sameClause(a: DyadEvent, b: DyadEvent): boolean {
  if (a.type !== 'CONSULT' || b.type !== 'CONSULT' || a.date !== b.date) return false;
  const unordered =
    (a.source === b.target && a.target === b.source) || (a.source === b.source && a.target === b.target);
  const sentenceA = SENTENCE_OF.get(a);
  return unordered && sentenceA !== undefined && sentenceA === SENTENCE_OF.get(b);
}

/** "Putin may help Kim launch satellites, but he will not aid its weapons programmes": two verbs, two acts. */
function twoActionsOfOneSentence(a: DyadEvent, b: DyadEvent): boolean {
  const sentence = SENTENCE_OF.get(a);
  return sentence !== undefined && sentence === SENTENCE_OF.get(b) && !NOMINAL.has(a) && !NOMINAL.has(b);
}

function moreSpecific(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.length > a.length && !b.includes('/') ? b : a;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function withIds(document: DyadDocument, events: readonly DyadEvent[]): DyadEvent[] {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const span = event.evidence[0] ?? { start: 0, end: 0 };
    const key = `${span.start}-${span.end}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { ...event, id: findingId('event', document.id, span.start, span.end, n) };
  });
}
