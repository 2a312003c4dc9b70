import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/ingest/normalize.js';
import { DEFAULT_MAX_BYTES } from '../../src/ingest/reader.js';
import { readBytes } from '../../src/ingest/readers/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const fixtures = readdirSync(FIXTURES)
  .filter((name) => !name.endsWith('.json') && !name.endsWith('.ts'))
  .sort();

describe('readers against hand-checked golden files', () => {
  it('has a fixture for every reader and encoding', () => {
    const extensions = new Set(fixtures.map((name) => name.split('.').pop()));
    expect([...extensions].sort()).toEqual(['html', 'md', 'pdf', 'txt']);
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(`${FIXTURES}${name}.expected.json`, 'utf8'));
      const outcome = await readBytes(readFileSync(`${FIXTURES}${name}`), name, {
        maxBytes: DEFAULT_MAX_BYTES,
      });
      if ('failed' in expected) {
        expect(outcome).toEqual({ kind: 'failed', reason: expected.failed });
        return;
      }
      expect(outcome.kind).toBe('ok');
      if (outcome.kind !== 'ok') return;
      expect(outcome.document).toEqual(expected);
      // The text is already normalised: offsets taken now stay valid.
      expect(normalizeText(outcome.document.text)).toBe(outcome.document.text);
    });
  }

  it('keeps scripts, styles, navigation and comments out of HTML text', async () => {
    const outcome = await readBytes(readFileSync(`${FIXTURES}article.html`), 'article.html', {
      maxBytes: DEFAULT_MAX_BYTES,
    });
    expect(outcome.kind).toBe('ok');
    const text = outcome.kind === 'ok' ? outcome.document.text : '';
    for (const leak of ['SCRIPT TEXT', 'NAVIGATION', 'COMMENT TEXT', 'FOOTER TEXT', 'font-family']) {
      expect(text).not.toContain(leak);
    }
  });
});
