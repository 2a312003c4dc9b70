/**
 * Builds `CodedEventBatch`es: rows gathered in columns, encoded as one stored block (coded-block.ts) with the
 * block's rollup increments, on the parsing thread, so the writing thread only stores them.
 */
import { rollupTypeAndScore } from '../analysis/pair.js';
import type { CodedEventBatch, CodedEventDetail, CodedEventRow, CodedRollupDelta } from '../store/coded.js';
import { codedBlockBounds, encodeCodedBlock } from '../store/coded-block.js';

export const BATCH_ROWS = 4096;
// A block's string-table indexes stay far below this (actors, codes and types number in the thousands), which
// keeps the rollup's numeric keys exact: day (< 10^8) × this + index < 2^53.
const STRING_INDEX_LIMIT = 2 ** 20;

/** The detail JSON of a row: only the fields it has, in a fixed order. */
export function codedDetailJson(row: CodedEventRow): string {
  const detail: Record<string, string | number> = {};
  if (!/^\d+$/.test(row.originalId)) detail.id = row.originalId;
  if (row.sourceActorCode !== null) detail.sourceCode = row.sourceActorCode;
  if (row.targetActorCode !== null) detail.targetCode = row.targetActorCode;
  if (row.quadClass !== null) detail.quad = row.quadClass;
  if (row.mode !== null) detail.mode = row.mode;
  if (row.sourceUrl !== null) detail.url = row.sourceUrl;
  if (row.sourceName !== null) detail.sourceName = row.sourceName;
  if (row.actionCountry !== null) detail.actionCountry = row.actionCountry;
  if (row.lat !== null) detail.lat = row.lat;
  if (row.lon !== null) detail.lon = row.lon;
  return JSON.stringify(detail satisfies CodedEventDetail);
}

interface MutableDelta {
  source: string;
  target: string;
  day: number;
  type: string;
  count: number;
  scoreSum: number;
}

export class CodedEventBatchBuilder {
  private stringIndex = new Map<string, number>();
  private strings: string[] = [];
  private readonly keys = new Float64Array(BATCH_ROWS);
  private readonly days = new Int32Array(BATCH_ROWS);
  private readonly goldstein = new Float64Array(BATCH_ROWS);
  private readonly codes = new Int32Array(BATCH_ROWS * 4);
  private readonly detailEnds = new Int32Array(BATCH_ROWS);
  private details: string[] = [];
  private detailLength = 0;
  private size = 0;
  private increasing = true;
  /** Pair (source and target indexes) → day and type → delta. */
  private rollup = new Map<number, Map<number, MutableDelta>>();

  get length(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size === BATCH_ROWS;
  }

  private code(value: string | null): number {
    if (value === null) return 0;
    let index = this.stringIndex.get(value);
    if (index === undefined) {
      if (this.stringIndex.size + 1 >= STRING_INDEX_LIMIT)
        throw new Error('too many distinct actor and code strings');
      index = this.stringIndex.size + 1;
      this.stringIndex.set(value, index);
      this.strings.push(value);
    }
    return index;
  }

  add(row: CodedEventRow): void {
    this.addColumns(
      row.key,
      row.day,
      row.sourceActor,
      row.targetActor,
      row.cameo,
      row.plover,
      row.goldstein,
      codedDetailJson(row),
    );
  }

  /** Adds a row from its columns; the caller takes the batch (`take`) when `full`. */
  addColumns(
    key: number,
    day: number,
    source: string | null,
    target: string | null,
    cameo: string | null,
    plover: string | null,
    goldstein: number | null,
    detail: string,
  ): void {
    const i = this.size;
    if (i > 0 && key <= (this.keys[i - 1] as number)) this.increasing = false;
    this.keys[i] = key;
    this.days[i] = day;
    this.goldstein[i] = goldstein ?? Number.NaN;
    const c = i * 4;
    this.codes[c] = this.code(source);
    this.codes[c + 1] = this.code(target);
    this.codes[c + 2] = this.code(cameo);
    this.codes[c + 3] = this.code(plover);
    this.details.push(detail);
    this.detailLength += detail.length;
    this.detailEnds[i] = this.detailLength;
    this.size = i + 1;
    if (source !== null && target !== null) {
      const { type, score } = rollupTypeAndScore(plover, goldstein);
      // Keyed by string-table indexes, not by a joined string: no string is made per row.
      const pairKey = this.codes[c] * STRING_INDEX_LIMIT + (this.codes[c + 1] as number);
      let pair = this.rollup.get(pairKey);
      if (!pair) {
        pair = new Map();
        this.rollup.set(pairKey, pair);
      }
      const cellKey = day * STRING_INDEX_LIMIT + this.code(type);
      const cell = pair.get(cellKey);
      if (cell) {
        cell.count++;
        cell.scoreSum += score;
      } else pair.set(cellKey, { source, target, day, type, count: 1, scoreSum: score });
    }
  }

  /** The rows added since the last take, encoded as one block; the builder starts the next one. */
  take(): CodedEventBatch {
    const size = this.size;
    const columns = {
      size,
      keys: this.keys,
      days: this.days,
      goldstein: this.goldstein,
      codes: this.codes,
      strings: this.strings,
      details: this.details.join(''),
      detailEnds: this.detailEnds,
    };
    const batch: CodedEventBatch = {
      size,
      block: encodeCodedBlock(columns),
      ...codedBlockBounds(columns),
      increasing: this.increasing,
      rollup: [...this.rollup.values()].flatMap((cells) => [...cells.values()]) satisfies CodedRollupDelta[],
    };
    // Each block has its own string table; the column arrays are reused.
    this.stringIndex = new Map();
    this.strings = [];
    this.details = [];
    this.detailLength = 0;
    this.size = 0;
    this.increasing = true;
    this.rollup = new Map();
    return batch;
  }
}

/** The buffer a batch owns, for `postMessage`'s transfer list. */
export function batchTransferList(batch: CodedEventBatch): ArrayBuffer[] {
  return [batch.block.buffer as ArrayBuffer];
}
