/**
 * Reading one ingest entry into a Document: file I/O, the readers, normalisation and the content hash.
 * No store and no extraction: those are the ingest's (ingest.ts).
 */
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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
        const read = readFileWithin(entry.path, maxBytes);
        if (typeof read === 'number') return failed(`file is ${read} bytes, over the limit of ${maxBytes}`);
        bytes = read;
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

// Most documents fit: one read into this buffer, then a copy of what came, saves the fstat of every file.
const FIRST_READ = new Uint8Array(64 * 1024);

/**
 * A file's bytes, or its size when that is over `maxBytes` (so a huge file is never read). Synchronous calls on
 * one descriptor: files are read one at a time anyway, and system calls are most of a small file's cost here
 * (the async versions' thread-pool round trips, or a stat by path before readFileSync's own, cost more).
 */
function readFileWithin(path: string, maxBytes: number): Uint8Array | number {
  const fd = openSync(path, 'r');
  try {
    const wanted = Math.min(FIRST_READ.byteLength, maxBytes + 1);
    const first = readSync(fd, FIRST_READ, 0, wanted, null);
    // A short read of a regular file is its end.
    if (first < wanted) return FIRST_READ.slice(0, first);
    const { size } = fstatSync(fd);
    if (size > maxBytes) return size;
    // Some files report no size (procfs and the like): those are read to their end.
    if (size < first) {
      const whole = Buffer.concat([FIRST_READ.subarray(0, first), readFileSync(fd)]);
      return whole.byteLength > maxBytes ? whole.byteLength : whole;
    }
    const bytes = Buffer.allocUnsafe(size);
    bytes.set(FIRST_READ.subarray(0, first));
    let filled = first;
    while (filled < size) {
      const count = readSync(fd, bytes, filled, size - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
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
  // The one-shot crypto.hash (Node 20.12+) costs half of a Hash object's for a short text.
  const hex =
    typeof crypto.hash === 'function'
      ? crypto.hash('sha256', normalizedText, 'hex')
      : crypto.createHash('sha256').update(normalizedText, 'utf8').digest('hex');
  return hex.slice(0, 16);
}

function titleFromPath(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}
