/**
 * Imports coded event files into a CodedEventStore: one transaction per file, bad rows counted and
 * reported with line numbers (first 20 kept), never aborting unless `strict`.
 * Large files are parsed on a worker thread while this thread writes, so both cores work.
 */
import { stat } from 'node:fs/promises';
import { siblingModule, startWorker } from '../orchestrate/worker-thread.js';
import type { CodedDataset, CodedEventStore, CodedImportBatch } from '../store/coded.js';
import {
  type BadRow,
  fileFailureReason,
  type ParseOutput,
  type ParseSummary,
  parseCodedFile,
} from './parse.js';
import type { TextStreamProgress } from './stream.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

export { BAD_ROWS_KEPT, type BadRow } from './parse.js';

// Below this size a worker's start-up costs more than parsing on the writing thread.
const WORKER_MIN_BYTES = 4 << 20;

export interface ImportFileResult {
  readonly path: string;
  readonly dataset: CodedDataset;
  readonly status: 'ok' | 'failed';
  /** Why the file failed; nothing of it was stored. */
  readonly reason: string | null;
  /** What the file held: `events` or `mentions`. */
  readonly content: 'events' | 'mentions' | null;
  readonly rows: number;
  readonly inserted: number;
  /** Rows whose (dataset, id) was already stored. */
  readonly duplicates: number;
  readonly badRows: number;
  readonly firstBadRows: readonly BadRow[];
  readonly seconds: number;
}

export interface ImportOptions {
  readonly strict?: boolean;
  readonly onProgress?: (path: string, progress: TextStreamProgress, rows: number) => void;
  /** Parse on a worker thread: `auto` (default) does for files of 4 MiB and more. */
  readonly thread?: 'auto' | 'worker' | 'main';
}

export async function importFiles(
  store: CodedEventStore,
  dataset: CodedDataset,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  for (const path of paths) results.push(await importFile(store, dataset, path, options));
  return results;
}

export async function importFile(
  store: CodedEventStore,
  dataset: CodedDataset,
  path: string,
  options: ImportOptions = {},
): Promise<ImportFileResult> {
  const started = performance.now();
  let content: 'events' | 'mentions' | null = null;
  let inserted = 0;
  let duplicates = 0;
  let parsed: ParseSummary = { rows: 0, badRows: 0, firstBadRows: [] };
  const result = (status: 'ok' | 'failed', reason: string | null): ImportFileResult => ({
    path,
    dataset,
    status,
    reason,
    content,
    rows: parsed.rows,
    inserted: status === 'ok' ? inserted : 0,
    duplicates: status === 'ok' ? duplicates : 0,
    badRows: parsed.badRows,
    firstBadRows: parsed.firstBadRows,
    seconds: (performance.now() - started) / 1000,
  });

  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const reason = fileFailureReason(error);
    if (reason === null) throw error;
    return result('failed', reason);
  }
  let batch: CodedImportBatch;
  try {
    batch = store.beginImport();
  } catch (error) {
    return result('failed', error instanceof Error ? error.message : String(error));
  }
  // The writing side: the same whether the parse runs here or on the worker.
  const write: ParseOutput = {
    content: (value) => {
      content = value;
    },
    events: (events) => {
      const counts = batch.addEvents(events);
      inserted += counts.inserted;
      duplicates += counts.duplicates;
    },
    mentions: (rows) => {
      for (const row of rows) {
        if (batch.addMention(row)) inserted++;
        else duplicates++;
      }
    },
    progress: (progress, rows) => options.onProgress?.(path, progress, rows),
  };
  const thread = options.thread ?? 'auto';
  const onWorker = thread === 'worker' || (thread === 'auto' && size >= WORKER_MIN_BYTES);
  try {
    const outcome = onWorker
      ? await parseOnWorker(path, dataset, options.strict ?? false, write)
      : await parseHere(path, dataset, options.strict ?? false, write);
    if ('failed' in outcome) {
      parsed = outcome.summary ?? parsed;
      batch.rollback();
      return result('failed', outcome.failed);
    }
    parsed = outcome;
    batch.commit();
    return result('ok', null);
  } catch (error) {
    batch.rollback();
    throw error;
  }
}

type Outcome = ParseSummary | { readonly failed: string; readonly summary?: ParseSummary };

async function parseHere(
  path: string,
  dataset: CodedDataset,
  strict: boolean,
  write: ParseOutput,
): Promise<Outcome> {
  try {
    return await parseCodedFile(path, dataset, strict, write);
  } catch (error) {
    const reason = fileFailureReason(error);
    if (reason === null) throw error;
    return { failed: reason };
  }
}

function parseOnWorker(
  path: string,
  dataset: CodedDataset,
  strict: boolean,
  write: ParseOutput,
): Promise<Outcome> {
  const control = new SharedArrayBuffer(4);
  const inFlight = new Int32Array(control);
  const input: WorkerInput = { path, dataset, strict, control };
  const worker = startWorker(siblingModule(import.meta.url, 'worker'), input);
  const release = () => {
    Atomics.sub(inFlight, 0, 1);
    Atomics.notify(inFlight, 0);
  };
  return new Promise<Outcome>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      try {
        switch (message.kind) {
          case 'content':
            return write.content(message.content);
          case 'events':
            write.events(message.batch);
            return release();
          case 'mentions':
            write.mentions(message.rows);
            return release();
          case 'progress':
            return write.progress(message.progress, message.rows);
          case 'done':
            return settle(() => resolve(message.summary));
          case 'failed':
            return settle(() => resolve({ failed: message.reason }));
        }
      } catch (error) {
        settle(() => reject(error));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before the file ended`))),
    );
  });
}
