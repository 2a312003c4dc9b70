import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
const db = join(dir, 'cli.db');
const corpus = join(dir, 'corpus');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(corpus);
  writeFileSync(
    join(corpus, 'brief.txt'),
    'Title: A test brief\nPublished: 2024-03-01\n\nThe delegation reached Khabarovsk on 2 March. Talks were held at the regional assembly.',
  );
  const { code } = await runCli(['--db', db, 'ingest', corpus]);
  expect(code).toBe(0);
});

describe('dyad CLI', () => {
  it('prints help and exits 2 without a command, 0 with --help', async () => {
    expect((await runCli([])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ingest');
    const commandHelp = await runCli(['search', '--help']);
    expect(commandHelp.stdout).toContain('Usage: dyad search');
  });

  it('reports unknown commands and bad options as usage errors (exit 2)', async () => {
    const unknown = await runCli(['--db', db, 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = await runCli(['--db', db, 'docs', '--bogus']);
    expect(badOption.code).toBe(2);
  });

  it('searches sentences and prints document id, offsets and a highlighted snippet', async () => {
    const { code, stdout } = await runCli(['--db', db, 'search', 'Khabarovsk']);
    expect(code).toBe(0);
    const [header, snippet] = stdout.trim().split('\n');
    expect(header).toMatch(/^[0-9a-f]{16} \[0-45\] A test brief$/);
    expect(snippet?.trim()).toBe('The delegation reached [Khabarovsk] on 2 March.');
    const json = await runCli(['--db', db, '--json', 'search', 'assembly']);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({
      start: 46,
      sentence: 'Talks were held at the regional assembly.',
    });
  });

  it('ingests without extraction (searchable, no findings), then extracts with --reextract', async () => {
    const other = join(dir, 'plain.db');
    const file = join(dir, 'note.txt');
    writeFileSync(
      file,
      'Published: 2024-05-02\n\nThe envoy flew to Hanoi on 1 May. He met the premier there.',
    );
    const plain = await runCli(['--db', other, '--json', 'ingest', '--no-extract', file]);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)[0]).toMatchObject({ status: 'inserted', findings: 0 });
    const search = await runCli(['--db', other, '--json', 'search', 'premier']);
    expect(JSON.parse(search.stdout)[0]).toMatchObject({ sentence: 'He met the premier there.' });
    const again = await runCli(['--db', other, '--json', 'ingest', file]);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({
      status: 'unchanged',
      reason: 'stored without extraction; use --reextract to extract',
    });
    const extracted = await runCli(['--db', other, '--json', 'ingest', '--reextract', file]);
    const [result] = JSON.parse(extracted.stdout);
    expect(result.status).toBe('replaced');
    expect(result.findings).toBeGreaterThan(2);
  });

  it('lists documents, shows one by id prefix, and exits 3 for a missing one', async () => {
    const docs = await runCli(['--db', db, '--json', 'docs']);
    const [doc] = JSON.parse(docs.stdout);
    expect(doc).toMatchObject({ title: 'A test brief', published: '2024-03-01', format: 'text' });
    const show = await runCli(['--db', db, 'show', doc.id.slice(0, 6), '--kinds', 'sentence']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('# A test brief');
    expect(show.stdout).toContain('[0-45] sentence');
    const missing = await runCli(['--db', db, 'show', 'ffffffff']);
    expect(missing.code).toBe(3);
  });

  it('grades a document by id prefix, lists grades, and refuses a bad grade (exit 4)', async () => {
    const [doc] = JSON.parse((await runCli(['--db', db, '--json', 'docs'])).stdout);
    const graded = await runCli(['--db', db, 'grade', 'B2', '--doc', doc.id.slice(0, 6)]);
    expect(graded.code).toBe(0);
    expect(graded.stdout).toContain(`graded document ${doc.id} B2`);
    const list = await runCli(['--db', db, '--json', 'grade', '--list']);
    expect(JSON.parse(list.stdout).byDocument).toEqual({ [doc.id]: { reliability: 'B', credibility: 2 } });
    expect((await runCli(['--db', db, 'grade', 'Z9', '--holder', 'USA'])).code).toBe(4);
    expect((await runCli(['--db', db, 'grade', 'B2'])).code).toBe(2);
    expect((await runCli(['--db', db, 'grade', '--clear', '--doc', doc.id])).code).toBe(0);
    expect(JSON.parse((await runCli(['--db', db, '--json', 'grade', '--list'])).stdout).byDocument).toEqual(
      {},
    );
  });

  it('exports JSON Lines and CSV', async () => {
    const jsonl = await runCli(['--db', db, 'export', '--kinds', 'sentence']);
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['document', 'finding', 'finding']);
    expect(lines[1]).toMatchObject({ kind: 'sentence', evidence: [{ start: 0, end: 45 }] });
    const out = join(dir, 'csv');
    const csv = await runCli(['--db', db, 'export', '--format', 'csv', '--out', out, '--kinds', 'sentence']);
    expect(csv.code).toBe(0);
    const rows = readFileSync(join(out, 'sentence.csv'), 'utf8').trim().split('\n');
    expect(rows[0]?.split(',').slice(0, 6)).toEqual([
      'id',
      'doc_id',
      'start',
      'end',
      'extractor',
      'extractor_version',
    ]);
    expect(rows).toHaveLength(3);
  });
});
