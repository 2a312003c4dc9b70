import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { type AdmiraltyGrade, type GradeAssignments, parseGrade } from '../../analysis/reliability.js';
import { usageError } from '../../domain/errors.js';
import type { DyadDocument, Finding, FindingKind } from '../../domain/model.js';
import { primarySpan, spanText } from '../../domain/model.js';
import type {
  DocumentSummary,
  FindingFilter,
  GradeTarget,
  SearchHit,
  SearchOptions,
  Store,
  WriteOutcome,
} from '../store.js';
import { updateEventRollupForDocument } from './coded-store.js';
import { sqliteMigrations } from './migrations.js';
import type { Database, DocumentsTable } from './schema.js';

interface WriteStatements {
  readonly write: (
    document: DyadDocument,
    findings: readonly Finding[],
    pipeline: string,
    replace: boolean,
  ) => WriteOutcome;
}

export interface SqliteStoreOptions {
  /** Open without migrating (for read-only tools); default false. */
  readonly readonly?: boolean;
}

/** Opens (creating if needed) a SQLite store at `path`, or `:memory:`. Migrates to the latest schema. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const connection = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    // 16 KiB pages (SQLite's default is 4 KiB): bulk imports write a fifth fewer page headers and splits.
    // It takes effect only on a new, empty file, so it has to come before WAL mode.
    connection.pragma('page_size = 16384');
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
  }
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // One connection for all writes: Kysely's SQLite driver serialises queries on it.
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  if (!options.readonly) {
    const { error, results } = await new Migrator({ db, provider: sqliteMigrations }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      await db.destroy();
      throw new Error(
        `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return new SqliteStore(db, connection);
}

export class SqliteStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    /** The raw connection, for adapter-internal bulk work (imports, benchmarks). */
    readonly connection: BetterSqlite3.Database,
  ) {}

  async documentPipeline(id: string): Promise<string | null> {
    // A cached statement: ingest asks this once per file, so Kysely's per-call compile showed in bench/ingest.ts.
    this.pipelineOf ??= this.connection.prepare('SELECT pipeline FROM documents WHERE id = ?').pluck();
    const pipeline = this.pipelineOf.get(id);
    return typeof pipeline === 'string' ? pipeline : null;
  }

  private pipelineOf: BetterSqlite3.Statement | null = null;

  async writeDocument(
    document: DyadDocument,
    findings: readonly Finding[],
    pipeline: string,
    options: { replace?: boolean } = {},
  ): Promise<WriteOutcome> {
    // One synchronous better-sqlite3 transaction with cached statements: the Kysely path compiled and prepared
    // every statement per document and took tens of times longer than the insert itself (bench/ingest.ts).
    return this.writeStatements().write(document, findings, pipeline, options.replace ?? false);
  }

  private statements: WriteStatements | null = null;

  private writeStatements(): WriteStatements {
    if (this.statements) return this.statements;
    const c = this.connection;
    const documentColumns =
      'title, source, publisher, published, retrieved, format, language, text, chars, pipeline, ingested_at';
    const exists = c.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
    const insertDocument = c.prepare(
      `INSERT INTO documents (id, ${documentColumns})
       VALUES (@id, @title, @source, @publisher, @published, @retrieved, @format, @language, @text, @chars, @pipeline, @ingested_at)`,
    );
    const updateDocument = c.prepare(
      `UPDATE documents SET title = @title, source = @source, publisher = @publisher, published = @published,
         retrieved = @retrieved, format = @format, language = @language, text = @text, chars = @chars,
         pipeline = @pipeline, ingested_at = @ingested_at
       WHERE id = @id`,
    );
    const deleteSearch = c.prepare('DELETE FROM sentence_search WHERE doc_id = ?');
    const deleteFindings = c.prepare('DELETE FROM findings WHERE doc_id = ?');
    const insertFinding = c.prepare(
      `INSERT INTO findings (id, doc_id, kind, start, "end", extractor, extractor_version, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSearch = c.prepare(
      'INSERT INTO sentence_search (text, doc_id, start, "end") VALUES (?, ?, ?, ?)',
    );
    const write = c.transaction(
      (
        document: DyadDocument,
        findings: readonly Finding[],
        pipeline: string,
        replace: boolean,
      ): WriteOutcome => {
        const existing = exists.get(document.id) !== undefined;
        if (existing && !replace) return 'unchanged';
        // A new document without events leaves the pair rollup as it is; skipping the call saves its statement
        // preparation on every plain ingest.
        if (existing || findings.some((f) => f.kind === 'event')) {
          updateEventRollupForDocument(c, document, findings);
        }
        if (existing) {
          deleteSearch.run(document.id);
          deleteFindings.run(document.id);
          updateDocument.run(documentRow(document, pipeline));
        } else {
          insertDocument.run(documentRow(document, pipeline));
        }
        for (const finding of findings) {
          const span = primarySpan(finding);
          insertFinding.run(
            finding.id,
            document.id,
            finding.kind,
            span.start,
            span.end,
            finding.extractor.name,
            finding.extractor.version,
            JSON.stringify(finding),
          );
          if (finding.kind === 'sentence') {
            insertSearch.run(spanText(document, span), document.id, span.start, span.end);
          }
        }
        return existing ? 'replaced' : 'inserted';
      },
    );
    this.statements = { write };
    return this.statements;
  }

  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select([
        'id',
        'title',
        'source',
        'publisher',
        'published',
        'retrieved',
        'format',
        'language',
        'chars',
        'pipeline',
        'ingested_at',
      ])
      .orderBy('published', 'desc')
      .orderBy('id')
      .limit(options.limit ?? 1000)
      .offset(options.offset ?? 0)
      .execute();
    if (rows.length === 0) return [];
    const counts = await this.db
      .selectFrom('findings')
      .select(['doc_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'doc_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy(['doc_id', 'kind'])
      .execute();
    const byDoc = new Map<string, Partial<Record<FindingKind, number>>>();
    for (const c of counts) {
      const entry = byDoc.get(c.doc_id) ?? {};
      entry[c.kind as FindingKind] = Number(c.n);
      byDoc.set(c.doc_id, entry);
    }
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source,
      publisher: r.publisher,
      published: r.published,
      retrieved: r.retrieved,
      format: r.format as DyadDocument['format'],
      language: r.language,
      chars: r.chars,
      pipeline: r.pipeline,
      ingestedAt: r.ingested_at,
      findingCounts: byDoc.get(r.id) ?? {},
    }));
  }

  async countDocuments(): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async getDocument(idOrPrefix: string): Promise<DyadDocument | null> {
    if (idOrPrefix.length < 4) throw usageError('a document id prefix needs at least 4 characters');
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '>=', idOrPrefix)
      .where('id', '<', `${idOrPrefix}\uffff`)
      .limit(2)
      .execute();
    if (rows.length > 1 && rows[0]?.id !== idOrPrefix) {
      throw usageError(`document id prefix '${idOrPrefix}' is ambiguous`);
    }
    const row = rows[0];
    return row ? documentFromRow(row) : null;
  }

  async findings(filter: FindingFilter = {}): Promise<Finding[]> {
    let query = this.db.selectFrom('findings').select('data');
    if (filter.docId) query = query.where('doc_id', '=', filter.docId);
    if (filter.kinds && filter.kinds.length > 0) query = query.where('kind', 'in', [...filter.kinds]);
    const rows = await query
      .orderBy('doc_id')
      .orderBy('start')
      .orderBy('rowid')
      .limit(filter.limit ?? -1)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map((r) => JSON.parse(r.data) as Finding);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    const [open, close] = options.highlight ?? ['[', ']'];
    const rows = await sql<{
      doc_id: string;
      start: number;
      end: number;
      text: string;
      snippet: string;
      rank: number;
      title: string | null;
    }>`
      SELECT s.doc_id, s.start, s.end, s.text, highlight(sentence_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS snippet,
             s.rank AS rank, d.title
      FROM sentence_search s JOIN documents d ON d.id = s.doc_id
      WHERE sentence_search MATCH ${match}
      ORDER BY s.rank
      LIMIT ${options.limit ?? 50}`.execute(this.db);
    return rows.rows.map((r) => {
      const matches = markedRanges(r.snippet);
      return {
        docId: r.doc_id,
        title: r.title,
        start: Number(r.start),
        end: Number(r.end),
        sentence: r.text,
        snippet: r.snippet.replaceAll(MARK_OPEN, open).replaceAll(MARK_CLOSE, close),
        matches,
        rank: r.rank,
      };
    });
  }

  async setGrade(target: GradeTarget, grade: AdmiraltyGrade | null): Promise<void> {
    if (grade === null) {
      await this.db
        .deleteFrom('source_grades')
        .where('target_kind', '=', target.kind)
        .where('target_id', '=', target.id)
        .execute();
      return;
    }
    const row = {
      target_kind: target.kind,
      target_id: target.id,
      reliability: grade.reliability,
      credibility: grade.credibility,
      graded_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('source_grades')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['target_kind', 'target_id']).doUpdateSet({
          reliability: row.reliability,
          credibility: row.credibility,
          graded_at: row.graded_at,
        }),
      )
      .execute();
  }

  async grades(): Promise<GradeAssignments> {
    const rows = await this.db.selectFrom('source_grades').selectAll().execute();
    const byDocument: Record<string, AdmiraltyGrade> = {};
    const byHolder: Record<string, AdmiraltyGrade> = {};
    for (const row of rows) {
      const grade = parseGrade(`${row.reliability}${row.credibility}`);
      if (row.target_kind === 'document') byDocument[row.target_id] = grade;
      else byHolder[row.target_id] = grade;
    }
    return { byDocument, byHolder };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

// Private-use characters never occur in normalised text we search, so they mark matches unambiguously.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/** Ranges of marked text, as offsets into the unmarked sentence. */
function markedRanges(marked: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let offset = 0;
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = offset;
    else if (ch === MARK_CLOSE) {
      if (open >= 0) ranges.push({ start: open, end: offset });
      open = -1;
    } else offset += ch.length;
  }
  return ranges;
}

/** Turns user words into an FTS5 query: each word a quoted prefix term, so punctuation never breaks the syntax. */
export function toFtsQuery(query: string): string {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"*`).join(' ');
}

function documentRow(document: DyadDocument, pipeline: string): DocumentsTable {
  return {
    id: document.id,
    title: document.title,
    source: document.source,
    publisher: document.publisher,
    published: document.published,
    retrieved: document.retrieved,
    format: document.format,
    language: document.language,
    text: document.text,
    chars: document.text.length,
    pipeline,
    ingested_at: new Date().toISOString(),
  };
}

function documentFromRow(row: DocumentsTable): DyadDocument {
  return {
    kind: 'document',
    id: row.id,
    title: row.title,
    source: row.source,
    publisher: row.publisher,
    published: row.published,
    retrieved: row.retrieved,
    format: row.format as DyadDocument['format'],
    language: row.language,
    text: row.text,
  };
}
