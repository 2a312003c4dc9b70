import { type FigureSeries, figureConflicts, figureSeries } from '../../analysis/conflicts.js';
import { usageError } from '../../domain/errors.js';
import type { DyadDocument, Observation } from '../../domain/model.js';
import type { Store } from '../../store/store.js';
import { parseCommandArgs } from '../args.js';
import { print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'figures as time series per indicator and pair of actors, with conflicting reports',
  usage: `Usage: dyad figures --subject ISO3 [--partner ISO3|none] [--indicator NAME] [--json]

Reads the stored observations about SUBJECT and prints one time series per indicator and partner:
each period's value(s), the document and the words they come from. A period marked '!' has reports more
than 1% apart; they are listed again under 'conflicts'. --partner none keeps figures without a partner.
Indicators include trade_total, exports, imports, trade_share, gdp, gdp_change, debt, investment, loan, deaths.`,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      subject: { type: 'string' },
      partner: { type: 'string' },
      indicator: { type: 'string' },
      json: { type: 'boolean' },
    });
    const subject = values.subject?.trim().toUpperCase();
    if (!subject) throw usageError('figures needs --subject, e.g. --subject PRK');
    const partner =
      values.partner === undefined
        ? undefined
        : values.partner.toLowerCase() === 'none'
          ? null
          : values.partner.toUpperCase();
    const query = {
      subject,
      ...(partner !== undefined ? { partner } : {}),
      ...(values.indicator ? { indicator: values.indicator } : {}),
    };
    return withStore(ctx, async (store) => {
      const observations = (await store.findings({ kinds: ['observation'] })).filter(
        (f): f is Observation => f.kind === 'observation',
      );
      const series = figureSeries(observations, query);
      const shown = series.flatMap((s) => s.points.flatMap((p) => p.observations));
      const conflicts = figureConflicts(shown);
      if (ctx.json || values.json) {
        printJson(ctx, { query, series, conflicts });
        return 0;
      }
      if (series.length === 0) {
        print(
          ctx,
          `no figures about ${subject}${describe(query)}; ingest documents first, or try without --partner/--indicator`,
        );
        return 0;
      }
      const documents = await loadDocuments(store, shown);
      for (const s of series) printSeries(ctx, s, documents);
      if (conflicts.length > 0) {
        print(ctx, 'conflicts:');
        for (const c of conflicts) {
          const [a, b] = c.sides;
          print(
            ctx,
            `  ${c.indicator} ${pair(c.subject, c.partner)} ${c.period ?? 'undated'}: ${formatValue(a.value, a.unit)} (${a.docId.slice(0, 8)}) vs ${formatValue(b.value, b.unit)} (${b.docId.slice(0, 8)}), ${(c.difference * 100).toFixed(1)}% apart`,
          );
        }
      }
      return 0;
    });
  },
};

function describe(query: { partner?: string | null; indicator?: string }): string {
  const parts = [
    query.partner === undefined ? null : `partner ${query.partner ?? 'none'}`,
    query.indicator ? `indicator ${query.indicator}` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

async function loadDocuments(
  store: Store,
  observations: readonly Observation[],
): Promise<Map<string, DyadDocument>> {
  const documents = new Map<string, DyadDocument>();
  for (const docId of new Set(observations.map((o) => o.docId))) {
    const document = await store.getDocument(docId);
    if (document) documents.set(docId, document);
  }
  return documents;
}

function printSeries(
  ctx: Parameters<typeof print>[0],
  series: FigureSeries,
  documents: ReadonlyMap<string, DyadDocument>,
): void {
  print(ctx, `${series.indicator}  ${pair(series.subject, series.partner)}  ${series.unit}`);
  for (const point of series.points) {
    for (const o of point.observations) {
      const span = o.evidence[0];
      const text = span ? documents.get(o.docId)?.text.slice(span.start, span.end) : undefined;
      const period = (point.period ?? 'undated').padEnd(22);
      const flag = point.disputed ? '!' : ' ';
      print(
        ctx,
        `  ${period}${flag} ${formatValue(o.value, o.unit, o).padEnd(24)} ${o.docId.slice(0, 8)} [${span?.start}-${span?.end}]${text ? `  "${text}"` : ''}`,
      );
    }
  }
}

function pair(subject: string | null, partner: string | null): string {
  return partner ? `${subject ?? '?'}–${partner}` : (subject ?? '?');
}

const QUALIFIER_SIGNS: Readonly<Record<string, string>> = {
  at_least: '≥',
  at_most: '≤',
  about: '~',
  notional: 'notional ',
};

function formatValue(value: number, unit: string, o?: Observation): string {
  const sign = o?.qualifier ? (QUALIFIER_SIGNS[o.qualifier] ?? '') : '';
  if (unit === 'percent') return `${sign}${round(value * 100)}%`;
  const range = o && o.low !== null && o.high !== null ? ` (${compact(o.low)}–${compact(o.high)})` : '';
  return `${sign}${compact(value)} ${unit}${range}`;
}

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${round(value / 1e12)}tn`;
  if (abs >= 1e9) return `${round(value / 1e9)}bn`;
  if (abs >= 1e6) return `${round(value / 1e6)}m`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function round(value: number): string {
  return String(Number.parseFloat(value.toPrecision(4)));
}
