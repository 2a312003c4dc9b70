import { usageError } from '../../domain/errors.js';
import { parseCommandArgs } from '../args.js';
import { print, printJson } from '../context.js';
import type { Command } from '../main.js';

const USAGE = `Usage: dyad eval gold --gold DIR --corpus DIR [--explain] [--predictions-out DIR] [--json]
       dyad eval timeml --gold DIR [--out DIR] [--json]
       dyad eval plover --data DIR [--no-synthetic] [--split tune|test|all] [--json]

gold     runs the current pipeline on each document that has a gold file (X.json scores X.txt, X.md or
         X.html in the corpus folder) and scores timexes, events, observations, claims and itineraries by
         the rules of the gold format; --explain lists every miss and false positive with its sentence;
         --predictions-out writes what the pipeline found, one X.json per document in the gold format.
timeml   tags the raw text of each TimeML (.tml) file with its DCT, writes TimeML output with the same
         file names to --out, and scores by the TempEval-3 Task A rules beside HeidelTime's results.
plover   types the PLOVER labelled example sentences with the event stage and reports type accuracy;
         --split tune scores only the even-indexed synthetic stories and headlines (for developing rules),
         --split test the odd-indexed ones plus all hand-coded CAMEO records (held out), all (default) both.`;

export const command: Command = {
  summary: 'score extraction against gold annotations, TimeML or PLOVER examples',
  usage: USAGE,
  async run(args, ctx) {
    const [mode, ...rest] = args;
    const { values } = parseCommandArgs(rest, {
      gold: { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      explain: { type: 'boolean' },
      'predictions-out': { type: 'string' },
      'no-synthetic': { type: 'boolean' },
      split: { type: 'string' },
      json: { type: 'boolean' },
    });
    const json = ctx.json || Boolean(values.json);
    switch (mode) {
      case 'gold': {
        if (!values.gold || !values.corpus) throw usageError('eval gold needs --gold DIR and --corpus DIR');
        const [{ evalGold, formatGoldReport }, { defaultPipeline }] = await Promise.all([
          import('../../eval/gold/index.js'),
          import('../../pipeline/default.js'),
        ]);
        const report = await evalGold({
          goldDir: values.gold,
          corpusDir: values.corpus,
          pipeline: defaultPipeline,
          explain: Boolean(values.explain),
          ...(values['predictions-out'] ? { predictionsOut: values['predictions-out'] } : {}),
        });
        if (json) printJson(ctx, report);
        else print(ctx, formatGoldReport(report, { explain: Boolean(values.explain) }));
        return 0;
      }
      case 'timeml': {
        if (!values.gold) throw usageError('eval timeml needs --gold DIR');
        const { evalTimeml, formatTimemlReport } = await import('../../eval/timeml/index.js');
        const report = await evalTimeml({
          goldDir: values.gold,
          ...(values.out ? { outDir: values.out } : {}),
        });
        if (json) printJson(ctx, report);
        else print(ctx, formatTimemlReport(report));
        return 0;
      }
      case 'plover': {
        if (!values.data) throw usageError('eval plover needs --data DIR');
        const { evalPlover, formatPloverReport, PLOVER_SPLITS } = await import('../../eval/plover/index.js');
        const split = PLOVER_SPLITS.find((name) => name === (values.split ?? 'all'));
        if (!split) throw usageError(`--split must be tune, test or all (got '${values.split}')`);
        const report = await evalPlover({
          dataDir: values.data,
          synthetic: !values['no-synthetic'],
          split,
        });
        if (json) printJson(ctx, report);
        else print(ctx, formatPloverReport(report));
        return 0;
      }
      default:
        throw usageError(mode ? `unknown eval mode '${mode}' (gold, timeml or plover)` : USAGE);
    }
  },
};
