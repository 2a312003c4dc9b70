import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotateGrades } from '../../analysis/reliability.js';
import { findingRows, toCsv } from '../../analysis/tabular.js';
import { usageError } from '../../domain/errors.js';
import { FINDING_KINDS, isFindingKind } from '../../domain/model.js';
import { parseCommandArgs } from '../args.js';
import { print, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'export documents and findings as JSON Lines or CSV',
  usage: `Usage: dyad export [--format jsonl|csv] [--out PATH] [--kinds K,...] [--doc ID]

  --format jsonl   (default) one JSON object per line: {"type":"document",...} then its findings
                   ({"type":"finding",...}); to --out FILE, or stdout
  --format csv     one CSV file per finding kind (timex.csv, event.csv, ...) and documents.csv in --out DIR
  --kinds          finding kinds to export (default: all but sentence)
  --doc ID         only this document`,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      kinds: { type: 'string' },
      doc: { type: 'string' },
    });
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw usageError(`unknown format '${format}' (jsonl or csv)`);
    const kinds = values.kinds
      ? values.kinds.split(',').map((k) => k.trim())
      : FINDING_KINDS.filter((k) => k !== 'sentence');
    for (const k of kinds) if (!isFindingKind(k)) throw usageError(`unknown finding kind '${k}'`);
    const validKinds = kinds.filter(isFindingKind);
    return withStore(ctx, async (store) => {
      const summaries = await store.listDocuments({ limit: 1_000_000 });
      const grades = await store.grades();
      const docs = values.doc ? summaries.filter((d) => d.id.startsWith(values.doc ?? '')) : summaries;
      if (format === 'csv') {
        if (!values.out) throw usageError('--format csv needs --out DIR');
        await mkdir(values.out, { recursive: true });
        const findings = (
          await Promise.all(docs.map((d) => store.findings({ docId: d.id, kinds: validKinds })))
        ).flat();
        await writeFile(
          join(values.out, 'documents.csv'),
          toCsv(docs.map(({ findingCounts, ...d }) => ({ ...d, findings: JSON.stringify(findingCounts) }))),
        );
        for (const kind of validKinds)
          await writeFile(join(values.out, `${kind}.csv`), toCsv(findingRows(findings, kind)));
        print(ctx, `wrote ${validKinds.length + 1} CSV files for ${docs.length} documents to ${values.out}`);
        return 0;
      }
      const lines: string[] = [];
      for (const summary of docs) {
        const document = await store.getDocument(summary.id);
        lines.push(JSON.stringify({ type: 'document', ...document, pipeline: summary.pipeline }));
        const findings = await store.findings({ docId: summary.id, kinds: validKinds });
        for (const finding of annotateGrades(findings, grades)) {
          lines.push(JSON.stringify({ type: 'finding', ...finding }));
        }
      }
      const body = lines.length ? `${lines.join('\n')}\n` : '';
      if (values.out) {
        await writeFile(values.out, body);
        print(ctx, `wrote ${lines.length} lines to ${values.out}`);
      } else ctx.stdout.write(body);
      return 0;
    });
  },
};
