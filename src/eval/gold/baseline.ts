import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import { type GoldReport, HEADLINE_LABELS, type Headline } from './report.js';

/**
 * The regression baseline: the headline score of each layer on the dev document. It only ever rises unless a
 * lower number is explicitly allowed, and the regression test fails when a score falls 2 points below it.
 */

export const REGRESSION_TOLERANCE = 0.02;

const headlineSchema = z.object({
  timexRelaxedF1: z.number(),
  timexValueAccuracy: z.number(),
  eventsF1: z.number(),
  observationsF1: z.number(),
  claimsRecall: z.number(),
  claimsHolderAccuracy: z.number(),
  itineraryScore: z.number(),
});

const baselineSchema = z.object({
  description: z.string(),
  documents: z.array(z.string()),
  pipeline: z.string(),
  updated: z.string(),
  headline: headlineSchema,
});

export type Baseline = z.infer<typeof baselineSchema>;
export type HeadlineKey = keyof Headline;

export function parseBaseline(text: string, label = 'eval/baseline.json'): Baseline {
  const result = baselineSchema.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalidInput(`${label}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export interface Regression {
  readonly metric: HeadlineKey;
  readonly label: string;
  readonly baseline: number;
  readonly current: number;
}

/** Every headline score more than `tolerance` below its baseline. */
export function findRegressions(
  current: Headline,
  baseline: Headline,
  tolerance = REGRESSION_TOLERANCE,
): Regression[] {
  return (Object.keys(HEADLINE_LABELS) as HeadlineKey[])
    .filter((metric) => current[metric] < baseline[metric] - tolerance - 1e-9)
    .map((metric) => ({
      metric,
      label: HEADLINE_LABELS[metric],
      baseline: baseline[metric],
      current: current[metric],
    }));
}

export function describeRegressions(regressions: readonly Regression[]): string {
  return regressions
    .map(
      (r) =>
        `${r.label} fell to ${(r.current * 100).toFixed(1)}% from the baseline ${(r.baseline * 100).toFixed(1)}%`,
    )
    .join('; ');
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The next baseline: each score is the higher of old and new (so a noisy dip never lowers the bar), or simply
 * the new score with `allowLower`. Scores are rounded down to 4 decimals so the baseline never exceeds them.
 */
export function nextBaseline(
  previous: Baseline | null,
  report: GoldReport,
  options: { allowLower?: boolean; now?: Date } = {},
): Baseline {
  const headline = {} as Record<HeadlineKey, number>;
  for (const metric of Object.keys(HEADLINE_LABELS) as HeadlineKey[]) {
    const current = Math.floor(report.headline[metric] * 10_000) / 10_000;
    const old = previous?.headline[metric] ?? 0;
    headline[metric] = round(options.allowLower ? current : Math.max(old, current));
  }
  return {
    description:
      'Headline scores on the dev gold (fractions). Raised by `npx tsx eval/run.ts --update-baseline`; lowered only with --allow-lower.',
    documents: report.documents.map((d) => d.document),
    pipeline: report.pipeline,
    updated: (options.now ?? new Date()).toISOString().slice(0, 10),
    headline,
  };
}

/** TimeML scores as `evalTimeml` reports them; only the fields the quality table shows. */
export interface TimemlSummary {
  readonly files: number;
  readonly strict: { readonly f1: number };
  readonly relaxed: { readonly f1: number };
  readonly valueAccuracy: number;
}

export function isTimemlSummary(value: unknown): value is TimemlSummary {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const f1Of = (key: string) => {
    const inner = record[key];
    return (
      typeof inner === 'object' && inner !== null && typeof (inner as Record<string, unknown>).f1 === 'number'
    );
  };
  return (
    typeof record.files === 'number' &&
    f1Of('strict') &&
    f1Of('relaxed') &&
    typeof record.valueAccuracy === 'number'
  );
}

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}`);

/** The README's quality table in Markdown: the dev gold's layers, and the TempEval-3 platinum row when given. */
export function renderQualityTable(report: GoldReport, timeml?: TimemlSummary | null): string {
  const t = report.totals;
  const docs = report.documents.length;
  const lines = [
    '| layer | measured on | score (%) | details (%) |',
    '| --- | --- | ---: | --- |',
    `| time expressions | dev gold (${docs} doc) | relaxed F1 ${pct(t.timexes.relaxed.f1)} | strict F1 ${pct(t.timexes.strict.f1)}, value accuracy ${pct(t.timexes.value.accuracy)} |`,
  ];
  if (timeml) {
    lines.push(
      `| time expressions | TempEval-3 platinum (${timeml.files} docs) | relaxed F1 ${pct(timeml.relaxed.f1)} | strict F1 ${pct(timeml.strict.f1)}, value F1 ${pct(timeml.relaxed.f1 * timeml.valueAccuracy)}, value accuracy ${pct(timeml.valueAccuracy)} (HeidelTime: relaxed 90.3, strict 81.3, value F1 77.6) |`,
    );
  }
  lines.push(
    `| events | dev gold | F1 ${pct(t.events.overall.f1)} | P ${pct(t.events.overall.precision)}, R ${pct(t.events.overall.recall)}, factuality ${pct(t.events.factuality.accuracy)}, location ${pct(t.events.location.accuracy)} |`,
    `| figures (observations) | dev gold | F1 ${pct(t.observations.overall.f1)} | P ${pct(t.observations.overall.precision)}, R ${pct(t.observations.overall.recall)}, attributes ${pct(t.observations.attributes.accuracy)}, indicator ${pct(t.observations.indicator.accuracy)} |`,
    `| claims | dev gold | recall ${pct(t.claims.overall.recall)} | P ${pct(t.claims.overall.precision)}, F1 ${pct(t.claims.overall.f1)}, holder ${pct(t.claims.holder.accuracy)}, likelihood ${pct(t.claims.likelihood.accuracy)} (±1 step ${pct(t.claims.likelihoodWithinOne.accuracy)}) |`,
    `| itineraries | dev gold | ${pct(t.itineraries.score)} | ${t.itineraries.matchedStops}/${t.itineraries.goldStops} gold stops in order, precision ${pct(t.itineraries.precision)} |`,
  );
  return lines.join('\n');
}

export const QUALITY_START = '<!-- quality:start -->';
export const QUALITY_END = '<!-- quality:end -->';

/** The README with the text between the quality markers replaced; null when the markers are missing. */
export function replaceQualitySection(readme: string, table: string): string | null {
  const start = readme.indexOf(QUALITY_START);
  const end = readme.indexOf(QUALITY_END, start + QUALITY_START.length);
  if (start < 0 || end < 0) return null;
  return `${readme.slice(0, start + QUALITY_START.length)}\n${table}\n${readme.slice(end)}`;
}
