import { describe, expect, it } from 'vitest';
import type { Claim, DyadEvent, Itinerary, Observation } from '../../domain/model.js';
import {
  bucketsFromPairPeriods,
  claimConflictNotes,
  dateEvents,
  EMPTY_FILTER,
  filterEvents,
  filterItineraries,
  monthlyBuckets,
  observationSeries,
  pairCounts,
  quadOf,
} from './analysis.js';

const extractor = { name: 'test', version: '1' };
let n = 0;
function event(
  type: string,
  source: string,
  target: string,
  date: string | null,
  extra: Partial<DyadEvent> = {},
): DyadEvent {
  n += 1;
  return {
    kind: 'event',
    id: `event:d:${n}`,
    docId: 'd',
    evidence: [{ docId: 'd', start: n, end: n + 1 }],
    extractor,
    type,
    mode: null,
    source,
    target,
    sourceActor: null,
    targetActor: null,
    date,
    location: null,
    factuality: 'asserted',
    claimedBy: null,
    origin: 'extracted',
    ...extra,
  };
}

describe('quad classes', () => {
  it('classifies PLOVER types by cooperation/conflict and verbal/material', () => {
    expect(quadOf('CONSULT')).toBe('verbal_cooperation');
    expect(quadOf('aid')).toBe('material_cooperation');
    expect(quadOf('THREATEN')).toBe('verbal_conflict');
    expect(quadOf('ASSAULT')).toBe('material_conflict');
    expect(quadOf('SOMETHING')).toBeNull();
  });
});

describe('pairs and months', () => {
  const events = dateEvents([
    event('CONSULT', 'RUS', 'PRK', '2023-09-13'),
    event('AID', 'PRK', 'RUS', '2023-10'),
    event('THREATEN', 'USA', 'PRK', '2023-10-02'),
    event('ASSAULT', 'RUS', 'UKR', '2023-12-01'),
    event('AGREE', 'RUS', 'PRK', null),
  ]);

  it('defaults to the pair with most events, whichever direction', () => {
    const pairs = pairCounts(events);
    expect(pairs[0]).toEqual({ a: 'PRK', b: 'RUS', count: 3, cooperation: 3, conflict: 0 });
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['PRK-RUS', 'PRK-USA', 'RUS-UKR']);
  });

  it('buckets dated events by month with a score, filling empty months', () => {
    const buckets = monthlyBuckets(events);
    expect(buckets.map((b) => b.month)).toEqual(['2023-09', '2023-10', '2023-11', '2023-12']);
    expect(buckets[1]?.counts).toEqual({
      verbal_cooperation: 0,
      material_cooperation: 1,
      verbal_conflict: 1,
      material_conflict: 0,
    });
    expect(buckets.map((b) => b.score)).toEqual([1, 1, 0, -2]);
  });

  it('turns server pair periods into quad buckets with empty months and mean intensity', () => {
    const buckets = bucketsFromPairPeriods([
      {
        period: '2023-09',
        byType: { CONSULT: 2, ASSAULT: 1, OTHER: 1 },
        score: 1.5,
        byOrigin: { coded: 3, extracted: 1 },
      },
      { period: '2023-11', byType: { AID: 1 }, score: 7, byOrigin: { coded: 0, extracted: 1 } },
    ]);
    expect(buckets.map((b) => [b.month, b.score, b.other, b.coded])).toEqual([
      ['2023-09', 1.5, 1, 3],
      ['2023-10', null, 0, 0],
      ['2023-11', 7, 0, 0],
    ]);
    expect(buckets[0]?.counts).toEqual({
      verbal_cooperation: 2,
      material_cooperation: 0,
      verbal_conflict: 0,
      material_conflict: 1,
    });
  });

  it('filters by period overlap, actors and factuality; undated events drop out under a period', () => {
    expect(filterEvents(events, EMPTY_FILTER)).toHaveLength(5);
    const october = filterEvents(events, { ...EMPTY_FILTER, from: '2023-10-15', to: '2023-11-30' });
    expect(october.map((e) => e.event.type)).toEqual(['AID']);
    expect(filterEvents(events, { ...EMPTY_FILTER, actors: ['UKR'] }).map((e) => e.event.type)).toEqual([
      'ASSAULT',
    ]);
    expect(filterEvents(events, { ...EMPTY_FILTER, factuality: ['claimed'] })).toHaveLength(0);
    expect(filterEvents(events, { ...EMPTY_FILTER, kinds: ['claim'] })).toHaveLength(0);
  });
});

describe('itineraries, figures and claims', () => {
  const place = (name: string) => ({ name, country: 'RUS', lat: 1, lon: 2 });
  const stop = (date: string, name: string) => ({
    date,
    place: place(name),
    what: 'visits',
    evidence: { docId: 'd', start: 0, end: 1 },
  });
  const itinerary: Itinerary = {
    kind: 'itinerary',
    id: 'itinerary:d:0-1',
    docId: 'd',
    evidence: [{ docId: 'd', start: 0, end: 1 }],
    extractor,
    traveller: 'Kim Jong-un',
    stops: [stop('2023-09-12', 'Khasan'), stop('2023-09-13', 'Vostochny'), stop('2023-09-15', 'Komsomolsk')],
  };

  it('keeps only the stops inside the period, in order', () => {
    const [kept] = filterItineraries([itinerary], { ...EMPTY_FILTER, from: '2023-09-13' });
    expect(kept?.stops.map((s) => s.place.name)).toEqual(['Vostochny', 'Komsomolsk']);
    expect(filterItineraries([itinerary], { ...EMPTY_FILTER, to: '2023-09-01' })).toEqual([]);
  });

  it('groups observations into series per indicator and partner, ordered by period', () => {
    const obs = (period: string, value: number, partner: string): Observation => ({
      kind: 'observation',
      id: `observation:d:${period}${partner}`,
      docId: 'd',
      evidence: [{ docId: 'd', start: 0, end: 1 }],
      extractor,
      indicator: 'trade',
      subject: 'RUS',
      partner,
      period,
      value,
      unit: 'USD',
      qualifier: null,
      low: null,
      high: null,
    });
    const [group] = observationSeries([obs('2023', 3, 'PRK'), obs('2022', 2, 'PRK'), obs('2023', 9, 'CHN')]);
    expect(group?.series.map((s) => s.key)).toEqual(['RUS→CHN', 'RUS→PRK']);
    expect(group?.series[1]?.points.map((p) => p.value)).toEqual([2, 3]);
  });

  it('notes claims that other reports contradict, using the project conflict rules', () => {
    const claim = (docId: string, holder: string, text: string, likelihood: Claim['likelihood']): Claim => ({
      kind: 'claim',
      id: `claim:${docId}`,
      docId,
      evidence: [{ docId, start: 0, end: text.length }],
      extractor,
      holder,
      holderText: null,
      cue: 'said',
      likelihood,
      proposition: { docId, start: 0, end: text.length },
      about: [],
    });
    const texts = new Map([
      ['d1', 'North Korea shipped artillery shells to Russia'],
      ['d2', 'North Korea never shipped artillery shells to Russia'],
      ['d3', 'North Korea shipped artillery shells to Russia'],
    ]);
    const notes = claimConflictNotes(
      [
        claim('d1', 'KOR', texts.get('d1') as string, 'unstated'),
        claim('d2', 'PRK', texts.get('d2') as string, 'unstated'),
        claim('d3', 'USA', texts.get('d3') as string, 'unstated'),
      ],
      texts,
    );
    expect(notes.get('claim:d1')).toEqual(['contradicted by PRK']);
    expect(notes.get('claim:d2')).toEqual(['contradicted by KOR', 'contradicted by USA']);
    expect(
      claimConflictNotes([claim('d1', 'KOR', texts.get('d1') as string, 'unstated')], new Map()),
    ).toEqual(new Map());
  });
});
