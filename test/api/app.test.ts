import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/model.js';
import { createApiClient, type UploadResult } from '../../src/server/api-client.js';
import { createApp } from '../../src/server/app.js';
import type { openApiDocument } from '../../src/server/openapi.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FIXTURE_DOC_ID, writeFixture } from '../web/fixture.js';

let dir: string;
let store: SqliteStore;
let app: ReturnType<typeof createApp>;
let webRoot: string;

interface Body {
  ok: boolean;
  data?: unknown;
  meta?: Record<string, unknown>;
  error?: { code: string; message: string };
}

async function get(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Body; response: Response }> {
  const response = await app.request(path, init);
  const body = (await response.json()) as Body;
  return { status: response.status, body, response };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  store = await openSqliteStore(join(dir, 'dyad.db'));
  await writeFixture(store);
  webRoot = join(dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Dyad test app</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'export const x = 1;');
  app = createApp(store, { webRoot, maxUploadBytes: 64 * 1024 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('read routes answer with the envelope', () => {
  it('GET /api/health', async () => {
    const { status, body, response } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, data: { status: 'ok', documents: 1 } });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('GET /api/documents lists summaries with finding counts and paging meta', async () => {
    const { body } = await get('/api/documents?limit=10');
    expect(body.ok).toBe(true);
    expect(body.meta).toEqual({ limit: 10, offset: 0 });
    const docs = body.data as { id: string; findingCounts: Record<string, number> }[];
    expect(docs.map((d) => d.id)).toEqual([FIXTURE_DOC_ID]);
    expect(docs[0]?.findingCounts.event).toBe(5);
  });

  it('GET /api/documents rejects a bad limit with a usage error', async () => {
    const { status, body } = await get('/api/documents?limit=-1');
    expect(status).toBe(400);
    expect(body.ok).toBe(false);
    expect(body.error?.code).toBe('usage');
  });

  it('GET /api/documents/:id by prefix, and 404 for an unknown id', async () => {
    const found = await get(`/api/documents/${FIXTURE_DOC_ID.slice(0, 8)}`);
    expect((found.body.data as { id: string }).id).toBe(FIXTURE_DOC_ID);
    const missing = await get('/api/documents/ffffffffffff');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('not_found');
  });

  it('GET /api/documents/:id/findings filters by kind', async () => {
    const { body } = await get(`/api/documents/${FIXTURE_DOC_ID}/findings?kinds=event,claim`);
    const kinds = new Set((body.data as Finding[]).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['claim', 'event']);
    const bad = await get(`/api/documents/${FIXTURE_DOC_ID}/findings?kinds=rumour`);
    expect(bad.status).toBe(400);
    const missing = await get('/api/documents/ffffffffffff/findings');
    expect(missing.status).toBe(404);
  });

  it('GET /api/findings pages across documents', async () => {
    const { body } = await get('/api/findings?kinds=event&limit=2&offset=1');
    expect((body.data as Finding[]).length).toBe(2);
    expect(body.meta).toEqual({ limit: 2, offset: 1 });
  });

  it('GET /api/search returns hits with match offsets, and needs q', async () => {
    const { body } = await get('/api/search?q=wheat');
    const hits = body.data as { sentence: string; matches: { start: number; end: number }[] }[];
    expect(hits.length).toBe(1);
    const hit = hits[0];
    const match = hit?.matches[0];
    expect(match && hit?.sentence.slice(match.start, match.end).toLowerCase()).toBe('wheat');
    const empty = await get('/api/search');
    expect(empty.status).toBe(400);
    expect(empty.body.error?.code).toBe('usage');
  });

  it('unknown API routes are enveloped 404s, not the web app', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.ok).toBe(false);
  });
});

describe('OpenAPI', () => {
  it('serves the description and every documented GET path answers', async () => {
    const response = await app.request('/api/openapi.json');
    const doc = (await response.json()) as typeof openApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of Object.keys(doc.paths)) {
      const concrete = path.replace('{id}', FIXTURE_DOC_ID);
      const withQuery =
        concrete === '/api/search'
          ? `${concrete}?q=Russia`
          : concrete === '/api/pair'
            ? `${concrete}?a=PRK&b=RUS&by=month`
            : concrete;
      const answer = await app.request(withQuery);
      expect(answer.status, path).toBe(200);
    }
  });
});

describe('upload', () => {
  it('ingests pasted text as JSON and reports it per document', async () => {
    const { status, body } = await get('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        text: 'Pasted text about a summit. It was brief.',
        title: 'Pasted',
        published: '2024-01-02',
      }),
    });
    expect(status).toBe(200);
    const [result] = body.data as UploadResult[];
    expect(result?.status).toBe('inserted');
    expect(result?.title).toBe('Pasted');
    const doc = await get(`/api/documents/${result?.docId}`);
    expect((doc.body.data as { published: string }).published).toBe('2024-01-02');
  });

  it('rejects pasted JSON without text', async () => {
    const { status, body } = await get('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'no text' }),
    });
    expect(status).toBe(422);
    expect(body.error?.code).toBe('invalid_input');
  });

  it('ingests multipart files with one result per file, failures included', async () => {
    const form = new FormData();
    form.append('files', new Blob(['A note on talks between two states. Nothing else.']), 'note.txt');
    form.append('files', new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])]), 'binary.txt');
    const { status, body } = await get('/api/documents', { method: 'POST', body: form });
    expect(status).toBe(200);
    const results = body.data as UploadResult[];
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['note.txt', 'inserted'],
      ['binary.txt', 'failed'],
    ]);
    expect(results[1]?.reason).toBeTruthy();
    const doc = await get(`/api/documents/${results[0]?.docId}`);
    expect((doc.body.data as { source: string }).source).toBe('note.txt');
  });

  it('refuses uploads over the size limit with 413', async () => {
    const form = new FormData();
    form.append('files', new Blob(['x'.repeat(100 * 1024)]), 'big.txt');
    const { status, body } = await get('/api/documents', { method: 'POST', body: form });
    expect(status).toBe(413);
    expect(body.error?.code).toBe('too_large');
  });

  it('refuses other content types with 415', async () => {
    const { status, body } = await get('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(status).toBe(415);
    expect(body.ok).toBe(false);
  });
});

describe('auth', () => {
  it('stores grades and attaches them to the claims of the graded holder and document', async () => {
    const bad = await get('/api/grades', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'holder', id: 'KOR', grade: 'G9' }),
    });
    expect(bad.status).toBe(422);
    const put = await get('/api/grades', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'holder', id: 'KOR', grade: 'B2' }),
    });
    expect(put.status).toBe(200);
    const claims = (await get(`/api/findings?kinds=claim&doc=${FIXTURE_DOC_ID}`)).body.data as (Finding & {
      holder: string;
      grade?: string;
      gradeBasis?: string;
    })[];
    const korean = claims.filter((c) => c.holder === 'KOR');
    expect(korean.length).toBeGreaterThan(0);
    expect(korean.every((c) => c.grade === 'B2' && c.gradeBasis === 'holder')).toBe(true);
    expect(claims.filter((c) => c.holder !== 'KOR').every((c) => c.grade === 'F6')).toBe(true);
    await get('/api/grades', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'holder', id: 'KOR', grade: null }),
    });
    expect((await get('/api/grades')).body.data).toEqual({ byDocument: {}, byHolder: {} });
  });

  it('requires the bearer token on every API route when one is set, but not for the app shell', async () => {
    const guarded = createApp(store, { token: 's3cret', webRoot });
    for (const path of [
      '/api/health',
      '/api/documents',
      '/api/findings',
      '/api/search?q=x',
      '/api/openapi.json',
    ]) {
      const response = await guarded.request(path);
      expect(response.status, path).toBe(401);
      const body = (await response.json()) as Body;
      expect(body.error?.code).toBe('unauthorized');
    }
    const wrong = await guarded.request('/api/health', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await guarded.request('/api/health', { headers: { Authorization: 'Bearer s3cret' } });
    expect(right.status).toBe(200);
    const shell = await guarded.request('/');
    expect(shell.status).toBe(200);
  });

  it('the typed client sends the token and unwraps the envelope', async () => {
    const guarded = createApp(store, { token: 's3cret', webRoot });
    const fetchVia = ((input: RequestInfo | URL, init?: RequestInit) =>
      guarded.request(String(input), init)) as typeof fetch;
    const client = createApiClient({ token: 's3cret', fetch: fetchVia });
    expect((await client.health()).status).toBe('ok');
    const events = await client.findings({ kinds: ['event'] });
    expect(events.every((f) => f.kind === 'event')).toBe(true);
    const anonymous = createApiClient({ fetch: fetchVia });
    await expect(anonymous.health()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});

describe('static web app', () => {
  it('serves index.html for deep links and hashed assets with long caching, never outside the root', async () => {
    const deep = await app.request('/reader/abc');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('Dyad test app');
    expect(deep.headers.get('content-security-policy')).toContain("object-src 'none'");
    const asset = await app.request('/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const traversal = await app.request('/..%2f..%2fetc%2fpasswd.txt');
    expect(traversal.status).toBe(404);
    const missing = await app.request('/assets/none.js');
    expect(missing.status).toBe(404);
  });

  it('explains how to build when dist/web is absent', async () => {
    const bare = createApp(store, { webRoot: join(dir, 'no-such-dir') });
    const response = await bare.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
