import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('quotes every word of a query so FTS syntax never leaks', () => {
    expect(toFtsQuery('Kim "Putin" OR (x')).toBe('"Kim"* "Putin"* "OR"* "x"*');
    expect(toFtsQuery('—')).toBe('');
  });
});
