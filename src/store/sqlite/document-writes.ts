import type BetterSqlite3 from 'better-sqlite3';
import { errorMessage } from '../../domain/errors.js';
import { type DyadDocument, type Finding, primarySpan } from '../../domain/model.js';
import type { DocumentWrite, DocumentWriteResult, WriteOutcome } from '../store.js';
import { updateEventRollupForDocument } from './coded-store.js';

/**
 * Document writes on the store's connection with cached statements. The Kysely path compiled and prepared every
 * statement per document and took tens of times longer than the insert itself (bench/ingest.ts).
 */
export interface DocumentWriter {
  /** One document in its own transaction. */
  writeOne(write: DocumentWrite): WriteOutcome;
  /**
   * Several documents in one transaction, each in a savepoint of its own: a failing document is rolled back alone
   * and named; the others are committed together. Never throws for a document.
   */
  writeGroup(writes: readonly DocumentWrite[]): DocumentWriteResult[];
}

export function documentWriter(connection: BetterSqlite3.Database): DocumentWriter {
  const c = connection;
  const exists = c.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  // Positional parameters: binding by name costs a property lookup per column on every document. A new document
  // is inserted unless its id is there already (its content is stored), which spares ingest a lookup first.
  const insertNewDocument = c.prepare(
    `INSERT INTO documents (id, title, source, publisher, published, retrieved, format, language, text, chars,
       pipeline, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const updateDocument = c.prepare(
    `UPDATE documents SET title = ?, source = ?, publisher = ?, published = ?, retrieved = ?, format = ?,
       language = ?, text = ?, chars = ?, pipeline = ?, ingested_at = ?
     WHERE id = ?`,
  );
  const deleteFindings = c.prepare('DELETE FROM findings WHERE doc_id = ?');
  const insertFinding = c.prepare(
    `INSERT INTO findings (id, doc_id, kind, start, "end", extractor, extractor_version, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The documents a transaction inserts are those past the largest rowid it started with (new rows take the
  // largest plus one, and the transaction is the only writer): one statement indexes them all for search, a
  // good deal cheaper than binding every text a second time.
  const lastRowid = c.prepare('SELECT max(rowid) FROM documents').pluck();
  const indexInserted = c.prepare(
    'INSERT INTO document_search (doc_id, text) SELECT id, text FROM documents WHERE rowid > ? ORDER BY rowid',
  );

  const insertFindings = (docId: string, findings: readonly Finding[]) => {
    for (const finding of findings) {
      const span = primarySpan(finding);
      insertFinding.run(
        finding.id,
        docId,
        finding.kind,
        span.start,
        span.end,
        finding.extractor.name,
        finding.extractor.version,
        JSON.stringify(finding),
      );
    }
  };

  const insert = ({ document, findings, pipeline }: DocumentWrite, ingestedAt: string): WriteOutcome => {
    const { changes } = insertNewDocument.run(
      document.id,
      ...documentColumns(document, pipeline, ingestedAt),
    );
    if (changes === 0) return 'unchanged';
    // A new document without events leaves the pair rollup as it is: skipping the call saves its statement
    // preparation on every plain ingest.
    if (findings.some((f) => f.kind === 'event')) updateEventRollupForDocument(c, document, findings);
    insertFindings(document.id, findings);
    return 'inserted';
  };

  const replace = (write: DocumentWrite, ingestedAt: string): WriteOutcome => {
    const { document, findings, pipeline } = write;
    if (exists.get(document.id) === undefined) return insert(write, ingestedAt);
    // Before the old findings go: the rollup subtracts their events.
    updateEventRollupForDocument(c, document, findings);
    deleteFindings.run(document.id);
    // The id is the text's hash, so a replaced document's text (and its search row) never changes.
    updateDocument.run(...documentColumns(document, pipeline, ingestedAt), document.id);
    insertFindings(document.id, findings);
    return 'replaced';
  };

  // One ingest time for a transaction's documents: they are stored together.
  const write = (one: DocumentWrite, ingestedAt: string): WriteOutcome =>
    one.replace ? replace(one, ingestedAt) : insert(one, ingestedAt);
  /** Runs `body` and then indexes for search the documents it inserted. */
  const indexingInserted = <T>(body: () => T): T => {
    const before = (lastRowid.get() as number | null) ?? 0;
    const result = body();
    indexInserted.run(before);
    return result;
  };
  const writeOne = c.transaction((one: DocumentWrite) =>
    indexingInserted(() => write(one, new Date().toISOString())),
  );
  // Called inside writeMany's transaction, better-sqlite3 runs this as a savepoint: a transaction of its own
  // nested in the group's, which a failing document rolls back alone.
  const writeNested = c.transaction(write);
  const writeMany = c.transaction((writes: readonly DocumentWrite[]) =>
    indexingInserted(() => {
      const ingestedAt = new Date().toISOString();
      return writes.map((one) => attempt(() => writeNested(one, ingestedAt)));
    }),
  );

  return {
    writeOne,
    writeGroup(writes) {
      try {
        return writeMany(writes);
      } catch {
        // The group itself failed (its index step or its commit): writing each alone keeps what can be kept.
        return writes.map((one) => attempt(() => writeOne(one)));
      }
    },
  };
}

/** A document's columns after its id, in the order both the insert and the update statement name them. */
function documentColumns(document: DyadDocument, pipeline: string, ingestedAt: string): unknown[] {
  return [
    document.title,
    document.source,
    document.publisher,
    document.published,
    document.retrieved,
    document.format,
    document.language,
    document.text,
    document.text.length,
    pipeline,
    ingestedAt,
  ];
}

/** A write's outcome, or why it failed: the one place a document's error becomes its result. */
function attempt(write: () => WriteOutcome): DocumentWriteResult {
  try {
    return { ok: true, outcome: write() };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}
