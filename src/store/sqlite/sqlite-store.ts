import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { usageError } from '../../domain/errors.js';
import type { DyadDocument, Finding, FindingKind } from '../../domain/model.js';
import { primarySpan, spanText } from '../../domain/model.js';
import type {
  DocumentSummary,
  FindingFilter,
  SearchHit,
  SearchOptions,
  Store,
  WriteOutcome,
} from '../store.js';
import { updateEventRollupForDocument } from './coded-store.js';
import { sqliteMigrations } from './migrations.js';
import type { Database, DocumentsTable } from './schema.js';

// SQLite binds at most 32766 variables; keep multi-row inserts well under that.
const INSERT_CHUNK = 500;

export interface SqliteStoreOptions {
  /** Open without migrating (for read-only tools); default false. */
  readonly readonly?: boolean;
}

/** Opens (creating if needed) a SQLite store at `path`, or `:memory:`. Migrates to the latest schema. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const connection = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  if (!options.readonly) {
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
    const row = await this.db
      .selectFrom('documents')
      .select('pipeline')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.pipeline ?? null;
  }

  async writeDocument(
    document: DyadDocument,
    findings: readonly Finding[],
    pipeline: string,
    options: { replace?: boolean } = {},
  ): Promise<WriteOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('documents')
        .select('id')
        .where('id', '=', document.id)
        .executeTakeFirst();
      if (existing && !options.replace) return 'unchanged';
      updateEventRollupForDocument(this.connection, document, findings);
      if (existing) {
        await sql`DELETE FROM sentence_search WHERE doc_id = ${document.id}`.execute(trx);
        await trx.deleteFrom('findings').where('doc_id', '=', document.id).execute();
        await trx
          .updateTable('documents')
          .set({ ...documentRow(document, pipeline), id: undefined })
          .where('id', '=', document.id)
          .execute();
      } else {
        await trx.insertInto('documents').values(documentRow(document, pipeline)).execute();
      }
      const rows = findings.map((finding) => {
        const span = primarySpan(finding);
        return {
          id: finding.id,
          doc_id: document.id,
          kind: finding.kind,
          start: span.start,
          end: span.end,
          extractor: finding.extractor.name,
          extractor_version: finding.extractor.version,
          data: JSON.stringify(finding),
        };
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('findings')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      const sentences = findings.filter((f) => f.kind === 'sentence');
      for (let i = 0; i < sentences.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('sentence_search')
          .values(
            sentences.slice(i, i + INSERT_CHUNK).map((s) => {
              const span = primarySpan(s);
              return {
                text: spanText(document, span),
                doc_id: document.id,
                start: span.start,
                end: span.end,
              };
            }),
          )
          .execute();
      }
      return existing ? 'replaced' : 'inserted';
    });
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
