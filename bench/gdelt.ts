/**
 * GDELT import and pair-query benchmark: Dyad's SQLite import against DuckDB's read_csv, and the
 * dyad-by-month answer against the same aggregation in DuckDB.
 *   npm run build && npx tsx bench/gdelt.ts [--rows 1000000,10000000] [--keep]   (or npm run bench:gdelt)
 * Input files are SYNTHETIC: real GDELT 1.0 rows from ../shared/data/gdelt resampled with new ids and
 * shifted dates. They are written to a temp dir and deleted afterwards.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import BetterSqlite3 from 'better-sqlite3';
import type * as Pair from '../src/analysis/pair.js';
import type * as Import from '../src/importers/import.js';
import type * as Parse from '../src/importers/parse.js';
import type * as CodedStore from '../src/store/sqlite/coded-store.js';
import type * as SqliteStore from '../src/store/sqlite/sqlite-store.js';

// The built modules (`npm run bench:gdelt` builds first): what `dyad import` runs. From the sources, the import's
// worker thread would also load tsx to compile them, which costs memory and time no user pays.
const built = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { analysePair } = (await built('analysis/pair.js')) as typeof Pair;
const { importFile } = (await built('importers/import.js')) as typeof Import;
const { parseCodedFile } = (await built('importers/parse.js')) as typeof Parse;
const { SqliteCodedEventStore } = (await built('store/sqlite/coded-store.js')) as typeof CodedStore;
const { openSqliteStore } = (await built('store/sqlite/sqlite-store.js')) as typeof SqliteStore;

const SHARED = fileURLToPath(new URL('../../shared/data/gdelt', import.meta.url));

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const sizes = (argument('rows') ?? '1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const keep = process.argv.includes('--keep');

// Deterministic pseudo-random numbers (mulberry32), so runs are comparable.
let seed = 20261128;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function realRows(): string[][] {
  // The 58-column daily-format rows (GDELT 1.0 with SOURCEURL): one layout, so DuckDB reads the same file.
  const text = readFileSync(join(SHARED, 'events.csv'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'))
    .filter((f) => f.length === 58);
}

const DAY_MS = 86_400_000;
const BASE_DAY = Date.UTC(2015, 0, 1);
const SPAN_DAYS = 10 * 365;

async function writeFile(path: string, rows: number, source: string[][]): Promise<void> {
  const out = createWriteStream(path);
  let buffer: string[] = [];
  for (let i = 0; i < rows; i++) {
    const fields = [...(source[Math.floor(random() * source.length)] as string[])];
    const date = new Date(BASE_DAY + Math.floor(random() * SPAN_DAYS) * DAY_MS);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const sqlDate = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    fields[0] = String(100_000_000 + i);
    fields[1] = sqlDate;
    fields[2] = sqlDate.slice(0, 6);
    fields[3] = String(y);
    fields[4] = (y + (m - 1) / 12 + (d - 1) / 365).toFixed(4);
    fields[56] = sqlDate;
    buffer.push(fields.join('\t'));
    if (buffer.length === 10_000) {
      if (!out.write(`${buffer.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = [];
    }
  }
  if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** CPU seconds (user + system, all threads) since `start`: a fairer clock than wall time on a shared machine. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Result {
  rows: number;
  fileMb: number;
  sqliteSeconds: number;
  sqliteRowsPerSecond: number;
  sqliteCpu: number;
  duckCpu: number;
  peakRssMb: number;
  /** The process's RSS just before the import: the bench's own memory (tsx, DuckDB's library, the writer). */
  startRssMb: number;
  duckSeconds: number;
  duckRowsPerSecond: number;
  floorRowsPerSecond: number;
  parseRowsPerSecond: number;
  pair: string;
  sqliteQueryMs: number;
  sqliteQueryCpuMs: number;
  duckQueryCpuMs: number;
  duckQueryMs: number;
  periods: number;
}

/**
 * What SQLite alone takes to write the imported events: the same table of blocks filled by one INSERT … SELECT
 * from the imported file (no parsing, no JavaScript, no rollup), with the store's journal and sync settings, and
 * its commit. The import cannot store its blocks faster than this on this machine.
 */
function sqliteAloneSeconds(importedPath: string, floorPath: string): number {
  const db = new BetterSqlite3(floorPath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.prepare('ATTACH DATABASE ? AS imported').run(importedPath);
    const ddl = db
      .prepare("SELECT sql FROM imported.sqlite_schema WHERE name = 'coded_blocks'")
      .pluck()
      .get() as string;
    db.exec(ddl);
    // Read once untimed, so the timed copy finds the source in the page cache as the import found its file.
    db.prepare('SELECT count(*), sum(length(data)) FROM imported.coded_blocks').get();
    const started = performance.now();
    db.exec('BEGIN; INSERT INTO main.coded_blocks SELECT * FROM imported.coded_blocks; COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${floorPath}${suffix}`, { force: true });
  }
}

/**
 * What the parser alone takes for the file on one thread: every row parsed into the batches the store receives,
 * and nothing stored. The import parses in parts, one worker thread per core, while the main thread writes on one
 * of those cores.
 */
async function parseAloneSeconds(file: string): Promise<number> {
  let parsed = 0;
  const started = performance.now();
  await parseCodedFile(file, 'gdelt', false, {
    content: () => {},
    events: (batch) => {
      parsed += batch.size;
    },
    mentions: () => {},
    progress: () => {},
  });
  const seconds = (performance.now() - started) / 1000;
  if (parsed === 0) throw new Error('the parser found no rows');
  return seconds;
}

async function run(rows: number, dir: string, source: string[][]): Promise<Result> {
  const file = join(dir, `gdelt-${rows}.CSV`);
  console.log(
    `\n${rows.toLocaleString('en')} rows: writing synthetic GDELT 1.0 file (real rows resampled, ids and dates shifted)…`,
  );
  await writeFile(file, rows, source);
  const fileMb = statSync(file).size / 1e6;

  const dbPath = join(dir, `dyad-${rows}.db`);
  const store = await openSqliteStore(dbPath);
  const coded = new SqliteCodedEventStore(store.connection);
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  console.log('  importing into SQLite…');
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await importFile(coded, 'gdelt', file);
  const sqliteSeconds = (performance.now() - started) / 1000;
  const sqliteCpu = cpuSeconds(cpuStarted);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (result.status !== 'ok') throw new Error(`import failed: ${result.reason}`);

  const floorRowsPerSecond = rows / sqliteAloneSeconds(dbPath, join(dir, `floor-${rows}.db`));
  const parseRowsPerSecond = rows / (await parseAloneSeconds(file));

  console.log('  loading the same file into DuckDB…');
  const duck = await DuckDBInstance.create(join(dir, `duck-${rows}.duckdb`));
  const connection = await duck.connect();
  await connection.run('SET threads = 2');
  const duckStarted = performance.now();
  const duckCpuStarted = process.cpuUsage();
  await connection.run(
    `CREATE TABLE ev AS SELECT * FROM read_csv('${file}', delim='\t', header=false, quote='', escape='', auto_detect=true, sample_size=20000)`,
  );
  const duckSeconds = (performance.now() - duckStarted) / 1000;
  const duckCpu = cpuSeconds(duckCpuStarted);

  const [top] = await coded.topPairs({ limit: 1 });
  if (!top) throw new Error('no pairs');
  const query = { a: top.a, b: top.b, direction: 'both', origin: 'all', granularity: 'month' } as const;
  const sqliteTimes: number[] = [];
  let periods = 0;
  const queryCpuStarted = process.cpuUsage();
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const analysis = analysePair(await coded.pairRollup(query), 'month');
    sqliteTimes.push(performance.now() - t);
    periods = analysis.periods.length;
  }
  const sqliteQueryCpuMs = (cpuSeconds(queryCpuStarted) * 1000) / 7;
  // The same answer from raw rows in DuckDB: month × CAMEO root, count and Goldstein sum.
  const duckSql = `SELECT column01 // 100 AS month, column28 AS root, count(*) AS n, sum(column30) AS score
    FROM ev WHERE (column07 = '${top.a}' AND column17 = '${top.b}') OR (column07 = '${top.b}' AND column17 = '${top.a}')
    GROUP BY ALL ORDER BY month`;
  const duckTimes: number[] = [];
  let duckTotal = 0;
  const duckQueryCpuStarted = process.cpuUsage();
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const duckRows = (await connection.runAndReadAll(duckSql)).getRows();
    duckTimes.push(performance.now() - t);
    duckTotal = duckRows.reduce((n, r) => n + Number(r[2]), 0);
  }
  const duckQueryCpuMs = (cpuSeconds(duckQueryCpuStarted) * 1000) / 7;
  // Both engines must give the same number of events for the pair, or the timing compares nothing.
  if (duckTotal !== top.count)
    throw new Error(`DuckDB counts ${duckTotal} events for the pair, Dyad ${top.count}`);
  connection.closeSync();
  duck.closeSync();
  await store.close();
  if (!keep)
    for (const f of [file, dbPath, `${dbPath}-wal`, `${dbPath}-shm`, join(dir, `duck-${rows}.duckdb`)])
      rmSync(f, { force: true });
  return {
    rows,
    fileMb,
    sqliteSeconds,
    sqliteRowsPerSecond: rows / sqliteSeconds,
    sqliteCpu,
    duckCpu,
    peakRssMb: peakRss / 1e6,
    startRssMb: startRss / 1e6,
    duckSeconds,
    duckRowsPerSecond: rows / duckSeconds,
    floorRowsPerSecond,
    parseRowsPerSecond,
    pair: `${top.a}↔${top.b} (${top.count.toLocaleString('en')} events)`,
    sqliteQueryMs: median(sqliteTimes),
    sqliteQueryCpuMs,
    duckQueryCpuMs,
    duckQueryMs: median(duckTimes),
    periods,
  };
}

async function main(): Promise<void> {
  if (!existsSync(SHARED)) {
    console.log(`skipped: ${SHARED} is absent (the bench resamples its real GDELT rows)`);
    return;
  }
  const source = realRows();
  console.log(
    `GDELT bench — SYNTHETIC input: ${source.length} real GDELT 1.0 rows resampled with new ids and random dates 2015–2024`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gdelt-bench-'));
  const results: Result[] = [];
  try {
    for (const rows of sizes) {
      const result = await run(rows, dir, source);
      results.push(result);
      console.log(`  ${JSON.stringify(result)}`);
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const load = (cpus: number) => `${(cpus).toFixed(2)}`;
  console.log(
    `\nmachine load average while measuring: ${load(os.loadavg()[0] ?? 0)} on ${os.cpus().length} cores (wall-clock rates suffer when other work shares the cores; CPU-time rates do less)`,
  );
  console.log(
    '\n| rows | file MB | Dyad import s (wall) | rows/s wall | rows/s per CPU-s | peak RSS MB (before import) | DuckDB load s (wall) | DuckDB rows/s wall | DuckDB rows/s per CPU-s | Dyad/DuckDB wall | SQLite alone rows/s | parse alone rows/s | pair by month | Dyad query ms (CPU ms) | DuckDB query ms (CPU ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const n = (x: number) => Math.round(x).toLocaleString('en');
  for (const r of results) {
    console.log(
      `| ${n(r.rows)} | ${r.fileMb.toFixed(0)} | ${r.sqliteSeconds.toFixed(1)} | ${n(r.sqliteRowsPerSecond)} | ${n(r.rows / r.sqliteCpu)} | ${r.peakRssMb.toFixed(0)} (${r.startRssMb.toFixed(0)}) | ${r.duckSeconds.toFixed(1)} | ${n(r.duckRowsPerSecond)} | ${n(r.rows / r.duckCpu)} | ${(r.sqliteRowsPerSecond / r.duckRowsPerSecond).toFixed(2)} | ${n(r.floorRowsPerSecond)} | ${n(r.parseRowsPerSecond)} | ${r.pair}, ${r.periods} months | ${r.sqliteQueryMs.toFixed(2)} (${r.sqliteQueryCpuMs.toFixed(2)}) | ${r.duckQueryMs.toFixed(2)} (${r.duckQueryCpuMs.toFixed(2)}) |`,
    );
  }
}

await main();
