/** Pure analysis behind the dashboard, map and network: classify, filter and aggregate findings. */
import { claimConflicts, claimText } from '../../analysis/conflicts.js';
import type { Claim, DyadEvent, Factuality, Itinerary, Likelihood, Observation } from '../../domain/model.js';
import { type DayRange, monthOf, monthsBetween, overlaps, timexRange } from './dates.js';

export type Quad = 'verbal_cooperation' | 'material_cooperation' | 'verbal_conflict' | 'material_conflict';
export const QUADS: readonly Quad[] = [
  'verbal_cooperation',
  'material_cooperation',
  'verbal_conflict',
  'material_conflict',
];

export const QUAD_LABELS: Record<Quad, string> = {
  verbal_cooperation: 'Verbal cooperation',
  material_cooperation: 'Material cooperation',
  verbal_conflict: 'Verbal conflict',
  material_conflict: 'Material conflict',
};

/**
 * PLOVER event types in the four quad classes, following the CAMEO root codes they descend from
 * (01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict).
 */
const PLOVER_QUADS: Record<string, Quad> = {
  AGREE: 'verbal_cooperation',
  CONSULT: 'verbal_cooperation',
  SUPPORT: 'verbal_cooperation',
  REQUEST: 'verbal_cooperation',
  COOPERATE: 'material_cooperation',
  AID: 'material_cooperation',
  CONCEDE: 'material_cooperation',
  RETREAT: 'material_cooperation',
  ACCUSE: 'verbal_conflict',
  DISAPPROVE: 'verbal_conflict',
  REJECT: 'verbal_conflict',
  THREATEN: 'verbal_conflict',
  PROTEST: 'material_conflict',
  SANCTION: 'material_conflict',
  MOBILIZE: 'material_conflict',
  COERCE: 'material_conflict',
  ASSAULT: 'material_conflict',
};

export function quadOf(eventType: string): Quad | null {
  return PLOVER_QUADS[eventType.toUpperCase()] ?? null;
}

/** Weight of one event on the monthly score line: cooperation up, conflict down, material counts double. */
export const QUAD_SCORE: Record<Quad, number> = {
  verbal_cooperation: 1,
  material_cooperation: 2,
  verbal_conflict: -1,
  material_conflict: -2,
};

export function isCooperation(quad: Quad | null): boolean {
  return quad === 'verbal_cooperation' || quad === 'material_cooperation';
}

export type AnalyticKind = 'event' | 'itinerary' | 'claim' | 'observation';
export const ANALYTIC_KINDS: readonly AnalyticKind[] = ['event', 'itinerary', 'claim', 'observation'];
export const FACTUALITIES: readonly Factuality[] = ['asserted', 'claimed', 'possible', 'negated'];

/** The one filter that drives timeline, map and network together. */
export interface Filter {
  /** Inclusive ISO dates, or null for open. */
  readonly from: string | null;
  readonly to: string | null;
  /** Actor ids; empty means all. An event passes when its source or target is listed. */
  readonly actors: readonly string[];
  readonly kinds: readonly AnalyticKind[];
  readonly factuality: readonly Factuality[];
}

export const EMPTY_FILTER: Filter = {
  from: null,
  to: null,
  actors: [],
  kinds: ANALYTIC_KINDS,
  factuality: FACTUALITIES,
};

export interface DatedEvent {
  readonly event: DyadEvent;
  readonly range: DayRange | null;
  readonly quad: Quad | null;
}

export function dateEvents(events: readonly DyadEvent[]): DatedEvent[] {
  return events.map((event) => ({ event, range: timexRange(event.date), quad: quadOf(event.type) }));
}

/** Events that pass the filter. Undated events pass only when no period is set. */
export function filterEvents(events: readonly DatedEvent[], filter: Filter): DatedEvent[] {
  if (!filter.kinds.includes('event')) return [];
  const actors = new Set(filter.actors);
  const factuality = new Set(filter.factuality);
  const period = filter.from !== null || filter.to !== null;
  return events.filter(({ event, range }) => {
    if (!factuality.has(event.factuality)) return false;
    if (actors.size > 0 && !actors.has(event.source ?? '') && !actors.has(event.target ?? '')) return false;
    if (period) return range !== null && overlaps(range, filter.from, filter.to);
    return true;
  });
}

/** Itinerary stops that pass the period filter; travellers pass the actor filter by their stops' countries or name. */
export function filterItineraries(itineraries: readonly Itinerary[], filter: Filter): Itinerary[] {
  if (!filter.kinds.includes('itinerary')) return [];
  const actors = new Set(filter.actors);
  return itineraries
    .filter(
      (it) =>
        actors.size === 0 ||
        [...actors].some((a) => it.traveller.includes(a)) ||
        it.stops.some((s) => actors.has(s.place.country ?? '')),
    )
    .map((it) => ({
      ...it,
      stops: it.stops.filter((stop) => {
        const range = timexRange(stop.date);
        return range === null
          ? filter.from === null && filter.to === null
          : overlaps(range, filter.from, filter.to);
      }),
    }))
    .filter((it) => it.stops.length > 0);
}

/** An unordered pair key, e.g. `PRK|RUS`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface PairCount {
  readonly a: string;
  readonly b: string;
  readonly count: number;
  readonly cooperation: number;
  readonly conflict: number;
}

/** Event counts per unordered actor pair, most events first (ties by name, for a stable default). */
export function pairCounts(events: readonly DatedEvent[]): PairCount[] {
  const pairs = new Map<
    string,
    { a: string; b: string; count: number; cooperation: number; conflict: number }
  >();
  for (const { event, quad } of events) {
    if (!event.source || !event.target || event.source === event.target) continue;
    const key = pairKey(event.source, event.target);
    const [a, b] = key.split('|') as [string, string];
    const entry = pairs.get(key) ?? { a, b, count: 0, cooperation: 0, conflict: 0 };
    entry.count += 1;
    if (quad !== null) {
      if (isCooperation(quad)) entry.cooperation += 1;
      else entry.conflict += 1;
    }
    pairs.set(key, entry);
  }
  return [...pairs.values()].sort(
    (x, y) => y.count - x.count || pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)),
  );
}

export function eventsOfPair(events: readonly DatedEvent[], a: string, b: string): DatedEvent[] {
  return events.filter(
    ({ event }) => (event.source === a && event.target === b) || (event.source === b && event.target === a),
  );
}

export interface MonthBucket {
  readonly month: string;
  readonly counts: Record<Quad, number>;
  readonly other: number;
  /** Net score (client buckets) or mean intensity −10…+10 (server pair analytics); null for an empty month. */
  readonly score: number | null;
  /** Events from coded datasets (GDELT, ICEWS, ACLED) among the counts, when known. */
  readonly coded?: number;
}

/** Monthly buckets from the server's pair analytics (`/api/pair?by=month`), empty months filled in. */
export function bucketsFromPairPeriods(
  periods: readonly {
    period: string;
    byType: Readonly<Record<string, number>>;
    score: number | null;
    byOrigin: Readonly<Record<string, number>>;
  }[],
): MonthBucket[] {
  const monthly = periods.filter((p) => /^\d{4}-\d{2}$/.test(p.period));
  if (monthly.length === 0) return [];
  const byMonth = new Map(monthly.map((p) => [p.period, p]));
  const sorted = [...byMonth.keys()].sort();
  return monthsBetween(sorted[0] as string, sorted.at(-1) as string).map((month) => {
    const counts: Record<Quad, number> = {
      verbal_cooperation: 0,
      material_cooperation: 0,
      verbal_conflict: 0,
      material_conflict: 0,
    };
    let other = 0;
    const period = byMonth.get(month);
    for (const [type, n] of Object.entries(period?.byType ?? {})) {
      const quad = quadOf(type);
      if (quad) counts[quad] += n;
      else other += n;
    }
    return { month, counts, other, score: period?.score ?? null, coded: period?.byOrigin.coded ?? 0 };
  });
}

/**
 * Monthly counts per quad class and the net score. A fuzzy date counts in the month it starts in,
 * so a value like `2023` lands in January; undated events are left out.
 */
export function monthlyBuckets(events: readonly DatedEvent[]): MonthBucket[] {
  const dated = events.filter((e): e is DatedEvent & { range: DayRange } => e.range !== null);
  if (dated.length === 0) return [];
  let first = '9999-12';
  let last = '0000-01';
  for (const { range } of dated) {
    const month = monthOf(range.earliest);
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const buckets = new Map<string, { counts: Record<Quad, number>; other: number; score: number }>();
  for (const month of monthsBetween(first, last)) {
    buckets.set(month, {
      counts: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 },
      other: 0,
      score: 0,
    });
  }
  for (const { range, quad } of dated) {
    const bucket = buckets.get(monthOf(range.earliest));
    if (!bucket) continue;
    if (quad === null) bucket.other += 1;
    else {
      bucket.counts[quad] += 1;
      bucket.score += QUAD_SCORE[quad];
    }
  }
  return [...buckets.entries()].map(([month, b]) => ({ month, ...b }));
}

/** The ICD 203 expressions of likelihood, in order, with their probability bands. */
export const ICD203_SCALE: readonly {
  readonly value: Likelihood;
  readonly label: string;
  readonly band: string;
}[] = [
  { value: 'almost_no_chance', label: 'almost no chance', band: '1–5%' },
  { value: 'very_unlikely', label: 'very unlikely', band: '5–20%' },
  { value: 'unlikely', label: 'unlikely', band: '20–45%' },
  { value: 'roughly_even', label: 'roughly even chance', band: '45–55%' },
  { value: 'likely', label: 'likely', band: '55–80%' },
  { value: 'very_likely', label: 'very likely', band: '80–95%' },
  { value: 'almost_certain', label: 'almost certain', band: '95–99%' },
];

/**
 * Notes for claims that disagree with another report's claim, by the project's conflict rules
 * (analysis/conflicts.ts: same proposition asserted and denied, or judged far apart on the ICD 203 scale).
 * `texts` holds the text of each claim's document; claims whose document text is absent are not compared.
 */
export function claimConflictNotes(
  claims: readonly Claim[],
  texts: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const withText = claims.flatMap((claim) => {
    const text = texts.get(claim.docId);
    return text === undefined ? [] : [claimText(text, claim)];
  });
  const notes = new Map<string, string[]>();
  const note = (claim: Claim, line: string) => notes.set(claim.id, [...(notes.get(claim.id) ?? []), line]);
  for (const conflict of claimConflicts(withText)) {
    const [x, y] = conflict.sides;
    if (conflict.reason === 'negation') {
      note(x, `contradicted by ${y.holder}`);
      note(y, `contradicted by ${x.holder}`);
    } else {
      note(x, `${conflict.steps} ICD 203 steps from ${y.holder}`);
      note(y, `${conflict.steps} ICD 203 steps from ${x.holder}`);
    }
  }
  return notes;
}

export interface Series {
  readonly key: string;
  readonly points: readonly {
    readonly period: string;
    readonly range: DayRange;
    readonly value: number;
    readonly id: string;
  }[];
}

/** Observations as time series: one per indicator and unit, a line per subject→partner. */
export function observationSeries(
  observations: readonly Observation[],
): { indicator: string; unit: string; series: Series[] }[] {
  const groups = new Map<string, Map<string, Series['points'][number][]>>();
  for (const o of observations) {
    const range = timexRange(o.period);
    if (!range) continue;
    const group = `${o.indicator}\u0000${o.unit}`;
    const line = `${o.subject ?? '?'}→${o.partner ?? 'all'}`;
    const lines = groups.get(group) ?? new Map();
    lines.set(line, [
      ...(lines.get(line) ?? []),
      { period: o.period ?? '', range, value: o.value, id: o.id },
    ]);
    groups.set(group, lines);
  }
  return [...groups.entries()]
    .map(([group, lines]) => {
      const [indicator, unit] = group.split('\u0000') as [string, string];
      return {
        indicator,
        unit,
        series: [...lines.entries()]
          .map(([key, points]) => ({
            key,
            points: [...points].sort((p, q) => p.range.earliest.localeCompare(q.range.earliest)),
          }))
          .sort((s, t) => s.key.localeCompare(t.key)),
      };
    })
    .sort((g, h) => g.indicator.localeCompare(h.indicator));
}

/** Actors of events, most frequent first. */
export function actorsOf(events: readonly DatedEvent[]): string[] {
  const counts = new Map<string, number>();
  for (const { event } of events) {
    for (const actor of [event.source, event.target]) {
      if (actor) counts.set(actor, (counts.get(actor) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([actor]) => actor);
}
