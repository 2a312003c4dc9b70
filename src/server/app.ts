import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { analysePair } from '../analysis/pair.js';
import { choice, parsePairParams } from '../analysis/pair-query.js';
import { type AdmiraltyGrade, annotateGrades, parseGrade } from '../analysis/reliability.js';
import { DyadError, invalidInput, notFound, usageError } from '../domain/errors.js';
import { isFindingKind } from '../domain/model.js';
import { ingestPaths } from '../orchestrate/ingest.js';
import { defaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { EventOrigin } from '../store/coded.js';
import { codedEventsOf } from '../store/sqlite/coded-of.js';
import type { Store } from '../store/store.js';
import type { UploadResult } from './api-client.js';
import { failure, success } from './envelope.js';
import { openApiDocument } from './openapi.js';
import { defaultWebRoot, serveWebApp } from './static.js';

export interface AppOptions {
  /** When set, every /api call must send `Authorization: Bearer TOKEN`. */
  readonly token?: string | null;
  /** Folder of the built workbench; default the package's dist/web. */
  readonly webRoot?: string;
  /** Pipeline run on uploaded documents; default the ingest pipeline. */
  readonly pipeline?: Pipeline;
  /** Largest accepted upload request in bytes; default 20 MB. */
  readonly maxUploadBytes?: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The HTTP API over a store. Every route answers with the JSON envelope of envelope.ts. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    const { status, body } = failure(error);
    if (status === 500) console.error(error);
    return c.json(body, status);
  });
  const webRoot = options.webRoot ?? defaultWebRoot();
  // The web app is the fallback for every GET outside /api, whatever routes are added and in what order.
  app.notFound((c) => {
    const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
    if (!api && (c.req.method === 'GET' || c.req.method === 'HEAD')) return serveWebApp(c, webRoot);
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
    const findings = await store.findings({ docId: document.id, ...(kinds ? { kinds } : {}) });
    return c.json(success(annotateGrades(findings, await store.grades())));
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
    return c.json(success(annotateGrades(findings, await store.grades()), { limit, offset }));
  });

  app.get('/api/grades', async (c) => c.json(success(await store.grades())));

  app.put('/api/grades', async (c) => {
    const body = gradeBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      throw invalidInput(`a grade needs {kind: 'document'|'holder', id, grade: 'B2' or null}`);
    const { kind, id, grade } = body.data;
    let parsed: AdmiraltyGrade | null = null;
    if (grade !== null) {
      try {
        parsed = parseGrade(grade);
      } catch (error) {
        throw invalidInput(error instanceof Error ? error.message : String(error));
      }
    }
    let targetId = id;
    if (kind === 'document') {
      const document = await store.getDocument(id);
      if (!document) throw notFound(`no document '${id}'`);
      targetId = document.id;
    }
    await store.setGrade({ kind, id: targetId }, parsed);
    return c.json(success(await store.grades()));
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query('q')?.trim();
    if (!q) throw usageError('search needs a q parameter');
    const limit = intParam(c.req.query('limit'), 'limit', 50);
    return c.json(success(await store.search(q, { limit })));
  });

  addWorkbenchRoutes(app, store, options);
  addPairRoutes(app, store);
  return app;
}

/** Pair analytics over coded and extracted events: `/api/pair?a=PRK&b=RUS&by=month` and `/api/pairs`. */
function addPairRoutes(app: Hono, store: Store): void {
  const coded = () => {
    const events = codedEventsOf(store);
    if (!events) throw notFound('this store holds no coded events');
    return events;
  };
  app.get('/api/pair', async (c) => {
    const { query, by } = parsePairParams(c.req.query());
    return c.json(success(analysePair(await coded().pairRollup(query), by), { query }));
  });
  app.get('/api/pairs', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', 20);
    const origin = choice<EventOrigin | 'all'>(
      c.req.query('source'),
      'source',
      ['all', 'coded', 'extracted'],
      'all',
    );
    return c.json(success(await coded().topPairs({ limit, origin }), { limit, source: origin }));
  });
}

const PastedTextSchema = z.object({
  text: z.string().min(1, 'text must not be empty'),
  title: z.string().min(1).optional(),
  published: z.string().min(1).optional(),
});

/** Upload of files or pasted text, and the OpenAPI description. */
function addWorkbenchRoutes(app: Hono, store: Store, options: AppOptions): void {
  const maxSize = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const pipeline = options.pipeline ?? defaultPipeline;

  app.get('/api/openapi.json', (c) => c.json(openApiDocument));

  app.post(
    '/api/documents',
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(
          {
            ok: false,
            error: { code: 'too_large', message: `upload is over the limit of ${maxSize} bytes` },
          },
          413,
        ),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/json')) {
        let body: unknown;
        try {
          body = await c.req.json();
        } catch {
          throw invalidInput('the request body is not valid JSON');
        }
        const parsed = PastedTextSchema.safeParse(body);
        if (!parsed.success) throw invalidInput(parsed.error.issues.map((i) => i.message).join('; '));
        const { text, title, published } = parsed.data;
        const results = await ingestUploads(store, pipeline, [
          { name: title ?? 'pasted text', data: new TextEncoder().encode(text), title, published },
        ]);
        return c.json(success(results));
      }
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody({ all: true });
        const files = Object.values(form)
          .flat()
          .filter((value): value is File => typeof value !== 'string');
        if (files.length === 0) throw usageError('the form has no files');
        const uploads = await Promise.all(
          files.map(async (file) => ({
            name: file.name || 'upload',
            data: new Uint8Array(await file.arrayBuffer()),
          })),
        );
        return c.json(success(await ingestUploads(store, pipeline, uploads, maxSize)));
      }
      return c.json(
        {
          ok: false,
          error: { code: 'unsupported_media_type', message: 'send multipart/form-data files or JSON {text}' },
        },
        415,
      );
    },
  );
}

interface Upload {
  readonly name: string;
  readonly data: Uint8Array;
  readonly title?: string | undefined;
  readonly published?: string | undefined;
}

/**
 * Ingests uploaded bytes through the same path as `dyad ingest`: each upload is written under its own
 * name to a private temporary folder (so readers see the real file name and extension), then removed.
 */
async function ingestUploads(
  store: Store,
  pipeline: Pipeline,
  uploads: readonly Upload[],
  maxBytes?: number,
): Promise<UploadResult[]> {
  const folder = await mkdtemp(join(tmpdir(), 'dyad-upload-'));
  try {
    const results: UploadResult[] = [];
    for (const [index, upload] of uploads.entries()) {
      const safeName =
        upload.name
          .replace(/[/\\\0]/g, '_')
          .replace(/^\.+/, '_')
          .slice(0, 200) || 'upload';
      const dir = join(folder, String(index));
      await mkdir(dir);
      const path = join(dir, upload.title && !/\.[a-z0-9]+$/i.test(safeName) ? `${safeName}.txt` : safeName);
      await writeFile(path, upload.data);
      const [result] = await ingestPaths(store, [path], {
        pipeline,
        source: upload.name,
        ...(maxBytes ? { maxBytes } : {}),
        ...(upload.title ? { title: upload.title } : {}),
        ...(upload.published ? { published: upload.published } : {}),
      });
      results.push({
        name: upload.name,
        status: result?.status ?? 'failed',
        docId: result?.docId ?? null,
        title: result?.title ?? null,
        reason: result?.reason ?? 'nothing was read',
        findings: result?.findings ?? 0,
      });
    }
    return results;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
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

const gradeBody = z.object({
  kind: z.enum(['document', 'holder']),
  id: z.string().min(1),
  grade: z.string().nullable(),
});
