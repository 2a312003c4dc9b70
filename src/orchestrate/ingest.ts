import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { errorMessage } from '../domain/errors.js';
import type { DyadDocument } from '../domain/model.js';
import { normalizePublished } from '../ingest/dates.js';
import { DEFAULT_MAX_BYTES, type ReadDocument } from '../ingest/reader.js';
import { readBytes } from '../ingest/readers/index.js';
import { describeFsError, expandSources, type SourceEntry } from '../ingest/sources.js';
import { type Pipeline, pipelineVersion, runPipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';

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

/** Ingests files, folders and stdin into the store: read, normalise, extract, write one transaction per document. */
export async function ingestPaths(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestResult[]> {
  const entries = await expandSources(inputs);
  const results: IngestResult[] = [];
  const total = entries.length;
  for (const [index, entry] of entries.entries()) {
    const path = entryPath(entry);
    options.onProgress?.({ done: index, total, path });
    const result = await ingestEntry(store, entry, options);
    results.push(result);
    options.onProgress?.({ done: index + 1, total, path, result });
  }
  return results;
}

function entryPath(entry: SourceEntry): string {
  return entry.kind === 'stdin' ? '-' : entry.path;
}

async function ingestEntry(store: Store, entry: SourceEntry, options: IngestOptions): Promise<IngestResult> {
  const path = entryPath(entry);
  const failed = (reason: string): IngestResult => ({
    path,
    status: 'failed',
    docId: null,
    title: null,
    reason,
    findings: 0,
  });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  switch (entry.kind) {
    case 'skipped':
      return { path, status: 'skipped', docId: null, title: null, reason: entry.reason, findings: 0 };
    case 'unreadable':
      return failed(entry.reason);
    case 'stdin':
      if (!options.readStdin) return failed('standard input is not available');
      bytes = await options.readStdin();
      break;
    case 'file':
      try {
        // Check the size first so a huge file is never read into memory. Synchronous calls: files are read one
        // at a time anyway, and the async versions' thread-pool round trips dominated small-file ingest.
        const info = statSync(entry.path);
        if (info.size > maxBytes) return failed(`file is ${info.size} bytes, over the limit of ${maxBytes}`);
        bytes = readFileSync(entry.path);
      } catch (error) {
        return failed(describeFsError(error));
      }
      break;
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
  const read = await readBytes(bytes, entry.kind === 'stdin' ? 'stdin' : basename(entry.path), { maxBytes });
  if (read.kind === 'failed') return failed(read.reason);
  const document = toDocument(read.document, entry, options);
  try {
    return await writeExtracted(store, document, path, options);
  } catch (error) {
    return failed(`extraction or storage failed: ${errorMessage(error)}`);
  }
}

async function writeExtracted(
  store: Store,
  document: DyadDocument,
  path: string,
  options: IngestOptions,
): Promise<IngestResult> {
  const version = pipelineVersion(options.pipeline);
  const base = { path, docId: document.id, title: document.title };
  const stored = await store.documentPipeline(document.id);
  if (stored !== null && (stored === version || !options.reextract)) {
    const reason = stored === version ? null : 'stored with an older extractor; use --reextract to update';
    return { ...base, status: 'unchanged', reason, findings: 0 };
  }
  const findings = runPipeline(options.pipeline, document);
  const outcome = await store.writeDocument(document, findings, version, { replace: stored !== null });
  return { ...base, status: outcome, reason: null, findings: findings.length };
}

function toDocument(read: ReadDocument, entry: SourceEntry, options: IngestOptions): DyadDocument {
  const id = documentId(read.text);
  const published = normalizePublished(options.published ?? read.metadata.published ?? null);
  const source = options.source ?? read.metadata.source ?? (entry.kind === 'file' ? entry.path : null);
  return {
    kind: 'document',
    id,
    title: options.title ?? read.metadata.title ?? (entry.kind === 'file' ? titleFromPath(entry.path) : null),
    source,
    publisher: read.metadata.publisher ?? null,
    published,
    retrieved: (options.now?.() ?? new Date()).toISOString(),
    format: read.format,
    language: read.metadata.language ?? 'en',
    text: read.text,
  };
}

/** A document's id: the first 16 hex digits of the SHA-256 of its normalised text. */
export function documentId(normalizedText: string): string {
  return createHash('sha256').update(normalizedText, 'utf8').digest('hex').slice(0, 16);
}

function titleFromPath(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}
