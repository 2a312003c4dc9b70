import { usageError } from '../../domain/errors.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import type { CliContext } from '../context.js';
import { print } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'serve the HTTP API',
  usage: `Usage: dyad serve [--port N] [--host ADDR] [--token TOKEN]

Serves the HTTP API (and the workbench once built) from the store.
Binds 127.0.0.1 by default. Listening on any other address requires a token
(--token or $DYAD_TOKEN), which every API call must then send as 'Authorization: Bearer TOKEN'.`,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
    });
    await serve(ctx, {
      port: positiveInt(values.port, 'port', 8787),
      host: values.host ?? '127.0.0.1',
      token: values.token ?? process.env.DYAD_TOKEN ?? null,
    });
    return 0;
  },
};

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly token: string | null;
}

/** Serves until SIGINT/SIGTERM, then closes the store. */
export async function serve(ctx: CliContext, options: ServeOptions): Promise<void> {
  const loopback = options.host === '127.0.0.1' || options.host === 'localhost' || options.host === '::1';
  if (!loopback && !options.token) {
    throw usageError(`listening on ${options.host} requires --token (or DYAD_TOKEN)`);
  }
  const [{ serve: listen }, { createApp }] = await Promise.all([
    import('@hono/node-server'),
    import('../../server/app.js'),
  ]);
  const store = await ctx.openStore();
  const app = createApp(store, { token: options.token });
  await new Promise<void>((resolve, reject) => {
    const server = listen({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      print(ctx, `Dyad is serving ${ctx.dbPath} at http://${options.host}:${info.port}/`);
    });
    server.on('error', reject);
    const stop = () => {
      server.close(() => {
        store.close().then(resolve, reject);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
