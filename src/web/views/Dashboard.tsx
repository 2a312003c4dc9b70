import { type ReactNode, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { figureConflicts } from '../../analysis/conflicts.js';
import type { PairAnalysis } from '../../analysis/pair.js';
import {
  type AdmiraltyGrade,
  CREDIBILITY_LABELS,
  formatGrade,
  gradeFindings,
  parseGrade,
  RELIABILITY_LABELS,
} from '../../analysis/reliability.js';
import type { Claim, Observation } from '../../domain/model.js';
import { api } from '../api.js';
import { ChartFrame, Empty, ExportButtons, Loading, PALETTE } from '../components/common.js';
import { useDocumentTexts, useHolderGrades, useTitles, useTopPairs, type Workspace } from '../data.js';
import {
  bucketsFromPairPeriods,
  claimConflictNotes,
  type DatedEvent,
  eventsOfPair,
  FACTUALITIES,
  type Filter,
  filterEvents,
  ICD203_SCALE,
  type MonthBucket,
  monthlyBuckets,
  observationSeries,
  pairCounts,
  QUAD_LABELS,
  QUADS,
  type Quad,
} from '../lib/analysis.js';
import { dayMs, isExact, monthsBetween } from '../lib/dates.js';
import { describeFinding } from '../lib/describe.js';
import { downloadJson, rangeLabel, toTimelineJs } from '../lib/export.js';
import { href, navigate } from '../router.js';

export const QUAD_COLOURS: Record<Quad, string> = {
  verbal_cooperation: PALETTE.sky,
  material_cooperation: PALETTE.blue,
  verbal_conflict: PALETTE.orange,
  material_conflict: PALETTE.vermillion,
};

/** One pair's months from the server; undefined while loading, null when the server cannot answer. */
function usePairMonths(
  a: string | null,
  b: string | null,
  from: string | null,
  to: string | null,
): PairAnalysis | null | undefined {
  const [analysis, setAnalysis] = useState<{ key: string; value: PairAnalysis | null } | null>(null);
  const key = `${a}|${b}|${from}|${to}`;
  useEffect(() => {
    if (!a || !b) return;
    let live = true;
    api.pair({ a, b, by: 'month', ...(from ? { from } : {}), ...(to ? { to } : {}) }).then(
      (value) => live && setAnalysis({ key, value }),
      () => live && setAnalysis({ key, value: null }),
    );
    return () => {
      live = false;
    };
  }, [a, b, from, to, key]);
  return analysis?.key === key ? analysis.value : undefined;
}

export default function Dashboard({
  workspace,
  filter,
  filterBar,
  pairParam,
  onChartDrawn,
}: {
  workspace: Workspace | null;
  filter: Filter;
  filterBar: ReactNode;
  pairParam: readonly [string | null, string | null];
  /** Called once the monthly chart is drawn, or once the server cannot draw it, so findings load next. */
  onChartDrawn: () => void;
}) {
  const filtered = useMemo(
    () => (workspace ? filterEvents(workspace.events, filter) : []),
    [workspace, filter],
  );
  const clientPairs = useMemo(() => pairCounts(filtered), [filtered]);
  const topPairs = useTopPairs();
  // Default: the pair with most events, by the server's count when it has one.
  const a = pairParam[0] ?? topPairs?.[0]?.a ?? clientPairs[0]?.a ?? null;
  const b = pairParam[1] ?? topPairs?.[0]?.b ?? clientPairs[0]?.b ?? null;
  const analysis = usePairMonths(a, b, filter.from, filter.to);
  const actors = useMemo(
    () => [...new Set([...clientPairs, ...(topPairs ?? [])].flatMap((p) => [p.a, p.b]))].sort(),
    [clientPairs, topPairs],
  );
  const pairEvents = useMemo(() => (a && b ? eventsOfPair(filtered, a, b) : []), [filtered, a, b]);
  const setPair = (x: string | null, y: string | null) =>
    navigate(href('dashboard', [], { a: x ?? '', b: y ?? '' }));
  // The timeline, figures and claims draw in a background render after the chart, so the page answers input at once.
  const deferred = useDeferredValue(workspace ? pairEvents : null, null);
  // The server's monthly analytics include coded datasets and answer fast; they cannot filter by factuality,
  // so a narrowed factuality filter falls back to counting the extracted events here.
  const allFactuality = FACTUALITIES.every((f) => filter.factuality.includes(f));
  const buckets: MonthBucket[] | null = !filter.kinds.includes('event')
    ? []
    : allFactuality && analysis
      ? bucketsFromPairPeriods(analysis.periods)
      : workspace && (analysis === null || !allFactuality)
        ? monthlyBuckets(pairEvents)
        : null;
  const fromServer = allFactuality && Boolean(analysis);
  const chartSettled = buckets !== null || analysis === null || topPairs?.length === 0;
  useEffect(() => {
    if (chartSettled) onChartDrawn();
  }, [chartSettled, onChartDrawn]);
  const noEvents = topPairs?.length === 0 && workspace !== null && workspace.events.length === 0;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-ready="true">
      <h1 id="dashboard-title">Dyad dashboard</h1>
      {filterBar}
      {noEvents ? (
        <Empty>
          No events yet. Events appear here once documents are ingested with the event extractor, or coded
          events are imported.
        </Empty>
      ) : (
        <>
          <form className="pair-picker" aria-label="Pair of actors" onSubmit={(e) => e.preventDefault()}>
            <label>
              Actor A{' '}
              <select value={a ?? ''} onChange={(e) => setPair(e.target.value, b)}>
                {actors.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </label>
            <label>
              Actor B{' '}
              <select value={b ?? ''} onChange={(e) => setPair(a, e.target.value)}>
                {actors.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </label>
            <span className="muted">
              {analysis ? `${analysis.total.count} events between ${a} and ${b}` : ''}
              {analysis && analysis.total.byOrigin.coded > 0
                ? ` (${analysis.total.byOrigin.coded} coded)`
                : ''}
              {workspace ? ` · ${pairEvents.length} extracted under the filter` : ''}
            </span>
            <ExportButtons name={`dyad-${a}-${b}-events`} rows={pairEvents.map((e) => e.event)} asFindings />
          </form>
          {buckets === null ? (
            <Loading what="monthly events" />
          ) : buckets.length === 0 ? (
            <Empty>No dated events between these two actors under the current filter.</Empty>
          ) : (
            <MonthlyChart buckets={buckets} a={a ?? ''} b={b ?? ''} meanIntensity={fromServer} />
          )}
          {deferred === null ? (
            <Loading what="timeline" />
          ) : deferred.length === 0 ? (
            <Empty>No extracted events between these two actors to place on a timeline.</Empty>
          ) : (
            <Timeline events={deferred} a={a ?? ''} b={b ?? ''} />
          )}
        </>
      )}
      {workspace && deferred !== null && (
        <Figures
          observations={workspace.observations.filter(
            (o) => !a || !b || [o.subject, o.partner].some((x) => x === a || x === b),
          )}
          enabled={filter.kinds.includes('observation')}
        />
      )}
      {workspace && deferred !== null && (
        <Claims claims={filter.kinds.includes('claim') ? claimsFor(workspace.claims, deferred, a, b) : []} />
      )}
    </section>
  );
}

function claimsFor(
  claims: readonly Claim[],
  pairEvents: readonly DatedEvent[],
  a: string | null,
  b: string | null,
) {
  const ids = new Set(pairEvents.map((e) => e.event.id));
  return claims.filter((c) => c.about.some((id) => ids.has(id)) || c.holder === a || c.holder === b);
}

const WIDTH = 960;

function MonthlyChart({
  buckets,
  a,
  b,
  meanIntensity,
}: {
  buckets: readonly MonthBucket[];
  a: string;
  b: string;
  /** Scores are the server's mean intensity on −10…+10 rather than the client's net count. */
  meanIntensity: boolean;
}) {
  useEffect(() => markOnce('dyad:monthly-chart'), []);
  const height = 260;
  const margin = { top: 16, right: 48, bottom: 40, left: 40 };
  const inner = { w: WIDTH - margin.left - margin.right, h: height - margin.top - margin.bottom };
  const totals = buckets.map((m) => QUADS.reduce((s, q) => s + m.counts[q], 0) + m.other);
  const maxTotal = Math.max(1, ...totals);
  const maxScore = meanIntensity ? 10 : Math.max(1, ...buckets.map((m) => Math.abs(m.score ?? 0)));
  const step = inner.w / Math.max(1, buckets.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (v: number) => inner.h - (v / maxTotal) * inner.h;
  const yScore = (v: number) => inner.h / 2 - (v / maxScore) * (inner.h / 2);
  const labelEvery = Math.ceil(buckets.length / 12);
  // Months without events break the score line rather than pretending to a score of zero.
  let pen = 'M';
  const line = buckets
    .map((m, i) => {
      if (m.score === null) {
        pen = 'M';
        return '';
      }
      const segment = `${pen}${(i + 0.5) * step},${yScore(m.score)}`;
      pen = 'L';
      return segment;
    })
    .join('');
  const summary = `Monthly events between ${a} and ${b}, ${buckets[0]?.month ?? ''} to ${
    buckets.at(-1)?.month ?? ''
  }: ${totals.reduce((s, t) => s + t, 0)} events; peak ${maxTotal} in a month.`;
  return (
    <ChartFrame
      title="Events per month: cooperation and conflict, verbal and material"
      exportName={`dyad-${a}-${b}-monthly`}
      table={{
        columns: [
          'month',
          ...QUADS.map((q) => QUAD_LABELS[q]),
          'unclassified',
          meanIntensity ? 'mean intensity' : 'score',
          ...(meanIntensity ? ['coded'] : []),
        ],
        rows: buckets.map((m) => [
          m.month,
          ...QUADS.map((q) => m.counts[q]),
          m.other,
          m.score === null ? '' : Math.round(m.score * 100) / 100,
          ...(meanIntensity ? [m.coded ?? 0] : []),
        ]),
      }}
    >
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="monthly">
        <g transform={`translate(${margin.left},${margin.top})`}>
          <line x1={0} x2={inner.w} y1={inner.h} y2={inner.h} stroke="#444" />
          <text x={-8} y={0} textAnchor="end" fontSize={11} fill="#333">
            {maxTotal}
          </text>
          <text x={-8} y={inner.h} textAnchor="end" fontSize={11} fill="#333">
            0
          </text>
          {buckets.map((m, i) => {
            let base = 0;
            return (
              <g key={m.month} transform={`translate(${i * step + (step - barWidth) / 2},0)`}>
                <title>{`${m.month}: ${QUADS.map((q) => `${QUAD_LABELS[q]} ${m.counts[q]}`).join(', ')}; score ${m.score}`}</title>
                {[
                  ...QUADS.map((q) => [q, m.counts[q], QUAD_COLOURS[q]] as const),
                  ['other', m.other, PALETTE.grey] as const,
                ].map(([key, count, colour]) => {
                  if (count === 0) return null;
                  const top = y(base + count);
                  const rect = (
                    <rect key={key} x={0} width={barWidth} y={top} height={y(base) - top} fill={colour} />
                  );
                  base += count;
                  return rect;
                })}
                {i % labelEvery === 0 && (
                  <text x={barWidth / 2} y={inner.h + 16} textAnchor="middle" fontSize={11} fill="#333">
                    {m.month}
                  </text>
                )}
              </g>
            );
          })}
          <path d={line} fill="none" stroke={PALETTE.black} strokeWidth={2} strokeDasharray="6 3" />
          <text x={inner.w + 6} y={yScore(maxScore) + 4} fontSize={11} fill="#333">
            +{maxScore}
          </text>
          <text x={inner.w + 6} y={yScore(0) + 4} fontSize={11} fill="#333">
            0
          </text>
          <text x={inner.w + 6} y={yScore(-maxScore) + 4} fontSize={11} fill="#333">
            −{maxScore}
          </text>
        </g>
      </svg>
      <Legend
        items={[
          ...QUADS.map((q) => ({ label: QUAD_LABELS[q], colour: QUAD_COLOURS[q] })),
          {
            label: meanIntensity
              ? 'Mean intensity per month, −10 conflict … +10 cooperation (dashed)'
              : 'Score (dashed; +1/+2 cooperation, −1/−2 conflict, verbal/material)',
            colour: PALETTE.black,
          },
        ]}
      />
    </ChartFrame>
  );
}

export function Legend({ items }: { items: readonly { label: string; colour: string }[] }) {
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Performance marks for bench/web.ts, taken by the page's own clock: when a part first draws, and when the main
 * thread next runs a posted task (the page answers input).
 */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
  setTimeout(() => performance.mark(`${name}:idle`), 0);
}

function Timeline({ events, a, b }: { events: readonly DatedEvent[]; a: string; b: string }) {
  useEffect(() => markOnce('dyad:timeline'), []);
  const dated = useMemo(
    () =>
      events
        .filter((e) => e.range !== null)
        .sort((x, y) => (x.range?.earliest ?? '').localeCompare(y.range?.earliest ?? '')),
    [events],
  );
  const undated = events.length - dated.length;
  const margin = { left: 16, right: 16, top: 8, bottom: 28 };
  const laneHeight = 14;
  const first = dated[0]?.range?.earliest;
  const last = dated
    .map((e) => e.range?.latest ?? '')
    .sort()
    .at(-1) as string;
  if (!first) return <Empty>No dated events to place on a timeline.</Empty>;
  const t0 = dayMs(first);
  const t1 = dayMs(last) + 86_400_000;
  const innerW = WIDTH - margin.left - margin.right;
  const x = (ms: number) => ((ms - t0) / Math.max(1, t1 - t0)) * innerW;
  // Greedy lane packing keeps overlapping ranges apart; past the cap, lanes are reused.
  const laneEnds: number[] = [];
  const placed = dated.map((e) => {
    const range = e.range as NonNullable<DatedEvent['range']>;
    const start = x(dayMs(range.earliest));
    const end = Math.max(start + 6, x(dayMs(range.latest) + 86_400_000));
    let lane = laneEnds.findIndex((laneEnd) => laneEnd < start);
    if (lane < 0) {
      lane = laneEnds.length < 24 ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = end + 2;
    return { e, start, end, lane, exact: isExact(range) };
  });
  const height = margin.top + margin.bottom + Math.max(1, laneEnds.length) * laneHeight;
  // Ticks: years for long spans, months (thinned to about a dozen) for short ones.
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(last.slice(0, 4));
  const ticks: { ms: number; label: string }[] = [];
  if (lastYear - firstYear >= 3) {
    for (let yr = firstYear; yr <= lastYear + 1; yr++)
      ticks.push({ ms: Date.UTC(yr, 0, 1), label: String(yr) });
  } else {
    const months = monthsBetween(first.slice(0, 7), last.slice(0, 7));
    const every = Math.ceil(months.length / 12);
    months.forEach((m, i) => {
      if (i % every === 0) ticks.push({ ms: dayMs(`${m}-01`), label: m });
    });
  }
  return (
    <ChartFrame
      title="Timeline (fuzzy dates drawn as ranges; select an event to read its evidence)"
      exportName={`dyad-${a}-${b}-timeline`}
      actions={
        <button
          type="button"
          onClick={() =>
            downloadJson(
              `dyad-${a}-${b}-timelinejs.json`,
              toTimelineJs(dated, `${a} and ${b}`, (ev) => describeFinding(ev)),
            )
          }
        >
          TimelineJS
        </button>
      }
      table={{
        columns: ['date', 'event', 'factuality', 'document'],
        rows: dated.map(({ event }) => [
          rangeLabel(event.date),
          describeFinding(event),
          event.factuality,
          event.docId,
        ]),
      }}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; the group names the timeline */}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-label={`Timeline of ${dated.length} dated events between ${a} and ${b}${undated ? `; ${undated} undated` : ''}`}
        className="timeline"
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          {ticks.map((tick) => {
            const xx = x(tick.ms);
            if (xx < 0 || xx > innerW) return null;
            return (
              <g key={tick.label}>
                <line x1={xx} x2={xx} y1={0} y2={height - margin.bottom} stroke="#ddd" />
                <text x={xx + 2} y={height - margin.bottom + 14} fontSize={11} fill="#333">
                  {tick.label}
                </text>
              </g>
            );
          })}
          {placed.map(({ e, start, end, lane, exact }) => {
            const colour = e.quad ? QUAD_COLOURS[e.quad] : PALETTE.grey;
            const label = `${describeFinding(e.event)}; ${rangeLabel(e.event.date)}`;
            const yy = lane * laneHeight;
            return (
              <a
                key={e.event.id}
                href={href('reader', [e.event.docId], { f: e.event.id })}
                aria-label={label}
                className="timeline-event"
                data-event-id={e.event.id}
              >
                <title>{label}</title>
                {exact ? (
                  <circle
                    cx={start + 3}
                    cy={yy + laneHeight / 2}
                    r={4}
                    fill={colour}
                    stroke="#222"
                    strokeWidth={0.5}
                  />
                ) : (
                  <rect
                    x={start}
                    y={yy + 3}
                    width={end - start}
                    height={laneHeight - 6}
                    rx={3}
                    fill={colour}
                    fillOpacity={0.55}
                    stroke={colour}
                  />
                )}
                {e.event.factuality !== 'asserted' && (
                  <text x={end + 2} y={yy + laneHeight - 3} fontSize={9} fill="#333">
                    {e.event.factuality}
                  </text>
                )}
              </a>
            );
          })}
        </g>
      </svg>
    </ChartFrame>
  );
}

const SERIES_COLOURS = [
  PALETTE.blue,
  PALETTE.vermillion,
  PALETTE.green,
  PALETTE.purple,
  PALETTE.orange,
  PALETTE.sky,
];

function Figures({ observations, enabled }: { observations: readonly Observation[]; enabled: boolean }) {
  const groups = useMemo(() => observationSeries(observations), [observations]);
  // Figures another report gives differently (analysis/conflicts.ts) are drawn as open rings and flagged.
  const disputed = useMemo(
    () => new Set(figureConflicts(observations).flatMap((c) => c.sides.map((o) => o.id))),
    [observations],
  );
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">Figures</h2>
      {disputed.size > 0 && (
        <p className="flag">⚑ {disputed.size} figures are given differently by other reports (open rings).</p>
      )}
      {!enabled || groups.length === 0 ? (
        <Empty>No figures with a period for this pair yet.</Empty>
      ) : (
        <div className="small-multiples">
          {groups.map((g) => (
            <FigureChart key={`${g.indicator}-${g.unit}`} group={g} disputed={disputed} />
          ))}
        </div>
      )}
    </section>
  );
}

function FigureChart({
  group,
  disputed,
}: {
  group: ReturnType<typeof observationSeries>[number];
  disputed: ReadonlySet<string>;
}) {
  const width = 460;
  const height = 200;
  const margin = { top: 12, right: 12, bottom: 28, left: 64 };
  const points = group.series.flatMap((s) => s.points);
  const t0 = Math.min(...points.map((p) => dayMs(p.range.earliest)));
  const t1 = Math.max(...points.map((p) => dayMs(p.range.latest)));
  const vMax = Math.max(...points.map((p) => p.value), 0);
  const vMin = Math.min(...points.map((p) => p.value), 0);
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const x = (ms: number) => (t1 === t0 ? innerW / 2 : ((ms - t0) / (t1 - t0)) * innerW);
  const y = (v: number) => innerH - ((v - vMin) / Math.max(1e-9, vMax - vMin)) * innerH;
  const mid = (p: (typeof points)[number]) => (dayMs(p.range.earliest) + dayMs(p.range.latest)) / 2;
  const format = (v: number) => v.toLocaleString('en', { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <ChartFrame
      title={`${group.indicator} (${group.unit})`}
      exportName={`dyad-figure-${group.indicator}`}
      table={{
        columns: ['series', 'period', 'value', 'other reports'],
        rows: group.series.flatMap((s) =>
          s.points.map((p) => [s.key, p.period, p.value, disputed.has(p.id) ? 'disputed' : '']),
        ),
      }}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${group.indicator} in ${group.unit}: ${group.series
          .map((s) => `${s.key} ${s.points.map((p) => `${p.period} ${format(p.value)}`).join(', ')}`)
          .join('; ')}`}
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          <line x1={0} x2={0} y1={0} y2={innerH} stroke="#444" />
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke="#444" />
          <text x={-6} y={4} textAnchor="end" fontSize={11} fill="#333">
            {format(vMax)}
          </text>
          <text x={-6} y={innerH} textAnchor="end" fontSize={11} fill="#333">
            {format(vMin)}
          </text>
          {group.series.map((s, i) => {
            const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
            const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(mid(p))},${y(p.value)}`).join('');
            return (
              <g key={s.key}>
                <path d={d} fill="none" stroke={colour} strokeWidth={2} />
                {s.points.map((p) => (
                  <g key={p.id}>
                    {disputed.has(p.id) ? (
                      <circle
                        cx={x(mid(p))}
                        cy={y(p.value)}
                        r={5}
                        fill="#fff"
                        stroke={colour}
                        strokeWidth={2}
                      />
                    ) : (
                      <circle cx={x(mid(p))} cy={y(p.value)} r={3.5} fill={colour} />
                    )}
                    <text x={x(mid(p))} y={innerH + 16} textAnchor="middle" fontSize={10} fill="#333">
                      {p.period}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      <Legend
        items={group.series.map((s, i) => ({
          label: s.key,
          colour: SERIES_COLOURS[i % SERIES_COLOURS.length] as string,
        }))}
      />
    </ChartFrame>
  );
}

const GRADE_OPTIONS = ['A', 'B', 'C', 'D', 'E', 'F'].flatMap((r) =>
  [1, 2, 3, 4, 5, 6].map((c) => `${r}${c}`),
);

function Claims({ claims }: { claims: readonly Claim[] }) {
  const titles = useTitles();
  // Compared among themselves: the texts of at most 40 documents are fetched for the propositions.
  const texts = useDocumentTexts(
    claims.map((c) => c.docId),
    40,
  );
  const conflicts = useMemo(() => claimConflictNotes(claims, texts), [claims, texts]);
  const [holderGrades, setHolderGrade] = useHolderGrades();
  const graded = useMemo(() => {
    const byHolder: Record<string, AdmiraltyGrade> = {};
    for (const [holder, grade] of Object.entries(holderGrades)) {
      try {
        byHolder[holder] = parseGrade(grade);
      } catch {
        // A hand-edited grade that does not parse counts as ungraded.
      }
    }
    return gradeFindings(claims, { byHolder });
  }, [claims, holderGrades]);
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">
        Claims <ExportButtons name="dyad-claims" rows={claims} asFindings />
      </h2>
      {claims.length === 0 ? (
        <Empty>No attributed claims for this pair yet.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="claims">
            <thead>
              <tr>
                <th scope="col">Holder</th>
                <th scope="col">Cue</th>
                <th scope="col">Likelihood (ICD 203)</th>
                <th scope="col">Reliability (Admiralty)</th>
                <th scope="col">Conflicts</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {graded.map(({ finding: c, grade, basis }) => {
                const notes = conflicts.get(c.id);
                const code = formatGrade(grade);
                return (
                  <tr key={c.id}>
                    <td>{c.holderText ? `${c.holder} (${c.holderText})` : c.holder}</td>
                    <td>{c.cue}</td>
                    <td>
                      <LikelihoodScale value={c.likelihood} />
                    </td>
                    <td>
                      <select
                        aria-label={`Grade of ${c.holder}`}
                        value={basis === 'holder' ? code : ''}
                        title={`${RELIABILITY_LABELS[grade.reliability]}; ${CREDIBILITY_LABELS[grade.credibility]}`}
                        onChange={(e) => setHolderGrade(c.holder, e.target.value || null)}
                      >
                        <option value="">{basis === 'holder' ? 'ungraded' : `${code} (ungraded)`}</option>
                        {GRADE_OPTIONS.map((g) => (
                          <option key={g}>{g}</option>
                        ))}
                      </select>
                    </td>
                    <td>{notes ? <span className="flag">⚑ {notes.join('; ')}</span> : '—'}</td>
                    <td>
                      <a href={href('reader', [c.docId], { f: c.id })}>{titles.get(c.docId) ?? c.docId}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LikelihoodScale({ value }: { value: Claim['likelihood'] }) {
  const index = ICD203_SCALE.findIndex((s) => s.value === value);
  const label = index < 0 ? 'unstated' : `${ICD203_SCALE[index]?.label} (${ICD203_SCALE[index]?.band})`;
  return (
    <span className="likelihood" role="img" aria-label={`Likelihood: ${label}`}>
      <svg width={7 * 14} height={12} aria-hidden="true" style={{ verticalAlign: '-1px' }}>
        {ICD203_SCALE.map((step, i) => (
          <rect
            key={step.value}
            x={i * 14}
            y={0}
            width={12}
            height={12}
            fill={i === index ? PALETTE.blue : '#e6e6e6'}
            stroke="#666"
            strokeWidth={0.5}
          />
        ))}
      </svg>{' '}
      {label}
    </span>
  );
}
