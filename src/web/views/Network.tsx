import { type ReactNode, useMemo } from 'react';
import { ChartFrame, Empty, ExportButtons, PALETTE } from '../components/common.js';
import type { Workspace } from '../data.js';
import { actorsOf, type Filter, filterEvents, pairCounts } from '../lib/analysis.js';
import { Legend } from './Dashboard.js';

const SIZE = 640;

/** Edge colour by the share of cooperation among classified events: blue cooperative, vermillion conflictual. */
function edgeColour(cooperation: number, conflict: number): string {
  const classified = cooperation + conflict;
  if (classified === 0) return PALETTE.grey;
  const share = cooperation / classified;
  if (share >= 0.6) return PALETTE.blue;
  if (share <= 0.4) return PALETTE.vermillion;
  return PALETTE.purple;
}

export default function Network({
  workspace,
  filter,
  filterBar,
  setFilter,
}: {
  workspace: Workspace;
  filter: Filter;
  filterBar: ReactNode;
  setFilter: (f: Filter) => void;
}) {
  const events = useMemo(() => filterEvents(workspace.events, filter), [workspace, filter]);
  const edges = useMemo(() => pairCounts(events), [events]);
  // Circular layout, most active actors first, clockwise from the top: stable and readable for tens of actors.
  const nodes = useMemo(() => actorsOf(events).slice(0, 60), [events]);
  const position = new Map(
    nodes.map((id, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
      return [
        id,
        {
          x: SIZE / 2 + (SIZE / 2 - 70) * Math.cos(angle),
          y: SIZE / 2 + (SIZE / 2 - 70) * Math.sin(angle),
          angle,
        },
      ];
    }),
  );
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + e.count);
    degree.set(e.b, (degree.get(e.b) ?? 0) + e.count);
  }
  const maxEdge = Math.max(1, ...edges.map((e) => e.count));
  const maxDegree = Math.max(1, ...degree.values());
  const drawn = edges.filter((e) => position.has(e.a) && position.has(e.b));
  const toggleActor = (id: string) =>
    setFilter({
      ...filter,
      actors: filter.actors.includes(id) ? filter.actors.filter((a) => a !== id) : [...filter.actors, id],
    });

  return (
    <section aria-labelledby="network-title">
      <h1 id="network-title">Network</h1>
      {filterBar}
      <div className="toolbar">
        <span>
          {nodes.length} actors, {edges.length} pairs, {events.length} events
        </span>
        Edges <ExportButtons name="dyad-network-edges" rows={edges} />
        Events <ExportButtons name="dyad-network-events" rows={events.map((e) => e.event)} asFindings />
      </div>
      {nodes.length === 0 ? (
        <Empty>No events between actors under the current filter.</Empty>
      ) : (
        <ChartFrame
          title="Actors linked by events (select an actor to filter by it)"
          exportName="dyad-network"
          table={{
            columns: ['actor A', 'actor B', 'events', 'cooperation', 'conflict'],
            rows: edges.map((e) => [e.a, e.b, e.count, e.cooperation, e.conflict]),
          }}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; the group names the drawing */}
          <svg
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            role="group"
            aria-label={`Network of ${nodes.length} actors`}
            className="network"
          >
            <g className="edges">
              {drawn.map((e) => {
                const p = position.get(e.a) as { x: number; y: number };
                const q = position.get(e.b) as { x: number; y: number };
                return (
                  <line
                    key={`${e.a}-${e.b}`}
                    x1={p.x}
                    y1={p.y}
                    x2={q.x}
                    y2={q.y}
                    stroke={edgeColour(e.cooperation, e.conflict)}
                    strokeOpacity={0.75}
                    strokeWidth={1 + 9 * (e.count / maxEdge)}
                  >
                    <title>{`${e.a}–${e.b}: ${e.count} events (${e.cooperation} cooperation, ${e.conflict} conflict)`}</title>
                  </line>
                );
              })}
            </g>
            {nodes.map((id) => {
              const p = position.get(id) as { x: number; y: number; angle: number };
              const r = 6 + 14 * Math.sqrt((degree.get(id) ?? 0) / maxDegree);
              const selected = filter.actors.includes(id);
              const right = Math.cos(p.angle) >= 0;
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
                <g
                  key={id}
                  role="button"
                  tabIndex={0}
                  aria-pressed={selected}
                  aria-label={`${id}: ${degree.get(id) ?? 0} events${selected ? ', in filter' : ''}`}
                  className="node"
                  onClick={() => toggleActor(id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      toggleActor(id);
                    }
                  }}
                >
                  <circle
                    cx={p.x}
                    cy={p.y}
                    r={r}
                    fill={selected ? PALETTE.orange : '#fff'}
                    stroke="#222"
                    strokeWidth={1.5}
                  />
                  <text
                    x={p.x + (right ? r + 4 : -r - 4)}
                    y={p.y + 4}
                    textAnchor={right ? 'start' : 'end'}
                    fontSize={12}
                    fill="#000"
                  >
                    {id}
                  </text>
                </g>
              );
            })}
          </svg>
          <Legend
            items={[
              { label: 'Mostly cooperation (≥60%)', colour: PALETTE.blue },
              { label: 'Mixed', colour: PALETTE.purple },
              { label: 'Mostly conflict (≥60%)', colour: PALETTE.vermillion },
              { label: 'Unclassified types', colour: PALETTE.grey },
            ]}
          />
        </ChartFrame>
      )}
    </section>
  );
}
