import { describe, expect, it } from 'vitest';
import type { Claim, DyadEvent, Itinerary, Observation } from '../../domain/model.js';
import {
  claimConflicts,
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

  it('flags claims that judge the same event on opposite sides of even chance', () => {
    const shipped = event('AID', 'PRK', 'RUS', '2023-10');
    const claim = (holder: string, likelihood: Claim['likelihood']): Claim => ({
      kind: 'claim',
      id: `claim:${holder}`,
      docId: 'd',
      evidence: [{ docId: 'd', start: 0, end: 1 }],
      extractor,
      holder,
      holderText: null,
      cue: 'said',
      likelihood,
      proposition: null,
      about: [shipped.id],
    });
    const flags = claimConflicts(
      [claim('KOR', 'very_likely'), claim('RUS', 'very_unlikely'), claim('USA', 'likely')],
      [shipped],
    );
    expect(flags.get('claim:KOR')).toContain('RUS');
    expect(flags.get('claim:RUS')).toBeDefined();
    expect(flags.get('claim:USA')).toContain('RUS');
    expect(claimConflicts([claim('KOR', 'likely'), claim('USA', 'likely')], [shipped]).size).toBe(0);
  });
});
