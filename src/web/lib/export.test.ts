import { describe, expect, it } from 'vitest';
import type { DyadEvent, Itinerary } from '../../domain/model.js';
import { dateEvents } from './analysis.js';
import { toCsv, toGeoJson, toTimelineJs } from './export.js';
import { segmentText } from './segments.js';

describe('toCsv', () => {
  it('quotes separators, doubles quotes, serialises nested values and defuses formulas', () => {
    const csv = toCsv([
      { id: 'a', text: 'he said "yes", then left', n: 3 },
      { id: 'b', extra: { x: 1 }, text: '=HYPERLINK("x")' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id,text,n,extra',
      'a,"he said ""yes"", then left",3,',
      `b,"'=HYPERLINK(""x"")",,"{""x"":1}"`,
      '',
    ]);
  });
});

const extractor = { name: 't', version: '1' };
function event(date: string): DyadEvent {
  return {
    kind: 'event',
    id: `event:d:${date}`,
    docId: 'd',
    evidence: [{ docId: 'd', start: 0, end: 1 }],
    extractor,
    type: 'CONSULT',
    mode: null,
    source: 'RUS',
    target: 'PRK',
    sourceActor: null,
    targetActor: null,
    date,
    location: null,
    factuality: 'asserted',
    claimedBy: null,
    origin: 'extracted',
  };
}

describe('toTimelineJs', () => {
  it('keeps day ranges as start and end, months at month precision, and drops undated events', () => {
    const timeline = toTimelineJs(
      dateEvents([event('2023-09-10/2023-09-19'), event('2023-10'), event('P3Y')]),
      'x',
      () => '',
    );
    expect(timeline.events.map((e) => [e.start_date, 'end_date' in e ? e.end_date : null])).toEqual([
      [
        { year: 2023, month: 9, day: 10 },
        { year: 2023, month: 9, day: 19 },
      ],
      [{ year: 2023, month: 10 }, null],
    ]);
  });
});

describe('toGeoJson', () => {
  it('writes event points and an itinerary line with numbered stops in lon/lat order', () => {
    const place = (name: string, lat: number, lon: number) => ({ name, country: null, lat, lon });
    const stop = (name: string, lat: number, lon: number) => ({
      date: null,
      place: place(name, lat, lon),
      what: 'visits',
      evidence: { docId: 'd', start: 0, end: 1 },
    });
    const itinerary: Itinerary = {
      kind: 'itinerary',
      id: 'i',
      docId: 'd',
      evidence: [{ docId: 'd', start: 0, end: 1 }],
      extractor,
      traveller: 'T',
      stops: [stop('A', 10, 20), stop('B', 11, 21)],
    };
    const geo = toGeoJson([{ lat: 1, lon: 2, name: 'P', count: 4, eventIds: ['e'] }], [itinerary]);
    expect(geo.features.map((f) => [f.geometry.type, f.properties.kind])).toEqual([
      ['Point', 'event-location'],
      ['LineString', 'itinerary'],
      ['Point', 'itinerary-stop'],
      ['Point', 'itinerary-stop'],
    ]);
    expect(geo.features[1]?.geometry.coordinates).toEqual([
      [20, 10],
      [21, 11],
    ]);
    expect(geo.features[3]?.properties.order).toBe(2);
  });
});

describe('segmentText', () => {
  it('cuts the text at every span boundary and lists covering highlights, innermost first', () => {
    const segments = segmentText('abcdefgh', [
      { findingId: 'outer', kind: 'claim', start: 1, end: 7 },
      { findingId: 'inner', kind: 'event', start: 3, end: 5 },
      { findingId: 'bad', kind: 'event', start: 6, end: 99 },
    ]);
    expect(segments.map((s) => [s.text, s.covering.map((h) => h.findingId)])).toEqual([
      ['a', []],
      ['bc', ['outer']],
      ['de', ['inner', 'outer']],
      ['fg', ['outer']],
      ['h', []],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdefgh');
  });
});
