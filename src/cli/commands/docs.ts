import { parseCommandArgs, positiveInt } from '../args.js';
import { print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'list stored documents',
  usage: `Usage: dyad docs [--limit N] [--json]

Lists stored documents, newest publication first: id, date, title, and counts of findings by kind.`,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { limit: { type: 'string' }, json: { type: 'boolean' } });
    const docs = await withStore(ctx, (store) =>
      store.listDocuments({ limit: positiveInt(values.limit, 'limit', 1000) }),
    );
    if (ctx.json || values.json) {
      printJson(ctx, docs);
      return 0;
    }
    if (docs.length === 0) print(ctx, 'no documents; add some with: dyad ingest PATH');
    for (const d of docs) {
      const counts = Object.entries(d.findingCounts)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      print(
        ctx,
        `${d.id}  ${(d.published ?? '—').slice(0, 10).padEnd(10)}  ${d.title ?? '(untitled)'}  [${counts}]`,
      );
    }
    return 0;
  },
};
