import {
  type Claim,
  LIKELIHOOD_SCALE,
  type Likelihood,
  type Observation,
  type Span,
} from '../domain/model.js';

/**
 * Where reports disagree: the same figure given differently, and the same proposition asserted and denied
 * or judged far apart in likelihood. Pure functions over findings from many documents.
 */

/** Values further apart than this fraction of the larger are reported differently. */
export const FIGURE_TOLERANCE = 0.01;
/** Propositions whose content words overlap at least this much (Jaccard) are taken to say the same thing. */
export const PROPOSITION_SIMILARITY = 0.5;
/** Likelihoods this many ICD 203 steps apart contradict each other. */
export const LIKELIHOOD_GAP = 2;

export interface FigureConflict {
  readonly kind: 'figure';
  readonly indicator: string;
  readonly subject: string | null;
  readonly partner: string | null;
  readonly period: string | null;
  readonly unit: string;
  readonly sides: readonly [Observation, Observation];
  /** |a − b| / max(|a|, |b|). */
  readonly difference: number;
  readonly evidence: readonly [Span, Span];
}

export interface ClaimConflict {
  readonly kind: 'claim';
  /** `negation`: one side asserts what the other denies; `likelihood`: judged ≥ LIKELIHOOD_GAP steps apart. */
  readonly reason: 'negation' | 'likelihood';
  readonly sides: readonly [Claim, Claim];
  readonly similarity: number;
  /** Steps between the two likelihoods on the ICD 203 scale (a bare attribution counts as asserted). */
  readonly steps: number;
  readonly evidence: readonly [Span, Span];
}

export type Conflict = FigureConflict | ClaimConflict;

export interface ConflictOptions {
  /** Compare only findings from different documents (default true). */
  readonly acrossDocumentsOnly?: boolean;
}

/** The key under which two observations report the same figure. */
export function figureKey(o: Observation): string {
  return [o.indicator, o.subject ?? '-', o.partner ?? '-', o.period ?? '-', o.unit].join('|');
}

export function figureConflicts(
  observations: readonly Observation[],
  options: ConflictOptions = {},
): FigureConflict[] {
  const across = options.acrossDocumentsOnly ?? true;
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    // A figure with no subject cannot be said to be the same figure as another.
    if (!o.subject) continue;
    const key = figureKey(o);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const conflicts: FigureConflict[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as Observation;
        const b = group[j] as Observation;
        if (across && a.docId === b.docId) continue;
        if (consistent(a, b)) continue;
        conflicts.push({
          kind: 'figure',
          indicator: a.indicator,
          subject: a.subject,
          partner: a.partner,
          period: a.period,
          unit: a.unit,
          sides: [a, b],
          difference: relativeDifference(a.value, b.value),
          evidence: [firstSpan(a), firstSpan(b)],
        });
      }
    }
  }
  return conflicts;
}

export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Two reports agree when within tolerance, when their ranges overlap, or when a bound admits the other value. */
function consistent(a: Observation, b: Observation): boolean {
  if (relativeDifference(a.value, b.value) <= FIGURE_TOLERANCE) return true;
  const [aLow, aHigh] = bounds(a);
  const [bLow, bHigh] = bounds(b);
  return aLow <= bHigh * (1 + FIGURE_TOLERANCE) && bLow <= aHigh * (1 + FIGURE_TOLERANCE);
}

function bounds(o: Observation): [number, number] {
  if (o.low !== null && o.high !== null) return [o.low, o.high];
  switch (o.qualifier) {
    case 'at_least':
      return [o.value, Number.POSITIVE_INFINITY];
    case 'at_most':
      return [Number.NEGATIVE_INFINITY, o.value];
    case 'about':
      return [o.value * 0.9, o.value * 1.1];
    case 'notional':
    case null:
      return [o.value, o.value];
  }
}

/** A claim with the text of its proposition (claims store spans; the text lives in the document). */
export interface ClaimText {
  readonly claim: Claim;
  readonly proposition: string;
}

/** The proposition of a claim as text, without its cue words, from the text of the claim's document. */
export function claimText(documentText: string, claim: Claim): ClaimText {
  const span = claim.proposition ?? claim.evidence[0];
  let proposition = span ? documentText.slice(span.start, span.end) : '';
  for (const part of claim.cue.split('...')) {
    const cue = part.trim();
    if (cue) proposition = proposition.replace(cue, ' ');
  }
  return { claim, proposition: proposition.replace(/\s+/g, ' ').trim() };
}

const SCALE: readonly Likelihood[] = LIKELIHOOD_SCALE;

/** A likelihood's step on the ICD 203 scale; a bare attribution is an assertion, the top step. */
export function likelihoodStep(likelihood: Likelihood): number {
  return likelihood === 'unstated' ? SCALE.length - 1 : SCALE.indexOf(likelihood);
}

export function claimConflicts(claims: readonly ClaimText[], options: ConflictOptions = {}): ClaimConflict[] {
  const across = options.acrossDocumentsOnly ?? true;
  const analysed = claims.map((c) => ({ ...c, ...analyseProposition(c.proposition) }));
  const conflicts: ClaimConflict[] = [];
  for (let i = 0; i < analysed.length; i++) {
    for (let j = i + 1; j < analysed.length; j++) {
      const a = analysed[i];
      const b = analysed[j];
      if (!a || !b || (across && a.claim.docId === b.claim.docId)) continue;
      const similarity = jaccard(a.tokens, b.tokens);
      if (similarity < PROPOSITION_SIMILARITY) continue;
      const steps = Math.abs(likelihoodStep(a.claim.likelihood) - likelihoodStep(b.claim.likelihood));
      const reason = a.negated !== b.negated ? 'negation' : steps >= LIKELIHOOD_GAP ? 'likelihood' : null;
      if (!reason) continue;
      conflicts.push({
        kind: 'claim',
        reason,
        sides: [a.claim, b.claim],
        similarity,
        steps,
        evidence: [firstSpan(a.claim), firstSpan(b.claim)],
      });
    }
  }
  return conflicts;
}

const STOPWORDS = new Set(
  'a an the of to in on at by for with from and or but that this these those it its is are was were be been being has have had will would shall should may might can could do does did as than then there their they he she his her which who whom what when where also into over about such some any each both'.split(
    ' ',
  ),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'neither', 'nor', 'none', 'nothing', 'without', 'cannot']);

/** Content tokens (lower case, crude stems) and whether the proposition is negated (odd number of negations). */
export function analyseProposition(text: string): { tokens: ReadonlySet<string>; negated: boolean } {
  const words = text
    .toLowerCase()
    .replace(/n['’]t\b/g, ' not')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let negations = 0;
  const tokens = new Set<string>();
  for (const word of words) {
    if (NEGATIONS.has(word)) negations++;
    else if (!STOPWORDS.has(word)) tokens.add(stem(word));
  }
  return { tokens, negated: negations % 2 === 1 };
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

function firstSpan(finding: Observation | Claim): Span {
  const span = finding.evidence[0];
  if (!span) throw new Error(`finding ${finding.id} has no evidence`);
  return span;
}

/** One point of a figure's time series. */
export interface SeriesPoint {
  readonly period: string | null;
  readonly observations: readonly Observation[];
  /** True when the observations for this period disagree beyond tolerance. */
  readonly disputed: boolean;
}

export interface FigureSeries {
  readonly indicator: string;
  readonly subject: string;
  readonly partner: string | null;
  readonly unit: string;
  readonly points: readonly SeriesPoint[];
}

export interface SeriesQuery {
  readonly subject: string;
  /** Omit for every partner; null for figures without one. */
  readonly partner?: string | null;
  readonly indicator?: string;
}

/**
 * Figures as time series: one series per indicator, partner and unit, points in period order (undated last).
 * A bilateral figure given from the other side (subject and partner swapped) belongs to the same pair only when
 * the indicator is symmetric (trade totals).
 */
export function figureSeries(observations: readonly Observation[], query: SeriesQuery): FigureSeries[] {
  const series = new Map<
    string,
    { head: Omit<FigureSeries, 'points'>; byPeriod: Map<string, Observation[]> }
  >();
  for (const o of observations) {
    const oriented = orient(o, query.subject);
    if (!oriented) continue;
    if (query.indicator && o.indicator !== query.indicator) continue;
    if (query.partner !== undefined && oriented.partner !== query.partner) continue;
    const key = [o.indicator, oriented.partner ?? '-', o.unit].join('|');
    const entry = series.get(key) ?? {
      head: { indicator: o.indicator, subject: query.subject, partner: oriented.partner, unit: o.unit },
      byPeriod: new Map<string, Observation[]>(),
    };
    const period = o.period ?? '';
    entry.byPeriod.set(period, [...(entry.byPeriod.get(period) ?? []), o]);
    series.set(key, entry);
  }
  return [...series.values()]
    .map(({ head, byPeriod }) => ({
      ...head,
      points: [...byPeriod.entries()]
        .sort(([a], [b]) => comparePeriods(a, b))
        .map(([period, group]) => ({
          period: period === '' ? null : period,
          observations: group,
          disputed: group.some((a) => group.some((b) => a !== b && !consistent(a, b))),
        })),
    }))
    .sort(
      (a, b) => a.indicator.localeCompare(b.indicator) || (a.partner ?? '').localeCompare(b.partner ?? ''),
    );
}

const SYMMETRIC = new Set(['trade_total']);

function orient(o: Observation, subject: string): { partner: string | null } | null {
  if (o.subject === subject) return { partner: o.partner };
  if (o.partner === subject && SYMMETRIC.has(o.indicator)) return { partner: o.subject };
  return null;
}

function comparePeriods(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a.localeCompare(b);
}
