/**
 * Reading one ingest entry into a Document: file I/O, the readers, normalisation and the content hash.
 * No store and no extraction, so it runs on the ingest's reading thread as well as in-thread.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DyadDocument } from '../domain/model.js';
import { normalizePublished } from '../ingest/dates.js';
import { DEFAULT_MAX_BYTES, type ReadDocument } from '../ingest/reader.js';
import { readBytes } from '../ingest/readers/index.js';
import { describeFsError, type SourceEntry } from '../ingest/sources.js';

export interface ReadEntryOptions {
  readonly maxBytes?: number;
  /** Overrides the title found in the file (single-document use). */
  readonly title?: string;
  /** Overrides the publication date found in the file. */
  readonly published?: string;
  readonly source?: string;
  readonly readStdin?: () => Promise<Uint8Array>;
  /** The retrieval time to record. */
  readonly retrieved: string;
}

/** A document, or why the entry gives none (`failed` or `skipped`, with its reason). */
export type ReadEntryOutcome =
  | { readonly kind: 'document'; readonly document: DyadDocument }
  | { readonly kind: 'failed' | 'skipped'; readonly reason: string };

export function entryPath(entry: SourceEntry): string {
  return entry.kind === 'stdin' ? '-' : entry.path;
}

export async function readEntry(entry: SourceEntry, options: ReadEntryOptions): Promise<ReadEntryOutcome> {
  const failed = (reason: string): ReadEntryOutcome => ({ kind: 'failed', reason });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  switch (entry.kind) {
    case 'skipped':
      return { kind: 'skipped', reason: entry.reason };
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
  return { kind: 'document', document: toDocument(read.document, entry, options) };
}

function toDocument(read: ReadDocument, entry: SourceEntry, options: ReadEntryOptions): DyadDocument {
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
    retrieved: options.retrieved,
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
