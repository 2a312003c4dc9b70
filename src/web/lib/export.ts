/** Exports of what a view shows: CSV and JSON of records, GeoJSON, TimelineJS JSON, and SVG/PNG of charts. */
import type { DyadEvent, Itinerary } from '../../domain/model.js';
import type { DatedEvent } from './analysis.js';
import { quadOf } from './analysis.js';
import { timexRange } from './dates.js';

type Row = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote fields with separators, and neutralise leading formula characters for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (RFC 4180) of records; columns are the union of their keys in first-seen order; nested values as JSON. */
export function toCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A finding flattened for CSV: its first evidence span becomes start/end columns. */
export function findingRow(
  finding: { readonly evidence: readonly { start: number; end: number }[] } & Row,
): Row {
  const { evidence, ...rest } = finding;
  return { ...rest, start: evidence[0]?.start ?? null, end: evidence[0]?.end ?? null, evidence };
}

export interface GeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    readonly type: 'Feature';
    readonly geometry: { readonly type: 'Point' | 'LineString'; readonly coordinates: readonly unknown[] };
    readonly properties: Row;
  }[];
}

/** Event locations as points (with counts) and itineraries as lines plus numbered stops. */
export function toGeoJson(
  points: readonly { lat: number; lon: number; name: string; count: number; eventIds: readonly string[] }[],
  itineraries: readonly Itinerary[],
): GeoJson {
  const features: GeoJson['features'][number][] = [];
  for (const p of points) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { kind: 'event-location', name: p.name, count: p.count, events: p.eventIds },
    });
  }
  for (const it of itineraries) {
    const located = it.stops.filter((s) => s.place.lat !== null && s.place.lon !== null);
    if (located.length > 1) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: located.map((s) => [s.place.lon, s.place.lat]) },
        properties: { kind: 'itinerary', id: it.id, traveller: it.traveller },
      });
    }
    located.forEach((s, index) => {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.place.lon, s.place.lat] },
        properties: {
          kind: 'itinerary-stop',
          itinerary: it.id,
          order: index + 1,
          date: s.date,
          place: s.place.name,
          what: s.what,
        },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

interface TimelineDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

function timelineDate(iso: string, precision: 'day' | 'month' | 'year'): TimelineDate {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (precision === 'year') return { year };
  if (precision === 'month') return { year, month };
  return { year, month, day };
}

/** TimelineJS 3 JSON: one slide per dated event; fuzzy dates keep their range as start_date/end_date. */
export function toTimelineJs(
  events: readonly DatedEvent[],
  title: string,
  describe: (e: DyadEvent) => string,
) {
  return {
    title: { text: { headline: title, text: `${events.length} events` } },
    events: events
      .filter((e) => e.range !== null)
      .map(({ event, range }) => {
        const r = range as NonNullable<typeof range>;
        // A bare month keeps month precision; every other fuzzy value is a day range.
        const precision = /^\d{4}-\d{2}$/.test(event.date ?? '') ? 'month' : 'day';
        const exact = r.earliest === r.latest;
        return {
          unique_id: event.id,
          start_date: timelineDate(r.earliest, precision),
          ...(exact || precision === 'month' ? {} : { end_date: timelineDate(r.latest, precision) }),
          text: {
            headline: `${event.source ?? '?'} ${event.type} ${event.target ?? '?'}`,
            text: describe(event),
          },
          group: quadOf(event.type) ?? 'other',
          display_date: event.date ?? undefined,
        };
      }),
  };
}

export function rangeLabel(value: string | null): string {
  const range = timexRange(value);
  if (!range) return value ?? 'undated';
  return range.earliest === range.latest ? range.earliest : `${range.earliest} – ${range.latest}`;
}

/** Starts a download of `content` as a file. */
export function download(name: string, content: string | Blob, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(name: string, value: unknown): void {
  download(name, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
}

export function downloadCsv(name: string, rows: readonly Row[]): void {
  download(name, toCsv(rows), 'text/csv');
}

/** A standalone SVG file of a chart, with the XML namespace and a white background. */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(Math.round(box.width)));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(Math.round(box.height)));
  return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(name: string, svg: SVGSVGElement): void {
  download(name, svgMarkup(svg), 'image/svg+xml');
}

/** Renders the SVG into a canvas at twice its size and downloads a PNG (blob URLs are allowed by the CSP). */
export async function downloadPng(name: string, svg: SVGSVGElement): Promise<void> {
  const markup = svgMarkup(svg);
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('could not render the chart'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) download(name, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
