/**
 * Ingest benchmark: documents/s and MB/s of `ingestPaths` without extraction (`dyad ingest --no-extract`: read,
 * normalise, hash, store, index for search) into a SQLite file, against a bare better-sqlite3 peer inserting the
 * same texts (one prepared insert, one transaction per document). The target: ingest at >= half the peer's rate.
 * Corpus: the raw TEXT of the TempEval-3 TimeBank and AQUAINT training documents, written as .txt files.
 *
 *   npm run bench:ingest -- [--copies N] [--runs N]   (builds first, then measures the built modules)
 *   node --expose-gc --import tsx bench/ingest.ts      (the same without the build)
 *
 * Rows: ingest without extraction (files on disk -> readers -> store), ingest with the sentence stage (for
 * scale), the peer (texts in memory, one plain insert each), the peer in one transaction for all (for scale),
 * and the rows ingest writes inserted bare in the same group commits (the storage floor, see timeSameRows).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type * as Text from '../src/ingest/readers/text.js';
import type * as Ingest from '../src/orchestrate/ingest.js';
import type * as Pipelines from '../src/pipeline/default.js';
import type { Pipeline } from '../src/pipeline/pipeline.js';
import type * as SqliteStore from '../src/store/sqlite/sqlite-store.js';

// The built modules (`npm run bench:ingest` builds first): what `dyad ingest` runs. tsx's compiled sources run
// about a third slower (it wraps every function it names), which no user pays.
const built = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { readPlainText } = (await built('ingest/readers/text.js')) as typeof Text;
const { documentId, ingestPaths } = (await built('orchestrate/ingest.js')) as typeof Ingest;
const { noExtractionPipeline, sentencesOnlyPipeline } = (await built(
  'pipeline/default.js',
)) as typeof Pipelines;
const { openSqliteStore } = (await built('store/sqlite/sqlite-store.js')) as typeof SqliteStore;

const TRAIN = fileURLToPath(new URL('../../shared/data/tempeval3/train', import.meta.url));

const { values } = parseArgs({
  options: { copies: { type: 'string', default: '4' }, runs: { type: 'string', default: '5' } },
});
const COPIES = Math.max(1, Number(values.copies));
const RUNS = Math.max(1, Number(values.runs));

/** The text between <TEXT> and </TEXT>, tags removed and entities decoded: what a reader of the article sees. */
function timemlText(tml: string): string {
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(tml)?.[1] ?? '';
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function buildCorpus(folder: string): string[] {
  const texts: string[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    for (const name of readdirSync(join(TRAIN, sub)).sort()) {
      if (!name.endsWith('.tml')) continue;
      const text = timemlText(readFileSync(join(TRAIN, sub, name), 'utf8'));
      if (text) texts.push(text);
    }
  }
  // Copies make the corpus large enough to time; a distinct last line keeps every document's id distinct.
  const corpus: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    texts.forEach((text, index) => {
      const content = `${text}\n\n(Copy ${copy + 1} of document ${index + 1}.)\n`;
      writeFileSync(join(folder, `doc-${copy}-${String(index).padStart(4, '0')}.txt`), content);
      corpus.push(content);
    });
  }
  return corpus;
}

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Starts a clock for wall and CPU time (this process's user + system); call the result to stop it. */
function clock(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

async function timeIngest(folder: string, dbPath: string, pipeline: Pipeline): Promise<Timing> {
  const store = await openSqliteStore(dbPath);
  const stop = clock();
  const results = await ingestPaths(store, [folder], { pipeline });
  const elapsed = stop();
  await store.close();
  const failed = results.filter((r) => r.status !== 'inserted');
  if (failed.length > 0)
    throw new Error(`${failed.length} documents were not inserted: ${failed[0]?.reason}`);
  return elapsed;
}

function timePeer(texts: readonly string[], dbPath: string, oneTransaction: boolean): Timing {
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO documents (text) VALUES (?)');
  const insertOne = db.transaction((text: string) => insert.run(text));
  const insertAll = db.transaction((all: readonly string[]) => {
    for (const text of all) insert.run(text);
  });
  const stop = clock();
  if (oneTransaction) insertAll(texts);
  else for (const text of texts) insertOne(text);
  const elapsed = stop();
  db.close();
  return elapsed;
}

/**
 * The storage floor: the rows ingest writes without extraction (document row, search row) inserted with bare
 * prepared statements into the store's own schema, in the same groups of 256 per commit, documents read and
 * normalised beforehand. The gap between this and ingest is Dyad's own overhead; the gap between this and the
 * peer is what the schema (the full-text index above all) costs.
 */
async function timeSameRows(texts: readonly string[], dbPath: string): Promise<Timing> {
  const store = await openSqliteStore(dbPath);
  const documents = texts.map((raw) => {
    const text = readPlainText(raw).text;
    return { id: documentId(text), text, retrieved: new Date().toISOString() };
  });
  const db = store.connection;
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, source, publisher, published, retrieved, format, language, text, chars, pipeline, ingested_at)
     VALUES (?, NULL, NULL, NULL, NULL, ?, 'text', 'en', ?, ?, '', ?)`,
  );
  // As ingest indexes them: each group's new rows in one statement (document-writes.ts).
  const lastRowid = db.prepare('SELECT max(rowid) FROM documents').pluck();
  const indexInserted = db.prepare(
    'INSERT INTO document_search (doc_id, text) SELECT id, text FROM documents WHERE rowid > ? ORDER BY rowid',
  );
  const writeGroup = db.transaction((group: typeof documents) => {
    const before = (lastRowid.get() as number | null) ?? 0;
    for (const document of group) {
      insertDocument.run(
        document.id,
        document.retrieved,
        document.text,
        document.text.length,
        document.retrieved,
      );
    }
    indexInserted.run(before);
  });
  const stop = clock();
  for (let i = 0; i < documents.length; i += 256) writeGroup(documents.slice(i, i + 256));
  const elapsed = stop();
  await store.close();
  return elapsed;
}

const rate = (amount: number, ms: number, digits: number) => (amount / (ms / 1000)).toFixed(digits);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function benchmark(): Promise<void> {
  if (!existsSync(TRAIN)) {
    process.stderr.write(`skipped: ${TRAIN} not found (the shared TempEval-3 data is needed)\n`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'dyad-bench-ingest-'));
  try {
    const folder = join(work, 'corpus');
    mkdirSync(folder);
    const texts = buildCorpus(folder);
    const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
    const timings: { name: string; runs: Timing[] }[] = [
      { name: 'dyad ingest, no extraction', runs: [] },
      { name: 'better-sqlite3 insert (peer)', runs: [] },
      { name: 'dyad ingest, sentence stage', runs: [] },
      { name: 'peer, one transaction', runs: [] },
      { name: 'better-sqlite3, same rows', runs: [] },
    ];
    const loads: number[] = [];
    // Each run's database is deleted before the next run starts, so the kernel's write-back of one run's files
    // does not slow the next.
    let previous: string | null = null;
    const database = (name: string) => {
      if (previous)
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${previous}${suffix}`, { force: true });
      // And each run starts from a collected heap (with --expose-gc), as a fresh `dyad ingest` does.
      (globalThis as { gc?: () => void }).gc?.();
      previous = join(work, `${name}.db`);
      return previous;
    };
    // One untimed round first: every row then runs with its code compiled, as in a long ingest.
    for (let run = -1; run < RUNS; run++) {
      if (run === 0) for (const timing of timings) timing.runs.length = 0;
      timings[0]?.runs.push(await timeIngest(folder, database('ingest'), noExtractionPipeline));
      timings[1]?.runs.push(timePeer(texts, database('peer'), false));
      timings[2]?.runs.push(await timeIngest(folder, database('sentences'), sentencesOnlyPipeline));
      timings[3]?.runs.push(timePeer(texts, database('peer-all'), true));
      timings[4]?.runs.push(await timeSameRows(texts, database('floor')));
      if (run >= 0) loads.push(loadavg()[0] ?? 0);
    }
    const rows = timings.map(({ name, runs }) => ({
      name,
      wall: median(runs.map((r) => r.wallMs)),
      cpu: median(runs.map((r) => r.cpuMs)),
    }));
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `corpus: ${texts.length} documents, ${megabytes.toFixed(2)} MB (TempEval-3 TimeBank+AQUAINT x${COPIES}); median of ${RUNS} runs`,
    );
    out(`load average while measuring: ${median(loads).toFixed(1)} on ${cpus().length} cores\n`);
    out(
      `${'run'.padEnd(30)}${'wall ms'.padStart(9)}${'docs/s'.padStart(9)}${'MB/s'.padStart(8)}${'cpu ms'.padStart(9)}${'docs/cpu-s'.padStart(12)}${'MB/cpu-s'.padStart(10)}`,
    );
    for (const row of rows) {
      out(
        `${row.name.padEnd(30)}${row.wall.toFixed(0).padStart(9)}${rate(texts.length, row.wall, 0).padStart(9)}${rate(megabytes, row.wall, 2).padStart(8)}` +
          `${row.cpu.toFixed(0).padStart(9)}${rate(texts.length, row.cpu, 0).padStart(12)}${rate(megabytes, row.cpu, 2).padStart(10)}`,
      );
    }
    const [ingest, peer, , , floor] = rows;
    if (!ingest || !peer || !floor) return;
    const wallRatio = peer.wall / ingest.wall;
    const cpuRatio = peer.cpu / ingest.cpu;
    // The target is a rate, documents per second: wall time. CPU time counts every thread of the process.
    out(
      `\ningest rate / peer rate: wall ${wallRatio.toFixed(2)} (target >= 0.50: ${wallRatio >= 0.5 ? 'met' : 'NOT met'}), cpu ${cpuRatio.toFixed(2)}`,
    );
    out(
      `ingest rate / same-rows rate: wall ${(floor.wall / ingest.wall).toFixed(2)}, cpu ${(floor.cpu / ingest.cpu).toFixed(2)} (how much of the gap is Dyad's rather than the schema's)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await benchmark();
