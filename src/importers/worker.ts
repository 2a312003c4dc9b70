/**
 * The import's parsing thread: reads and parses one file (parse.ts) and posts its batches to the writing
 * thread, which owns the database. At most MAX_IN_FLIGHT batches wait at a time, so memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchTransferList } from './batch.js';
import { fileFailureReason, parseCodedFile } from './parse.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

const MAX_IN_FLIGHT = 4;
const { path, dataset, strict, control, range } = workerData as WorkerInput;
const inFlight = new Int32Array(control);
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Posts a batch once fewer than MAX_IN_FLIGHT wait; the writer decrements the count as it stores each. */
function postBatch(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  for (let waiting = Atomics.load(inFlight, 0); waiting >= MAX_IN_FLIGHT; waiting = Atomics.load(inFlight, 0))
    Atomics.wait(inFlight, 0, waiting);
  Atomics.add(inFlight, 0, 1);
  post(message, transfer);
}

try {
  const summary = await parseCodedFile(
    path,
    dataset,
    strict,
    {
      content: (content) => post({ kind: 'content', content }),
      events: (batch) => postBatch({ kind: 'events', batch }, batchTransferList(batch)),
      mentions: (rows) => postBatch({ kind: 'mentions', rows }),
      progress: (progress, rows) => post({ kind: 'progress', progress, rows }),
    },
    range,
  );
  post({ kind: 'done', summary });
} catch (error) {
  const reason = fileFailureReason(error);
  if (reason === null) throw error;
  post({ kind: 'failed', reason });
}
