import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/model.js';
import { type IngestResult, ingestPaths } from '../../src/orchestrate/ingest.js';
import { sentencesOnlyPipeline } from '../../src/pipeline/default.js';
import type { Pipeline, Stage } from '../../src/pipeline/pipeline.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FIXTURES, generatedArticle, tempDir } from './helpers.js';

const FIXED_CLOCK = () => new Date('2026-01-01T00:00:00Z');

let dir: string;
let cleanup: () => void;
let store: SqliteStore;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('ingest'));
  store = await openSqliteStore(join(dir, 'store.db'));
});

afterEach(async () => {
  await store.close();
  cleanup();
});

function byName(results: readonly IngestResult[]): Record<string, IngestResult> {
  return Object.fromEntries(results.map((r) => [r.path.split('/').pop() ?? r.path, r]));
}

/** A folder with good files of every format and one of every kind of bad input. */
function writeMixedFolder(): string {
  const input = join(dir, 'input');
  mkdirSync(input);
  writeFileSync(join(input, 'a-good.txt'), generatedArticle(1));
  copyFileSync(join(FIXTURES, 'markdown-front-matter.md'), join(input, 'b-good.md'));
  copyFileSync(join(FIXTURES, 'article.html'), join(input, 'c-good.html'));
  copyFileSync(join(FIXTURES, 'two-pages.pdf'), join(input, 'd-good.pdf'));
  copyFileSync(join(FIXTURES, 'windows1252.txt'), join(input, 'e-good-latin.txt'));
  writeFileSync(join(input, 'empty.txt'), '');
  writeFileSync(
    join(input, 'png-renamed.txt'),
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  );
  writeFileSync(
    join(input, 'zip-renamed.md'),
    Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
  );
  writeFileSync(join(input, 'nul-bytes.txt'), Uint8Array.from([72, 105, 0, 0, 1, 2, 0, 72, 105, 33, 10]));
  writeFileSync(join(input, 'too-big.txt'), 'Words and more words. '.repeat(200));
  writeFileSync(
    join(input, 'invalid-utf8.txt'),
    Uint8Array.from({ length: 80 }, (_, i) => 0xa0 + ((i * 37) % 90)),
  );
  copyFileSync(join(FIXTURES, 'encrypted.pdf'), join(input, 'encrypted.pdf'));
  copyFileSync(join(FIXTURES, 'scanned.pdf'), join(input, 'scanned.pdf'));
  writeFileSync(
    join(input, 'scripts-only.html'),
    '<html><head><script>var a = 1;</script></head><body><!-- x --></body></html>',
  );
  writeFileSync(join(input, 'notes.docx'), 'not read: unknown type');
  return input;
}

const EXPECTED_FAILURES: Record<string, string> = {
  'empty.txt': 'empty file',
  'png-renamed.txt': 'binary file (a PNG image), not text',
  'zip-renamed.md': 'binary file (a zip archive (or an Office document)), not text',
  'nul-bytes.txt': 'binary file (NUL or control bytes), not text',
  'too-big.txt': 'file is 4400 bytes, over the limit of 4000',
  'invalid-utf8.txt': 'not valid UTF-8, UTF-16 or Windows-1252 text',
  'encrypted.pdf': 'PDF is encrypted',
  'scanned.pdf': 'PDF has no text layer (scanned?)',
  'scripts-only.html': 'no text in scripts-only.html',
  'missing.txt': 'no such file or folder',
};
const GOOD = ['a-good.txt', 'b-good.md', 'c-good.html', 'd-good.pdf', 'e-good-latin.txt'];

describe('ingestPaths into a real SQLite store', () => {
  it('stores good files, fails each bad one with its reason, skips unknown types, and goes on', async () => {
    const input = writeMixedFolder();
    const results = await ingestPaths(store, [input, join(dir, 'missing.txt')], {
      pipeline: sentencesOnlyPipeline,
      maxBytes: 4000,
      now: FIXED_CLOCK,
    });
    const results_ = byName(results);
    for (const name of GOOD) {
      expect(results_[name], name).toMatchObject({ status: 'inserted', reason: null });
      expect(results_[name]?.findings, name).toBeGreaterThan(0);
    }
    for (const [name, reason] of Object.entries(EXPECTED_FAILURES)) {
      expect(results_[name], name).toEqual(
        expect.objectContaining({ status: 'failed', reason, docId: null }),
      );
    }
    expect(results_['notes.docx']).toMatchObject({
      status: 'skipped',
      reason: "unsupported file type '.docx'",
    });
    expect(results).toHaveLength(GOOD.length + Object.keys(EXPECTED_FAILURES).length + 1);

    // Nothing of a failed file is stored: exactly the good documents, and only their findings and search rows.
    const documents = await store.listDocuments();
    expect(documents.map((d) => d.id).sort()).toEqual(GOOD.map((name) => results_[name]?.docId).sort());
    const storedSources = documents.map((d) => d.source ?? '');
    for (const name of Object.keys(EXPECTED_FAILURES))
      expect(storedSources.some((s) => s.endsWith(name))).toBe(false);
    const orphanFindings = store.connection
      .prepare('SELECT count(*) AS n FROM findings WHERE doc_id NOT IN (SELECT id FROM documents)')
      .get() as { n: number };
    expect(orphanFindings.n).toBe(0);

    // Metadata from the files reached the documents.
    const html = await store.getDocument(results_['c-good.html']?.docId ?? '');
    expect(html).toMatchObject({
      format: 'html',
      title: 'Border talks resume',
      publisher: 'Example News',
      published: '2024-03-14T09:30:00.000Z',
      language: 'fr',
    });
    const pdf = await store.getDocument(results_['d-good.pdf']?.docId ?? '');
    expect(pdf).toMatchObject({ format: 'pdf', title: 'Quarterly security review', published: '2023-09-13' });
  });

  it('reports an unreadable file and goes on', async ({ skip }) => {
    if (process.getuid?.() === 0) skip('running as root: file permissions do not apply');
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'Secret words.');
    chmodSync(locked, 0o000);
    writeFileSync(join(dir, 'open.txt'), 'Open words.');
    const results = await ingestPaths(store, [locked, join(dir, 'open.txt')], {
      pipeline: sentencesOnlyPipeline,
    });
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['failed', 'permission denied'],
      ['inserted', null],
    ]);
  });

  it('reports a path through a file as unreadable, even as root', async () => {
    writeFileSync(join(dir, 'plain.txt'), 'Some words.');
    const results = await ingestPaths(store, [join(dir, 'plain.txt', 'inside.txt'), join(dir, 'plain.txt')], {
      pipeline: sentencesOnlyPipeline,
    });
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['failed', 'a part of the path is not a folder'],
      ['inserted', null],
    ]);
    expect(await store.countDocuments()).toBe(1);
  });

  it('is idempotent: a second run leaves every stored document unchanged', async () => {
    const input = writeMixedFolder();
    const options = { pipeline: sentencesOnlyPipeline, maxBytes: 4000, now: FIXED_CLOCK };
    const first = await ingestPaths(store, [input], options);
    const before = store.connection.prepare('SELECT count(*) AS n FROM findings').get() as { n: number };
    const second = await ingestPaths(store, [input], options);
    const firstInserted = first.filter((r) => r.status === 'inserted').map((r) => r.path);
    expect(firstInserted).toHaveLength(GOOD.length);
    for (const r of second.filter((r) => firstInserted.includes(r.path))) {
      expect(r).toMatchObject({ status: 'unchanged', reason: null, findings: 0 });
    }
    expect(second.filter((r) => r.status === 'inserted' || r.status === 'replaced')).toEqual([]);
    const after = store.connection.prepare('SELECT count(*) AS n FROM findings').get() as { n: number };
    expect(after.n).toBe(before.n);
    expect(await store.countDocuments()).toBe(GOOD.length);
  });

  it('replaces findings with --reextract when the pipeline version changes, and only then', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, generatedArticle(7));
    await ingestPaths(store, [file], { pipeline: sentencesOnlyPipeline });
    const newerSentences: Stage = {
      extractor: { name: 'sentences', version: '2-test' },
      run: (document, soFar, context) =>
        sentenceStage
          .run(document, soFar, context)
          .map((f): Finding => ({ ...f, extractor: { name: 'sentences', version: '2-test' } })),
    };
    const newer: Pipeline = { stages: [newerSentences] };

    const without = await ingestPaths(store, [file], { pipeline: newer });
    expect(without[0]).toMatchObject({
      status: 'unchanged',
      reason: 'stored with an older extractor; use --reextract to update',
    });

    const withReextract = await ingestPaths(store, [file], { pipeline: newer, reextract: true });
    expect(withReextract[0]?.status).toBe('replaced');
    const docId = withReextract[0]?.docId ?? '';
    const findings = await store.findings({ docId });
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.extractor.version))).toEqual(new Set(['2-test']));
    expect((await store.documentPipelines([docId])).get(docId)).toBe('sentences@2-test');
    const searchRows = store.connection
      .prepare('SELECT count(*) AS n FROM document_search WHERE doc_id = ?')
      .get(docId) as { n: number };
    expect(searchRows.n).toBe(1);

    const again = await ingestPaths(store, [file], { pipeline: newer, reextract: true });
    expect(again[0]?.status).toBe('unchanged');
  });
});
