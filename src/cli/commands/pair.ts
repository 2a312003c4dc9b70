import { analysePair, type PairAnalysis } from '../../analysis/pair.js';
import { parsePairParams } from '../../analysis/pair-query.js';
import { usageError } from '../../domain/errors.js';
import type { PairRollupQuery } from '../../store/coded.js';
import { codedEventsOf } from '../../store/sqlite/coded-of.js';
import { parseCommandArgs } from '../args.js';
import { type CliContext, print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'events between two actors by day, month or year',
  usage: `Usage: dyad pair A B [--by day|month|year] [--direction both|ab|ba] [--source all|coded|extracted]
                 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

Counts, PLOVER-type mix, cooperation/conflict and verbal/material splits and a score per period for
events between actors A and B (ISO alpha-3 for states, e.g. PRK RUS), from coded event data and from
events extracted from documents.
  score   mean Goldstein-like intensity, −10 (conflict) … +10 (cooperation)
  coop%   cooperative / (cooperative + conflictual) events
Defaults: --by month --direction both --source all.`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      by: { type: 'string' },
      direction: { type: 'string' },
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 2) throw usageError('pair needs two actors, e.g. dyad pair PRK RUS');
    const { query, by } = parsePairParams({ a: positionals[0], b: positionals[1], ...values });
    const analysis = await withStore(ctx, async (store) => {
      const coded = codedEventsOf(store);
      if (!coded) throw usageError('this store has no coded-event rollup');
      return analysePair(await coded.pairRollup(query), by);
    });
    if (ctx.json || values.json) printJson(ctx, { query, ...analysis });
    else printTable(ctx, query, analysis);
    return 0;
  },
};

function printTable(ctx: CliContext, query: PairRollupQuery, analysis: PairAnalysis): void {
  const arrow = query.direction === 'both' ? '↔' : query.direction === 'ab' ? '→' : '←';
  print(ctx, `${query.a} ${arrow} ${query.b}  by ${analysis.by}, source ${query.origin}`);
  if (analysis.periods.length === 0) {
    print(ctx, 'no events');
    return;
  }
  print(ctx, 'period       events  coded  extr.  coop  confl  verbal  mater.  coop%   score  top types');
  for (const p of [...analysis.periods, analysis.total]) {
    const top = Object.entries(p.byType)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    print(
      ctx,
      [
        p.period.padEnd(10),
        String(p.count).padStart(8),
        String(p.byOrigin.coded).padStart(6),
        String(p.byOrigin.extracted).padStart(6),
        String(p.cooperation).padStart(5),
        String(p.conflict).padStart(6),
        String(p.verbal).padStart(7),
        String(p.material).padStart(7),
        (p.cooperationShare === null ? '—' : `${Math.round(p.cooperationShare * 100)}%`).padStart(6),
        (p.score === null ? '—' : p.score.toFixed(2)).padStart(7),
        ` ${top}`,
      ].join(' '),
    );
  }
}
