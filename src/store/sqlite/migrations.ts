import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

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
};

export const sqliteMigrations: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
