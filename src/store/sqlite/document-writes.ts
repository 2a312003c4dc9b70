import type BetterSqlite3 from 'better-sqlite3';
import { errorMessage } from '../../domain/errors.js';
import { type Finding, primarySpan } from '../../domain/model.js';
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
   * Several documents in one transaction; if it fails, each document alone, so only a failing one is missing.
   * Never throws for a document.
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
  const insertSearch = c.prepare('INSERT INTO document_search (doc_id, text) VALUES (?, ?)');

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

  const insert = ({ document, findings, pipeline }: DocumentWrite): WriteOutcome => {
    const { changes } = insertNewDocument.run(
      document.id,
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
      new Date().toISOString(),
    );
    if (changes === 0) return 'unchanged';
    insertSearch.run(document.id, document.text);
    // A new document without events leaves the pair rollup as it is: skipping the call saves its statement
    // preparation on every plain ingest.
    if (findings.some((f) => f.kind === 'event')) updateEventRollupForDocument(c, document, findings);
    insertFindings(document.id, findings);
    return 'inserted';
  };

  const replace = (write: DocumentWrite): WriteOutcome => {
    const { document, findings, pipeline } = write;
    if (exists.get(document.id) === undefined) return insert(write);
    // Before the old findings go: the rollup subtracts their events.
    updateEventRollupForDocument(c, document, findings);
    deleteFindings.run(document.id);
    // The id is the text's hash, so a replaced document's text (and its search row) never changes.
    updateDocument.run(
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
      new Date().toISOString(),
      document.id,
    );
    insertFindings(document.id, findings);
    return 'replaced';
  };

  const write = (one: DocumentWrite): WriteOutcome => (one.replace ? replace(one) : insert(one));
  const writeOne = c.transaction(write);
  const writeMany = c.transaction((writes: readonly DocumentWrite[]) => writes.map(write));

  return {
    writeOne,
    writeGroup(writes) {
      try {
        return writeMany(writes).map((outcome) => ({ ok: true, outcome }));
      } catch {
        // The group rolled back as a whole; writing each alone keeps every good document and names the bad one.
        return writes.map((one): DocumentWriteResult => {
          try {
            return { ok: true, outcome: writeOne(one) };
          } catch (error) {
            return { ok: false, reason: errorMessage(error) };
          }
        });
      }
    },
  };
}
