import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../orchestrate/ingest.js';
import { defaultPipeline } from '../../pipeline/default.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import { print, withStore } from '../context.js';
import type { Command } from '../main.js';
import { serve } from './serve.js';

/** The examples folder shipped with the package (dist/cli/commands → ../../../examples). */
export function examplesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../../../examples'), join(here, '../../examples')]) {
    if (existsSync(candidate)) return candidate;
  }
  return join(here, '../../../examples');
}

export const command: Command = {
  summary: 'ingest the examples into an empty store, then serve',
  usage: `Usage: dyad start [--port N]

When the database has no documents, ingests the bundled example corpus; then serves on 127.0.0.1.`,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' } });
    const empty = (await withStore(ctx, (store) => store.countDocuments())) === 0;
    if (empty) {
      const results = await withStore(ctx, (store) =>
        ingestPaths(store, [examplesDir()], { pipeline: defaultPipeline }),
      );
      const stored = results.filter((r) => r.status === 'inserted').length;
      print(ctx, `ingested ${stored} example documents into ${ctx.dbPath}`);
      const failed = results.filter((r) => r.status === 'failed');
      for (const f of failed) print(ctx, `failed ${f.path}: ${f.reason}`);
    }
    await serve(ctx, { port: positiveInt(values.port, 'port', 8787), host: '127.0.0.1', token: null });
    return 0;
  },
};
