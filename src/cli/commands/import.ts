import { usageError } from '../../domain/errors.js';
import type { ImportFileResult } from '../../importers/import.js';
import { importFiles } from '../../importers/import.js';
import { CODED_DATASETS, type CodedDataset } from '../../store/coded.js';
import { codedEventsOf } from '../../store/sqlite/coded-of.js';
import { parseCommandArgs } from '../args.js';
import { type CliContext, print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';
import { ProgressBar } from '../progress.js';

export const command: Command = {
  summary: 'import coded event data (GDELT, ICEWS, ACLED)',
  usage: `Usage: dyad import gdelt|icews|acled FILE... [--strict] [--json]

Imports coded event files into the store, each row an event of origin 'coded' keyed on the dataset
and its original id (re-importing a file changes nothing). Files may be plain, .zip or .gz.
  gdelt   GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event files, or 2.0 Mentions files
  icews   ICEWS event files with a header row (tab- or comma-separated)
  acled   ACLED CSV exports
Each file is one transaction: a file that fails leaves nothing behind. Bad rows (wrong column count,
bad date, unknown code) are skipped and reported with line numbers.

Options:
  --strict   fail a file on its first bad row
  --json     print per-file results as JSON

Exit status: 0 when every file was imported, 1 when any failed.`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const [dataset, ...paths] = positionals;
    if (!dataset || !(CODED_DATASETS as readonly string[]).includes(dataset)) {
      throw usageError(`import needs a dataset (${CODED_DATASETS.join(', ')}) and FILE...`);
    }
    if (paths.length === 0) throw usageError('import needs at least one FILE');
    const json = ctx.json || Boolean(values.json);
    const progress = new ProgressBar(ctx.stderr, `import ${dataset}`);
    const results = await withStore(ctx, async (store) => {
      const coded = codedEventsOf(store);
      if (!coded) throw usageError('this store cannot hold coded events');
      const done: ImportFileResult[] = [];
      for (const path of paths) {
        const [result] = await importFiles(coded, dataset as CodedDataset, [path], {
          strict: Boolean(values.strict),
          onProgress: (file, p, rows) =>
            progress.update(p.bytesRead, p.bytesTotal, `bytes ${file} (${rows.toLocaleString('en')} rows)`),
        });
        progress.done();
        if (!result) continue;
        done.push(result);
        if (!json) printResult(ctx, result);
      }
      return done;
    });
    if (json) printJson(ctx, results);
    else {
      const failed = results.filter((r) => r.status === 'failed').length;
      print(ctx, `${results.length - failed} ok, ${failed} failed`);
    }
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  },
};

function printResult(ctx: CliContext, r: ImportFileResult): void {
  if (r.status === 'failed') {
    print(ctx, `failed   ${r.path} — ${r.reason} (nothing imported)`);
  } else {
    const rate = r.seconds > 0 ? Math.round(r.rows / r.seconds) : r.rows;
    print(
      ctx,
      `ok       ${r.path} — ${r.content ?? 'rows'}: ${r.inserted} new, ${r.duplicates} already stored, ` +
        `${r.badRows} bad of ${r.rows} rows (${rate.toLocaleString('en')} rows/s)`,
    );
  }
  for (const bad of r.firstBadRows) print(ctx, `  line ${bad.line}: ${bad.reason}`);
  if (r.badRows > r.firstBadRows.length)
    print(ctx, `  … and ${r.badRows - r.firstBadRows.length} more bad rows`);
}
