import { annotateGrades } from '../../analysis/reliability.js';
import { notFound, usageError } from '../../domain/errors.js';
import { type Finding, isFindingKind, primarySpan, spanText } from '../../domain/model.js';
import { parseCommandArgs } from '../args.js';
import { print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: "print a document's text with its findings",
  usage: `Usage: dyad show DOC [--kinds timex,mention,...] [--json]

Prints the document's metadata and text, then each finding with its character span and evidence.
DOC is a document id or an unambiguous prefix of one (at least 4 characters).`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      kinds: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [ref] = positionals;
    if (!ref) throw usageError('show needs a document id');
    const kinds = (values.kinds ?? 'timex,mention,event,observation,claim,itinerary')
      .split(',')
      .map((k) => k.trim());
    for (const k of kinds) if (!isFindingKind(k)) throw usageError(`unknown finding kind '${k}'`);
    const { document, findings } = await withStore(ctx, async (store) => {
      const document = await store.getDocument(ref);
      if (!document) throw notFound(`no document '${ref}'`);
      const findings = annotateGrades(
        await store.findings({ docId: document.id, kinds: kinds.filter(isFindingKind) }),
        await store.grades(),
      );
      return { document, findings };
    });
    if (ctx.json || values.json) {
      printJson(ctx, { document, findings });
      return 0;
    }
    print(ctx, `# ${document.title ?? '(untitled)'}`);
    print(
      ctx,
      `id ${document.id} · published ${document.published ?? 'unknown'} · ${document.format} · ${document.source ?? ''}`,
    );
    print(ctx);
    print(ctx, document.text);
    print(ctx);
    print(ctx, `## Findings (${findings.length})`);
    for (const f of findings) {
      const span = primarySpan(f);
      print(
        ctx,
        `[${span.start}-${span.end}] ${f.kind.padEnd(11)} ${describe(f)}  «${spanText(document, span)}»`,
      );
    }
    return 0;
  },
};

function describe(f: Finding): string {
  switch (f.kind) {
    case 'sentence':
      return `#${f.index}`;
    case 'timex':
      return `${f.type} ${f.value}${f.mod ? ` ${f.mod}` : ''}`;
    case 'mention':
      return `${f.mentionType} ${f.entityId ?? '?'}`;
    case 'event':
      return `${f.type}${f.mode ? `/${f.mode}` : ''} ${f.source ?? '?'}→${f.target ?? '-'} ${f.date ?? ''} ${f.factuality}`;
    case 'observation':
      return `${f.indicator} ${f.subject ?? '?'}${f.partner ? `/${f.partner}` : ''} ${f.period ?? ''} ${f.value} ${f.unit}`;
    case 'claim':
      return `${f.holder} ${f.likelihood} (${f.cue})`;
    case 'itinerary':
      return `${f.traveller}: ${f.stops.map((s) => `${s.place.name} ${s.date ?? ''}`).join(' → ')}`;
    default: {
      const unreachable: never = f;
      return unreachable;
    }
  }
}
