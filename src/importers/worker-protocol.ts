/** Messages between the import's writing thread (import.ts) and its parsing thread (worker.ts). */
import type { CodedDataset, CodedEventBatch, CodedMentionRow } from '../store/coded.js';
import type { ParseSummary } from './parse.js';
import type { ByteRange, TextStreamProgress } from './stream.js';

export interface WorkerInput {
  readonly path: string;
  readonly dataset: CodedDataset;
  readonly strict: boolean;
  /** One Int32: batches posted and not yet stored. */
  readonly control: SharedArrayBuffer;
  /** The part of the file to parse; the whole file when absent. */
  readonly range: ByteRange | undefined;
}

export type WorkerMessage =
  | { readonly kind: 'content'; readonly content: 'events' | 'mentions' }
  | { readonly kind: 'events'; readonly batch: CodedEventBatch }
  | { readonly kind: 'mentions'; readonly rows: CodedMentionRow[] }
  | { readonly kind: 'progress'; readonly progress: TextStreamProgress; readonly rows: number }
  | { readonly kind: 'done'; readonly summary: ParseSummary }
  | { readonly kind: 'failed'; readonly reason: string };
