import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The built workbench: `dist/web` of the package, found from src/server or dist/server alike. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../dist/web', import.meta.url));
}

export function webAppBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Serves the built single-page app from `root`. Paths with an extension are files; any other path
 * gets index.html so deep links (`/reader/...`) load the app. Never serves outside `root`.
 */
export async function serveWebApp(c: Context, root: string): Promise<Response> {
  const base = resolve(root);
  if (!webAppBuilt(base)) {
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>Dyad</title><p>The workbench is not built. ' +
        'Run <code>npm run build</code>, then restart <code>dyad serve</code>. The API is at /api/health.</p>',
      503,
    );
  }
  let requested: string;
  try {
    requested = decodeURIComponent(c.req.path);
  } catch {
    return c.text('bad path', 400);
  }
  const wantsFile = extname(requested) !== '';
  const target = resolve(base, `.${requested}`);
  if (target !== base && !target.startsWith(base + sep)) return c.text('not found', 404);
  const file = wantsFile ? target : join(base, 'index.html');
  try {
    const info = await stat(file);
    if (!info.isFile()) return c.text('not found', 404);
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    // Hashed assets never change; index.html must be re-read so a rebuild shows up.
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cache });
  } catch {
    return c.text('not found', 404);
  }
}
