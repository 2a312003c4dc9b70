import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { zipSync } from 'fflate';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysePair } from '../../src/analysis/pair.js';
import { main } from '../../src/cli/main.js';
import type { DyadDocument, DyadEvent, Finding } from '../../src/domain/model.js';
import { importFile, splitFile } from '../../src/importers/import.js';
import { createApp } from '../../src/server/app.js';
import { codedEventKey } from '../../src/store/coded.js';
import { SqliteCodedEventStore } from '../../src/store/sqlite/coded-store.js';
import { sqliteMigrations } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const SHARED = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`skipping real-sample import tests: ${SHARED} is absent`);

let dir: string;
let store: SqliteStore;
let coded: SqliteCodedEventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-import-'));
  store = await openSqliteStore(join(dir, 'store.db'));
  coded = new SqliteCodedEventStore(store.connection);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GDELT 1.0 (58-column) row written by hand: id, date, actor countries, CAMEO code, QuadClass, Goldstein. */
function gdeltRow(
  id: number,
  date: string,
  a: string,
  b: string,
  cameo: string,
  quad: number,
  goldstein: number,
): string {
  const fields: string[] = new Array(58).fill('');
  fields[0] = String(id);
  fields[1] = date;
  fields[2] = date.slice(0, 6);
  fields[3] = date.slice(0, 4);
  fields[5] = a;
  fields[7] = a;
  fields[15] = b;
  fields[17] = b;
  fields[26] = cameo;
  fields[27] = cameo.slice(0, 3);
  fields[28] = cameo.slice(0, 2);
  fields[29] = String(quad);
  fields[30] = String(goldstein);
  fields[51] = 'KN';
  fields[56] = '20240620';
  fields[57] = `https://example.org/news/${id}`;
  return fields.join('\t');
}

const GOOD_ROWS = [
  gdeltRow(1, '20240619', 'RUS', 'PRK', '042', 1, 1.9),
  gdeltRow(2, '20240619', 'PRK', 'RUS', '043', 1, 2.8),
  gdeltRow(3, '20240620', 'RUS', 'PRK', '057', 1, 8),
  gdeltRow(4, '20240705', 'USA', 'PRK', '112', 3, -2),
];

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('GDELT import of hand-written files', () => {
  it('imports rows, maps codes and builds the rollup', async () => {
    const result = await importFile(coded, 'gdelt', write('good.CSV', `${GOOD_ROWS.join('\n')}\n`));
    expect(result).toMatchObject({ status: 'ok', content: 'events', rows: 4, inserted: 4, badRows: 0 });
    expect(await coded.codedEvent('gdelt', '3')).toEqual({
      dataset: 'gdelt',
      originalId: '3',
      key: codedEventKey('gdelt', '3'),
      day: 20240620,
      sourceActor: 'RUS',
      targetActor: 'PRK',
      sourceActorCode: 'RUS',
      targetActorCode: 'PRK',
      cameo: '057',
      quadClass: 1,
      plover: 'SUPPORT',
      mode: null,
      goldstein: 8,
      sourceUrl: 'https://example.org/news/3',
      sourceName: null,
      actionCountry: 'PRK',
      lat: null,
      lon: null,
    });
    const pair = await coded.codedEvents({ a: 'PRK', b: 'RUS', direction: 'ab' });
    expect(pair.map((e) => e.originalId)).toEqual(['2']);
    expect((await coded.codedEvents({ a: 'PRK', limit: 10 })).map((e) => e.originalId)).toEqual([
      '4',
      '3',
      '2',
      '1',
    ]);
    const analysis = analysePair(
      await coded.pairRollup({ a: 'PRK', b: 'RUS', direction: 'both', origin: 'all' }),
      'month',
    );
    expect(analysis.periods.map((p) => [p.period, p.count])).toEqual([['2024-06', 3]]);
    expect(analysis.total.score).toBeCloseTo((1.9 + 2.8 + 8) / 3, 3);
    expect(analysis.total.byType).toEqual({ CONSULT: 2, SUPPORT: 1 });
    const ab = await coded.pairRollup({ a: 'PRK', b: 'RUS', direction: 'ab', origin: 'coded' });
    expect(ab.reduce((n, r) => n + r.count, 0)).toBe(1);
    const monthly = await coded.pairRollup({
      a: 'PRK',
      b: 'RUS',
      direction: 'both',
      origin: 'all',
      granularity: 'month',
      from: 20240620,
    });
    expect(monthly).toEqual([
      {
        source: 'PRK',
        target: 'RUS',
        day: 20240600,
        type: 'CONSULT',
        origin: 'coded',
        count: 1,
        scoreSum: 2.8,
      },
      {
        source: 'RUS',
        target: 'PRK',
        day: 20240600,
        type: 'CONSULT',
        origin: 'coded',
        count: 1,
        scoreSum: 1.9,
      },
      {
        source: 'RUS',
        target: 'PRK',
        day: 20240600,
        type: 'SUPPORT',
        origin: 'coded',
        count: 1,
        scoreSum: 8,
      },
    ]);
  });

  it('counts an id repeated within a file once, whatever the order of ids', async () => {
    const rows = [GOOD_ROWS[2], GOOD_ROWS[0], GOOD_ROWS[2], GOOD_ROWS[1]] as string[];
    const result = await importFile(coded, 'gdelt', write('repeats.CSV', `${rows.join('\n')}\n`));
    expect(result).toMatchObject({ status: 'ok', rows: 4, inserted: 3, duplicates: 1 });
    const cells = await coded.pairRollup({ a: 'RUS', b: 'PRK', direction: 'both', origin: 'coded' });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('stores the same rows, rollup and bad-row lines whether the file is parsed here, on a worker or split over workers', async () => {
    // Enough rows for several batches, an id repeated, so both the bulk and the row-by-row paths run; a bad row
    // in the second half, whose line number a split parse must count from the start of the file. (The repeat is in
    // the first half: parts are stored as they come, so across parts which row of a repeated id stays is open.)
    const rows: string[] = [];
    for (let i = 0; i < 9000; i++) {
      const source = GOOD_ROWS[i % GOOD_ROWS.length] as string;
      rows.push(source.replace(/^\d+/, String(i === 2999 ? 10 : i + 10)));
    }
    rows.splice(7500, 0, 'a\tb\tc');
    const path = write('many.CSV', `${rows.join('\n')}\n`);
    // Parts are summed in another order, so sums of fractional scores may differ in their last bits.
    const snapshot = async () => [
      await coded.codedEvents({ limit: 10_000 }),
      ...[
        'SELECT source, target, day, type, origin, count, round(score_sum, 6) FROM pair_rollup ORDER BY 1, 2, 3, 4, 5',
        'SELECT source, target, day, type, origin, count, round(score_sum, 6) FROM pair_rollup_month ORDER BY 1, 2, 3, 4, 5',
        'SELECT * FROM pair_totals ORDER BY 1, 2, 3',
      ].map((query) => store.connection.prepare(query).all()),
    ];
    const clear = () =>
      store.connection.exec(
        'DELETE FROM coded_blocks; DELETE FROM pair_rollup; DELETE FROM pair_rollup_month; DELETE FROM pair_totals;',
      );
    const here = await importFile(coded, 'gdelt', path, { thread: 'main' });
    expect(here).toMatchObject({ status: 'ok', rows: 9001, inserted: 8999, duplicates: 1, badRows: 1 });
    expect(here.firstBadRows).toEqual([
      { line: 7501, reason: expect.stringContaining('wrong column count') },
    ]);
    const stored = await snapshot();
    expect(stored[0]).toHaveLength(8999);
    for (const thread of ['worker', 'workers'] as const) {
      clear();
      const other = await importFile(coded, 'gdelt', path, { thread });
      expect({ ...other, seconds: 0 }).toEqual({ ...here, seconds: 0 });
      expect(await snapshot()).toEqual(stored);
    }
  });

  it('stores a file whose ids are scattered over several batches once, and adds nothing on re-import', async () => {
    // Ids 10, 9010, 20, 9020, …: every batch's key range overlaps the others', so each goes row by row.
    const rows: string[] = [];
    for (let i = 0; i < 9000; i++) {
      const source = GOOD_ROWS[i % GOOD_ROWS.length] as string;
      rows.push(source.replace(/^\d+/, String(10 + Math.floor(i / 2) + (i % 2) * 9000)));
    }
    rows.push(rows[4321] as string);
    const path = write('scattered.CSV', `${rows.join('\n')}\n`);
    const first = await importFile(coded, 'gdelt', path, { thread: 'main' });
    expect(first).toMatchObject({ status: 'ok', rows: 9001, inserted: 9000, duplicates: 1 });
    expect(await coded.countEvents('gdelt')).toBe(9000);
    const again = await importFile(coded, 'gdelt', path, { thread: 'main' });
    expect(again).toMatchObject({ status: 'ok', inserted: 0, duplicates: 9001 });
    // The rollup counts each stored row once.
    const cells = await coded.pairRollup({ a: 'RUS', b: 'PRK', direction: 'both', origin: 'coded' });
    const stored = await coded.codedEvents({ a: 'RUS', b: 'PRK', limit: 10_000 });
    expect(stored.length).toBeGreaterThan(1000);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(stored.length);
    expect((await coded.codedEvent('gdelt', '9011'))?.originalId).toBe('9011');
  });

  it('splits a plain GDELT events file at line starts, and leaves other files whole', async () => {
    const rows = GOOD_ROWS.join('\n');
    const path = write('split.CSV', `${rows}\n${rows}\n`);
    const size = statSync(path).size;
    const parts = await splitFile(path, size, 2);
    expect(parts).toHaveLength(2);
    const [first, second] = parts ?? [];
    expect(first?.start).toBe(0);
    expect(first?.end).toBe(second?.start);
    expect(second?.end).toBe(size);
    expect(readFileSync(path).subarray(0, second?.start).at(-1)).toBe(10);
    expect(await splitFile(write('mentions.CSV', `${'x\t'.repeat(15)}x\n`.repeat(4)), 64, 2)).toBeNull();
  });

  it('fails a --strict file on the worker thread and keeps nothing of it', async () => {
    const rows = [...GOOD_ROWS, 'a\tb\tc', ...GOOD_ROWS];
    const result = await importFile(coded, 'gdelt', write('strict.CSV', rows.join('\n')), {
      strict: true,
      thread: 'worker',
    });
    expect(result).toMatchObject({ status: 'failed', inserted: 0 });
    expect(result.reason).toMatch(/line 5: wrong column count: 3/);
    expect(await coded.countEvents()).toBe(0);
  });

  it('re-importing a file changes nothing', async () => {
    const path = write('good.CSV', `${GOOD_ROWS.join('\n')}\n`);
    await importFile(coded, 'gdelt', path);
    const before = store.connection.prepare('SELECT * FROM pair_rollup ORDER BY 1, 2, 3, 4').all();
    const again = await importFile(coded, 'gdelt', path);
    expect(again).toMatchObject({ status: 'ok', inserted: 0, duplicates: 4 });
    expect(await coded.countEvents('gdelt')).toBe(4);
    expect(store.connection.prepare('SELECT * FROM pair_rollup ORDER BY 1, 2, 3, 4').all()).toEqual(before);
  });

  it('counts bad rows with line numbers and keeps going; --strict fails the whole file', async () => {
    const lines = [
      GOOD_ROWS[0],
      'only\tthree\tfields',
      gdeltRow(5, '20241340', 'RUS', 'PRK', '042', 1, 1.9),
      gdeltRow(6, '20240619', 'RUS', 'PRK', '999', 1, 1.9),
      GOOD_ROWS[1],
    ];
    const path = write('mixed.CSV', `${lines.join('\n')}\n`);
    const strict = await importFile(coded, 'gdelt', path, { strict: true });
    expect(strict.status).toBe('failed');
    expect(strict.reason).toMatch(/line 2: wrong column count: 3/);
    expect(await coded.countEvents()).toBe(0);

    const lenient = await importFile(coded, 'gdelt', path);
    expect(lenient).toMatchObject({ status: 'ok', rows: 5, inserted: 2, badRows: 3 });
    expect(lenient.firstBadRows.map((b) => b.line)).toEqual([2, 3, 4]);
    expect(lenient.firstBadRows[1]?.reason).toMatch(/bad date '20241340'/);
    expect(lenient.firstBadRows[2]?.reason).toMatch(/unknown CAMEO code '999'/);
  });

  it('keeps only the first 20 bad rows but counts them all', async () => {
    const lines = [
      GOOD_ROWS[0],
      ...Array.from({ length: 25 }, (_, i) => gdeltRow(100 + i, 'bad', 'A', 'B', '042', 1, 0)),
    ];
    const result = await importFile(coded, 'gdelt', write('many-bad.CSV', lines.join('\n')));
    expect(result.badRows).toBe(25);
    expect(result.firstBadRows).toHaveLength(20);
    expect(result.firstBadRows[19]?.line).toBe(21);
  });

  it('reads a zipped file by streaming its entry', async () => {
    const zip = zipSync({ '20240620.export.CSV': new TextEncoder().encode(`${GOOD_ROWS.join('\n')}\n`) });
    const result = await importFile(coded, 'gdelt', write('events.zip', zip));
    expect(result).toMatchObject({ status: 'ok', inserted: 4 });
  });

  it('fails a truncated zip and imports nothing of it', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      gdeltRow(1000 + i, '20240619', 'RUS', 'PRK', '042', 1, 1.9),
    );
    const zip = zipSync({ 'big.CSV': new TextEncoder().encode(rows.join('\n')) }, { level: 1 });
    const result = await importFile(
      coded,
      'gdelt',
      write('truncated.zip', zip.slice(0, Math.floor(zip.length / 2))),
    );
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/zip/);
    expect(await coded.countEvents()).toBe(0);
    expect(store.connection.prepare('SELECT count(*) AS n FROM pair_rollup').get()).toEqual({ n: 0 });
  });

  it('fails a file of another format with a clear message', async () => {
    const csv = await importFile(coded, 'gdelt', write('other.csv', 'a,b,c\n1,2,3\n'));
    expect(csv.status).toBe('failed');
    expect(csv.reason).toMatch(/not a GDELT file: line 1 has 1 tab-separated fields/);
    const binary = await importFile(
      coded,
      'gdelt',
      write('image.png', new Uint8Array([137, 80, 78, 71, 0, 0, 0, 13])),
    );
    expect(binary).toMatchObject({ status: 'failed', reason: 'binary data, not a text file' });
    const icews = await importFile(coded, 'icews', write('not-icews.csv', 'x,y\n1,2\n'));
    expect(icews.reason).toMatch(/not an ICEWS file: header lacks event_id/);
  });
});

describe.skipIf(!hasShared)('import of the real samples in ../shared/data', () => {
  it('GDELT 1.0 events: 57- and 58-column rows', async () => {
    const result = await importFile(coded, 'gdelt', join(SHARED, 'gdelt/events.csv'));
    expect(result).toMatchObject({ status: 'ok', rows: 710, inserted: 710, badRows: 0 });
    // A 57-column backfile row (1982): no SOURCEURL, ActionGeo FIPS CA → CAN.
    expect(await coded.codedEvent('gdelt', '1552839')).toMatchObject({
      day: 19820102,
      sourceActor: 'CAN',
      targetActor: 'POL',
      cameo: '1312',
      quadClass: 3,
      plover: 'THREATEN',
      goldstein: -5.8,
      actionCountry: 'CAN',
      sourceUrl: null,
    });
  });

  it('GDELT 2.0 events (61 columns) and Mentions (CSV with header, duplicates within the file)', async () => {
    const events = await importFile(coded, 'gdelt', join(SHARED, 'gdelt/20250801140000.export.CSV.excerpt'));
    expect(events).toMatchObject({ status: 'ok', rows: 15, inserted: 15, badRows: 0 });
    const irish = await coded.codedEvent('gdelt', '1255244971');
    expect(irish).toMatchObject({ actionCountry: 'IRL', lat: 51.6231, lon: -8.87056 });
    const mentions = await importFile(coded, 'gdelt', join(SHARED, 'gdelt/mentionssamp.csv'));
    expect(mentions).toMatchObject({ status: 'ok', content: 'mentions', rows: 1635, badRows: 0 });
    expect(mentions.inserted + mentions.duplicates).toBe(1635);
    expect(await coded.countMentions()).toBe(mentions.inserted);
  });

  it('ICEWS sample: country names mapped to ISO alpha-3, the PRK–USA talks visible as a pair', async () => {
    const result = await importFile(coded, 'icews', join(SHARED, 'icews/icews_sample.csv'));
    expect(result).toMatchObject({ status: 'ok', rows: 4993, inserted: 4993, badRows: 0 });
    const analysis = analysePair(
      await coded.pairRollup({ a: 'PRK', b: 'USA', direction: 'both', origin: 'coded' }),
      'day',
    );
    expect(analysis.periods.map((p) => p.period)).toEqual(['2018-06-01', '2018-06-02', '2018-06-03']);
    expect(analysis.total.byType.CONSULT).toBeGreaterThan(100);
    expect(analysis.total.cooperationShare).toBeGreaterThan(0.9);
  });

  it('ACLED sample: state forces mapped to their country; duplicated ids counted once', async () => {
    const result = await importFile(coded, 'acled', join(SHARED, 'acled/acled_old_deletion_dummy.csv'));
    expect(result).toMatchObject({ status: 'ok', rows: 9000, badRows: 0 });
    const analysis = analysePair(
      await coded.pairRollup({ a: 'RUS', b: 'UKR', direction: 'ab', origin: 'coded' }),
      'month',
    );
    expect(analysis.total.count).toBeGreaterThan(50);
    expect(analysis.total.byType.ASSAULT).toBeGreaterThan(analysis.total.count / 2);
    expect(await coded.countEvents('acled')).toBe(result.inserted);
    expect(await coded.countEvents('gdelt')).toBe(0);
    const uga = await coded.codedEvent('acled', 'UGA7752');
    expect(uga).toMatchObject({ originalId: 'UGA7752', sourceActorCode: 'Rioters (Uganda)' });
    const codebook = await importFile(coded, 'acled', join(SHARED, 'acled/acled_codebook.csv'));
    expect(codebook.status).toBe('failed');
  });
});

function event(
  docId: string,
  n: number,
  type: string,
  source: string,
  target: string,
  date: string | null,
): DyadEvent {
  return {
    kind: 'event',
    id: `event:${docId}:${n}`,
    docId,
    evidence: [{ docId, start: n * 10, end: n * 10 + 5 }],
    extractor: { name: 'test-events', version: '1' },
    type,
    mode: null,
    source,
    target,
    sourceActor: null,
    targetActor: null,
    date,
    location: null,
    factuality: 'asserted',
    claimedBy: null,
    origin: 'extracted',
  };
}

describe('extracted events in the rollup', () => {
  const document: DyadDocument = {
    kind: 'document',
    id: 'abcdef0123456789',
    title: 'Summit',
    source: null,
    publisher: null,
    published: '2024-06-20',
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text: 'x'.repeat(200),
  };

  it('counts a document’s events with coded ones, and replaces them on re-ingest', async () => {
    await importFile(coded, 'gdelt', write('good.CSV', `${GOOD_ROWS.join('\n')}\n`));
    const findings: Finding[] = [
      event(document.id, 1, 'CONSULT', 'RUS', 'PRK', '2024-06-19'),
      event(document.id, 2, 'AGREE', 'PRK', 'RUS', '2024-06'),
      event(document.id, 3, 'ASSAULT', 'RUS', 'UKR', null),
    ];
    await store.writeDocument(document, findings, 'p1');
    const all = analysePair(
      await coded.pairRollup({ a: 'RUS', b: 'PRK', direction: 'both', origin: 'all' }),
      'month',
    );
    expect(all.total.byOrigin).toEqual({ coded: 3, extracted: 2 });
    expect(all.total.byType).toEqual({ CONSULT: 3, SUPPORT: 1, AGREE: 1 });
    const extracted = analysePair(
      await coded.pairRollup({ a: 'RUS', b: 'PRK', direction: 'both', origin: 'extracted' }),
      'day',
    );
    expect(extracted.periods.map((p) => p.period)).toEqual(['2024-06', '2024-06-19']);
    // The undated event falls on the report's date.
    const ukr = await coded.pairRollup({ a: 'RUS', b: 'UKR', direction: 'ab', origin: 'extracted' });
    expect(ukr).toMatchObject([{ day: 20240620, type: 'ASSAULT', count: 1, scoreSum: -9.59 }]);

    await store.writeDocument(
      document,
      [event(document.id, 1, 'CONSULT', 'RUS', 'PRK', '2024-06-19')],
      'p2',
      {
        replace: true,
      },
    );
    const after = analysePair(
      await coded.pairRollup({ a: 'RUS', b: 'PRK', direction: 'both', origin: 'extracted' }),
      'month',
    );
    expect(after.total.byType).toEqual({ CONSULT: 1 });
    const afterMonthly = await coded.pairRollup({
      a: 'RUS',
      b: 'PRK',
      direction: 'both',
      origin: 'extracted',
      granularity: 'month',
    });
    expect(afterMonthly).toMatchObject([{ day: 20240600, type: 'CONSULT', count: 1 }]);
    expect(await coded.pairRollup({ a: 'RUS', b: 'UKR', direction: 'both', origin: 'extracted' })).toEqual(
      [],
    );
    const top = await coded.topPairs({ origin: 'extracted' });
    expect(top).toEqual([{ a: 'PRK', b: 'RUS', count: 1, coded: 0, extracted: 1 }]);
  });
});

describe('codedEventKey', () => {
  it('gives each dataset its own band and reads ACLED-style ids', () => {
    expect(codedEventKey('gdelt', '42')).toBe(2 ** 48 + 42);
    expect(codedEventKey('icews', '42')).toBe(2 * 2 ** 48 + 42);
    expect(codedEventKey('acled', 'UGA7752')).not.toBe(codedEventKey('acled', 'UGB7752'));
    expect(codedEventKey('acled', 'A1')).not.toBe(codedEventKey('acled', 'AA1'));
    expect(codedEventKey('acled', 'not-an-id')).toBeNull();
    expect(codedEventKey('gdelt', '99999999999999999')).toBeNull();
  });
});

describe('HTTP API', () => {
  it('/api/pair answers in the envelope; /api/pairs lists the busiest pairs; bad parameters are 400', async () => {
    await importFile(coded, 'gdelt', write('good.CSV', `${GOOD_ROWS.join('\n')}\n`));
    const app = createApp(store);
    const pair = await app.request('/api/pair?a=rus&b=PRK&by=day&direction=ab');
    expect(pair.status).toBe(200);
    const body = (await pair.json()) as {
      ok: boolean;
      data: { periods: { period: string; count: number }[] };
    };
    expect(body.ok).toBe(true);
    expect(body.data.periods.map((p) => [p.period, p.count])).toEqual([
      ['2024-06-19', 1],
      ['2024-06-20', 1],
    ]);
    const pairs = (await (await app.request('/api/pairs?limit=5')).json()) as { data: unknown[] };
    expect(pairs.data).toEqual([
      { a: 'PRK', b: 'RUS', count: 3, coded: 3, extracted: 0 },
      { a: 'PRK', b: 'USA', count: 1, coded: 1, extracted: 0 },
    ]);
    const bad = await app.request('/api/pair?a=PRK&b=RUS&by=week');
    expect(bad.status).toBe(400);
  });
});

describe('CLI', () => {
  function capture() {
    let text = '';
    return {
      stream: {
        write: (chunk: string) => {
          text += chunk;
          return true;
        },
        isTTY: false,
      } as unknown as NodeJS.WritableStream,
      text: () => text,
    };
  }

  it('dyad import … --json and dyad pair … --json; non-zero exit when a file fails', async () => {
    const db = join(dir, 'cli.db');
    const good = write('good.CSV', `${GOOD_ROWS.join('\n')}\n`);
    const bad = write('bad.txt', 'hello\n');
    const out = capture();
    const code = await main(['--db', db, 'import', 'gdelt', good, bad, '--json'], {
      stdout: out.stream,
      stderr: capture().stream,
    });
    expect(code).toBe(1);
    const results = JSON.parse(out.text()) as { status: string }[];
    expect(results.map((r) => r.status)).toEqual(['ok', 'failed']);

    const pairOut = capture();
    const pairCode = await main(['--db', db, 'pair', 'prk', 'rus', '--by', 'month', '--json'], {
      stdout: pairOut.stream,
      stderr: capture().stream,
    });
    expect(pairCode).toBe(0);
    const answer = JSON.parse(pairOut.text()) as { periods: { period: string; count: number }[] };
    expect(answer.periods).toEqual([expect.objectContaining({ period: '2024-06', count: 3 })]);
    expect(readFileSync(db).length).toBeGreaterThan(0);
  });
});

describe('the coded_events migrations', () => {
  it('move rows stored before them into the JSON detail, without the null fields, and then into blocks', async () => {
    const path = join(dir, 'old.db');
    const connection = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: connection }) });
    const migrator = new Migrator({ db, provider: sqliteMigrations });
    expect((await migrator.migrateTo('20261128T1100_source_grades')).error).toBeUndefined();
    const key = codedEventKey('acled', 'UGA7752');
    connection
      .prepare(
        `INSERT INTO coded_events (key, original_id, day, source_actor, target_actor, source_code, target_code,
          cameo, quad, plover, mode, goldstein, source_url, source_name, action_country, lat, lon)
         VALUES (?, 'UGA7752', 20240105, 'UGA', NULL, 'Rioters (Uganda)', NULL, NULL, 4, 'RIOT', NULL, NULL,
          NULL, 'Daily Monitor', 'UGA', 0.35, 32.58)`,
      )
      .run(key);
    await db.destroy();
    const migrated = await openSqliteStore(path);
    expect(await new SqliteCodedEventStore(migrated.connection).codedEvent('acled', 'UGA7752')).toEqual({
      dataset: 'acled',
      originalId: 'UGA7752',
      key,
      day: 20240105,
      sourceActor: 'UGA',
      targetActor: null,
      sourceActorCode: 'Rioters (Uganda)',
      targetActorCode: null,
      cameo: null,
      quadClass: 4,
      plover: 'RIOT',
      mode: null,
      goldstein: null,
      sourceUrl: null,
      sourceName: 'Daily Monitor',
      actionCountry: 'UGA',
      lat: 0.35,
      lon: 32.58,
    });
    const tables = migrated.connection
      .prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'coded_%'")
      .pluck();
    expect(tables.all()).not.toContain('coded_events');
    expect(await new SqliteCodedEventStore(migrated.connection).countEvents('acled')).toBe(1);
    await migrated.close();
  });
});
