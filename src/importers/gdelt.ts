/**
 * GDELT event rows (1.0: 57 or 58 columns; 2.0: 61 columns) and 2.0 Mentions rows (16 columns),
 * tab-separated without header. Parsing is hot (millions of rows), so fields are cut with indexOf.
 */
import { type CodedEventRow, type CodedMentionRow, codedKeyRange } from '../store/coded.js';
import { type CodeTables, dayNumber } from './codes.js';

export type RowResult<T> =
  | { readonly ok: true; readonly row: T }
  | { readonly ok: false; readonly reason: string };

export const GDELT_EVENT_COLUMNS = [57, 58, 61] as const;
export const GDELT_MENTION_COLUMNS = 16;

const MAX_FIELDS = 64;
const GDELT_KEY_BASE = codedKeyRange('gdelt')[0];
// GLOBALEVENTIDs are about 10 digits; longer ones would leave GDELT's key band.
const MAX_ID_DIGITS = 13;
const starts = new Int32Array(MAX_FIELDS + 1);

/** Records where each tab-separated field starts; returns the field count (MAX_FIELDS + 1 when more). */
function cutFields(line: string): number {
  let count = 0;
  let position = 0;
  starts[0] = 0;
  while (count < MAX_FIELDS) {
    const tab = line.indexOf('\t', position);
    count++;
    if (tab === -1) {
      starts[count] = line.length + 1;
      return count;
    }
    position = tab + 1;
    starts[count] = position;
  }
  return MAX_FIELDS + 1;
}

function field(line: string, index: number): string {
  return line.slice(starts[index] as number, (starts[index + 1] as number) - 1);
}

function orNull(value: string): string | null {
  return value.length > 0 ? value : null;
}

function numberOrNull(value: string): number | null {
  if (value.length === 0) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The number of tab-separated fields of a line. */
export function tabFieldCount(line: string): number {
  return cutFields(line);
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** yyyymmdd from the first 8 characters of a GDELT date (SQLDATE or a 14-digit timestamp), or null. */
function gdeltDay(value: string): number | null {
  if (value.length < 8 || !isDigits(value)) return null;
  const n = Number(value.slice(0, 8));
  return dayNumber(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

/** GDELT actor id: the CAMEO country code (ISO alpha-3 for states), else a known group (e.g. `UNO`). */
function actorId(country: string, knownGroup: string): string | null {
  if (country.length > 0) return country;
  if (knownGroup.length > 0) return knownGroup;
  return null;
}

export function parseGdeltEvent(line: string, tables: CodeTables): RowResult<CodedEventRow> {
  const columns = cutFields(line);
  if (columns !== 57 && columns !== 58 && columns !== 61) {
    return {
      ok: false,
      reason: `wrong column count: ${columns > MAX_FIELDS ? `more than ${MAX_FIELDS}` : columns} (GDELT events have 57, 58 or 61)`,
    };
  }
  const id = field(line, 0);
  if (!isDigits(id) || id.length > MAX_ID_DIGITS) {
    return { ok: false, reason: `bad GLOBALEVENTID '${id.slice(0, 20)}'` };
  }
  const dateText = field(line, 1);
  const day = gdeltDay(dateText);
  if (day === null || dateText.length !== 8)
    return { ok: false, reason: `bad date '${dateText.slice(0, 20)}'` };
  const cameo = field(line, 26);
  const code = tables.cameo.get(cameo);
  if (!code) return { ok: false, reason: `unknown CAMEO code '${cameo.slice(0, 10)}'` };
  const quadText = field(line, 29);
  const quad = quadText.length === 1 ? quadText.charCodeAt(0) - 48 : -1;
  if (quad < 1 || quad > 4) return { ok: false, reason: `bad QuadClass '${quadText.slice(0, 10)}'` };
  const goldstein = numberOrNull(field(line, 30)) ?? code.goldstein;
  const v2 = columns === 61;
  const action = v2 ? 51 : 49;
  const fips = field(line, action + 2);
  const url = columns === 57 ? null : orNull(field(line, columns - 1));
  return {
    ok: true,
    row: {
      dataset: 'gdelt',
      originalId: id,
      key: GDELT_KEY_BASE + Number(id),
      day,
      sourceActor: actorId(field(line, 7), field(line, 8)),
      targetActor: actorId(field(line, 17), field(line, 18)),
      sourceActorCode: orNull(field(line, 5)),
      targetActorCode: orNull(field(line, 15)),
      cameo,
      quadClass: quad,
      plover: code.plover,
      mode: code.mode,
      goldstein,
      sourceUrl: url,
      // GDELT event files name no source; the Mentions files do (MentionSourceName).
      sourceName: null,
      actionCountry: fips.length > 0 ? (tables.fipsToIso3.get(fips) ?? null) : null,
      lat: numberOrNull(field(line, v2 ? action + 5 : action + 4)),
      lon: numberOrNull(field(line, v2 ? action + 6 : action + 5)),
    },
  };
}

/** A Mentions row from its 16 fields (tab-separated file or CSV with header). */
export function parseGdeltMention(fields: readonly string[]): RowResult<CodedMentionRow> {
  if (fields.length !== GDELT_MENTION_COLUMNS) {
    return { ok: false, reason: `wrong column count: ${fields.length} (GDELT mentions have 16)` };
  }
  const [eventId = '', , mentionTime = '', , sourceName = '', url = ''] = fields;
  if (!isDigits(eventId)) return { ok: false, reason: `bad GLOBALEVENTID '${eventId.slice(0, 20)}'` };
  if (mentionTime.length !== 14 || gdeltDay(mentionTime) === null) {
    return { ok: false, reason: `bad date '${mentionTime.slice(0, 20)}'` };
  }
  if (url.length === 0) return { ok: false, reason: 'empty MentionIdentifier' };
  return {
    ok: true,
    row: {
      dataset: 'gdelt',
      eventId,
      url,
      sourceName: orNull(sourceName),
      time: Number(mentionTime),
      confidence: numberOrNull(fields[11] ?? ''),
      tone: numberOrNull(fields[13] ?? ''),
    },
  };
}

/** Splits a tab-separated line into fields (for the small Mentions files). */
export function tabFields(line: string): string[] {
  return line.split('\t');
}
