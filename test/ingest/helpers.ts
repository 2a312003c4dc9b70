import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `dyad-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Prose with varied sentences, so each generated document has a distinct text and several sentences. */
export function generatedArticle(n: number, paragraphs = 6): string {
  const lines = [
    `Title: Generated report ${n}`,
    `Published: 2023-${String((n % 12) + 1).padStart(2, '0')}-15`,
    '',
  ];
  for (let p = 0; p < paragraphs; p++) {
    lines.push(
      `Officials in capital ${n} met their counterparts on day ${p + 1} of the talks. ` +
        `The delegation of ${n * 7 + p} members discussed trade, security and border crossings. ` +
        `According to the ministry, talks will resume in ${p + 2} weeks. Dr. Smith said the U.S. position was unchanged.`,
      '',
    );
  }
  return lines.join('\n');
}
