/**
 * Ingest benchmark: documents/s and MB/s of `ingestPaths` with the sentences-only pipeline into a SQLite file,
 * against a bare better-sqlite3 peer inserting the same texts (one prepared insert, one transaction per document).
 * Corpus: the raw TEXT of the TempEval-3 TimeBank and AQUAINT training documents, written as .txt files.
 *
 *   npx tsx bench/ingest.ts [--copies N] [--runs N]
 *
 * Rows: ingest (files on disk -> readers -> sentence split -> store), the peer (texts in memory, one plain
 * insert each), and the same rows ingest writes inserted bare (the storage floor, see timeSameRows).
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
import type { DyadDocument } from '../src/domain/model.js';
import { primarySpan, spanText } from '../src/domain/model.js';
import { readPlainText } from '../src/ingest/readers/text.js';
import { documentId, ingestPaths } from '../src/orchestrate/ingest.js';
import { sentencesOnlyPipeline } from '../src/pipeline/default.js';
import { runPipeline } from '../src/pipeline/pipeline.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const TRAIN = fileURLToPath(new URL('../../shared/data/tempeval3/train', import.meta.url));

const { values } = parseArgs({
  options: { copies: { type: 'string', default: '4' }, runs: { type: 'string', default: '3' } },
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

async function timeIngest(folder: string, dbPath: string): Promise<Timing> {
  const store = await openSqliteStore(dbPath);
  const stop = clock();
  const results = await ingestPaths(store, [folder], { pipeline: sentencesOnlyPipeline });
  const elapsed = stop();
  await store.close();
  const failed = results.filter((r) => r.status !== 'inserted');
  if (failed.length > 0)
    throw new Error(`${failed.length} documents were not inserted: ${failed[0]?.reason}`);
  return elapsed;
}

function timePeer(texts: readonly string[], dbPath: string): Timing {
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO documents (text) VALUES (?)');
  const insertOne = db.transaction((text: string) => insert.run(text));
  const stop = clock();
  for (const text of texts) insertOne(text);
  const elapsed = stop();
  db.close();
  return elapsed;
}

/**
 * The storage floor: the rows ingest writes (document, sentence findings, search rows) inserted with bare
 * prepared statements into the store's own schema, extraction done beforehand. The gap between this and ingest
 * is Dyad's own overhead; the gap between this and the peer is what the schema (indexes, FTS5) costs.
 */
async function timeSameRows(texts: readonly string[], dbPath: string): Promise<Timing> {
  const store = await openSqliteStore(dbPath);
  const prepared = texts.map((raw) => {
    const text = readPlainText(raw).text;
    const document: DyadDocument = {
      kind: 'document',
      id: documentId(text),
      title: null,
      source: null,
      publisher: null,
      published: null,
      retrieved: new Date().toISOString(),
      format: 'text',
      language: 'en',
      text,
    };
    const findings = runPipeline(sentencesOnlyPipeline, document).map((finding) => {
      const span = primarySpan(finding);
      return { finding, span, json: JSON.stringify(finding), sentence: spanText(document, span) };
    });
    return { document, findings };
  });
  const db = store.connection;
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, source, publisher, published, retrieved, format, language, text, chars, pipeline, ingested_at)
     VALUES (?, NULL, NULL, NULL, NULL, ?, 'text', 'en', ?, ?, 'sentences@1', ?)`,
  );
  const insertFinding = db.prepare(
    `INSERT INTO findings (id, doc_id, kind, start, "end", extractor, extractor_version, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearch = db.prepare(
    'INSERT INTO sentence_search (text, doc_id, start, "end") VALUES (?, ?, ?, ?)',
  );
  const write = db.transaction((entry: (typeof prepared)[number]) => {
    const { document } = entry;
    insertDocument.run(
      document.id,
      document.retrieved,
      document.text,
      document.text.length,
      document.retrieved,
    );
    for (const { finding, span, json, sentence } of entry.findings) {
      insertFinding.run(finding.id, document.id, finding.kind, span.start, span.end, 'sentences', '1', json);
      insertSearch.run(sentence, document.id, span.start, span.end);
    }
  });
  const stop = clock();
  for (const entry of prepared) write(entry);
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
      { name: 'dyad ingest (sentences only)', runs: [] },
      { name: 'better-sqlite3 insert (peer)', runs: [] },
      { name: 'better-sqlite3, same rows', runs: [] },
    ];
    const loads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      timings[0]?.runs.push(await timeIngest(folder, join(work, `ingest-${run}.db`)));
      timings[1]?.runs.push(timePeer(texts, join(work, `peer-${run}.db`)));
      timings[2]?.runs.push(await timeSameRows(texts, join(work, `floor-${run}.db`)));
      loads.push(loadavg()[0] ?? 0);
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
    const [ingest, peer, floor] = rows;
    if (!ingest || !peer || !floor) return;
    const wallRatio = peer.wall / ingest.wall;
    const cpuRatio = peer.cpu / ingest.cpu;
    out(
      `\ningest rate / peer rate: wall ${wallRatio.toFixed(2)}, cpu ${cpuRatio.toFixed(2)} (target >= 0.50: ${cpuRatio >= 0.5 ? 'met' : 'NOT met'})`,
    );
    out(
      `ingest rate / same-rows rate: wall ${(floor.wall / ingest.wall).toFixed(2)}, cpu ${(floor.cpu / ingest.cpu).toFixed(2)} (how much of the gap is Dyad's rather than the schema's)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await benchmark();
