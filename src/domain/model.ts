/**
 * Dyad's domain records. Every record is immutable and carries a `kind` discriminant;
 * every finding carries the spans of text that support it and the extractor that made it.
 * Offsets are UTF-16 code-unit offsets into the document's normalised text (see ingest/normalize).
 */

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf';

export interface DyadDocument {
  readonly kind: 'document';
  /** sha256 of the normalised text, hex, first 16 characters. */
  readonly id: string;
  readonly title: string | null;
  /** Path or URL the text was read from. */
  readonly source: string | null;
  readonly publisher: string | null;
  /** ISO date (YYYY-MM-DD) or date-time; used as the document creation time (DCT). */
  readonly published: string | null;
  /** ISO date-time at which Dyad read the document. */
  readonly retrieved: string;
  readonly format: DocumentFormat;
  /** BCP 47 language tag, e.g. `en`. */
  readonly language: string;
  /** The normalised text all offsets refer to. */
  readonly text: string;
}

export interface Span {
  readonly docId: string;
  /** Inclusive start offset into the normalised text. */
  readonly start: number;
  /** Exclusive end offset. */
  readonly end: number;
}

export interface ExtractorRef {
  readonly name: string;
  readonly version: string;
}

interface FindingBase {
  /** Stable within a document and extractor version: `${kind}:${docId}:${start}-${end}[:n]`. */
  readonly id: string;
  readonly docId: string;
  readonly evidence: readonly Span[];
  readonly extractor: ExtractorRef;
}

/** A sentence of the document; stored for full-text search and as evidence context. */
export interface Sentence extends FindingBase {
  readonly kind: 'sentence';
  readonly index: number;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexMod =
  | 'START'
  | 'MID'
  | 'END'
  | 'APPROX'
  | 'BEFORE'
  | 'AFTER'
  | 'ON_OR_AFTER'
  | 'ON_OR_BEFORE'
  | 'LESS_THAN'
  | 'MORE_THAN'
  | 'EQUAL_OR_LESS'
  | 'EQUAL_OR_MORE';

export interface Timex extends FindingBase {
  readonly kind: 'timex';
  readonly text: string;
  readonly type: TimexType;
  /** TIMEX3 value: `2023-09-13`, `2023-10`, `201X`, `P3Y`, `PAST_REF`, or an interval `A/B`. */
  readonly value: string;
  readonly mod: TimexMod | null;
  /** For relative expressions: what they were resolved against and by which rule. */
  readonly anchor: TimexAnchor | null;
  /** Earliest and latest instant the value can denote (ISO dates), for sorting and overlap; null when unbounded. */
  readonly interval: { readonly earliest: string; readonly latest: string } | null;
}

export interface TimexAnchor {
  /** `dct` (document creation time) or `narrative` (the last date mentioned). */
  readonly basis: 'dct' | 'narrative';
  /** The anchor's TIMEX3 value. */
  readonly value: string;
  /** The anchoring timex's finding id, when the anchor is a timex in the text. */
  readonly timexId: string | null;
  /** Name of the rule that resolved the expression, e.g. `relative-day-offset`. */
  readonly rule: string;
}

export type MentionType = 'state' | 'organisation' | 'person' | 'place' | 'facility' | 'group' | 'pronoun';

export interface Candidate {
  readonly id: string;
  readonly score: number;
}

/** An actor or place named in the text, resolved to a stable id where possible. */
export interface Mention extends FindingBase {
  readonly kind: 'mention';
  readonly text: string;
  readonly mentionType: MentionType;
  /** Resolved id: ISO alpha-3 for states, an organisation id, a person id, a place id; null when unresolved. */
  readonly entityId: string | null;
  /** The state the mention belongs to (a person's country, a place's country, a state itself). */
  readonly country: string | null;
  readonly candidates: readonly Candidate[];
  readonly lat: number | null;
  readonly lon: number | null;
  /** How it was resolved: `alias`, `demonym`, `metonym`, `role`, `surname`, `coref`, ... */
  readonly resolution: string | null;
}

export type Factuality = 'asserted' | 'claimed' | 'possible' | 'negated';

export interface Place {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface DyadEvent extends FindingBase {
  readonly kind: 'event';
  /** PLOVER event type, e.g. `CONSULT`. */
  readonly type: string;
  readonly mode: string | null;
  readonly source: string | null;
  readonly target: string | null;
  readonly sourceActor: string | null;
  readonly targetActor: string | null;
  /** TIMEX3 value or interval; null when the text gives none. */
  readonly date: string | null;
  readonly location: Place | null;
  readonly factuality: Factuality;
  readonly claimedBy: string | null;
  /** `extracted` from text by Dyad, or `coded` by an external event dataset. */
  readonly origin: 'extracted' | 'coded';
}

export type Unit =
  | 'USD'
  | 'RUB'
  | 'EUR'
  | 'CNY'
  | 'KRW'
  | 'percent'
  | 'count'
  | 'km'
  | 'mm'
  | 'people'
  | string;
export type Qualifier = 'at_least' | 'about' | 'at_most' | 'notional';

export interface Observation extends FindingBase {
  readonly kind: 'observation';
  readonly indicator: string;
  readonly subject: string | null;
  readonly partner: string | null;
  readonly period: string | null;
  readonly value: number;
  readonly unit: Unit;
  readonly qualifier: Qualifier | null;
  readonly low: number | null;
  readonly high: number | null;
}

export type Likelihood =
  | 'almost_no_chance'
  | 'very_unlikely'
  | 'unlikely'
  | 'roughly_even'
  | 'likely'
  | 'very_likely'
  | 'almost_certain'
  | 'unstated';

/** The ICD 203 likelihood scale in order; `unstated` (a bare attribution) lies off the scale. */
export const LIKELIHOOD_SCALE = [
  'almost_no_chance',
  'very_unlikely',
  'unlikely',
  'roughly_even',
  'likely',
  'very_likely',
  'almost_certain',
] as const satisfies readonly Likelihood[];

export interface Claim extends FindingBase {
  readonly kind: 'claim';
  /** An actor id, a person's name, `author` or `unnamed`. */
  readonly holder: string;
  readonly holderText: string | null;
  readonly cue: string;
  readonly likelihood: Likelihood;
  /** The span of the proposition itself (evidence[0] is the whole clause). */
  readonly proposition: Span | null;
  /** Ids of events and observations the claim contains. */
  readonly about: readonly string[];
}

export interface ItineraryStop {
  readonly date: string | null;
  readonly place: Place;
  /** `departs`, `enters`, `arrives`, `visits`, `returns`, ... */
  readonly what: string;
  readonly evidence: Span;
}

export interface Itinerary extends FindingBase {
  readonly kind: 'itinerary';
  readonly traveller: string;
  readonly stops: readonly ItineraryStop[];
}

export type Finding = Sentence | Timex | Mention | DyadEvent | Observation | Claim | Itinerary;
export type FindingKind = Finding['kind'];
export const FINDING_KINDS: readonly FindingKind[] = [
  'sentence',
  'timex',
  'mention',
  'event',
  'observation',
  'claim',
  'itinerary',
];

export function isFindingKind(value: string): value is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(value);
}

/** The first evidence span: where a finding is shown and sorted. */
export function primarySpan(finding: Finding): Span {
  const span = finding.evidence[0];
  if (!span) throw new Error(`finding ${finding.id} has no evidence`);
  return span;
}

export function spanText(document: Pick<DyadDocument, 'text'>, span: Pick<Span, 'start' | 'end'>): string {
  return document.text.slice(span.start, span.end);
}
