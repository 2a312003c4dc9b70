import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/model.js';
import { extractItineraries } from '../../src/pipeline/itinerary/index.js';
import { type ActorSpec, doc, mentionsOf, timex, withSentences } from './builders.js';

const ACTORS: Record<string, ActorSpec> = {
  'Anna Berg': { type: 'person', id: 'anna-berg', country: 'NOR' },
  Berg: { type: 'person', id: 'anna-berg', country: 'NOR' },
  'Luis Mora': { type: 'person', id: 'luis-mora', country: 'CHL' },
  Chile: { type: 'state', id: 'CHL', country: 'CHL' },
  Norway: { type: 'state', id: 'NOR', country: 'NOR' },
  Oslo: { type: 'place', id: 'oslo', country: 'NOR', lat: 59.91, lon: 10.75 },
  Santiago: { type: 'place', id: 'santiago', country: 'CHL', lat: -33.45, lon: -70.67 },
  Valparaiso: { type: 'place', id: 'valparaiso', country: 'CHL', lat: -33.05, lon: -71.62 },
  'Atacama Observatory': { type: 'facility', id: 'atacama', country: 'CHL', lat: -23.0, lon: -67.75 },
};

const TRIP = [
  'Anna Berg left Oslo on 2 May aboard a chartered ship. The ship entered Chile on 9 May. She first stopped at the Atacama Observatory.',
  '',
  'On 10 May Berg toured the facilities and held talks with Luis Mora. ' +
    'She reached Valparaiso a day later. Berg then returned to Oslo on 14 May.',
].join('\n');

function run(text: string, dates: readonly [string, string, number?][]) {
  const document = doc(text);
  const findings: Finding[] = [
    ...mentionsOf(document, ACTORS),
    ...dates.map(([phrase, value, occurrence]) => timex(document, phrase, value, occurrence)),
  ];
  return extractItineraries(document, withSentences(document, findings));
}

describe('itinerary stage', () => {
  it('orders the stops of a trip across paragraphs with dates, places and what happens', () => {
    const itineraries = run(TRIP.replace('ship.', 'plane.').replace('The ship', 'The plane'), [
      ['2 May', '2024-05-02'],
      ['9 May', '2024-05-09'],
      ['10 May', '2024-05-10'],
      ['a day later', '2024-05-11'],
      ['14 May', '2024-05-14'],
    ]);
    expect(itineraries).toHaveLength(1);
    const [trip] = itineraries;
    expect(trip?.traveller).toBe('Anna Berg');
    const stops = trip?.stops.map((s) => `${s.date} ${s.place.name} ${s.what}`);
    expect(stops).toEqual([
      '2024-05-02 Oslo departs',
      '2024-05-09 Chile enters',
      '2024-05-09 Atacama Observatory visits',
      '2024-05-10 Atacama Observatory visits',
      '2024-05-11 Valparaiso arrives',
      '2024-05-14 Oslo returns',
    ]);
    const country = trip?.stops[1];
    expect(country?.place).toMatchObject({ country: 'CHL', lat: null, lon: null });
    expect(trip?.stops[4]?.place.lat).toBeCloseTo(-33.05);
  });

  it('splits trips of the same traveller that are far apart in time and drops lone movements', () => {
    const text = 'In 2019 Berg travelled to Santiago and returned to Oslo. In 2022 Berg visited Chile.';
    const itineraries = run(text, [
      ['2019', '2019'],
      ['2022', '2022'],
    ]);
    expect(itineraries).toHaveLength(1);
    expect(itineraries[0]?.stops.map((s) => s.place.name)).toEqual(['Santiago', 'Oslo']);
  });

  it('leaves out movements that did not happen', () => {
    const text = 'Berg did not travel to Santiago. Berg may visit Valparaiso. Berg left Oslo.';
    expect(run(text, [])).toHaveLength(0);
  });
});
