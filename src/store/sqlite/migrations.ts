import { Buffer } from 'node:buffer';
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { type CodedBlockRow, codedBlockBounds, codedBlockOfRows, encodeCodedBlock } from '../coded-block.js';

const MIGRATED_BLOCK_ROWS = 4096;

// Timestamped migrations, applied in name order. Never edit a released one; add a new one.
const migrations: Record<string, Migration> = {
  '20261128T0930_documents_and_findings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text')
        .addColumn('source', 'text')
        .addColumn('publisher', 'text')
        .addColumn('published', 'text')
        .addColumn('retrieved', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('chars', 'integer', (c) => c.notNull())
        .addColumn('pipeline', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('findings')
        .addColumn('rowid', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('extractor', 'text', (c) => c.notNull())
        .addColumn('extractor_version', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('findings_doc_kind')
        .on('findings')
        .columns(['doc_id', 'kind', 'start'])
        .execute();
      await db.schema.createIndex('findings_kind').on('findings').column('kind').execute();
      await sql`CREATE VIRTUAL TABLE sentence_search USING fts5(
        text, doc_id UNINDEXED, start UNINDEXED, end UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    },
  },
  '20261128T1000_coded_events_and_pair_rollup': {
    // Each table is one B-tree keyed on what makes a row unique, so bulk imports write every row once
    // and re-imports are idempotent by key. coded_events.key is codedEventKey() (dataset band + id);
    // original_id is kept only when the key alone does not spell it (non-numeric ids).
    async up(db: Kysely<unknown>) {
      await sql`CREATE TABLE coded_events (
        key INTEGER PRIMARY KEY, original_id TEXT, day INTEGER NOT NULL,
        source_actor TEXT, target_actor TEXT, source_code TEXT, target_code TEXT,
        cameo TEXT, quad INTEGER, plover TEXT, mode TEXT, goldstein REAL,
        source_url TEXT, source_name TEXT, action_country TEXT, lat REAL, lon REAL
      )`.execute(db);
      await sql`CREATE TABLE coded_mentions (
        dataset TEXT NOT NULL, event_id TEXT NOT NULL, url TEXT NOT NULL,
        source_name TEXT, time INTEGER NOT NULL, confidence INTEGER, tone REAL,
        PRIMARY KEY (dataset, event_id, url)
      ) WITHOUT ROWID`.execute(db);
      await sql`CREATE TABLE pair_rollup (
        source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL, type TEXT NOT NULL,
        origin TEXT NOT NULL, count INTEGER NOT NULL, score_sum REAL NOT NULL,
        PRIMARY KEY (source, target, day, type, origin)
      ) WITHOUT ROWID`.execute(db);
      await sql`CREATE TABLE pair_totals (
        a TEXT NOT NULL, b TEXT NOT NULL, origin TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (a, b, origin)
      ) WITHOUT ROWID`.execute(db);
    },
  },
  '20261128T1015_pair_rollup_month': {
    // The pair rollup summed per month (day part 00): month and year answers read ~30 times fewer rows.
    async up(db: Kysely<unknown>) {
      await sql`CREATE TABLE pair_rollup_month (
        source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL, type TEXT NOT NULL,
        origin TEXT NOT NULL, count INTEGER NOT NULL, score_sum REAL NOT NULL,
        PRIMARY KEY (source, target, day, type, origin)
      ) WITHOUT ROWID`.execute(db);
      await sql`INSERT INTO pair_rollup_month
        SELECT source, target, day - day % 100, type, origin, sum(count), sum(score_sum) FROM pair_rollup
        GROUP BY source, target, day - day % 100, type, origin`.execute(db);
    },
  },
  '20261128T1100_source_grades': {
    // Admiralty grades an analyst gives a document or a claim holder (analysis/reliability.ts).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('source_grades')
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('reliability', 'text', (c) => c.notNull())
        .addColumn('credibility', 'integer', (c) => c.notNull())
        .addColumn('graded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('source_grades_pk', ['target_kind', 'target_id'])
        .execute();
    },
  },
  '20261128T1200_coded_events_compact': {
    // Eight columns instead of seventeen: binding a parameter is most of an insert's cost, and the fields no
    // query filters on (actor codes, QuadClass, mode, URL, source name, action place) fit one JSON detail.
    // json_patch drops the null members, as the importer does.
    async up(db: Kysely<unknown>) {
      await sql`CREATE TABLE coded_events_compact (
        key INTEGER PRIMARY KEY, day INTEGER NOT NULL, source_actor TEXT, target_actor TEXT,
        cameo TEXT, plover TEXT, goldstein REAL, detail TEXT NOT NULL
      )`.execute(db);
      await sql`INSERT INTO coded_events_compact
        SELECT key, day, source_actor, target_actor, cameo, plover, goldstein,
          json_patch('{}', json_object('id', original_id, 'sourceCode', source_code, 'targetCode', target_code,
            'quad', quad, 'mode', mode, 'url', source_url, 'sourceName', source_name,
            'actionCountry', action_country, 'lat', lat, 'lon', lon))
        FROM coded_events`.execute(db);
      await sql`DROP TABLE coded_events`.execute(db);
      await sql`ALTER TABLE coded_events_compact RENAME TO coded_events`.execute(db);
    },
  },
  '20261128T1300_document_search': {
    // Search indexes whole documents (one row each) instead of every sentence: a document needs no extraction
    // to be searchable, ingest writes one index row, not dozens, and the hit's sentence is found at query time.
    async up(db: Kysely<unknown>) {
      await sql`DROP TABLE sentence_search`.execute(db);
      await sql`CREATE VIRTUAL TABLE document_search USING fts5(
        doc_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
      // Merge segments less eagerly than FTS5's default of 4: ingest writes one segment per group commit, and
      // merging every few groups was a third of ingest's time; queries read a few more segments.
      await sql`INSERT INTO document_search (document_search, rank) VALUES ('automerge', 8)`.execute(db);
      await sql`INSERT INTO document_search (doc_id, text) SELECT id, text FROM documents`.execute(db);
    },
  },
  '20261128T1400_document_search_contentless': {
    // The index keeps only its terms and each row's document id: the text is in documents already, and writing
    // it a second time was a third of ingest's writes. Search marks the matches itself (sqlite-store.ts).
    async up(db: Kysely<unknown>) {
      await sql`DROP TABLE document_search`.execute(db);
      await sql`CREATE VIRTUAL TABLE document_search USING fts5(
        doc_id UNINDEXED, text, content = '', contentless_unindexed = 1, contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
      await sql`INSERT INTO document_search (document_search, rank) VALUES ('automerge', 8)`.execute(db);
      await sql`INSERT INTO document_search (doc_id, text) SELECT id, text FROM documents`.execute(db);
    },
  },
  '20261129T0900_coded_event_blocks': {
    // Coded events in blocks of columns, one binary value each (coded-block.ts): an import writes a value per
    // few thousand rows instead of a row per event, and pair questions read the rollup, never these rows.
    async up(db: Kysely<unknown>) {
      await sql`CREATE TABLE coded_blocks (
        id INTEGER PRIMARY KEY, first_key INTEGER NOT NULL, last_key INTEGER NOT NULL,
        first_day INTEGER NOT NULL, last_day INTEGER NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX coded_blocks_by_key ON coded_blocks (last_key, first_key)`.execute(db);
      let after = -1;
      for (;;) {
        const { rows } =
          await sql<CodedBlockRow>`SELECT key, day, source_actor AS source, target_actor AS target,
            cameo, plover, goldstein, detail
          FROM coded_events WHERE key > ${after} ORDER BY key LIMIT ${MIGRATED_BLOCK_ROWS}`.execute(db);
        if (rows.length === 0) break;
        const columns = codedBlockOfRows(rows);
        const { firstKey, lastKey, firstDay, lastDay } = codedBlockBounds(columns);
        const block = encodeCodedBlock(columns);
        await sql`INSERT INTO coded_blocks (first_key, last_key, first_day, last_day, size, data)
          VALUES (${firstKey}, ${lastKey}, ${firstDay}, ${lastDay}, ${rows.length},
            ${Buffer.from(block.buffer, block.byteOffset, block.byteLength)})`.execute(db);
        after = lastKey;
      }
      await sql`DROP TABLE coded_events`.execute(db);
    },
  },
};

export const sqliteMigrations: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
