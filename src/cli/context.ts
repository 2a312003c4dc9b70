import { resolve } from 'node:path';
import type { Store } from '../store/store.js';

/** What every command gets: where to write, how to open the store, and the global flags. */
export interface CliContext {
  readonly dbPath: string;
  readonly json: boolean;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly openStore: () => Promise<Store>;
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DYAD_DB ?? 'dyad.db');
}

export function print(ctx: CliContext, line = ''): void {
  ctx.stdout.write(`${line}\n`);
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(ctx: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await ctx.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
