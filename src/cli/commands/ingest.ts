import { buffer } from 'node:stream/consumers';
import { usageError } from '../../domain/errors.js';
import { type IngestResult, ingestPaths } from '../../orchestrate/ingest.js';
import { defaultPipeline, noExtractionPipeline } from '../../pipeline/default.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import { type CliContext, print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';
import { ProgressBar } from '../progress.js';

export const command: Command = {
  summary: 'read files, folders or stdin into the store',
  usage: `Usage: dyad ingest PATH... [options]

Reads plain text, Markdown, HTML and PDF files; folders are read recursively; '-' reads stdin.
Each document is stored with its findings all-or-nothing (documents are committed in groups of up to 256;
a document that fails to write is retried alone). Unchanged content is skipped.

Options:
  --title TEXT        title for the document(s), overriding what the file says
  --published DATE    publication date (document creation time), e.g. 2023-11-05
  --source URL        source path or URL to record
  --max-mb N          refuse files larger than N megabytes (default 50)
  --reextract         re-run extraction on stored documents made by an older extractor (or none)
  --no-extract        store and index the text only; extract later with --reextract
  --json              print per-file results as JSON

Exit status: 0 when every file was stored or unchanged, 1 when any failed.`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      title: { type: 'string' },
      published: { type: 'string' },
      source: { type: 'string' },
      'max-mb': { type: 'string' },
      reextract: { type: 'boolean' },
      'no-extract': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw usageError('ingest needs at least one PATH (or - for stdin)');
    const json = ctx.json || Boolean(values.json);
    const progress = new ProgressBar(ctx.stderr, 'ingest');
    const results = await withStore(ctx, (store) =>
      ingestPaths(store, positionals, {
        pipeline: values['no-extract'] ? noExtractionPipeline : defaultPipeline,
        maxBytes: positiveInt(values['max-mb'], 'max-mb', 50) * 1024 * 1024,
        ...(values.title ? { title: values.title } : {}),
        ...(values.published ? { published: values.published } : {}),
        ...(values.source ? { source: values.source } : {}),
        reextract: Boolean(values.reextract),
        readStdin: async () => new Uint8Array(await buffer(process.stdin)),
        onProgress: ({ done, total, path, result }) => {
          progress.update(done, total, path);
          if (result && !json) {
            progress.done();
            printResult(ctx, result);
          }
        },
      }),
    );
    progress.done();
    if (json) printJson(ctx, results);
    else printSummary(ctx, results);
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  },
};

function printResult(ctx: CliContext, r: IngestResult): void {
  const id = r.docId ? ` ${r.docId}` : '';
  const detail = r.reason ? ` — ${r.reason}` : r.findings ? ` (${r.findings} findings)` : '';
  print(ctx, `${r.status.padEnd(9)}${id} ${r.path}${detail}`);
}

function printSummary(ctx: CliContext, results: readonly IngestResult[]): void {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  print(ctx, [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'nothing to ingest');
}
