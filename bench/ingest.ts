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
import { tmpdir } from 'node:os';
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

async function timeIngest(folder: string, dbPath: string): Promise<number> {
  const store = await openSqliteStore(dbPath);
  const started = performance.now();
  const results = await ingestPaths(store, [folder], { pipeline: sentencesOnlyPipeline });
  const elapsed = performance.now() - started;
  await store.close();
  const failed = results.filter((r) => r.status !== 'inserted');
  if (failed.length > 0)
    throw new Error(`${failed.length} documents were not inserted: ${failed[0]?.reason}`);
  return elapsed;
}

function timePeer(texts: readonly string[], dbPath: string): number {
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO documents (text) VALUES (?)');
  const insertOne = db.transaction((text: string) => insert.run(text));
  const started = performance.now();
  for (const text of texts) insertOne(text);
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

/**
 * The storage floor: the rows ingest writes (document, sentence findings, search rows) inserted with bare
 * prepared statements into the store's own schema, extraction done beforehand. The gap between this and ingest
 * is Dyad's own overhead; the gap between this and the peer is what the schema (indexes, FTS5) costs.
 */
async function timeSameRows(texts: readonly string[], dbPath: string): Promise<number> {
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
  const started = performance.now();
  for (const entry of prepared) write(entry);
  const elapsed = performance.now() - started;
  await store.close();
  return elapsed;
}

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
    const ingestTimes: number[] = [];
    const peerTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ingestTimes.push(await timeIngest(folder, join(work, `ingest-${run}.db`)));
      peerTimes.push(timePeer(texts, join(work, `peer-${run}.db`)));
      floorTimes.push(await timeSameRows(texts, join(work, `floor-${run}.db`)));
    }
    const rows = [
      { name: 'dyad ingest (sentences only)', ms: median(ingestTimes) },
      { name: 'better-sqlite3 insert (peer)', ms: median(peerTimes) },
      { name: 'better-sqlite3, same rows', ms: median(floorTimes) },
    ];
    process.stdout.write(
      `corpus: ${texts.length} documents, ${megabytes.toFixed(2)} MB (TempEval-3 TimeBank+AQUAINT x${COPIES}); median of ${RUNS} runs\n\n`,
    );
    process.stdout.write(
      `${'run'.padEnd(30)}${'ms'.padStart(10)}${'docs/s'.padStart(12)}${'MB/s'.padStart(10)}\n`,
    );
    for (const row of rows) {
      const seconds = row.ms / 1000;
      process.stdout.write(
        `${row.name.padEnd(30)}${row.ms.toFixed(0).padStart(10)}${(texts.length / seconds).toFixed(0).padStart(12)}${(megabytes / seconds).toFixed(2).padStart(10)}\n`,
      );
    }
    const ratio = (rows[1]?.ms ?? 0) / (rows[0]?.ms ?? 1);
    const floorRatio = (rows[2]?.ms ?? 0) / (rows[0]?.ms ?? 1);
    process.stdout.write(
      `\ningest rate / peer rate = ${ratio.toFixed(2)} (target >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})\n` +
        `ingest rate / same-rows rate = ${floorRatio.toFixed(2)} (the part of the gap that is Dyad's, not SQLite's)\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await benchmark();
