import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: string;
  title: string | null;
  source: string | null;
  publisher: string | null;
  published: string | null;
  retrieved: string;
  format: string;
  language: string;
  text: string;
  chars: number;
  pipeline: string;
  ingested_at: string;
}

export interface FindingsTable {
  rowid: Generated<number>;
  id: string;
  doc_id: string;
  kind: string;
  start: number;
  end: number;
  extractor: string;
  extractor_version: string;
  /** The finding record as JSON. */
  data: string;
}

/** The full-text index: contentless, so `text` is indexed when written but reads back as null. */
export interface DocumentSearchTable {
  rowid: Generated<number>;
  doc_id: string;
  text: string | null;
}

export interface SourceGradesTable {
  target_kind: string;
  target_id: string;
  reliability: string;
  credibility: number;
  graded_at: string;
}

export interface Database {
  source_grades: SourceGradesTable;
  documents: DocumentsTable;
  findings: FindingsTable;
  document_search: DocumentSearchTable;
}
