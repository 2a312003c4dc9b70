import type { Accuracy, Prf } from './metrics.js';
import type { Explanation, LayerScores } from './score.js';

export interface DocumentReport {
  /** The gold file's name, e.g. `X.json`. */
  readonly gold: string;
  /** The scored document's file name, e.g. `X.txt`. */
  readonly document: string;
  readonly docId: string;
  readonly findings: number;
  readonly scores: LayerScores;
  /** Misses, false positives and wrong attributes; present when the evaluation ran with `explain`. */
  readonly explanations?: readonly Explanation[];
}

export interface SkippedGold {
  readonly gold: string;
  readonly reason: string;
}

/** The score per layer that the regression baseline guards, each a fraction in [0, 1]. */
export interface Headline {
  readonly timexRelaxedF1: number;
  readonly timexValueAccuracy: number;
  readonly eventsF1: number;
  readonly observationsF1: number;
  readonly claimsRecall: number;
  readonly claimsHolderAccuracy: number;
  readonly itineraryScore: number;
}

export const HEADLINE_LABELS: Readonly<Record<keyof Headline, string>> = {
  timexRelaxedF1: 'timex relaxed F1',
  timexValueAccuracy: 'timex value accuracy',
  eventsF1: 'events F1',
  observationsF1: 'observations F1',
  claimsRecall: 'claims recall',
  claimsHolderAccuracy: 'claims holder accuracy',
  itineraryScore: 'itinerary score',
};

export interface GoldReport {
  readonly goldDir: string;
  readonly corpusDir: string;
  /** Stage names and versions of the pipeline that made the predictions. */
  readonly pipeline: string;
  readonly matching: string;
  readonly documents: readonly DocumentReport[];
  readonly skipped: readonly SkippedGold[];
  /** Micro-averaged over documents. */
  readonly totals: LayerScores;
  readonly headline: Headline;
}

export function headlineOf(scores: LayerScores): Headline {
  return {
    timexRelaxedF1: scores.timexes.relaxed.f1,
    timexValueAccuracy: scores.timexes.value.accuracy ?? 0,
    eventsF1: scores.events.overall.f1,
    observationsF1: scores.observations.overall.f1,
    claimsRecall: scores.claims.overall.recall,
    claimsHolderAccuracy: scores.claims.holder.accuracy ?? 0,
    itineraryScore: scores.itineraries.score,
  };
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function accuracyText(label: string, a: Accuracy): string {
  return `${label} ${percent(a.accuracy)} (${a.correct}/${a.total})`;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) =>
      i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
    )
    .join('  ')
    .trimEnd();
}

const WIDTHS = [13, 5, 5, 5, 7, 7, 7, 0];
const HEADER = ['layer', 'gold', 'pred', 'match', 'P', 'R', 'F1', 'details'];

function prfRow(layer: string, p: Prf, details: string): string {
  return row(
    [
      layer,
      String(p.tp + p.fn),
      String(p.tp + p.fp),
      String(p.tp),
      percent(p.precision),
      percent(p.recall),
      percent(p.f1),
      details,
    ],
    WIDTHS,
  );
}

/** A plain-text table of the layers' scores. */
export function formatScoresTable(scores: LayerScores): string {
  const { timexes, events, observations, claims, itineraries } = scores;
  const stopsPrf: Prf = {
    tp: itineraries.matchedStops,
    fp: itineraries.predictedStops - itineraries.matchedStops,
    fn: itineraries.goldStops - itineraries.matchedStops,
    precision: itineraries.precision,
    recall: itineraries.score,
    f1:
      itineraries.precision + itineraries.score === 0
        ? 0
        : (2 * itineraries.precision * itineraries.score) / (itineraries.precision + itineraries.score),
  };
  const lines = [
    row(HEADER, WIDTHS),
    prfRow(
      'timexes',
      timexes.relaxed,
      `strict F1 ${percent(timexes.strict.f1)}; ${accuracyText('value', timexes.value)}`,
    ),
    prfRow(
      'events',
      events.overall,
      `${accuracyText('factuality', events.factuality)}; ${accuracyText('location', events.location)}`,
    ),
    prfRow(
      'observations',
      observations.overall,
      [
        accuracyText('subject', observations.subject),
        accuracyText('partner', observations.partner),
        accuracyText('period', observations.period),
        accuracyText('attributes', observations.attributes),
        accuracyText('indicator', observations.indicator),
      ].join('; '),
    ),
    prfRow(
      'claims',
      claims.overall,
      [
        accuracyText('holder', claims.holder),
        accuracyText('likelihood', claims.likelihood),
        accuracyText('±1 step', claims.likelihoodWithinOne),
      ].join('; '),
    ),
    prfRow('itineraries', stopsPrf, `score (LCS / gold stops) ${percent(itineraries.score)}`),
  ];
  const types = Object.entries(events.byType);
  if (types.length > 0) {
    lines.push('  events by type:');
    for (const [type, p] of types) lines.push(`  ${prfRow(type, p, '')}`);
  }
  return lines.join('\n');
}

/** A table per document and the micro-averaged totals; with `explain`, every miss and false positive in context. */
export function formatGoldReport(report: GoldReport, options: { explain?: boolean } = {}): string {
  const out: string[] = [`Gold evaluation: ${report.goldDir} against ${report.corpusDir}`];
  out.push(`pipeline ${report.pipeline || '(no stages)'}; matching ${report.matching}`);
  for (const doc of report.documents) {
    out.push(
      '',
      `== ${doc.gold} → ${doc.document} (${doc.findings} findings)`,
      formatScoresTable(doc.scores),
    );
    if (options.explain && doc.explanations) out.push(formatExplanations(doc.explanations));
  }
  for (const skipped of report.skipped) out.push('', `skipped ${skipped.gold}: ${skipped.reason}`);
  out.push(
    '',
    `== Total, micro-averaged over ${report.documents.length} document(s)`,
    formatScoresTable(report.totals),
  );
  out.push('', 'Headline:');
  for (const [key, label] of Object.entries(HEADLINE_LABELS)) {
    out.push(`  ${label.padEnd(24)} ${percent(report.headline[key as keyof Headline])}`);
  }
  return out.join('\n');
}

const KIND_LABEL: Readonly<Record<Explanation['kind'], string>> = {
  miss: 'MISS ',
  false_positive: 'FALSE',
  wrong_attribute: 'WRONG',
};

const LAYER_ORDER: readonly Explanation['layer'][] = [
  'timexes',
  'events',
  'observations',
  'claims',
  'itineraries',
];

export function formatExplanations(explanations: readonly Explanation[]): string {
  if (explanations.length === 0) return '  (nothing missed, nothing extra)';
  const sorted = [...explanations].sort(
    (a, b) => LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || a.start - b.start,
  );
  return sorted
    .map((e) => {
      const detail = e.detail ? ` — ${e.detail}` : '';
      return `  ${KIND_LABEL[e.kind]} ${e.layer.padEnd(12)} ${e.item}${detail}\n        [${e.start}-${e.end}] ${e.sentence}`;
    })
    .join('\n');
}
