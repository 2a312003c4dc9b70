/**
 * Pair analytics from rollup rows: pure, browser-safe, shared by the CLI, the API and the web app.
 *
 * Split of PLOVER types (PLOVER's four "quad" groups, following CAMEO's QuadClass):
 *   verbal cooperation    AGREE, CONSULT, SUPPORT
 *   material cooperation  CONCEDE, COOPERATE, AID, RETREAT
 *   verbal conflict       REQUEST, ACCUSE, REJECT, THREATEN
 *   material conflict     PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT
 * Rows without a PLOVER type (CAMEO 01 statements, ACLED "Other") are `OTHER`: counted, in neither split.
 *
 * Score of a period = mean Goldstein-like intensity of its events, −10 (most conflictual) … +10 (most
 * cooperative): Σ intensity / count. A coded row's intensity is the Goldstein value of its CAMEO code
 * (GDELT's own column; ICEWS's `intensity`); an extracted event's, and an ACLED row's, is the default
 * of its PLOVER type below. Also given: cooperation share = cooperative / (cooperative + conflictual).
 */
import type { EventOrigin, PairRollupRow } from '../store/coded.js';

export type PloverQuad =
  | 'verbal_cooperation'
  | 'material_cooperation'
  | 'verbal_conflict'
  | 'material_conflict';

export const PLOVER_QUAD: Readonly<Record<string, PloverQuad>> = {
  AGREE: 'verbal_cooperation',
  CONSULT: 'verbal_cooperation',
  SUPPORT: 'verbal_cooperation',
  CONCEDE: 'material_cooperation',
  COOPERATE: 'material_cooperation',
  AID: 'material_cooperation',
  RETREAT: 'material_cooperation',
  REQUEST: 'verbal_conflict',
  ACCUSE: 'verbal_conflict',
  REJECT: 'verbal_conflict',
  THREATEN: 'verbal_conflict',
  PROTEST: 'material_conflict',
  MOBILIZE: 'material_conflict',
  SANCTION: 'material_conflict',
  COERCE: 'material_conflict',
  ASSAULT: 'material_conflict',
};

/** The rollup type of events without a PLOVER type. */
export const OTHER_TYPE = 'OTHER';

/**
 * Default intensity of a PLOVER type: the mean GDELT Goldstein value of the CAMEO codes the
 * CAMEO→PLOVER crosswalk maps to it (computed by data/codes/generate.ts; `ploverDefaults` in
 * data/codes/cameo.json — a test keeps the two equal).
 */
export const PLOVER_DEFAULT_INTENSITY: Readonly<Record<string, number>> = {
  ACCUSE: -2,
  AGREE: 5.91,
  AID: 7.51,
  ASSAULT: -9.59,
  COERCE: -6.64,
  CONCEDE: 5,
  CONSULT: 2.78,
  COOPERATE: 6.7,
  MOBILIZE: -7.2,
  PROTEST: -6.87,
  REJECT: -4.39,
  REQUEST: -1.57,
  RETREAT: 8,
  SANCTION: -6.34,
  SUPPORT: 5.08,
  THREATEN: -6.22,
};

export function defaultIntensity(type: string): number {
  return PLOVER_DEFAULT_INTENSITY[type] ?? 0;
}

/** The rollup's type and score of a coded event: no PLOVER type counts as OTHER, no Goldstein value as the type's. */
export function rollupTypeAndScore(
  plover: string | null,
  goldstein: number | null,
): { type: string; score: number } {
  const type = plover ?? OTHER_TYPE;
  return { type, score: goldstein ?? defaultIntensity(type) };
}

export type PeriodUnit = 'day' | 'month' | 'year';

export interface PairPeriod {
  /** `2024-06-19`, `2024-06` or `2024`; a day-less date under `day` shows as its month. */
  readonly period: string;
  readonly count: number;
  readonly byOrigin: Readonly<Record<EventOrigin, number>>;
  readonly byType: Readonly<Record<string, number>>;
  readonly cooperation: number;
  readonly conflict: number;
  readonly verbal: number;
  readonly material: number;
  /** Mean intensity, −10 … +10; null when the period has no events. */
  readonly score: number | null;
  /** cooperation / (cooperation + conflict); null when neither occurs. */
  readonly cooperationShare: number | null;
}

export interface PairAnalysis {
  readonly by: PeriodUnit;
  readonly periods: readonly PairPeriod[];
  readonly total: PairPeriod;
}

export function periodKey(day: number, by: PeriodUnit): string {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const dayOfMonth = day % 100;
  const y = String(year).padStart(4, '0');
  if (by === 'year' || month === 0) return y;
  const m = `${y}-${String(month).padStart(2, '0')}`;
  if (by === 'month' || dayOfMonth === 0) return m;
  return `${m}-${String(dayOfMonth).padStart(2, '0')}`;
}

interface Accumulator {
  count: number;
  scoreSum: number;
  byOrigin: Record<EventOrigin, number>;
  byType: Record<string, number>;
  cooperation: number;
  conflict: number;
  verbal: number;
  material: number;
}

function emptyAccumulator(): Accumulator {
  return {
    count: 0,
    scoreSum: 0,
    byOrigin: { coded: 0, extracted: 0 },
    byType: {},
    cooperation: 0,
    conflict: 0,
    verbal: 0,
    material: 0,
  };
}

function add(acc: Accumulator, row: PairRollupRow): void {
  acc.count += row.count;
  acc.scoreSum += row.scoreSum;
  acc.byOrigin[row.origin] += row.count;
  acc.byType[row.type] = (acc.byType[row.type] ?? 0) + row.count;
  const quad = PLOVER_QUAD[row.type];
  if (!quad) return;
  switch (quad) {
    case 'verbal_cooperation':
      acc.cooperation += row.count;
      acc.verbal += row.count;
      break;
    case 'material_cooperation':
      acc.cooperation += row.count;
      acc.material += row.count;
      break;
    case 'verbal_conflict':
      acc.conflict += row.count;
      acc.verbal += row.count;
      break;
    case 'material_conflict':
      acc.conflict += row.count;
      acc.material += row.count;
      break;
  }
}

function finish(period: string, acc: Accumulator): PairPeriod {
  const split = acc.cooperation + acc.conflict;
  return {
    period,
    count: acc.count,
    byOrigin: acc.byOrigin,
    byType: acc.byType,
    cooperation: acc.cooperation,
    conflict: acc.conflict,
    verbal: acc.verbal,
    material: acc.material,
    score: acc.count > 0 ? round(acc.scoreSum / acc.count) : null,
    cooperationShare: split > 0 ? round(acc.cooperation / split) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Groups rollup rows into periods (ascending) with their splits and scores, plus a total. */
export function analysePair(rows: readonly PairRollupRow[], by: PeriodUnit): PairAnalysis {
  const periods = new Map<string, Accumulator>();
  const total = emptyAccumulator();
  for (const row of rows) {
    const key = periodKey(row.day, by);
    let acc = periods.get(key);
    if (!acc) {
      acc = emptyAccumulator();
      periods.set(key, acc);
    }
    add(acc, row);
    add(total, row);
  }
  return {
    by,
    periods: [...periods.keys()].sort().map((key) => finish(key, periods.get(key) as Accumulator)),
    total: finish('total', total),
  };
}
