import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { type AdmiraltyGrade, type GradeAssignments, parseGrade } from '../../analysis/reliability.js';
import { usageError } from '../../domain/errors.js';
import type { DyadDocument, Finding, FindingKind } from '../../domain/model.js';
import { splitSentences } from '../../pipeline/sentences.js';
import type {
  DocumentSummary,
  DocumentWrite,
  DocumentWriteResult,
  FindingFilter,
  GradeTarget,
  SearchHit,
  SearchOptions,
  Store,
  WriteOutcome,
} from '../store.js';
import { type DocumentWriter, documentWriter } from './document-writes.js';
import { sqliteMigrations } from './migrations.js';
import type { Database, DocumentsTable } from './schema.js';

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

  async documentPipelines(ids: readonly string[]): Promise<Map<string, string>> {
    // One cached statement for any number of ids: ingest asks for a group at a time.
    this.pipelinesOf ??= this.connection.prepare(
      'SELECT id, pipeline FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    );
    const rows = this.pipelinesOf.all(JSON.stringify(ids)) as { id: string; pipeline: string }[];
    return new Map(rows.map((row) => [row.id, row.pipeline]));
  }

  private pipelinesOf: BetterSqlite3.Statement | null = null;

  async writeDocument(
    document: DyadDocument,
    findings: readonly Finding[],
    pipeline: string,
    options: { replace?: boolean } = {},
  ): Promise<WriteOutcome> {
    return this.writer().writeOne({ document, findings, pipeline, replace: options.replace ?? false });
  }

  async writeDocuments(writes: readonly DocumentWrite[]): Promise<DocumentWriteResult[]> {
    return this.writer().writeGroup(writes);
  }

  private documentWrites: DocumentWriter | null = null;

  private writer(): DocumentWriter {
    this.documentWrites ??= documentWriter(this.connection);
    return this.documentWrites;
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
    const words = queryWords(query);
    const limit = options.limit ?? 50;
    const [open, close] = options.highlight ?? ['[', ']'];
    this.searchPage ??= this.connection.prepare(
      `SELECT s.doc_id AS docId, d.text AS text, d.title AS title, s.rank AS rank
       FROM document_search s JOIN documents d ON d.id = s.doc_id
       WHERE document_search MATCH ? ORDER BY s.rank LIMIT ? OFFSET ?`,
    );
    const hits: SearchHit[] = [];
    // Documents come best first; each gives its sentences that hold every query word. A document with the words
    // in different sentences gives none, so pages are read until there are enough hits (or enough documents).
    for (let offset = 0; hits.length < limit && offset < SEARCH_MAX_DOCUMENTS; offset += SEARCH_PAGE) {
      const rows = this.searchPage.all(match, SEARCH_PAGE, offset) as {
        docId: string;
        text: string;
        title: string | null;
        rank: number;
      }[];
      for (const row of rows) {
        for (const hit of sentenceHits(row.text, matchedTokens(row.text, words), words)) {
          hits.push({
            docId: row.docId,
            title: row.title,
            start: hit.start,
            end: hit.end,
            sentence: hit.sentence,
            snippet: highlight(hit.sentence, hit.matches, open, close),
            matches: hit.matches,
            rank: row.rank,
          });
          if (hits.length === limit) return hits;
        }
      }
      if (rows.length < SEARCH_PAGE) break;
    }
    return hits;
  }

  private searchPage: BetterSqlite3.Statement | null = null;

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

const SEARCH_PAGE = 50;
const SEARCH_MAX_DOCUMENTS = 1000;

interface Range {
  readonly start: number;
  readonly end: number;
}

/** A query's words, folded as the index folds them (lower case, no diacritics). */
function queryWords(query: string): string[] {
  return (query.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord);
}

function foldWord(word: string): string {
  // ASCII has no diacritics to strip: most words skip the decomposition.
  return /^[\x20-\x7E]*$/.test(word)
    ? word.toLowerCase()
    : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// The index's tokens: what its unicode61 tokenizer keeps by default (letters, numbers, private use).
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** A matched token: its range in the document and its folded form. */
interface MatchedToken extends Range {
  readonly folded: string;
}

/** The tokens of a document that a query word begins, as the index matched them; in text order. */
function matchedTokens(text: string, words: readonly string[]): MatchedToken[] {
  const matches: MatchedToken[] = [];
  for (const token of text.matchAll(TOKEN)) {
    const folded = foldWord(token[0]);
    if (words.some((word) => folded.startsWith(word))) {
      matches.push({ start: token.index, end: token.index + token[0].length, folded });
    }
  }
  return matches;
}

/**
 * The sentences of a document that hold every query word (each a prefix of a matched token), with their offsets
 * in the document and their matches as offsets into the sentence.
 */
function sentenceHits(
  text: string,
  matches: readonly MatchedToken[],
  words: readonly string[],
): { start: number; end: number; sentence: string; matches: Range[] }[] {
  if (matches.length === 0) return [];
  const hits: { start: number; end: number; sentence: string; matches: Range[] }[] = [];
  // Sentences and matches both come in text order: one pass over each. Matches are tokens, so none crosses a
  // sentence boundary.
  let first = 0;
  for (const range of splitSentences(text)) {
    while (first < matches.length && (matches[first] as MatchedToken).end <= range.start) first++;
    const inside: MatchedToken[] = [];
    for (let i = first; i < matches.length; i++) {
      const m = matches[i] as MatchedToken;
      if (m.end > range.end) break;
      if (m.start >= range.start) inside.push(m);
    }
    if (inside.length === 0) continue;
    if (!words.every((word) => inside.some((m) => m.folded.startsWith(word)))) continue;
    hits.push({
      start: range.start,
      end: range.end,
      sentence: text.slice(range.start, range.end),
      matches: inside.map((m) => ({ start: m.start - range.start, end: m.end - range.start })),
    });
  }
  return hits;
}

/** The sentence with `open` and `close` around each match. */
function highlight(sentence: string, matches: readonly Range[], open: string, close: string): string {
  let marked = '';
  let at = 0;
  for (const m of matches) {
    marked += `${sentence.slice(at, m.start)}${open}${sentence.slice(m.start, m.end)}${close}`;
    at = m.end;
  }
  return marked + sentence.slice(at);
}

/** Turns user words into an FTS5 query: each word a quoted prefix term, so punctuation never breaks the syntax. */
export function toFtsQuery(query: string): string {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"*`).join(' ');
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
