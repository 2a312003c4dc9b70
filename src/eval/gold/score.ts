import { invalidInput } from '../../domain/errors.js';
import { splitSentences } from '../../pipeline/sentences.js';
import { samePlace } from './geo.js';
import {
  locateEvidence,
  overlapRatio,
  overlaps,
  type SearchableText,
  searchable,
  type TextSpan,
} from './locate.js';
import { matchOneToOne } from './matching.js';
import { type Accuracy, countCorrect, type Prf, prf, sumAccuracy, sumPrf } from './metrics.js';
import {
  type GoldClaim,
  type GoldEvent,
  type GoldFile,
  type GoldInput,
  type GoldItinerary,
  type GoldLikelihood,
  type GoldObservation,
  type GoldStop,
  type GoldTimex,
  LIKELIHOOD_SCALE,
  parseGoldFile,
} from './schema.js';
import { datesEqual, datesOverlap, normalizeValue } from './temporal.js';

export interface TimexScores {
  /** Predicted span overlaps the gold span. */
  readonly relaxed: Prf;
  /** Same span after trimming determiners, punctuation and space. */
  readonly strict: Prf;
  /** On relaxed matches: value equal, and mod equal where gold has one. */
  readonly value: Accuracy;
}

export interface EventScores {
  readonly overall: Prf;
  readonly byType: Readonly<Record<string, Prf>>;
  readonly factuality: Accuracy;
  /** On matched pairs whose gold event has a location. */
  readonly location: Accuracy;
}

export interface ObservationScores {
  readonly overall: Prf;
  readonly subject: Accuracy;
  readonly partner: Accuracy;
  readonly period: Accuracy;
  /** Subject, partner and period all right. */
  readonly attributes: Accuracy;
  readonly indicator: Accuracy;
}

export interface ClaimScores {
  readonly overall: Prf;
  readonly holder: Accuracy;
  readonly likelihood: Accuracy;
  readonly likelihoodWithinOne: Accuracy;
}

export interface ItineraryScores {
  readonly goldStops: number;
  readonly predictedStops: number;
  /** Stops in the longest common subsequence, summed over matched itineraries. */
  readonly matchedStops: number;
  /** matchedStops / goldStops: the headline itinerary score. */
  readonly score: number;
  /** matchedStops / predictedStops. */
  readonly precision: number;
}

export interface LayerScores {
  readonly timexes: TimexScores;
  readonly events: EventScores;
  readonly observations: ObservationScores;
  readonly claims: ClaimScores;
  readonly itineraries: ItineraryScores;
}

export type Layer = keyof LayerScores;

/** One thing the scorer holds against the prediction, with where in the text it is. */
export interface Explanation {
  readonly layer: Layer;
  readonly kind: 'miss' | 'false_positive' | 'wrong_attribute';
  readonly item: string;
  readonly detail: string | null;
  readonly evidence: string;
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
}

export interface DocumentScores {
  readonly scores: LayerScores;
  readonly explanations: readonly Explanation[];
}

interface Located<T> {
  readonly item: T;
  readonly span: TextSpan;
}

interface LocatedStop {
  readonly stop: GoldStop;
  readonly span: TextSpan;
}

interface LocatedItinerary {
  readonly item: GoldItinerary;
  readonly stops: readonly LocatedStop[];
}

interface LocatedFile {
  readonly dct: string | null;
  readonly timexes: readonly Located<GoldTimex>[];
  readonly events: readonly Located<GoldEvent>[];
  readonly observations: readonly Located<GoldObservation>[];
  readonly claims: readonly Located<GoldClaim>[];
  readonly itineraries: readonly LocatedItinerary[];
}

export interface ScoreOptions {
  /** Names the gold file in error messages. */
  readonly goldLabel?: string;
  readonly predictionsLabel?: string;
}

/**
 * Scores predictions against gold for one document. Both are in the gold format; gold evidence is located in
 * `documentText` (whitespace-normalised, honouring `occurrence`) and a gold file whose evidence is missing is
 * rejected. Predictions may carry `start`/`end` offsets, used when they point at the evidence text.
 */
export function scoreDocument(
  gold: GoldInput | GoldFile,
  predictions: GoldInput | GoldFile,
  documentText: string,
  options: ScoreOptions = {},
): DocumentScores {
  const doc = searchable(documentText);
  const goldFile = parseGoldFile(gold, options.goldLabel ?? 'gold');
  const predictedFile = parseGoldFile(predictions, options.predictionsLabel ?? 'predictions');
  const located = locateFile(goldFile, doc, options.goldLabel ?? 'gold', false);
  const predicted = locateFile(predictedFile, doc, options.predictionsLabel ?? 'predictions', true);
  const dct = goldFile.dct ?? null;
  const explain = new Explainer(documentText);
  const scores: LayerScores = {
    timexes: scoreTimexes(located.timexes, predicted.timexes, explain),
    events: scoreEvents(located.events, predicted.events, dct, explain),
    observations: scoreObservations(located.observations, predicted.observations, dct, explain),
    claims: scoreClaims(located.claims, predicted.claims, explain),
    itineraries: scoreItineraries(located.itineraries, predicted.itineraries, dct, explain),
  };
  return { scores, explanations: explain.items };
}

/** Validates a gold file against its document: every evidence must be found, else the item is named. */
export function checkGoldAgainstText(gold: GoldFile, documentText: string, label: string): void {
  locateFile(gold, searchable(documentText), label, false);
}

function locateFile(file: GoldFile, doc: SearchableText, label: string, useOffsets: boolean): LocatedFile {
  const locate = (
    path: string,
    item: { evidence: string; occurrence?: number; start?: number; end?: number },
  ) => {
    if (useOffsets && item.start !== undefined && item.end !== undefined && item.end <= doc.text.length) {
      const written = doc.text.slice(item.start, item.end).replace(/\s+/g, ' ').trim();
      if (item.end > item.start && written === item.evidence.replace(/\s+/g, ' ').trim()) {
        return { start: item.start, end: item.end };
      }
    }
    const span = locateEvidence(doc, item.evidence, item.occurrence ?? 1);
    if (!span) {
      const which = item.occurrence && item.occurrence > 1 ? ` (occurrence ${item.occurrence})` : '';
      throw invalidInput(
        `${label}: ${path}.evidence: not found in the document${which}: "${clip(item.evidence)}"`,
      );
    }
    return span;
  };
  const each = <T extends { evidence: string; occurrence?: number }>(layer: string, items: readonly T[]) =>
    items.map((item, index) => ({ item, span: locate(`${layer}[${index}]`, item) }));
  return {
    dct: file.dct ?? null,
    timexes: each('timexes', file.timexes),
    events: each('events', file.events),
    observations: each('observations', file.observations),
    claims: each('claims', file.claims),
    itineraries: file.itineraries.map((item, index) => ({
      item,
      stops: item.stops.map((stop, stopIndex) => ({
        stop,
        span: locate(`itineraries[${index}].stops[${stopIndex}]`, stop),
      })),
    })),
  };
}

// ---------------------------------------------------------------- timexes

const DETERMINERS = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|some)\s+/i;
const EDGE_PUNCTUATION = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

/** A span's text with leading determiners and edge punctuation removed, for strict extent matching. */
export function strictKey(text: string, span: TextSpan): string {
  let value = text.slice(span.start, span.end).replace(EDGE_PUNCTUATION, '');
  for (;;) {
    const trimmed = value.replace(DETERMINERS, '').replace(EDGE_PUNCTUATION, '');
    if (trimmed === value) break;
    value = trimmed;
  }
  // Same position, not just same words: offset of the trimmed text is part of the key.
  const offset = text.indexOf(value, span.start);
  return `${offset}:${value.replace(/\s+/g, ' ').toLowerCase()}`;
}

function timexValueCorrect(gold: GoldTimex, predicted: GoldTimex): boolean {
  if (normalizeValue(gold.value) !== normalizeValue(predicted.value)) return false;
  return !gold.mod || gold.mod === predicted.mod;
}

function describeTimex(timex: GoldTimex): string {
  return `"${timex.text}" ${timex.type} ${timex.value}${timex.mod ? ` ${timex.mod}` : ''}`;
}

function scoreTimexes(
  gold: readonly Located<GoldTimex>[],
  predicted: readonly Located<GoldTimex>[],
  explain: Explainer,
): TimexScores {
  const relaxedPairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const a = gold[g]!;
    const b = predicted[p]!;
    if (!overlaps(a.span, b.span)) return null;
    return (overlapRatio(a.span, b.span) + (timexValueCorrect(a.item, b.item) ? 1 : 0)) / 2;
  });
  const goldKeys = gold.map((g) => strictKey(explain.text, g.span));
  const predictedKeys = predicted.map((p) => strictKey(explain.text, p.span));
  const strictPairs = matchOneToOne(gold.length, predicted.length, (g, p) =>
    goldKeys[g] === predictedKeys[p] ? 1 : null,
  );
  const matched = relaxedPairs.map((pair) => ({
    gold: gold[pair.gold]!,
    predicted: predicted[pair.predicted]!,
  }));
  explain.unmatched('timexes', gold, predicted, relaxedPairs, (t) => describeTimex(t));
  for (const pair of matched) {
    if (!timexValueCorrect(pair.gold.item, pair.predicted.item)) {
      explain.wrong(
        'timexes',
        pair.gold,
        describeTimex(pair.gold.item),
        `predicted ${describeTimex(pair.predicted.item)}`,
      );
    }
  }
  return {
    relaxed: prf(
      relaxedPairs.length,
      predicted.length - relaxedPairs.length,
      gold.length - relaxedPairs.length,
    ),
    strict: prf(strictPairs.length, predicted.length - strictPairs.length, gold.length - strictPairs.length),
    value: countCorrect(matched, (pair) => timexValueCorrect(pair.gold.item, pair.predicted.item)),
  };
}

// ---------------------------------------------------------------- events

const UNORDERED_MODES = new Set(['meet', 'talks']);

function sameActor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim().toUpperCase() === (b ?? '').trim().toUpperCase();
}

/** The README's matching rule: type, source and target equal (either order for meetings) and dates overlapping. */
export function eventsMatch(gold: GoldEvent, predicted: GoldEvent, dct: string | null): boolean {
  if (gold.type.toUpperCase() !== predicted.type.toUpperCase()) return false;
  const ordered = sameActor(gold.source, predicted.source) && sameActor(gold.target, predicted.target);
  const unordered =
    gold.type.toUpperCase() === 'CONSULT' &&
    UNORDERED_MODES.has((gold.mode ?? '').toLowerCase()) &&
    sameActor(gold.source, predicted.target) &&
    sameActor(gold.target, predicted.source);
  if (!ordered && !unordered) return false;
  if (gold.date === null) return true;
  if (predicted.date === null) return false;
  return datesOverlap(gold.date, predicted.date, dct);
}

function describeEvent(event: GoldEvent): string {
  const mode = event.mode ? `/${event.mode}` : '';
  return `${event.type}${mode} ${event.source ?? '?'}→${event.target ?? '-'} ${event.date ?? 'undated'} ${event.factuality}`;
}

function locationCorrect(gold: GoldEvent, predicted: GoldEvent): boolean {
  if (!gold.location) return true;
  return predicted.location ? samePlace(gold.location, predicted.location) : false;
}

function scoreEvents(
  gold: readonly Located<GoldEvent>[],
  predicted: readonly Located<GoldEvent>[],
  dct: string | null,
  explain: Explainer,
): EventScores {
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const a = gold[g]!;
    const b = predicted[p]!;
    if (!eventsMatch(a.item, b.item, dct)) return null;
    const sameDate =
      a.item.date !== null && b.item.date !== null && datesEqual(a.item.date, b.item.date, dct);
    return (
      overlapRatio(a.span, b.span) * 0.5 +
      (sameDate || a.item.date === b.item.date ? 0.25 : 0) +
      (a.item.factuality === b.item.factuality ? 0.25 : 0)
    );
  });
  const matched = pairs.map((pair) => ({ gold: gold[pair.gold]!, predicted: predicted[pair.predicted]! }));
  const types = new Set([...gold, ...predicted].map((e) => e.item.type.toUpperCase()));
  const byType: Record<string, Prf> = {};
  for (const type of [...types].sort()) {
    const tp = matched.filter((pair) => pair.gold.item.type.toUpperCase() === type).length;
    const goldCount = gold.filter((e) => e.item.type.toUpperCase() === type).length;
    const predictedCount = predicted.filter((e) => e.item.type.toUpperCase() === type).length;
    byType[type] = prf(tp, predictedCount - tp, goldCount - tp);
  }
  explain.unmatched('events', gold, predicted, pairs, describeEvent);
  for (const pair of matched) {
    if (pair.gold.item.factuality !== pair.predicted.item.factuality) {
      explain.wrong(
        'events',
        pair.gold,
        describeEvent(pair.gold.item),
        `factuality ${pair.predicted.item.factuality}`,
      );
    }
    if (!locationCorrect(pair.gold.item, pair.predicted.item)) {
      explain.wrong(
        'events',
        pair.gold,
        describeEvent(pair.gold.item),
        `location ${pair.predicted.item.location?.name ?? 'none'}, gold ${pair.gold.item.location?.name ?? 'none'}`,
      );
    }
  }
  const located = matched.filter((pair) => pair.gold.item.location);
  return {
    overall: prf(pairs.length, predicted.length - pairs.length, gold.length - pairs.length),
    byType,
    factuality: countCorrect(matched, (pair) => pair.gold.item.factuality === pair.predicted.item.factuality),
    location: countCorrect(located, (pair) => locationCorrect(pair.gold.item, pair.predicted.item)),
  };
}

// ---------------------------------------------------------------- observations

/** Within 0.5 % of the gold value, or inside the gold range where gold gives one. */
export function observationValueMatches(gold: GoldObservation, predicted: number): boolean {
  const low = gold.low ?? null;
  const high = gold.high ?? null;
  if (low !== null && high !== null && predicted >= Math.min(low, high) && predicted <= Math.max(low, high)) {
    return true;
  }
  return Math.abs(predicted - gold.value) <= Math.abs(gold.value) * 0.005;
}

function sameCode(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function samePeriod(a: string | null | undefined, b: string | null | undefined, dct: string | null): boolean {
  if (!a || !b) return !a && !b;
  return datesEqual(a, b, dct);
}

function describeObservation(o: GoldObservation): string {
  return `${o.indicator} ${o.subject ?? '?'}/${o.partner ?? '-'} ${o.period ?? 'undated'} = ${o.value} ${o.unit}`;
}

function scoreObservations(
  gold: readonly Located<GoldObservation>[],
  predicted: readonly Located<GoldObservation>[],
  dct: string | null,
  explain: Explainer,
): ObservationScores {
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const a = gold[g]!;
    const b = predicted[p]!;
    if (!overlaps(a.span, b.span)) return null;
    if (a.item.unit.toLowerCase() !== b.item.unit.toLowerCase()) return null;
    if (!observationValueMatches(a.item, b.item.value)) return null;
    return overlapRatio(a.span, b.span) * 0.5 + (a.item.indicator === b.item.indicator ? 0.5 : 0);
  });
  const matched = pairs.map((pair) => ({
    gold: gold[pair.gold]!.item,
    predicted: predicted[pair.predicted]!.item,
  }));
  explain.unmatched('observations', gold, predicted, pairs, describeObservation);
  const subjectOk = (m: (typeof matched)[number]) => sameCode(m.gold.subject, m.predicted.subject);
  const partnerOk = (m: (typeof matched)[number]) => sameCode(m.gold.partner, m.predicted.partner);
  const periodOk = (m: (typeof matched)[number]) => samePeriod(m.gold.period, m.predicted.period, dct);
  for (const [index, m] of matched.entries()) {
    const wrong = [
      subjectOk(m) ? null : `subject ${m.predicted.subject ?? 'null'}`,
      partnerOk(m) ? null : `partner ${m.predicted.partner ?? 'null'}`,
      periodOk(m) ? null : `period ${m.predicted.period ?? 'null'}`,
      m.gold.indicator === m.predicted.indicator ? null : `indicator ${m.predicted.indicator}`,
    ].filter((x) => x !== null);
    if (wrong.length > 0)
      explain.wrong('observations', gold[pairs[index]!.gold]!, describeObservation(m.gold), wrong.join(', '));
  }
  return {
    overall: prf(pairs.length, predicted.length - pairs.length, gold.length - pairs.length),
    subject: countCorrect(matched, subjectOk),
    partner: countCorrect(matched, partnerOk),
    period: countCorrect(matched, periodOk),
    attributes: countCorrect(matched, (m) => subjectOk(m) && partnerOk(m) && periodOk(m)),
    indicator: countCorrect(matched, (m) => m.gold.indicator === m.predicted.indicator),
  };
}

// ---------------------------------------------------------------- claims

function holderSet(holder: string): Set<string> {
  return new Set(
    holder
      .split(',')
      .map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Gold `"KOR, UKR, WST"` accepts any one of the three. */
export function holderMatches(gold: string, predicted: string): boolean {
  const accepted = holderSet(gold);
  return [...holderSet(predicted)].some((h) => accepted.has(h));
}

/** Exact, or neighbours on the ICD 203 scale; `unstated` is off the scale and matches only itself. */
export function likelihoodWithinOne(gold: GoldLikelihood, predicted: GoldLikelihood): boolean {
  if (gold === predicted) return true;
  const scale: readonly string[] = LIKELIHOOD_SCALE;
  const a = scale.indexOf(gold);
  const b = scale.indexOf(predicted);
  return a >= 0 && b >= 0 && Math.abs(a - b) <= 1;
}

function describeClaim(claim: GoldClaim): string {
  return `${claim.holder} [${claim.likelihood}]${claim.proposition ? ` ${claim.proposition}` : ''}`;
}

function scoreClaims(
  gold: readonly Located<GoldClaim>[],
  predicted: readonly Located<GoldClaim>[],
  explain: Explainer,
): ClaimScores {
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const a = gold[g]!;
    const b = predicted[p]!;
    if (!overlaps(a.span, b.span)) return null;
    return overlapRatio(a.span, b.span) * 0.5 + (holderMatches(a.item.holder, b.item.holder) ? 0.5 : 0);
  });
  const matched = pairs.map((pair) => ({
    gold: gold[pair.gold]!,
    predicted: predicted[pair.predicted]!.item,
  }));
  explain.unmatched('claims', gold, predicted, pairs, describeClaim);
  for (const m of matched) {
    const wrong = [
      holderMatches(m.gold.item.holder, m.predicted.holder) ? null : `holder ${m.predicted.holder}`,
      m.gold.item.likelihood === m.predicted.likelihood ? null : `likelihood ${m.predicted.likelihood}`,
    ].filter((x) => x !== null);
    if (wrong.length > 0) explain.wrong('claims', m.gold, describeClaim(m.gold.item), wrong.join(', '));
  }
  return {
    overall: prf(pairs.length, predicted.length - pairs.length, gold.length - pairs.length),
    holder: countCorrect(matched, (m) => holderMatches(m.gold.item.holder, m.predicted.holder)),
    likelihood: countCorrect(matched, (m) => m.gold.item.likelihood === m.predicted.likelihood),
    likelihoodWithinOne: countCorrect(matched, (m) =>
      likelihoodWithinOne(m.gold.item.likelihood, m.predicted.likelihood),
    ),
  };
}

// ---------------------------------------------------------------- itineraries

function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a predicted traveller can be the gold one: the same name, or one name's words all within the other's
 * (`Kim` for `Kim Jong-un`). Among several candidates the matching prefers the exact name and the longer overlap.
 */
export function sameTraveller(gold: string, predicted: string): boolean {
  const a = nameTokens(gold);
  const b = nameTokens(predicted);
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.every((token) => longer.includes(token));
}

/** Same date (as days) and the same place, or a country-level gold stop and a stop in that country. */
export function stopsMatch(gold: GoldStop, predicted: GoldStop, dct: string | null): boolean {
  const sameDate =
    gold.date === null || predicted.date === null
      ? gold.date === predicted.date
      : datesEqual(gold.date, predicted.date, dct);
  if (!sameDate) return false;
  return samePlace({ ...gold, name: gold.place }, { ...predicted, name: predicted.place });
}

/** Length of the longest common subsequence of stops and which gold stops it uses. */
export function stopLcs(
  gold: readonly GoldStop[],
  predicted: readonly GoldStop[],
  dct: string | null,
): { length: number; goldUsed: Set<number>; predictedUsed: Set<number> } {
  const table: number[][] = Array.from({ length: gold.length + 1 }, () =>
    new Array<number>(predicted.length + 1).fill(0),
  );
  for (let g = 1; g <= gold.length; g++) {
    for (let p = 1; p <= predicted.length; p++) {
      table[g]![p] = stopsMatch(gold[g - 1]!, predicted[p - 1]!, dct)
        ? table[g - 1]![p - 1]! + 1
        : Math.max(table[g - 1]![p]!, table[g]![p - 1]!);
    }
  }
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  let g = gold.length;
  let p = predicted.length;
  while (g > 0 && p > 0) {
    if (stopsMatch(gold[g - 1]!, predicted[p - 1]!, dct) && table[g]![p] === table[g - 1]![p - 1]! + 1) {
      goldUsed.add(g - 1);
      predictedUsed.add(p - 1);
      g--;
      p--;
    } else if (table[g - 1]![p]! >= table[g]![p - 1]!) g--;
    else p--;
  }
  return { length: table[gold.length]![predicted.length]!, goldUsed, predictedUsed };
}

function describeStop(traveller: string, stop: GoldStop): string {
  return `${traveller}: ${stop.date ?? 'undated'} ${stop.place}${stop.country ? ` (${stop.country})` : ''}`;
}

function scoreItineraries(
  gold: readonly LocatedItinerary[],
  predicted: readonly LocatedItinerary[],
  dct: string | null,
  explain: Explainer,
): ItineraryScores {
  const lcs = (g: number, p: number) =>
    stopLcs(
      gold[g]!.stops.map((s) => s.stop),
      predicted[p]!.stops.map((s) => s.stop),
      dct,
    );
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const goldName = gold[g]!.item.traveller;
    const predictedName = predicted[p]!.item.traveller;
    if (!sameTraveller(goldName, predictedName)) return null;
    const stops = gold[g]!.stops.length;
    const exactName = nameTokens(goldName).join(' ') === nameTokens(predictedName).join(' ');
    return (stops === 0 ? 1 : lcs(g, p).length / stops) * 0.9 + (exactName ? 0.1 : 0);
  });
  let matchedStops = 0;
  const goldUsed = gold.map(() => new Set<number>());
  const predictedUsed = predicted.map(() => new Set<number>());
  for (const pair of pairs) {
    const result = lcs(pair.gold, pair.predicted);
    matchedStops += result.length;
    goldUsed[pair.gold] = result.goldUsed;
    predictedUsed[pair.predicted] = result.predictedUsed;
  }
  for (const [g, itinerary] of gold.entries()) {
    for (const [s, located] of itinerary.stops.entries()) {
      if (!goldUsed[g]?.has(s))
        explain.add(
          'itineraries',
          'miss',
          located.span,
          describeStop(itinerary.item.traveller, located.stop),
          null,
        );
    }
  }
  for (const [p, itinerary] of predicted.entries()) {
    for (const [s, located] of itinerary.stops.entries()) {
      if (!predictedUsed[p]?.has(s)) {
        explain.add(
          'itineraries',
          'false_positive',
          located.span,
          describeStop(itinerary.item.traveller, located.stop),
          null,
        );
      }
    }
  }
  const goldStops = gold.reduce((n, i) => n + i.stops.length, 0);
  const predictedStops = predicted.reduce((n, i) => n + i.stops.length, 0);
  return {
    goldStops,
    predictedStops,
    matchedStops,
    score: goldStops === 0 ? 0 : matchedStops / goldStops,
    precision: predictedStops === 0 ? 0 : matchedStops / predictedStops,
  };
}

// ---------------------------------------------------------------- totals

/** Micro-averaged totals: counts are summed over documents, then rates recomputed. */
export function sumLayerScores(parts: readonly LayerScores[]): LayerScores {
  const types = new Set(parts.flatMap((p) => Object.keys(p.events.byType)));
  const byType: Record<string, Prf> = {};
  for (const type of [...types].sort()) {
    byType[type] = sumPrf(parts.map((p) => p.events.byType[type]).filter((x): x is Prf => x !== undefined));
  }
  const goldStops = parts.reduce((n, p) => n + p.itineraries.goldStops, 0);
  const predictedStops = parts.reduce((n, p) => n + p.itineraries.predictedStops, 0);
  const matchedStops = parts.reduce((n, p) => n + p.itineraries.matchedStops, 0);
  return {
    timexes: {
      relaxed: sumPrf(parts.map((p) => p.timexes.relaxed)),
      strict: sumPrf(parts.map((p) => p.timexes.strict)),
      value: sumAccuracy(parts.map((p) => p.timexes.value)),
    },
    events: {
      overall: sumPrf(parts.map((p) => p.events.overall)),
      byType,
      factuality: sumAccuracy(parts.map((p) => p.events.factuality)),
      location: sumAccuracy(parts.map((p) => p.events.location)),
    },
    observations: {
      overall: sumPrf(parts.map((p) => p.observations.overall)),
      subject: sumAccuracy(parts.map((p) => p.observations.subject)),
      partner: sumAccuracy(parts.map((p) => p.observations.partner)),
      period: sumAccuracy(parts.map((p) => p.observations.period)),
      attributes: sumAccuracy(parts.map((p) => p.observations.attributes)),
      indicator: sumAccuracy(parts.map((p) => p.observations.indicator)),
    },
    claims: {
      overall: sumPrf(parts.map((p) => p.claims.overall)),
      holder: sumAccuracy(parts.map((p) => p.claims.holder)),
      likelihood: sumAccuracy(parts.map((p) => p.claims.likelihood)),
      likelihoodWithinOne: sumAccuracy(parts.map((p) => p.claims.likelihoodWithinOne)),
    },
    itineraries: {
      goldStops,
      predictedStops,
      matchedStops,
      score: goldStops === 0 ? 0 : matchedStops / goldStops,
      precision: predictedStops === 0 ? 0 : matchedStops / predictedStops,
    },
  };
}

// ---------------------------------------------------------------- explanations

class Explainer {
  readonly items: Explanation[] = [];
  private readonly sentences: readonly TextSpan[];

  constructor(readonly text: string) {
    this.sentences = splitSentences(text);
  }

  add(layer: Layer, kind: Explanation['kind'], span: TextSpan, item: string, detail: string | null): void {
    const sentence = this.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
    this.items.push({
      layer,
      kind,
      item,
      detail,
      evidence: this.text.slice(span.start, span.end),
      sentence: this.text.slice(sentence.start, Math.max(sentence.end, span.end)).replace(/\s+/g, ' '),
      start: span.start,
      end: span.end,
    });
  }

  wrong<T>(layer: Layer, gold: Located<T>, item: string, detail: string): void {
    this.add(layer, 'wrong_attribute', gold.span, item, detail);
  }

  unmatched<T>(
    layer: Layer,
    gold: readonly Located<T>[],
    predicted: readonly Located<T>[],
    pairs: readonly { gold: number; predicted: number }[],
    describe: (item: T) => string,
  ): void {
    const goldMatched = new Set(pairs.map((p) => p.gold));
    const predictedMatched = new Set(pairs.map((p) => p.predicted));
    gold.forEach((g, i) => {
      if (!goldMatched.has(i)) this.add(layer, 'miss', g.span, describe(g.item), null);
    });
    predicted.forEach((p, i) => {
      if (!predictedMatched.has(i)) this.add(layer, 'false_positive', p.span, describe(p.item), null);
    });
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
