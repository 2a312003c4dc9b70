/**
 * The stored form of coded events: blocks of up to a few thousand rows in columns, one binary value each.
 * Millions of rows are written at the cost of thousands of inserts (the parsing thread encodes, the writing
 * thread stores one value per block), and pair questions never read them: the rollup answers those.
 *
 * Layout (little-endian): a 16-byte header (magic, rows, string-table bytes, detail bytes), then keys and
 * Goldstein scores as float64 (NaN: none), days as int32, four string-table indexes per row (source actor,
 * target actor, CAMEO code, PLOVER type; 0: none), each row's detail end as an int32 byte offset, the string
 * table as a UTF-8 JSON array (index 1 is its first element), and the rows' detail JSON, concatenated, in UTF-8.
 */

const MAGIC = 0x31425944; // "DYB1"
const HEADER_BYTES = 16;
const CODES_PER_ROW = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The columns of a block before encoding; `details` is each row's detail JSON, concatenated. */
export interface CodedBlockColumns {
  readonly size: number;
  readonly keys: Float64Array;
  readonly days: Int32Array;
  /** NaN where the row has no value. */
  readonly goldstein: Float64Array;
  /** `CODES_PER_ROW` per row: indexes into `strings`, 0 for none. */
  readonly codes: Int32Array;
  /** The string table; index i + 1 of `codes` is `strings[i]`. */
  readonly strings: readonly string[];
  readonly details: string;
  /** Row i's detail is `details.slice(detailEnds[i - 1] ?? 0, detailEnds[i])` (UTF-16 offsets). */
  readonly detailEnds: Int32Array;
}

/** What a block's row in the store records beside its bytes, so most questions need not decode it. */
export interface CodedBlockBounds {
  readonly firstKey: number;
  readonly lastKey: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

/** The smallest and largest key and day of a block's rows. */
export function codedBlockBounds(
  columns: Pick<CodedBlockColumns, 'size' | 'keys' | 'days'>,
): CodedBlockBounds {
  let firstKey = Number.POSITIVE_INFINITY;
  let lastKey = Number.NEGATIVE_INFINITY;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < columns.size; i++) {
    const key = columns.keys[i] as number;
    const day = columns.days[i] as number;
    if (key < firstKey) firstKey = key;
    if (key > lastKey) lastKey = key;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  return { firstKey, lastKey, firstDay, lastDay };
}

/** A row of a block, by value (for blocks built a few rows at a time rather than by the importer's builder). */
export interface CodedBlockRow {
  readonly key: number;
  readonly day: number;
  readonly goldstein: number | null;
  readonly source: string | null;
  readonly target: string | null;
  readonly cameo: string | null;
  readonly plover: string | null;
  readonly detail: string;
}

/** A block's columns from rows given by value. */
export function codedBlockOfRows(rows: readonly CodedBlockRow[]): CodedBlockColumns {
  const size = rows.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const code = (value: string | null): number => {
    if (value === null) return 0;
    let i = index.get(value);
    if (i === undefined) {
      i = strings.push(value);
      index.set(value, i);
    }
    return i;
  };
  const columns = {
    size,
    keys: new Float64Array(size),
    days: new Int32Array(size),
    goldstein: new Float64Array(size),
    codes: new Int32Array(size * CODES_PER_ROW),
    strings,
    details: '',
    detailEnds: new Int32Array(size),
  };
  rows.forEach((row, i) => {
    columns.keys[i] = row.key;
    columns.days[i] = row.day;
    columns.goldstein[i] = row.goldstein ?? Number.NaN;
    columns.codes.set(
      [code(row.source), code(row.target), code(row.cameo), code(row.plover)],
      i * CODES_PER_ROW,
    );
    columns.details += row.detail;
    columns.detailEnds[i] = columns.details.length;
  });
  return columns;
}

function layout(size: number) {
  const keys = HEADER_BYTES;
  const goldstein = keys + size * 8;
  const days = goldstein + size * 8;
  const codes = days + size * 4;
  const detailEnds = codes + size * 4 * CODES_PER_ROW;
  return { keys, goldstein, days, codes, detailEnds, strings: detailEnds + size * 4 };
}

/** Encodes a block; its bytes own a fresh ArrayBuffer, so they can be transferred to another thread. */
export function encodeCodedBlock(columns: CodedBlockColumns): Uint8Array {
  const { size } = columns;
  const at = layout(size);
  const strings = encoder.encode(JSON.stringify(columns.strings));
  const details = encoder.encode(columns.details);
  const byteEnds = new Int32Array(size);
  if (details.length === columns.details.length) byteEnds.set(columns.detailEnds.subarray(0, size));
  else {
    // Some detail is not ASCII: UTF-16 offsets differ from byte offsets, so measure each row's bytes.
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < size; i++) {
      const end = columns.detailEnds[i] as number;
      bytes += encoder.encode(columns.details.slice(start, end)).length;
      byteEnds[i] = bytes;
      start = end;
    }
  }
  const block = new Uint8Array(at.strings + strings.length + details.length);
  const header = new DataView(block.buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, size, true);
  header.setUint32(8, strings.length, true);
  header.setUint32(12, details.length, true);
  new Float64Array(block.buffer, at.keys, size).set(columns.keys.subarray(0, size));
  new Float64Array(block.buffer, at.goldstein, size).set(columns.goldstein.subarray(0, size));
  new Int32Array(block.buffer, at.days, size).set(columns.days.subarray(0, size));
  new Int32Array(block.buffer, at.codes, size * CODES_PER_ROW).set(
    columns.codes.subarray(0, size * CODES_PER_ROW),
  );
  new Int32Array(block.buffer, at.detailEnds, size).set(byteEnds);
  block.set(strings, at.strings);
  block.set(details, at.strings + strings.length);
  return block;
}

/** A stored block, read: columns are views of one aligned copy of its bytes; details decode on demand. */
export class CodedBlock {
  readonly size: number;
  readonly keys: Float64Array;
  readonly days: Int32Array;
  readonly goldsteinScores: Float64Array;
  readonly codes: Int32Array;
  private readonly detailEnds: Int32Array;
  private readonly detailBytes: Uint8Array;
  private readonly stringBytes: Uint8Array;
  private table: (string | null)[] | null = null;

  constructor(stored: Uint8Array) {
    // Typed-array views need aligned offsets; a value read from the database starts anywhere.
    const bytes = stored.byteOffset % 8 === 0 ? stored : new Uint8Array(stored);
    if (bytes.length < HEADER_BYTES) throw new Error('not a coded event block');
    const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
    if (header.getUint32(0, true) !== MAGIC) throw new Error('not a coded event block');
    const size = header.getUint32(4, true);
    const at = layout(size);
    const stringsLength = header.getUint32(8, true);
    const detailsLength = header.getUint32(12, true);
    if (bytes.length !== at.strings + stringsLength + detailsLength)
      throw new Error('a coded event block of the wrong length');
    const base = bytes.byteOffset;
    this.size = size;
    this.keys = new Float64Array(bytes.buffer, base + at.keys, size);
    this.goldsteinScores = new Float64Array(bytes.buffer, base + at.goldstein, size);
    this.days = new Int32Array(bytes.buffer, base + at.days, size);
    this.codes = new Int32Array(bytes.buffer, base + at.codes, size * CODES_PER_ROW);
    this.detailEnds = new Int32Array(bytes.buffer, base + at.detailEnds, size);
    this.stringBytes = bytes.subarray(at.strings, at.strings + stringsLength);
    this.detailBytes = bytes.subarray(at.strings + stringsLength);
  }

  /** The string table with index 0 standing for none. */
  get strings(): readonly (string | null)[] {
    this.table ??= [null, ...(JSON.parse(decoder.decode(this.stringBytes)) as string[])];
    return this.table;
  }

  goldstein(row: number): number | null {
    const value = this.goldsteinScores[row] as number;
    return Number.isNaN(value) ? null : value;
  }

  /** Column 0 source actor, 1 target actor, 2 CAMEO code, 3 PLOVER type. */
  code(row: number, column: 0 | 1 | 2 | 3): string | null {
    return this.strings[this.codes[row * CODES_PER_ROW + column] as number] ?? null;
  }

  detail(row: number): string {
    const start = row === 0 ? 0 : (this.detailEnds[row - 1] as number);
    return decoder.decode(this.detailBytes.subarray(start, this.detailEnds[row]));
  }

  /** The rows at `rows` (in that order) as a new block's columns. */
  select(rows: readonly number[]): CodedBlockColumns {
    const size = rows.length;
    const keys = new Float64Array(size);
    const days = new Int32Array(size);
    const goldstein = new Float64Array(size);
    const codes = new Int32Array(size * CODES_PER_ROW);
    const detailEnds = new Int32Array(size);
    let details = '';
    rows.forEach((row, i) => {
      keys[i] = this.keys[row] as number;
      days[i] = this.days[row] as number;
      goldstein[i] = this.goldsteinScores[row] as number;
      codes.set(this.codes.subarray(row * CODES_PER_ROW, (row + 1) * CODES_PER_ROW), i * CODES_PER_ROW);
      details += this.detail(row);
      detailEnds[i] = details.length;
    });
    return {
      size,
      keys,
      days,
      goldstein,
      codes,
      strings: this.strings.slice(1) as string[],
      details,
      detailEnds,
    };
  }
}
