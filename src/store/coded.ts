/**
 * Coded event data (GDELT, ICEWS, ACLED) kept apart from document findings: millions of rows,
 * stored in blocks (coded-block.ts), and a rollup by actor pair, day, PLOVER type and origin that answers pair questions
 * without scanning rows.
 */

export type CodedDataset = 'gdelt' | 'icews' | 'acled';
export const CODED_DATASETS: readonly CodedDataset[] = ['gdelt', 'icews', 'acled'];

/** Where a rollup count came from: an external event dataset, or events Dyad extracted from text. */
export type EventOrigin = 'coded' | 'extracted';

// Each dataset owns a 2^48-wide band of integer keys, so one INTEGER PRIMARY KEY (the cheapest key SQLite
// has) identifies a row of any dataset and re-imports are idempotent by key.
const KEY_BAND = 2 ** 48;
const DATASET_BAND: Record<CodedDataset, number> = { gdelt: 1, icews: 2, acled: 3 };
const MAX_NUMERIC_ID = 2 ** 44;
const ALPHA_ID = /^([A-Z]{1,4})(\d{1,7})$/;

/**
 * The integer key of a dataset row: numeric ids (GDELT, ICEWS) as they are; ids of 1–4 capital letters
 * and up to 7 digits (ACLED's `UGA7752`) with the letters read as a base-27 number above the digits.
 * Null for any other id form.
 */
export function codedEventKey(dataset: CodedDataset, originalId: string): number | null {
  let local: number;
  if (/^\d{1,15}$/.test(originalId)) {
    local = Number(originalId);
    if (local >= MAX_NUMERIC_ID) return null;
  } else {
    const match = ALPHA_ID.exec(originalId);
    if (!match) return null;
    let letters = 0;
    for (const ch of match[1] as string) letters = letters * 27 + (ch.charCodeAt(0) - 64);
    local = letters * 10_000_000 + Number(match[2]);
  }
  return DATASET_BAND[dataset] * KEY_BAND + local;
}

/** The key range [first, last] of a dataset. */
export function codedKeyRange(dataset: CodedDataset): readonly [number, number] {
  const first = DATASET_BAND[dataset] * KEY_BAND;
  return [first, first + KEY_BAND - 1];
}

/** The dataset and original id a key stands for (the id as stored when it is not numeric). */
export function codedKeyOrigin(
  key: number,
  storedId?: string,
): { dataset: CodedDataset; originalId: string } {
  const band = Math.floor(key / KEY_BAND);
  const dataset = CODED_DATASETS.find((d) => DATASET_BAND[d] === band);
  if (!dataset) throw new Error(`coded event key ${key} is outside every dataset's band`);
  return { dataset, originalId: storedId ?? String(key - band * KEY_BAND) };
}

/** One row of an event dataset, mapped to Dyad's ids. */
export interface CodedEventRow {
  readonly dataset: CodedDataset;
  /** The dataset's own id (GLOBALEVENTID, ICEWS event_id, ACLED event_id_cnty). */
  readonly originalId: string;
  /** codedEventKey(dataset, originalId). */
  readonly key: number;
  /** Event day as yyyymmdd. */
  readonly day: number;
  /** Actor ids: ISO alpha-3 for states; null when the row names no such actor. */
  readonly sourceActor: string | null;
  readonly targetActor: string | null;
  /** The dataset's own actor codes or names, kept for display. */
  readonly sourceActorCode: string | null;
  readonly targetActorCode: string | null;
  /** CAMEO code (null for ACLED, which does not use CAMEO). */
  readonly cameo: string | null;
  /** GDELT QuadClass 1–4 (verbal/material cooperation/conflict) of the CAMEO code. */
  readonly quadClass: number | null;
  /** PLOVER event type, or null when the code has none (CAMEO 01 statements). */
  readonly plover: string | null;
  readonly mode: string | null;
  /** Goldstein-scale intensity (−10 conflict … +10 cooperation). */
  readonly goldstein: number | null;
  readonly sourceUrl: string | null;
  readonly sourceName: string | null;
  /** ISO alpha-3 of where the action took place. */
  readonly actionCountry: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

/** A mention of a coded event in a news article (GDELT 2.0 Mentions). */
export interface CodedMentionRow {
  readonly dataset: CodedDataset;
  readonly eventId: string;
  readonly url: string;
  readonly sourceName: string | null;
  /** yyyymmddhhmmss of the mention. */
  readonly time: number;
  readonly confidence: number | null;
  readonly tone: number | null;
}

/** One cell of the rollup: directed pair, day, PLOVER type, origin. */
export interface PairRollupRow {
  readonly source: string;
  readonly target: string;
  /** yyyymmdd; the day part is 00 (and month 00) when the event date is only known to the month (year). */
  readonly day: number;
  /** PLOVER type; `OTHER` for rows without one. */
  readonly type: string;
  readonly origin: EventOrigin;
  readonly count: number;
  /** Sum of the Goldstein-like intensity over the events of this cell. */
  readonly scoreSum: number;
}

export interface PairRollupQuery {
  readonly a: string;
  readonly b: string;
  /** `ab`: a acts on b; `ba`: b acts on a; `both`: either. */
  readonly direction: 'ab' | 'ba' | 'both';
  readonly origin: EventOrigin | 'all';
  /** Inclusive yyyymmdd bounds. */
  readonly from?: number;
  readonly to?: number;
  /**
   * `month`: cells summed per month (day part 00), enough for month and year answers and much smaller;
   * bounds then cover whole months. Default `day`.
   */
  readonly granularity?: 'day' | 'month';
}

export interface PairSummary {
  readonly a: string;
  readonly b: string;
  readonly count: number;
  readonly coded: number;
  readonly extracted: number;
}

/** A pair-rollup increment for coded events: one directed pair, day and PLOVER type. */
export interface CodedRollupDelta {
  readonly source: string;
  readonly target: string;
  readonly day: number;
  readonly type: string;
  readonly count: number;
  readonly scoreSum: number;
}

/**
 * Coded event rows as they cross from the parsing thread to the store: one encoded block (see coded-block.ts;
 * its buffer is transferred, not copied) with what the store needs to know without decoding it.
 */
export interface CodedEventBatch {
  readonly size: number;
  readonly block: Uint8Array;
  /** The smallest and largest key, and the first and last day, of the batch's rows. */
  readonly firstKey: number;
  readonly lastKey: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Keys strictly increase within the batch, so it holds no duplicate. */
  readonly increasing: boolean;
  /** The batch's rollup increments, valid when every row of it is new. */
  readonly rollup: readonly CodedRollupDelta[];
}

/** What a coded event keeps beside its key columns, stored as JSON (absent fields are null). */
export interface CodedEventDetail {
  /** The dataset's id when the key alone does not spell it (non-numeric ids). */
  readonly id?: string;
  readonly sourceCode?: string;
  readonly targetCode?: string;
  readonly quad?: number;
  readonly mode?: string;
  readonly url?: string;
  readonly sourceName?: string;
  readonly actionCountry?: string;
  readonly lat?: number;
  readonly lon?: number;
}

/** Writes of one file: everything lands at `commit`, nothing on `rollback`. */
export interface CodedImportBatch {
  /** Adds events; rows whose key is already stored (or repeats within the file) count as duplicates. */
  addEvents(batch: CodedEventBatch): { readonly inserted: number; readonly duplicates: number };
  /** Adds a mention; false when (dataset, event id, url) was already stored. */
  addMention(row: CodedMentionRow): boolean;
  commit(): void;
  rollback(): void;
}

export interface CodedEventQuery {
  /** Either actor (with `b`: the pair, in the given direction). */
  readonly a?: string;
  readonly b?: string;
  readonly direction?: 'ab' | 'ba' | 'both';
  readonly dataset?: CodedDataset;
  /** Inclusive yyyymmdd bounds. */
  readonly from?: number;
  readonly to?: number;
  readonly limit?: number;
}

export interface CodedEventStore {
  /** Starts one file's import; only one may be open at a time. */
  beginImport(): CodedImportBatch;
  countEvents(dataset?: CodedDataset): Promise<number>;
  countMentions(): Promise<number>;
  /** One stored row by its dataset's id, or null. */
  codedEvent(dataset: CodedDataset, originalId: string): Promise<CodedEventRow | null>;
  /** Stored rows, newest key first; a pair question scans rows (the rollup answers counts without scanning). */
  codedEvents(query: CodedEventQuery): Promise<CodedEventRow[]>;
  pairRollup(query: PairRollupQuery): Promise<PairRollupRow[]>;
  /** Unordered pairs of distinct actors with the most events. */
  topPairs(options?: { limit?: number; origin?: EventOrigin | 'all' }): Promise<PairSummary[]>;
}
