/**
 * GDELT event rows (1.0: 57 or 58 columns; 2.0: 61 columns) and 2.0 Mentions rows (16 columns),
 * tab-separated without header. Event files are hot (millions of rows): `GdeltEventScanner` reads their bytes.
 */

import { Buffer } from 'node:buffer';
import { type CodedMentionRow, codedKeyRange } from '../store/coded.js';
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
  let count = 1;
  for (let tab = line.indexOf('\t'); tab !== -1; tab = line.indexOf('\t', tab + 1)) count++;
  return count;
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

/** Where a GDELT events file's rows go: good rows as columns, bad ones with their line number and reason. */
export interface GdeltEventSink {
  row(
    key: number,
    day: number,
    source: string | null,
    target: string | null,
    cameo: string,
    plover: string | null,
    goldstein: number | null,
    detail: string,
  ): void;
  bad(line: number, reason: string): void;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const MINUS = 45;
const QUOTE = 34;
const BACKSLASH = 92;
const DOT = 46;
const ZERO = 48;
const CACHE_LIMIT = 100_000;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Parses GDELT event rows (1.0: 57 or 58 columns; 2.0: 61) straight from the file's bytes: millions of rows,
 * so no string is made for a line or for fields that are numbers, and short codes come from a cache.
 * Feed it chunks in order (`push`), then `end`.
 */
export class GdeltEventScanner {
  private carry: Uint8Array | null = null;
  private lineNumber = 0;
  private readonly fieldStarts = new Int32Array(MAX_FIELDS + 2);
  private readonly shortStrings = new Map<number, string>();
  private readonly decoder = new TextDecoder('utf-8');
  private bytes: Uint8Array = new Uint8Array(0);
  /** The same bytes as a Buffer, for its fast latin1Slice. */
  private latin1: Buffer = Buffer.alloc(0);

  constructor(
    private readonly tables: CodeTables,
    private readonly sink: GdeltEventSink,
  ) {}

  /** Lines read so far. */
  get lines(): number {
    return this.lineNumber;
  }

  push(data: Uint8Array): void {
    // A plain Uint8Array view (not a Buffer subclass) keeps every byte read in the scan loop monomorphic.
    const chunk =
      data.constructor === Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let from = 0;
    if (this.carry) {
      const newline = chunk.indexOf(LF);
      if (newline === -1) {
        this.carry = concat(this.carry, chunk);
        return;
      }
      const joined = concat(this.carry, chunk.subarray(0, newline + 1));
      this.carry = null;
      this.scan(joined, 0, joined.length);
      from = newline + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last >= from) this.scan(chunk, from, last + 1);
    const rest = Math.max(from, last + 1);
    if (rest < chunk.length) this.carry = chunk.slice(rest);
  }

  end(): void {
    if (this.carry && this.carry.length > 0) {
      const last = concat(this.carry, new Uint8Array([LF]));
      this.carry = null;
      this.scan(last, 0, last.length);
    }
  }

  /** `bytes[from, to)` holds whole lines, each ending with LF. */
  private scan(bytes: Uint8Array, from: number, to: number): void {
    this.bytes = bytes;
    this.latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const starts = this.fieldStarts;
    let lineStart = from;
    let fields = 0;
    starts[0] = from;
    for (let i = from; i < to; i++) {
      const c = bytes[i] as number;
      // One comparison for the common byte; tab and newline are both below 11.
      if (c > LF) continue;
      if (c === TAB) {
        fields++;
        if (fields <= MAX_FIELDS) starts[fields] = i + 1;
      } else if (c === LF) {
        this.lineNumber++;
        const end = i > lineStart && bytes[i - 1] === CR ? i - 1 : i;
        if (end > lineStart) {
          const count = fields + 1;
          if (count <= MAX_FIELDS) starts[count] = end + 1;
          const bad = this.line(count);
          if (bad !== null) this.sink.bad(this.lineNumber, bad);
        }
        lineStart = i + 1;
        fields = 0;
        starts[0] = lineStart;
      }
    }
  }

  private fieldStart(field: number): number {
    return this.fieldStarts[field] as number;
  }

  private fieldEnd(field: number): number {
    return (this.fieldStarts[field + 1] as number) - 1;
  }

  /** Parses the line whose fields `fieldStarts` holds and hands it to the sink; returns why it is bad, if it is. */
  private line(columns: number): string | null {
    if (columns !== 57 && columns !== 58 && columns !== 61) {
      const count = columns > MAX_FIELDS ? `more than ${MAX_FIELDS}` : columns;
      return `wrong column count: ${count} (GDELT events have 57, 58 or 61)`;
    }
    const id = this.digits(0);
    if (id < 0 || this.fieldEnd(0) - this.fieldStart(0) > MAX_ID_DIGITS) {
      return `bad GLOBALEVENTID '${this.text(0).slice(0, 20)}'`;
    }
    const date = this.fieldEnd(1) - this.fieldStart(1) === 8 ? this.digits(1) : -1;
    const day =
      date < 0 ? null : dayNumber(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100);
    if (day === null) return `bad date '${this.text(1).slice(0, 20)}'`;
    const cameo = this.short(26);
    const code = this.tables.cameo.get(cameo);
    if (!code) return `unknown CAMEO code '${cameo.slice(0, 10)}'`;
    const quadStart = this.fieldStart(29);
    const quad = this.fieldEnd(29) - quadStart === 1 ? (this.bytes[quadStart] as number) - ZERO : -1;
    if (quad < 1 || quad > 4) return `bad QuadClass '${this.text(29).slice(0, 10)}'`;
    const goldstein = this.decimal(30) ?? code.goldstein;
    const v2 = columns === 61;
    const action = v2 ? 51 : 49;
    const fips = this.short(action + 2);
    const actionCountry = fips.length > 0 ? (this.tables.fipsToIso3.get(fips) ?? null) : null;
    const lat = this.decimal(v2 ? action + 5 : action + 4);
    const lon = this.decimal(v2 ? action + 6 : action + 5);
    const url =
      columns === 57 || this.fieldEnd(columns - 1) === this.fieldStart(columns - 1)
        ? null
        : this.jsonText(columns - 1);
    const sourceCode = this.short(5);
    const targetCode = this.short(15);
    // The detail JSON is written by hand: codes are plain ASCII (checked), the URL goes through JSON.stringify.
    let detail = '{';
    if (sourceCode.length > 0) detail += `"sourceCode":${jsonString(sourceCode)},`;
    if (targetCode.length > 0) detail += `"targetCode":${jsonString(targetCode)},`;
    detail += `"quad":${quad},`;
    if (code.mode !== null) detail += `"mode":${jsonString(code.mode)},`;
    if (url !== null) detail += `"url":${url},`;
    if (actionCountry !== null) detail += `"actionCountry":"${actionCountry}",`;
    if (lat !== null) detail += `"lat":${lat},`;
    if (lon !== null) detail += `"lon":${lon},`;
    this.sink.row(
      GDELT_KEY_BASE + id,
      day,
      actorId(this.short(7), this.short(8)),
      actorId(this.short(17), this.short(18)),
      cameo,
      code.plover,
      goldstein,
      `${detail.slice(0, -1)}}`,
    );
    return null;
  }

  /** The field as a non-negative integer, or -1 when it is empty or not all digits. */
  private digits(field: number): number {
    const start = this.fieldStart(field);
    const end = this.fieldEnd(field);
    if (end <= start) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const d = (this.bytes[i] as number) - ZERO;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  }

  /** A decimal like `-2.8` or `38.8951` read from bytes (exact: digits / 10^k); other forms via Number. */
  private decimal(field: number): number | null {
    const start = this.fieldStart(field);
    const end = this.fieldEnd(field);
    if (end <= start) return null;
    let i = start;
    const negative = this.bytes[i] === MINUS;
    if (negative) i++;
    let value = 0;
    let digits = 0;
    let scale = -1;
    for (; i < end; i++) {
      const c = this.bytes[i] as number;
      if (c === DOT && scale < 0) scale = 0;
      else if (c >= ZERO && c <= ZERO + 9) {
        value = value * 10 + (c - ZERO);
        digits++;
        if (scale >= 0) scale++;
      } else break;
    }
    if (i < end || digits === 0 || digits > 15) {
      const n = Number(this.text(field));
      return Number.isFinite(n) ? n : null;
    }
    const magnitude = scale > 0 ? value / (POWERS_OF_TEN[scale] as number) : value;
    return negative ? -magnitude : magnitude;
  }

  /**
   * A field that is usually a short code. Up to 4 printable ASCII bytes make a small-integer cache key (no
   * string is made for a code seen before); up to 8 are made with fromCharCode; longer ones are decoded.
   */
  private short(field: number): string {
    const start = this.fieldStart(field);
    const end = this.fieldEnd(field);
    const length = end - start;
    if (length === 0) return '';
    const bytes = this.bytes;
    if (length <= 4) {
      let packed = 0;
      for (let i = start; i < end; i++) {
        const c = bytes[i] as number;
        if (c < 0x20 || c >= 0x7f) return this.text(field);
        packed = packed * 128 + c;
      }
      let value = this.shortStrings.get(packed);
      if (value === undefined) {
        value = this.text(field);
        if (this.shortStrings.size < CACHE_LIMIT) this.shortStrings.set(packed, value);
      }
      return value;
    }
    if (length > 8) return this.text(field);
    for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return this.text(field);
    return String.fromCharCode(...bytes.subarray(start, end));
  }

  /** The field as a JSON string literal; plain ASCII without quotes or backslashes is copied as it is. */
  private jsonText(field: number): string {
    const start = this.fieldStart(field);
    const end = this.fieldEnd(field);
    const bytes = this.bytes;
    for (let i = start; i < end; i++) {
      const c = bytes[i] as number;
      if (c < 0x20 || c >= 0x7f || c === QUOTE || c === BACKSLASH) return JSON.stringify(this.text(field));
    }
    return `"${this.latin1.toString('latin1', start, end)}"`;
  }

  private text(field: number): string {
    return this.decoder.decode(this.bytes.subarray(this.fieldStart(field), this.fieldEnd(field)));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

const PLAIN_JSON = /^[\w .:/-]*$/;

/** A JSON string literal; plain codes need no escaping, so they skip JSON.stringify. */
function jsonString(value: string): string {
  return PLAIN_JSON.test(value) ? `"${value}"` : JSON.stringify(value);
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
