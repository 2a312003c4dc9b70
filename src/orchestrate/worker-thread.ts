import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The URL of a worker module next to `callerUrl` (pass `import.meta.url`): its `.js` file when running built,
 * its `.ts` source when running from the sources (tests, tsx).
 */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}.${callerUrl.endsWith('.ts') ? 'ts' : 'js'}`, callerUrl);
}

// A worker streams: a small heap makes it collect garbage early instead of growing the process's memory.
const resourceLimits = { maxOldGenerationSizeMb: 48 };

/** Starts a worker thread on a module; a TypeScript module first registers tsx (a dev dependency) in the worker. */
export function startWorker(module: URL, workerData: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData, resourceLimits });
  // tsx's ESM entry (its CommonJS `require` entry cannot register ESM hooks in a worker).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
