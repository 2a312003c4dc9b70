import type { AdmiraltyGrade, GradeAssignments } from '../analysis/reliability.js';
import type { DyadDocument, Finding, FindingKind } from '../domain/model.js';

/** What the store knows about a document without loading its text. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly retrieved: string;
  readonly format: DyadDocument['format'];
  readonly language: string;
  readonly chars: number;
  /** Version string of the pipeline whose findings are stored. */
  readonly pipeline: string;
  readonly ingestedAt: string;
  readonly findingCounts: Readonly<Partial<Record<FindingKind, number>>>;
}

export interface FindingFilter {
  readonly docId?: string;
  readonly kinds?: readonly FindingKind[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly docId: string;
  readonly title: string | null;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  /** The sentence with matches wrapped in the requested markers. */
  readonly snippet: string;
  /** Where the query matched, as offsets into `sentence`. */
  readonly matches: readonly { readonly start: number; readonly end: number }[];
  readonly rank: number;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Markers around each match in `snippet`; default `[` `]`. */
  readonly highlight?: readonly [string, string];
}

/** What an analyst grades: a document (the publication) or a claim holder (an actor id, a person's name, `unnamed`). */
export interface GradeTarget {
  readonly kind: 'document' | 'holder';
  readonly id: string;
}

/** What happened to one document on a write. */
export type WriteOutcome = 'inserted' | 'replaced' | 'unchanged';

/** One document of a group write. */
export interface DocumentWrite {
  readonly document: DyadDocument;
  readonly findings: readonly Finding[];
  readonly pipeline: string;
  readonly replace?: boolean;
}

/** A group write's result for one document: its outcome, or why it was not stored. */
export type DocumentWriteResult =
  | { readonly ok: true; readonly outcome: WriteOutcome }
  | { readonly ok: false; readonly reason: string };

/**
 * Persistence behind one interface; one folder per adapter. Every write of a document and its
 * findings is one transaction, so a crash leaves either the whole document or nothing.
 */
export interface Store {
  /** The pipeline version of each of these documents that is stored (one query for a whole ingest group). */
  documentPipelines(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes a document with its findings. An existing document with the same id is left alone
   * (`unchanged`) unless `replace` is set, in which case its findings are replaced (`replaced`).
   */
  writeDocument(
    document: DyadDocument,
    findings: readonly Finding[],
    pipeline: string,
    options?: { replace?: boolean },
  ): Promise<WriteOutcome>;
  /**
   * Writes several documents as one group commit (far cheaper than a commit each: the search index writes a
   * segment per commit). Each document is still all-or-nothing, in a nested transaction of its own: a failing
   * one is rolled back alone and named in its result, the others are committed. Never throws for a document.
   */
  writeDocuments(writes: readonly DocumentWrite[]): Promise<DocumentWriteResult[]>;
  listDocuments(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** A document by id or by an unambiguous id prefix (at least 4 characters). */
  getDocument(idOrPrefix: string): Promise<DyadDocument | null>;
  findings(filter?: FindingFilter): Promise<Finding[]>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Sets (or, with null, removes) the Admiralty grade of a document or holder. */
  setGrade(target: GradeTarget, grade: AdmiraltyGrade | null): Promise<void>;
  /** Every grade given, keyed as `gradeFindings` expects. */
  grades(): Promise<GradeAssignments>;
  close(): Promise<void>;
}
