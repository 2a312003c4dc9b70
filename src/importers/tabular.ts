/**
 * ICEWS and ACLED rows: delimited text with a header row, mapped by column name.
 */
import { PLOVER_QUAD } from '../analysis/pair.js';
import { MONTHS } from '../ingest/dates.js';
import { type CodedDataset, type CodedEventRow, codedEventKey } from '../store/coded.js';
import { type CodeTables, dayNumber, normaliseCountryName } from './codes.js';
import type { RowResult } from './gdelt.js';

/** Column name → index, names normalised (`Event Date` and `event_date` are the same column). */
export type HeaderIndex = ReadonlyMap<string, number>;

export function headerIndex(fields: readonly string[]): HeaderIndex {
  return new Map(
    fields.map((name, i) => [
      name
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
      i,
    ]),
  );
}

export function missingColumns(header: HeaderIndex, required: readonly string[]): string[] {
  return required.filter((name) => !header.has(name));
}

function cell(fields: readonly string[], header: HeaderIndex, name: string): string {
  const index = header.get(name);
  return index === undefined ? '' : (fields[index] ?? '').trim();
}

function numberOrNull(value: string): number | null {
  if (value.length === 0) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** yyyymmdd of `2018-06-01`, `2018/06/01` or `23 February 2022`, or null. */
export function parseDay(value: string): number | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(value);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
  if (long) {
    const month = MONTHS.indexOf((long[2] as string).toLowerCase()) + 1;
    return month > 0 ? dayNumber(Number(long[3]), month, Number(long[1])) : null;
  }
  return null;
}

function keyOf(dataset: CodedDataset, id: string): number | null {
  return id.length > 0 ? codedEventKey(dataset, id) : null;
}

export function countryId(name: string, tables: CodeTables): string | null {
  if (name.length === 0) return null;
  if (name.length === 3 && tables.iso3.has(name)) return name;
  return tables.countryByName.get(normaliseCountryName(name)) ?? null;
}

/** The checks every tabular row starts with: its column count, its original id (as a key) and its event date. */
function rowIdentity(
  fields: readonly string[],
  header: HeaderIndex,
  dataset: CodedDataset,
  idColumn: string,
): { ok: true; id: string; key: number; day: number } | { ok: false; reason: string } {
  if (fields.length !== header.size) {
    return { ok: false, reason: `wrong column count: ${fields.length} (header has ${header.size})` };
  }
  const id = cell(fields, header, idColumn);
  const key = keyOf(dataset, id);
  if (key === null) return { ok: false, reason: `unsupported ${idColumn} '${id.slice(0, 20)}'` };
  const dateText = cell(fields, header, 'event_date');
  const day = parseDay(dateText);
  if (day === null) return { ok: false, reason: `bad date '${dateText.slice(0, 20)}'` };
  return { ok: true, id, key, day };
}

export const ICEWS_REQUIRED = ['event_id', 'event_date', 'cameo_code', 'source_country', 'target_country'];

export function parseIcewsRow(
  fields: readonly string[],
  header: HeaderIndex,
  tables: CodeTables,
): RowResult<CodedEventRow> {
  const identity = rowIdentity(fields, header, 'icews', 'event_id');
  if (!identity.ok) return identity;
  const { id, key, day } = identity;
  const cameo = cell(fields, header, 'cameo_code');
  const code = tables.cameo.get(cameo);
  if (!code) return { ok: false, reason: `unknown CAMEO code '${cameo.slice(0, 10)}'` };
  const sourceCountry = cell(fields, header, 'source_country');
  const targetCountry = cell(fields, header, 'target_country');
  return {
    ok: true,
    row: {
      dataset: 'icews',
      originalId: id,
      key,
      day,
      sourceActor: countryId(sourceCountry, tables),
      targetActor: countryId(targetCountry, tables),
      sourceActorCode: cell(fields, header, 'source_name') || null,
      targetActorCode: cell(fields, header, 'target_name') || null,
      cameo,
      quadClass: code.quad,
      plover: code.plover,
      mode: code.mode,
      // ICEWS's `intensity` is its own Goldstein value of the code.
      goldstein: numberOrNull(cell(fields, header, 'intensity')) ?? code.goldsteinIcews,
      sourceUrl: null,
      sourceName: cell(fields, header, 'publisher') || null,
      actionCountry: countryId(cell(fields, header, 'country'), tables),
      lat: numberOrNull(cell(fields, header, 'latitude')),
      lon: numberOrNull(cell(fields, header, 'longitude')),
    },
  };
}

export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'sub_event_type', 'actor1', 'actor2'];

const QUAD_CLASS: Record<string, number> = {
  verbal_cooperation: 1,
  material_cooperation: 2,
  verbal_conflict: 3,
  material_conflict: 4,
};

/** A state actor's country in ACLED's naming: `Military Forces of Russia (2000-)`, `Government of X`. */
const STATE_ACTOR = /^(?:Military Forces|Police Forces|Government|Navy|Air Force) of (.+?)(?: \([^)]*\))*$/;

function acledActor(name: string, tables: CodeTables): string | null {
  const match = STATE_ACTOR.exec(name);
  return match ? countryId(match[1] as string, tables) : null;
}

export function parseAcledRow(
  fields: readonly string[],
  header: HeaderIndex,
  tables: CodeTables,
): RowResult<CodedEventRow> {
  const identity = rowIdentity(fields, header, 'acled', 'event_id_cnty');
  if (!identity.ok) return identity;
  const { id, key, day } = identity;
  const subEvent = cell(fields, header, 'sub_event_type');
  const mapping = tables.acledPlover[subEvent];
  if (!mapping) return { ok: false, reason: `unknown sub_event_type '${subEvent.slice(0, 40)}'` };
  const quad = mapping.plover ? PLOVER_QUAD[mapping.plover] : undefined;
  const actor1 = cell(fields, header, 'actor1');
  const actor2 = cell(fields, header, 'actor2');
  const iso = cell(fields, header, 'iso');
  return {
    ok: true,
    row: {
      dataset: 'acled',
      originalId: id,
      key,
      day,
      sourceActor: acledActor(actor1, tables),
      targetActor: acledActor(actor2, tables),
      sourceActorCode: actor1 || null,
      targetActorCode: actor2 || null,
      cameo: null,
      quadClass: quad ? (QUAD_CLASS[quad] ?? null) : null,
      plover: mapping.plover,
      mode: mapping.mode,
      // ACLED carries no Goldstein value; the rollup uses the PLOVER type's default.
      goldstein: null,
      sourceUrl: null,
      sourceName: cell(fields, header, 'source') || null,
      actionCountry: iso ? (tables.countryByNumeric.get(String(Number(iso))) ?? null) : null,
      lat: numberOrNull(cell(fields, header, 'latitude')),
      lon: numberOrNull(cell(fields, header, 'longitude')),
    },
  };
}
