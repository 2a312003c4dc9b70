/**
 * Imports coded event files into a CodedEventStore: one transaction per file, bad rows counted and
 * reported with line numbers (first 20 kept), never aborting unless `strict`.
 * Large files are parsed on a worker thread while this thread writes; large plain GDELT event files are split in
 * parts, each parsed on a thread of its own.
 */
import { type FileHandle, open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { siblingModule, startWorker } from '../orchestrate/worker-thread.js';
import type { CodedDataset, CodedEventStore, CodedImportBatch } from '../store/coded.js';
import { GDELT_EVENT_COLUMNS, tabFieldCount } from './gdelt.js';
import {
  type BadRow,
  fileFailureReason,
  mergeSummaries,
  type ParseOutput,
  type ParseSummary,
  parseCodedFile,
  wholeFileFailure,
} from './parse.js';
import type { ByteRange, TextStreamProgress } from './stream.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

export { BAD_ROWS_KEPT, type BadRow } from './parse.js';

// Below this size a worker's start-up costs more than parsing on the writing thread.
const WORKER_MIN_BYTES = 4 << 20;
// From this size a plain GDELT events file is parsed in parts, each on its own thread.
const SPLIT_MIN_BYTES = 64 << 20;
const SPLIT_PROBE_BYTES = 64 << 10;
const MAX_PARSERS = 3;
const LF = 10;

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
  /**
   * Where to parse: `main`, the writing thread; `worker`, one worker thread; `workers`, a plain GDELT events file
   * split in parts, one worker each (two, or one per core but the writer's, at most three), other files on one worker. `auto` (default): `main`
   * below 4 MiB, `workers` from 64 MiB without `strict` (whose failure names a line number as it reads), else `worker`.
   * Parts are stored as they come, so when an id repeats in two parts, which of its rows is kept is not defined.
   */
  readonly thread?: 'auto' | 'worker' | 'workers' | 'main';
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
  let parsed: ParseSummary = { rows: 0, badRows: 0, firstBadRows: [], lines: 0 };
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
  const strict = options.strict ?? false;
  try {
    const parts = await fileParts(path, dataset, size, strict, options.thread ?? 'auto');
    const outcome =
      parts === null
        ? await parseHere(path, dataset, strict, write)
        : await parseOnWorkers(path, dataset, strict, write, parts);
    if (!('failed' in outcome)) parsed = outcome;
    const failure = 'failed' in outcome ? outcome.failed : wholeFileFailure(outcome);
    if (failure !== null) {
      batch.rollback();
      return result('failed', failure);
    }
    batch.commit();
    return result('ok', null);
  } catch (error) {
    batch.rollback();
    throw error;
  }
}

type Outcome = ParseSummary | { readonly failed: string };

/** The parts a file is parsed in on worker threads (one undefined part: the whole file); null to parse it here. */
async function fileParts(
  path: string,
  dataset: CodedDataset,
  size: number,
  strict: boolean,
  thread: NonNullable<ImportOptions['thread']>,
): Promise<(ByteRange | undefined)[] | null> {
  if (thread === 'main' || (thread === 'auto' && size < WORKER_MIN_BYTES)) return null;
  const split = thread === 'workers' || (thread === 'auto' && !strict && size >= SPLIT_MIN_BYTES);
  // One core is the writer's; past three parsers the writer is the limit, and each costs memory.
  const count = Math.min(MAX_PARSERS, Math.max(2, availableParallelism() - 1));
  return (split && dataset === 'gdelt' && (await splitFile(path, size, count))) || [undefined];
}

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

/**
 * Parses a file on worker threads, one per part (a single undefined part: the whole file), and writes their
 * batches here as they come; the parts' summaries merge in file order once every part is done.
 */
function parseOnWorkers(
  path: string,
  dataset: CodedDataset,
  strict: boolean,
  write: ParseOutput,
  parts: readonly (ByteRange | undefined)[],
): Promise<Outcome> {
  const workers = parts.map((range) => {
    const control = new SharedArrayBuffer(4);
    const input: WorkerInput = { path, dataset, strict, control, range };
    return {
      worker: startWorker(siblingModule(import.meta.url, 'worker'), input),
      inFlight: new Int32Array(control),
      summary: null as ParseSummary | null,
      bytesRead: 0,
      bytesTotal: range ? range.end - range.start : 0,
      rows: 0,
    };
  });
  return new Promise<Outcome>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      for (const { worker } of workers) void worker.terminate();
    };
    for (const part of workers) {
      const release = () => {
        Atomics.sub(part.inFlight, 0, 1);
        Atomics.notify(part.inFlight, 0);
      };
      part.worker.on('message', (message: WorkerMessage) => {
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
            case 'progress': {
              part.bytesRead = message.progress.bytesRead;
              part.bytesTotal = message.progress.bytesTotal;
              part.rows = message.rows;
              const sum = (field: 'bytesRead' | 'bytesTotal' | 'rows') =>
                workers.reduce((n, w) => n + w[field], 0);
              return write.progress(
                { bytesRead: sum('bytesRead'), bytesTotal: sum('bytesTotal') },
                sum('rows'),
              );
            }
            case 'done':
              part.summary = message.summary;
              if (workers.every((w) => w.summary !== null))
                settle(() => resolve(mergeSummaries(workers.map((w) => w.summary as ParseSummary))));
              return;
            case 'failed':
              return settle(() => resolve({ failed: message.reason }));
          }
        } catch (error) {
          settle(() => reject(error));
        }
      });
      part.worker.on('error', (error) => settle(() => reject(error)));
      part.worker.on('exit', (code) => {
        if (part.summary === null)
          settle(() =>
            reject(new Error(`the import worker stopped (exit code ${code}) before the file ended`)),
          );
      });
    }
  });
}

/**
 * Where a plain GDELT events file of `size` bytes splits into `count` parts at line starts, to be parsed on as many
 * threads; null for a file that is compressed, of another kind, or too short to split. Only GDELT events files
 * qualify: they have no header row, so every part parses alone.
 */
export async function splitFile(path: string, size: number, count: number): Promise<ByteRange[] | null> {
  const handle = await open(path, 'r');
  try {
    const head = await readBytes(handle, 0, SPLIT_PROBE_BYTES);
    const newline = head.indexOf(LF);
    if (newline === -1) return null;
    const firstLine = new TextDecoder('utf-8').decode(head.subarray(0, newline)).replace(/\r$/, '');
    if (!(GDELT_EVENT_COLUMNS as readonly number[]).includes(tabFieldCount(firstLine))) return null;
    const starts = [0];
    for (let k = 1; k < count; k++) {
      const probe = Math.floor((size * k) / count);
      const window = await readBytes(handle, probe, SPLIT_PROBE_BYTES);
      const lineEnd = window.indexOf(LF);
      const start = probe + lineEnd + 1;
      if (lineEnd === -1 || start >= size || start <= (starts.at(-1) as number)) return null;
      starts.push(start);
    }
    return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
  } finally {
    await handle.close();
  }
}

async function readBytes(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, position);
  return bytes.subarray(0, bytesRead);
}
