import { errorMessage } from '../domain/errors.js';
import type { DyadDocument, Finding } from '../domain/model.js';
import { expandSources } from '../ingest/sources.js';
import { type Pipeline, pipelineVersion, runPipeline } from '../pipeline/pipeline.js';
import type { DocumentWrite, Store } from '../store/store.js';
import { entryPath, readEntry } from './read.js';

export { documentId } from './read.js';

export type IngestStatus = 'inserted' | 'replaced' | 'unchanged' | 'failed' | 'skipped';

/** One file's result. Batch ingest returns one per input file and never throws for a bad file. */
export interface IngestResult {
  readonly path: string;
  readonly status: IngestStatus;
  readonly docId: string | null;
  readonly title: string | null;
  /** Why a file failed or was skipped, or a note on an unchanged one. */
  readonly reason: string | null;
  readonly findings: number;
}

export interface IngestOptions {
  readonly pipeline: Pipeline;
  readonly maxBytes?: number;
  /** Overrides the title found in the file (single-document use). */
  readonly title?: string;
  /** Overrides the publication date found in the file. */
  readonly published?: string;
  readonly source?: string;
  /** Replace findings of stored documents whose pipeline version differs from the current one. */
  readonly reextract?: boolean;
  /** Called before each file (for progress) and after it. */
  readonly onProgress?: (event: { done: number; total: number; path: string; result?: IngestResult }) => void;
  readonly readStdin?: () => Promise<Uint8Array>;
  /** Clock, for reproducible tests. */
  readonly now?: () => Date;
}

// Documents are handled in groups: one query tells which are stored already, and the new ones are written in
// one commit (a commit each made the search index write a segment each time, most of ingest's cost). A group
// ends at this many documents or characters, and at the end of the input.
const GROUP_DOCUMENTS = 256;
const GROUP_CHARS = 8_000_000;

/**
 * Ingests files, folders and stdin into the store: read and normalise, then per group: look up which documents
 * are stored, extract the others and write them in one commit. Every document is all-or-nothing (each is
 * written in a nested transaction, and a failed write rolls back only that document: see Store.writeDocuments),
 * and a crash loses at most the group not yet committed, never part of a document.
 */
export async function ingestPaths(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestResult[]> {
  const entries = await expandSources(inputs);
  const results: IngestResult[] = [];
  const total = entries.length;
  const version = pipelineVersion(options.pipeline);
  let done = 0;
  const finish = (index: number, result: IngestResult) => {
    results[index] = result;
    done++;
    options.onProgress?.({ done, total, path: result.path, result });
  };
  let group: ReadDocumentAt[] = [];
  let groupChars = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const read = group;
    group = [];
    groupChars = 0;
    const stored = await store.documentPipelines(read.map(({ document }) => document.id));
    const writes: PendingWrite[] = [];
    for (const { index, path, document } of read) {
      // Extraction is the slow part when there is any: progress names each document as it starts.
      if (options.pipeline.stages.length > 0) options.onProgress?.({ done, total, path });
      const prepared = prepareWrite(document, path, stored.get(document.id) ?? null, version, options);
      if ('status' in prepared) finish(index, prepared);
      else writes.push({ ...prepared, index });
    }
    if (writes.length === 0) return;
    const outcomes = await store.writeDocuments(writes);
    writes.forEach((write, i) => {
      const outcome = outcomes[i];
      const { index, result } = write;
      finish(
        index,
        outcome?.ok
          ? {
              ...result,
              status: outcome.outcome,
              findings: outcome.outcome === 'unchanged' ? 0 : result.findings,
            }
          : {
              ...result,
              status: 'failed',
              docId: null,
              reason: `storage failed: ${outcome?.reason ?? 'no result'}`,
              findings: 0,
            },
      );
    });
  };
  for (const [index, entry] of entries.entries()) {
    const path = entryPath(entry);
    options.onProgress?.({ done, total, path });
    const outcome = await readEntry(entry, {
      ...options,
      retrieved: (options.now?.() ?? new Date()).toISOString(),
    });
    if (outcome.kind !== 'document') {
      finish(index, {
        path,
        status: outcome.kind,
        docId: null,
        title: null,
        reason: outcome.reason,
        findings: 0,
      });
      continue;
    }
    group.push({ index, path, document: outcome.document });
    groupChars += outcome.document.text.length;
    if (group.length >= GROUP_DOCUMENTS || groupChars >= GROUP_CHARS) await flush();
  }
  await flush();
  return results;
}

/** A document read from entry `index`, waiting for its group. */
interface ReadDocumentAt {
  readonly index: number;
  readonly path: string;
  readonly document: DyadDocument;
}

/** A document read and extracted, waiting for its group's commit; `result` is what it reports once written. */
interface PendingWrite extends DocumentWrite {
  readonly index: number;
  readonly result: IngestResult;
}

/** Decides whether a read document needs writing (`stored` is its stored pipeline version) and extracts it. */
function prepareWrite(
  document: DyadDocument,
  path: string,
  stored: string | null,
  version: string,
  options: IngestOptions,
): IngestResult | Omit<PendingWrite, 'index'> {
  const base = { path, docId: document.id, title: document.title };
  if (stored !== null && (stored === version || !options.reextract)) {
    const reason =
      stored === version
        ? null
        : stored === ''
          ? 'stored without extraction; use --reextract to extract'
          : 'stored with an older extractor; use --reextract to update';
    return { ...base, status: 'unchanged', reason, findings: 0 };
  }
  let findings: Finding[];
  try {
    findings = runPipeline(options.pipeline, document);
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      docId: null,
      reason: `extraction failed: ${errorMessage(error)}`,
      findings: 0,
    };
  }
  return {
    document,
    findings,
    pipeline: version,
    replace: stored !== null,
    result: { ...base, status: 'inserted', reason: null, findings: findings.length },
  };
}
