import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ChartFrame, Empty, ErrorNote, ExportButtons, Loading, PALETTE } from '../components/common.js';
import type { Workspace } from '../data.js';
import { type Filter, filterEvents, filterItineraries } from '../lib/analysis.js';
import { dayFromMs, dayMs, timexRange } from '../lib/dates.js';
import { downloadJson, toGeoJson } from '../lib/export.js';
import { Legend } from './Dashboard.js';

const WIDTH = 960;
const HEIGHT = 500;
const ROUTE_COLOURS = [PALETTE.vermillion, PALETTE.blue, PALETTE.purple, PALETTE.green, PALETTE.orange];

/** Whether something dated `date` is on the map when the slider stands at `cutoff`; undated things always are. */
function shownUntil(date: string | null, cutoff: number, last: number): boolean {
  const range = timexRange(date);
  return range === null || last === 0 || dayMs(range.earliest) <= cutoff;
}

export default function MapView({
  workspace,
  filter,
  filterBar,
}: {
  workspace: Workspace;
  filter: Filter;
  filterBar: ReactNode;
}) {
  const [countries, setCountries] = useState<FeatureCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The basemap ships inside the app as its own chunk: no tile server, nothing fetched from elsewhere.
    import('world-atlas/countries-110m.json').then(
      (module) => {
        const topology = (module.default ?? module) as unknown as Topology<{ countries: GeometryCollection }>;
        setCountries(feature(topology, topology.objects.countries) as unknown as FeatureCollection);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const events = useMemo(() => filterEvents(workspace.events, filter), [workspace, filter]);
  const itineraries = useMemo(() => filterItineraries(workspace.itineraries, filter), [workspace, filter]);

  const [t0, t1] = useMemo(() => {
    const days: number[] = [];
    for (const it of itineraries)
      for (const s of it.stops) {
        const r = timexRange(s.date);
        if (r) days.push(dayMs(r.earliest));
      }
    for (const e of events) if (e.range && e.event.location) days.push(dayMs(e.range.earliest));
    return days.length ? [Math.min(...days), Math.max(...days)] : [0, 0];
  }, [events, itineraries]);
  const [until, setUntil] = useState<number | null>(null);
  const cutoff = until === null || until > t1 || until < t0 ? t1 : until;
  const shownBy = (date: string | null) => shownUntil(date, cutoff, t1);

  const points = useMemo(() => {
    const byPlace = new Map<
      string,
      { lat: number; lon: number; name: string; count: number; eventIds: string[] }
    >();
    for (const { event } of events) {
      const loc = event.location;
      if (!loc || loc.lat === null || loc.lon === null || !shownUntil(event.date, cutoff, t1)) continue;
      const key = `${loc.name}|${loc.lat.toFixed(2)}|${loc.lon.toFixed(2)}`;
      const entry = byPlace.get(key) ?? {
        lat: loc.lat,
        lon: loc.lon,
        name: loc.name,
        count: 0,
        eventIds: [],
      };
      entry.count += 1;
      entry.eventIds.push(event.id);
      byPlace.set(key, entry);
    }
    return [...byPlace.values()].sort((a, b) => b.count - a.count);
  }, [events, cutoff, t1]);
  const routes = itineraries.map((it) => ({ ...it, stops: it.stops.filter((s) => shownBy(s.date)) }));

  const [fitToData, setFitToData] = useState(true);
  // Zoom to everything located under the filter (not the slider), padded so a single place still shows its region.
  const extent = useMemo(() => {
    const corners: [number, number][] = [];
    const add = (lon: number | null, lat: number | null) => {
      if (lon === null || lat === null) return;
      corners.push([lon - 12, Math.max(-80, lat - 8)], [lon + 12, Math.min(80, lat + 8)]);
    };
    for (const it of itineraries) for (const stop of it.stops) add(stop.place.lon, stop.place.lat);
    for (const { event } of events) add(event.location?.lon ?? null, event.location?.lat ?? null);
    return corners.length ? ({ type: 'MultiPoint', coordinates: corners } as const) : null;
  }, [events, itineraries]);
  const projection = useMemo(() => {
    if (!countries) return null;
    const base = geoEqualEarth();
    return fitToData && extent
      ? base.fitExtent(
          [
            [20, 20],
            [WIDTH - 20, HEIGHT - 20],
          ],
          extent,
        )
      : base.fitSize([WIDTH, HEIGHT], countries);
  }, [countries, extent, fitToData]);

  if (error) return <ErrorNote error={error} />;
  if (!countries || !projection) return <Loading what="map" />;
  const path = geoPath(projection);
  const maxCount = Math.max(1, ...points.map((p) => p.count));
  const radius = (count: number) => 3 + 14 * Math.sqrt(count / maxCount);
  const project = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const geojson = () => toGeoJson(points, routes);

  return (
    <section aria-labelledby="map-title" className="map-view">
      <h1 id="map-title">Map</h1>
      {filterBar}
      {t1 > t0 && (
        <label className="slider">
          Show up to <strong>{dayFromMs(cutoff)}</strong>
          <input
            type="range"
            min={t0}
            max={t1}
            step={86_400_000}
            value={cutoff}
            onChange={(e) => setUntil(Number(e.target.value))}
            aria-valuetext={dayFromMs(cutoff)}
          />
        </label>
      )}
      <div className="toolbar">
        <span>
          {routes.length} itineraries, {points.reduce((n, p) => n + p.count, 0)} located events
        </span>
        <ExportButtons
          name="dyad-map-findings"
          rows={[
            ...routes,
            ...events
              .filter(({ event }) => event.location?.lat != null && shownUntil(event.date, cutoff, t1))
              .map((e) => e.event),
          ]}
          asFindings
        />
      </div>
      <label className="fit">
        <input type="checkbox" checked={fitToData} onChange={(e) => setFitToData(e.target.checked)} /> Zoom to
        the data
      </label>
      {points.length === 0 && routes.every((r) => r.stops.length === 0) && (
        <Empty>No located events or itineraries under the current filter.</Empty>
      )}
      <ChartFrame
        title="Itineraries and event locations"
        exportName="dyad-map"
        actions={
          <button type="button" onClick={() => downloadJson('dyad-map.geojson', geojson())}>
            GeoJSON
          </button>
        }
        table={{
          columns: ['layer', 'order', 'date', 'place', 'count'],
          rows: [
            ...routes.flatMap((r) =>
              r.stops.map(
                (s, i) =>
                  [`route: ${r.traveller}`, i + 1, s.date ?? '', s.place.name, ''] as (string | number)[],
              ),
            ),
            ...points.map((p) => ['events', '', '', p.name, p.count] as (string | number)[]),
          ],
        }}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; the group names the drawing */}
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="group"
          aria-label={`World map: ${routes.length} itineraries, ${points.length} event locations`}
          className="map"
        >
          <rect width={WIDTH} height={HEIGHT} fill="#f4f8fb" />
          <g className="basemap">
            {(countries.features as Feature[]).map((f, i) => (
              <path
                // biome-ignore lint/suspicious/noArrayIndexKey: a few countries lack ids in the 110m atlas
                key={`${f.id ?? ''}-${i}`}
                d={path(f) ?? ''}
                fill="#e4e4e0"
                stroke="#fff"
                strokeWidth={0.5}
              />
            ))}
          </g>
          <g className="event-points">
            {points.map((p) => {
              const [x, y] = project(p.lon, p.lat);
              return (
                <circle
                  key={`${p.name}-${p.lat}-${p.lon}`}
                  cx={x}
                  cy={y}
                  r={radius(p.count)}
                  fill={PALETTE.sky}
                  fillOpacity={0.6}
                  stroke={PALETTE.blue}
                >
                  <title>{`${p.name}: ${p.count} events`}</title>
                </circle>
              );
            })}
          </g>
          {routes.map((route, r) => {
            const colour = ROUTE_COLOURS[r % ROUTE_COLOURS.length] as string;
            const located = route.stops.filter((s) => s.place.lat !== null && s.place.lon !== null);
            const xy = located.map((s) => project(s.place.lon as number, s.place.lat as number));
            return (
              <g key={route.id} className="route" aria-label={`Itinerary of ${route.traveller}`}>
                <path
                  d={xy.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('')}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2}
                  markerEnd=""
                />
                {located.map((s, i) => {
                  const [x, y] = xy[i] as [number, number];
                  const label = `${i + 1}. ${s.date ?? 'undated'} ${s.place.name} (${s.what})`;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: stops are ordered and may repeat a place
                    <g key={i} className="stop" data-stop={i + 1} aria-label={label}>
                      <title>{label}</title>
                      <circle cx={x} cy={y} r={9} fill="#fff" stroke={colour} strokeWidth={2} />
                      <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="#000">
                        {i + 1}
                      </text>
                      <text
                        x={x + 12}
                        y={y - 8}
                        fontSize={11}
                        fill="#000"
                        stroke="#fff"
                        strokeWidth={3}
                        paintOrder="stroke"
                      >
                        {`${s.place.name}${s.date ? `, ${s.date}` : ''}`}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
        <Legend
          items={[
            { label: 'Event locations (area ∝ number of events)', colour: PALETTE.sky },
            ...routes.map((r, i) => ({
              label: `Route: ${r.traveller}`,
              colour: ROUTE_COLOURS[i % ROUTE_COLOURS.length] as string,
            })),
          ]}
        />
      </ChartFrame>
    </section>
  );
}
