import { Hono } from 'hono';
import { DyadError, notFound, usageError } from '../domain/errors.js';
import { isFindingKind } from '../domain/model.js';
import type { Store } from '../store/store.js';
import { failure, success } from './envelope.js';

export interface AppOptions {
  /** When set, every /api call must send `Authorization: Bearer TOKEN`. */
  readonly token?: string | null;
}

/** The HTTP API over a store. Every route answers with the JSON envelope of envelope.ts. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    const { status, body } = failure(error);
    if (status === 500) console.error(error);
    return c.json(body, status);
  });
  app.notFound((c) => {
    const { status, body } = failure(notFound(`no route ${c.req.method} ${c.req.path}`));
    return c.json(body, status);
  });

  app.use('*', async (c, next) => {
    await next();
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.use('/api/*', async (c, next) => {
    if (options.token && c.req.header('authorization') !== `Bearer ${options.token}`) {
      throw new DyadError('unauthorized', 'missing or wrong API token');
    }
    await next();
  });

  app.get('/api/health', async (c) =>
    c.json(success({ status: 'ok', documents: await store.countDocuments() })),
  );

  app.get('/api/documents', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', 100);
    const offset = intParam(c.req.query('offset'), 'offset', 0);
    return c.json(success(await store.listDocuments({ limit, offset }), { limit, offset }));
  });

  app.get('/api/documents/:id', async (c) => {
    const document = await store.getDocument(c.req.param('id'));
    if (!document) throw notFound(`no document '${c.req.param('id')}'`);
    return c.json(success(document));
  });

  app.get('/api/documents/:id/findings', async (c) => {
    const document = await store.getDocument(c.req.param('id'));
    if (!document) throw notFound(`no document '${c.req.param('id')}'`);
    const kinds = kindsParam(c.req.query('kinds'));
    return c.json(success(await store.findings({ docId: document.id, ...(kinds ? { kinds } : {}) })));
  });

  app.get('/api/findings', async (c) => {
    const kinds = kindsParam(c.req.query('kinds'));
    const limit = intParam(c.req.query('limit'), 'limit', 1000);
    const offset = intParam(c.req.query('offset'), 'offset', 0);
    const docId = c.req.query('doc');
    const findings = await store.findings({
      ...(kinds ? { kinds } : {}),
      ...(docId ? { docId } : {}),
      limit,
      offset,
    });
    return c.json(success(findings, { limit, offset }));
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query('q')?.trim();
    if (!q) throw usageError('search needs a q parameter');
    const limit = intParam(c.req.query('limit'), 'limit', 50);
    return c.json(success(await store.search(q, { limit })));
  });

  return app;
}

function intParam(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`${name} must be a whole number ≥ 0`);
  return n;
}

function kindsParam(value: string | undefined) {
  if (!value) return undefined;
  const kinds = value.split(',').map((k) => k.trim());
  for (const k of kinds) if (!isFindingKind(k)) throw usageError(`unknown finding kind '${k}'`);
  return kinds.filter(isFindingKind);
}
