import { DyadError, type DyadErrorCode, errorMessage } from '../domain/errors.js';
import { type CliContext, defaultDbPath } from './context.js';

export interface Command {
  readonly summary: string;
  /** Usage text shown by `dyad COMMAND --help`. */
  readonly usage: string;
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

// Commands are imported only when run, so `dyad --help` and small commands start fast.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  ingest: {
    summary: 'read files, folders or stdin into the store',
    load: async () => (await import('./commands/ingest.js')).command,
  },
  docs: { summary: 'list stored documents', load: async () => (await import('./commands/docs.js')).command },
  show: {
    summary: "print a document's text with its findings",
    load: async () => (await import('./commands/show.js')).command,
  },
  search: {
    summary: 'full-text search over documents, sentence by sentence',
    load: async () => (await import('./commands/search.js')).command,
  },
  export: {
    summary: 'export documents and findings as JSON Lines or CSV',
    load: async () => (await import('./commands/export.js')).command,
  },
  import: {
    summary: 'import coded event data',
    load: async () => (await import('./commands/import.js')).command,
  },
  pair: {
    summary: 'events between two actors over time',
    load: async () => (await import('./commands/pair.js')).command,
  },
  eval: {
    summary: 'score extraction against gold annotations, TimeML or PLOVER examples',
    load: async () => (await import('./commands/eval.js')).command,
  },
  figures: {
    summary: 'figures as time series per indicator and pair of actors',
    load: async () => (await import('./commands/figures.js')).command,
  },
  grade: {
    summary: 'grade a document or a claim holder with the Admiralty code',
    load: async () => (await import('./commands/grade.js')).command,
  },
  serve: { summary: 'serve the HTTP API', load: async () => (await import('./commands/serve.js')).command },
  start: {
    summary: 'ingest the examples into an empty store, then serve',
    load: async () => (await import('./commands/start.js')).command,
  },
};

// One place maps typed errors to exit codes (server/envelope.ts maps them to HTTP statuses).
export const EXIT_CODES: Record<DyadErrorCode, number> = {
  usage: 2,
  not_found: 3,
  invalid_input: 4,
  conflict: 5,
  unauthorized: 6,
};

const GLOBAL_HELP = `dyad — extract dated, sourced findings from reports on relations between states

Usage: dyad [--db PATH] [--json] COMMAND [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Global options:
  --db PATH   SQLite database file (default ./dyad.db, or $DYAD_DB)
  --json      machine-readable output
  -h, --help  help; 'dyad COMMAND --help' for a command`;

export interface MainIo {
  readonly stdout?: CliContext['stdout'];
  readonly stderr?: CliContext['stderr'];
  readonly env?: NodeJS.ProcessEnv;
}

/** Parses global flags, lazy-loads the command, and funnels every error to one message and exit code. */
export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let dbPath = defaultDbPath(env);
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--db') {
      const value = argv[++i];
      if (!value) return fail(stderr, new DyadError('usage', '--db needs a path'));
      dbPath = value;
    } else if (arg.startsWith('--db=')) dbPath = arg.slice(5);
    else if (arg === '--json') json = true;
    else rest.push(arg);
  }
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(`${GLOBAL_HELP}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    stdout.write('dyad 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) return fail(stderr, new DyadError('usage', `unknown command '${name}'; see 'dyad --help'`));
  try {
    const command = await entry.load();
    if (args.includes('--help') || args.includes('-h')) {
      stdout.write(`${command.usage}\n`);
      return 0;
    }
    const ctx: CliContext = {
      dbPath,
      json,
      stdout,
      stderr,
      openStore: async () => {
        const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
        return openSqliteStore(dbPath);
      },
    };
    return await command.run(args, ctx);
  } catch (error) {
    return fail(stderr, error);
  }
}

function fail(stderr: CliContext['stderr'], error: unknown): number {
  if (error instanceof DyadError) {
    stderr.write(`dyad: ${error.message}\n`);
    return EXIT_CODES[error.code];
  }
  stderr.write(`dyad: internal error: ${errorMessage(error)}\n`);
  if (process.env.DYAD_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 1;
}
