import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore, toFtsQuery } from '../../src/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', () => openSqliteStore(join(dir, `store-${n++}.db`)));

describe('sqlite adapter', () => {
  it('uses WAL and migrates a new file to the latest schema', async () => {
    const store = await openSqliteStore(join(dir, 'wal.db'));
    expect(store.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    const migrations = store.connection.prepare('SELECT name FROM kysely_migration').all();
    expect(migrations.length).toBeGreaterThan(0);
    await store.close();
  });

  it('indexes the documents stored before the contentless search index, which then finds them', async () => {
    const path = join(dir, 'before-contentless.db');
    const connection = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: connection }) });
    const migrator = new Migrator({ db, provider: sqliteMigrations });
    expect((await migrator.migrateTo('20261128T1300_document_search')).error).toBeUndefined();
    connection
      .prepare(
        `INSERT INTO documents (id, title, source, publisher, published, retrieved, format, language, text, chars,
           pipeline, ingested_at)
         VALUES ('00aa11bb22cc33dd', 'Old', NULL, NULL, NULL, '2024-01-01', 'text', 'en', ?, 60, '', '2024-01-01')`,
      )
      .run('The delegation crossed at Tumangang. Talks began the next day.');
    await db.destroy();
    const migrated = await openSqliteStore(path);
    const [hit, ...rest] = await migrated.search('tumangang');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      docId: '00aa11bb22cc33dd',
      sentence: 'The delegation crossed at Tumangang.',
      snippet: 'The delegation crossed at [Tumangang].',
    });
    await migrated.close();
  });

  it('quotes every word of a query so FTS syntax never leaks', () => {
    expect(toFtsQuery('Kim "Putin" OR (x')).toBe('"Kim"* "Putin"* "OR"* "x"*');
    expect(toFtsQuery('—')).toBe('');
  });
});
