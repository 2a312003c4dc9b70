import { usageError } from '../../domain/errors.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import { print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'full-text search over documents, sentence by sentence',
  usage: `Usage: dyad search QUERY [--limit N] [--json]

Finds sentences containing every word of QUERY (word prefixes match), best first.
Prints each hit's document id, character offsets and the sentence with matches in [brackets].`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const query = positionals.join(' ').trim();
    if (!query) throw usageError('search needs a QUERY');
    const hits = await withStore(ctx, (store) =>
      store.search(query, { limit: positiveInt(values.limit, 'limit', 20) }),
    );
    if (ctx.json || values.json) {
      printJson(ctx, hits);
      return 0;
    }
    if (hits.length === 0) print(ctx, 'no matches');
    for (const h of hits) {
      print(ctx, `${h.docId} [${h.start}-${h.end}] ${h.title ?? ''}`);
      print(ctx, `  ${h.snippet}`);
    }
    return 0;
  },
};
