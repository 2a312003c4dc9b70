import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, generatedArticle, tempDir } from './helpers.js';

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = captured();
  const stderr = captured();
  const code = await main(args, { stdout: stdout.stream, stderr: stderr.stream, env: {} });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let dir: string;
let cleanup: () => void;
let db: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('cli'));
  db = join(dir, 'cli.db');
});
afterEach(() => cleanup());

describe('dyad ingest through main()', () => {
  it('exits 0 when every file is stored, and 0 again when all are unchanged', async () => {
    const folder = join(dir, 'good');
    mkdirSync(folder);
    writeFileSync(join(folder, 'one.txt'), generatedArticle(1, 2));
    copyFileSync(join(FIXTURES, 'markdown-plain.md'), join(folder, 'two.md'));
    const first = await run(['--db', db, 'ingest', folder]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^inserted\s+[0-9a-f]{16} .*one\.txt \(\d+ findings\)$/m);
    expect(first.stdout.trim().split('\n').pop()).toBe('2 inserted');
    const second = await run(['--db', db, 'ingest', folder]);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split('\n').pop()).toBe('2 unchanged');
  });

  it('exits 1 when any file failed, still storing the others, and prints per-file JSON with --json', async () => {
    writeFileSync(join(dir, 'good.txt'), generatedArticle(2, 2));
    writeFileSync(join(dir, 'empty.txt'), '');
    copyFileSync(join(FIXTURES, 'encrypted.pdf'), join(dir, 'locked.pdf'));
    const result = await run([
      '--db',
      db,
      '--json',
      'ingest',
      join(dir, 'good.txt'),
      join(dir, 'empty.txt'),
      join(dir, 'locked.pdf'),
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { path: string; status: string; reason: string | null }[];
    expect(parsed.map((r) => [r.path.split('/').pop(), r.status, r.reason])).toEqual([
      ['good.txt', 'inserted', null],
      ['empty.txt', 'failed', 'empty file'],
      ['locked.pdf', 'failed', 'PDF is encrypted'],
    ]);
    const docs = await run(['--db', db, '--json', 'docs']);
    expect(docs.code).toBe(0);
    expect(JSON.stringify(JSON.parse(docs.stdout))).toContain('Generated report 2');
  });

  it('honours --max-mb and reports a missing path as failed', async () => {
    writeFileSync(join(dir, 'big.txt'), 'A sentence of filler text. '.repeat(50_000));
    const result = await run([
      '--db',
      db,
      'ingest',
      '--max-mb',
      '1',
      join(dir, 'big.txt'),
      join(dir, 'nope.txt'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^failed\s+.*big\.txt — file is 1350000 bytes, over the limit of 1048576$/m,
    );
    expect(result.stdout).toMatch(/^failed\s+.*nope\.txt — no such file or folder$/m);
    expect(result.stdout.trim().split('\n').pop()).toBe('2 failed');
  });

  it('exits 2 on a usage error', async () => {
    const result = await run(['--db', db, 'ingest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ingest needs at least one PATH');
  });
});
