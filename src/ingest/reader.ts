import type { DocumentFormat } from '../domain/model.js';

/** Metadata a reader found in the file itself (front matter, header lines, HTML meta, PDF info). */
export interface ReadMetadata {
  readonly title?: string | null;
  readonly source?: string | null;
  readonly publisher?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
  /** Read but not yet stored: the document record has no author field. */
  readonly author?: string | null;
}

/** What a reader makes of a file: normalised text plus the metadata it carries. */
export interface ReadDocument {
  readonly format: DocumentFormat;
  readonly text: string;
  readonly metadata: ReadMetadata;
}

export type ReadOutcome =
  | { readonly kind: 'ok'; readonly document: ReadDocument }
  | { readonly kind: 'failed'; readonly reason: string };

export interface ReadOptions {
  /** Files larger than this fail; default 50 MB. */
  readonly maxBytes: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
