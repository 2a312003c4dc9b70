import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sentencesOnlyPipeline } from '../../src/pipeline/default.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generatedArticle, tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const DOCUMENTS = 300;
const KILL_AFTER = 25;

/** Runs the child until it has finished `killAfter` files, then SIGKILLs it; resolves with the last count seen. */
function ingestAndKill(
  dbPath: string,
  folder: string,
  killAfter: number,
): Promise<{ seen: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, folder], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let finished = false;
    let stderr = '';
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'finished') finished = true;
        const done = /^done (\d+)$/.exec(line);
        if (done) seen = Number(done[1]);
      }
      if (seen >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve({ seen, finished });
    });
  });
}

describe('a crash mid-ingest', () => {
  it('leaves only complete documents: every stored one has all its sentences and search rows', async () => {
    const { dir, cleanup } = tempDir('crash');
    try {
      const folder = join(dir, 'corpus');
      mkdirSync(folder);
      for (let n = 0; n < DOCUMENTS; n++) {
        writeFileSync(join(folder, `doc-${String(n).padStart(4, '0')}.txt`), generatedArticle(n, 40));
      }
      const dbPath = join(dir, 'crash.db');
      const { seen, finished } = await ingestAndKill(dbPath, folder, KILL_AFTER);
      expect(finished).toBe(false);
      expect(seen).toBeGreaterThanOrEqual(KILL_AFTER);

      const store = await openSqliteStore(dbPath);
      try {
        const count = await store.countDocuments();
        // The write in flight at the kill may or may not have committed; nothing beyond it can have.
        expect(count).toBeGreaterThanOrEqual(KILL_AFTER);
        expect(count).toBeLessThan(DOCUMENTS);
        for (const summary of await store.listDocuments({ limit: DOCUMENTS })) {
          const document = await store.getDocument(summary.id);
          expect(document).not.toBeNull();
          if (!document) continue;
          const fresh = runPipeline(sentencesOnlyPipeline, document);
          const stored = await store.findings({ docId: document.id });
          expect(stored.map((f) => f.id)).toEqual(fresh.map((f) => f.id));
          const searchRows = store.connection
            .prepare('SELECT count(*) AS n FROM document_search WHERE doc_id = ?')
            .get(document.id) as { n: number };
          expect(searchRows.n).toBe(1);
        }
        const orphans = store.connection
          .prepare(
            `SELECT (SELECT count(*) FROM findings WHERE doc_id NOT IN (SELECT id FROM documents))
                  + (SELECT count(*) FROM document_search WHERE doc_id NOT IN (SELECT id FROM documents)) AS n`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        expect((store.connection.pragma('integrity_check', { simple: true }) as string) ?? '').toBe('ok');
      } finally {
        await store.close();
      }
    } finally {
      cleanup();
    }
  });
});
