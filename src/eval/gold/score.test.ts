import { describe, expect, it } from 'vitest';
import { locateEvidence, searchable } from './locate.js';
import { matchOneToOne } from './matching.js';
import type { GoldInput } from './schema.js';
import {
  holderMatches,
  likelihoodWithinOne,
  observationValueMatches,
  sameTraveller,
  scoreDocument,
  stopLcs,
} from './score.js';
import { datesEqual, datesOverlap } from './temporal.js';

const TEXT = [
  'On 13 September Kim met Putin at the Vostochny Cosmodrome. A day later he reached Vladivostok.',
  'Trade reached $113 million in 2011. Exports were $10-11 billion.',
  'US officials said shells were likely sent. Analysts say talks may resume now, and now is the time.',
  'The train entered Russia on 12 September, near Komsomolsk on\n Amur.',
].join('\n\n');

function file(parts: Partial<GoldInput>): GoldInput {
  return { document: 'test.txt', dct: '2023-11-05', ...parts };
}

const timex = (evidence: string, value: string, extra: Record<string, unknown> = {}) => ({
  text: evidence,
  type: 'DATE' as const,
  value,
  evidence,
  ...extra,
});

describe('evidence location', () => {
  it('matches across normalised whitespace and honours occurrence', () => {
    const doc = searchable(TEXT);
    const span = locateEvidence(doc, 'Komsomolsk on Amur');
    expect(span && TEXT.slice(span.start, span.end)).toBe('Komsomolsk on\n Amur');
    const first = locateEvidence(doc, 'now', 1);
    const second = locateEvidence(doc, 'now', 2);
    expect(first && second && second.start > first.start).toBe(true);
    expect(locateEvidence(doc, 'now', 3)).toBeNull();
  });
});

describe('timexes', () => {
  it('counts an overlapping span as relaxed but not strict, and trims determiners for strict', () => {
    const gold = file({ timexes: [timex('13 September', '2023-09-13'), timex('A day later', '2023-09-14')] });
    const predicted = file({
      timexes: [timex('On 13 September', '2023-09-13'), timex('day later', '2023-09-14')],
    });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.timexes.relaxed.tp).toBe(2);
    expect(scores.timexes.strict.tp).toBe(1);
    expect(scores.timexes.value.accuracy).toBe(1);
  });

  it('requires the mod only where gold has one', () => {
    const gold = file({
      timexes: [timex('13 September', '2023-09-13', { mod: 'MID' }), timex('12 September', '2023-09-12')],
    });
    const predicted = file({
      timexes: [timex('13 September', '2023-09-13'), timex('12 September', '2023-09-12', { mod: 'APPROX' })],
    });
    const { scores, explanations } = scoreDocument(gold, predicted, TEXT);
    expect(scores.timexes.value).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(explanations.some((e) => e.kind === 'wrong_attribute' && e.item.includes('MID'))).toBe(true);
  });
});

describe('dates as intervals', () => {
  it('overlaps across granularities, intervals and decades', () => {
    expect(datesOverlap('2023-09', '2023-09-13')).toBe(true);
    expect(datesOverlap('2023-10', '2023-09-13')).toBe(false);
    expect(datesOverlap('2023-09-10/2023-09-19', '2023-09-13')).toBe(true);
    expect(datesOverlap('2023-09-10/2023-09-19', '2023-09-20')).toBe(false);
    expect(datesOverlap('199X', '1995')).toBe(true);
    expect(datesOverlap('199X', '2001')).toBe(false);
    expect(datesOverlap('2018/2019-04', '2019-04-30')).toBe(true);
    expect(datesOverlap('2018/2019-04', '2019-05-01')).toBe(false);
    expect(datesOverlap('2023-Q3', '2023-09-30')).toBe(true);
    expect(datesOverlap('PRESENT_REF', '2023-11-05', '2023-11-05')).toBe(true);
    expect(datesEqual('2023-09-19TEV', '2023-09-19')).toBe(true);
    expect(datesEqual('2023-09', '2023-09-19')).toBe(false);
  });
});

const event = (
  evidence: string,
  type: string,
  source: string,
  target: string | null,
  date: string | null,
  extra = {},
) => ({
  type,
  source,
  target,
  date,
  factuality: 'asserted' as const,
  evidence,
  ...extra,
});

describe('events', () => {
  const meeting = 'Kim met Putin';
  it('matches meetings in either order but other types only in order', () => {
    const gold = file({
      events: [
        event(meeting, 'CONSULT', 'PRK', 'RUS', '2023-09-13', { mode: 'meet' }),
        event(meeting, 'AID', 'PRK', 'RUS', null),
      ],
    });
    const predicted = file({
      events: [event(meeting, 'CONSULT', 'RUS', 'PRK', '2023-09'), event(meeting, 'AID', 'RUS', 'PRK', null)],
    });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.events.overall.tp).toBe(1);
    expect(scores.events.byType.CONSULT?.f1).toBe(1);
    expect(scores.events.byType.AID).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('does not swap actors for a CONSULT that is not a meeting', () => {
    const gold = file({ events: [event(meeting, 'CONSULT', 'PRK', 'RUS', null, { mode: 'visit' })] });
    const predicted = file({ events: [event(meeting, 'CONSULT', 'RUS', 'PRK', null)] });
    expect(scoreDocument(gold, predicted, TEXT).scores.events.overall.tp).toBe(0);
  });

  it('lets a gold null date accept any date but a predicted null match only gold null', () => {
    const gold = file({
      events: [
        event(meeting, 'AID', 'PRK', 'RUS', null),
        event(meeting, 'SUPPORT', 'PRK', 'RUS', '2023-09-13'),
      ],
    });
    const predicted = file({
      events: [
        event(meeting, 'AID', 'PRK', 'RUS', '2023-09-13'),
        event(meeting, 'SUPPORT', 'PRK', 'RUS', null),
      ],
    });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.events.byType.AID?.tp).toBe(1);
    expect(scores.events.byType.SUPPORT?.tp).toBe(0);
  });

  it('scores factuality and location on matched pairs', () => {
    const vostochny = { name: 'Vostochny Cosmodrome', country: 'RUS', lat: 51.88, lon: 128.33 };
    const gold = file({
      events: [event(meeting, 'CONSULT', 'PRK', 'RUS', '2023-09-13', { mode: 'meet', location: vostochny })],
    });
    const near = { name: 'Tsiolkovsky', country: 'RUS', lat: 51.8, lon: 128.2 };
    const far = { name: 'Vladivostok', country: 'RUS', lat: 43.11, lon: 131.87 };
    const withPlace = (location: typeof near, factuality: 'asserted' | 'claimed') =>
      file({ events: [event(meeting, 'CONSULT', 'PRK', 'RUS', '2023-09-13', { location, factuality })] });
    const good = scoreDocument(gold, withPlace(near, 'asserted'), TEXT).scores.events;
    expect(good.location.accuracy).toBe(1);
    expect(good.factuality.accuracy).toBe(1);
    const bad = scoreDocument(gold, withPlace(far, 'claimed'), TEXT).scores.events;
    expect(bad.location.accuracy).toBe(0);
    expect(bad.factuality.accuracy).toBe(0);
  });
});

const observation = (evidence: string, value: number, extra: Record<string, unknown> = {}) => ({
  indicator: 'trade_total',
  subject: 'RUS',
  partner: 'PRK',
  period: '2011',
  value,
  unit: 'USD',
  evidence,
  ...extra,
});

describe('observations', () => {
  it('accepts values within 0.5 % or inside the gold range', () => {
    const gold = observation('$113 million', 113_000_000);
    expect(observationValueMatches(gold, 113_500_000)).toBe(true);
    expect(observationValueMatches(gold, 114_000_000)).toBe(false);
    const range = observation('$10-11 billion', 10.5e9, { low: 10e9, high: 11e9 });
    expect(observationValueMatches(range, 10e9)).toBe(true);
    expect(observationValueMatches(range, 11.2e9)).toBe(false);
  });

  it('needs overlapping evidence and the same unit, then scores the attributes', () => {
    const gold = file({ observations: [observation('Trade reached $113 million in 2011', 113e6)] });
    const predicted = file({
      observations: [
        observation('$113 million', 113.2e6, { partner: null, indicator: 'exports' }),
        observation('$10-11 billion', 113e6),
        observation('Trade reached', 113e6, { unit: 'RUB' }),
      ],
    });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.observations.overall).toMatchObject({ tp: 1, fp: 2, fn: 0 });
    expect(scores.observations.subject.accuracy).toBe(1);
    expect(scores.observations.partner.accuracy).toBe(0);
    expect(scores.observations.period.accuracy).toBe(1);
    expect(scores.observations.attributes.accuracy).toBe(0);
    expect(scores.observations.indicator.accuracy).toBe(0);
  });
});

const claim = (evidence: string, holder: string, likelihood: string) => ({
  holder,
  likelihood: likelihood as 'likely',
  cue: 'said',
  evidence,
});

describe('claims', () => {
  it('accepts any holder of a list and likelihoods one step apart', () => {
    expect(holderMatches('KOR, UKR, WST', 'UKR')).toBe(true);
    expect(holderMatches('KOR, UKR, WST', 'USA')).toBe(false);
    expect(likelihoodWithinOne('likely', 'very_likely')).toBe(true);
    expect(likelihoodWithinOne('likely', 'almost_certain')).toBe(false);
    expect(likelihoodWithinOne('unstated', 'almost_no_chance')).toBe(false);
  });

  it('matches on overlapping evidence, one-to-one', () => {
    const gold = file({
      claims: [
        claim('US officials said shells were likely sent', 'USA, unnamed', 'likely'),
        claim('shells were likely sent', 'USA', 'likely'),
      ],
    });
    const predicted = file({ claims: [claim('officials said shells were', 'USA', 'very_likely')] });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.claims.overall).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(scores.claims.holder.accuracy).toBe(1);
    expect(scores.claims.likelihood.accuracy).toBe(0);
    expect(scores.claims.likelihoodWithinOne.accuracy).toBe(1);
  });
});

describe('one-to-one matching', () => {
  it('finds the larger matching where greedy best-first would not', () => {
    // Gold 0 fits both predictions (best with 0), gold 1 only prediction 0.
    const quality = [
      [1, 0.5],
      [0.9, null],
    ];
    const pairs = matchOneToOne(2, 2, (g, p) => quality[g]?.[p] ?? null);
    expect(pairs).toEqual([
      { gold: 0, predicted: 1 },
      { gold: 1, predicted: 0 },
    ]);
  });

  it('never uses a prediction twice', () => {
    expect(matchOneToOne(3, 1, () => 1)).toHaveLength(1);
    expect(matchOneToOne(2, 2, () => null)).toEqual([]);
  });
});

describe('itineraries', () => {
  const stop = (
    evidence: string,
    date: string,
    place: string,
    country: string,
    lat: number | null,
    lon: number | null,
  ) => ({
    date,
    place,
    country,
    lat,
    lon,
    evidence,
  });
  const goldStops = [
    stop('On 13 September', '2023-09-10', 'Pyongyang', 'PRK', 39.03, 125.75),
    stop('The train entered Russia on 12 September', '2023-09-12', 'Russia', 'RUS', null, null),
    stop('Vostochny Cosmodrome', '2023-09-13', 'Vostochny Cosmodrome', 'RUS', 51.88, 128.33),
    stop('reached Vladivostok', '2023-09-16', 'Vladivostok', 'RUS', 43.11, 131.87),
  ];

  it('scores the longest common subsequence with the 25 km rule and country-level stops', () => {
    const predictedStops = [
      stop('On 13 September', '2023-09-10', 'Pyongyang Station', 'PRK', 39.02, 125.76),
      stop('The train entered Russia', '2023-09-12', 'Khasan', 'RUS', 42.43, 130.64),
      stop('reached Vladivostok', '2023-09-16', 'Vladivostok', 'RUS', 43.12, 131.89),
      stop('Vostochny Cosmodrome', '2023-09-13', 'Tsiolkovsky', 'RUS', 51.8, 128.2),
    ];
    expect(stopLcs(goldStops, predictedStops, null).length).toBe(3);
    const gold = file({ itineraries: [{ traveller: 'Kim Jong-un', stops: goldStops }] });
    const predicted = file({ itineraries: [{ traveller: 'Kim Jong Un', stops: predictedStops }] });
    const { scores } = scoreDocument(gold, predicted, TEXT);
    expect(scores.itineraries.score).toBe(0.75);
    expect(scores.itineraries.precision).toBe(0.75);
  });

  it('pairs itineraries by traveller, accepting a short form of the name', () => {
    expect(sameTraveller('Kim Jong-un', 'Kim')).toBe(true);
    expect(sameTraveller('Kim Jong-un', 'Vladimir Putin')).toBe(false);
    const gold = file({ itineraries: [{ traveller: 'Kim Jong-un', stops: goldStops }] });
    const other = file({ itineraries: [{ traveller: 'Vladimir Putin', stops: goldStops }] });
    expect(scoreDocument(gold, other, TEXT).scores.itineraries.score).toBe(0);
    const short = file({ itineraries: [{ traveller: 'Kim', stops: goldStops }] });
    expect(scoreDocument(gold, short, TEXT).scores.itineraries.score).toBe(1);
  });

  it('rejects places more than 25 km away, other countries and other dates', () => {
    const [pyongyang] = goldStops;
    const far = stop('On 13 September', '2023-09-10', 'Nampo', 'PRK', 38.74, 125.4);
    const wrongCountry = stop('The train entered Russia', '2023-09-12', 'Dandong', 'CHN', 40.12, 124.38);
    const wrongDate = stop('On 13 September', '2023-09-11', 'Pyongyang', 'PRK', 39.03, 125.75);
    expect(stopLcs([pyongyang!], [far], null).length).toBe(0);
    expect(stopLcs([goldStops[1]!], [wrongCountry], null).length).toBe(0);
    expect(stopLcs([pyongyang!], [wrongDate], null).length).toBe(0);
  });
});

describe('whole files', () => {
  const gold = file({
    timexes: [timex('13 September', '2023-09-13'), timex('A day later', '2023-09-14')],
    events: [event('Kim met Putin', 'CONSULT', 'PRK', 'RUS', '2023-09-13', { mode: 'meet' })],
    observations: [observation('$113 million', 113e6)],
    claims: [claim('US officials said shells were likely sent', 'USA', 'likely')],
    itineraries: [
      {
        traveller: 'Kim Jong-un',
        stops: [
          {
            date: '2023-09-16',
            place: 'Vladivostok',
            country: 'RUS',
            lat: 43.11,
            lon: 131.87,
            evidence: 'reached Vladivostok',
          },
        ],
      },
    ],
  });

  it('gives 100 % on every layer when scored against itself', () => {
    const { scores, explanations } = scoreDocument(gold, gold, TEXT);
    expect(scores.timexes.relaxed.f1).toBe(1);
    expect(scores.timexes.strict.f1).toBe(1);
    expect(scores.timexes.value.accuracy).toBe(1);
    expect(scores.events.overall.f1).toBe(1);
    expect(scores.observations.overall.f1).toBe(1);
    expect(scores.observations.attributes.accuracy).toBe(1);
    expect(scores.claims.overall.f1).toBe(1);
    expect(scores.claims.holder.accuracy).toBe(1);
    expect(scores.itineraries.score).toBe(1);
    expect(explanations).toEqual([]);
  });

  it('gives zero recall for an empty prediction and explains every miss', () => {
    const { scores, explanations } = scoreDocument(gold, file({}), TEXT);
    expect(scores.timexes.relaxed.recall).toBe(0);
    expect(scores.events.overall.recall).toBe(0);
    expect(scores.observations.overall.recall).toBe(0);
    expect(scores.claims.overall.recall).toBe(0);
    expect(scores.itineraries.score).toBe(0);
    expect(explanations.filter((e) => e.kind === 'miss')).toHaveLength(6);
    expect(explanations[0]?.sentence).toContain('On 13 September Kim met Putin');
  });

  it('rejects a gold file with a bad item, naming the file and the item', () => {
    const bad = { ...gold, events: [{ ...event('Kim met Putin', 'AID', 'PRK', 'RUS', null), date: 2023 }] };
    expect(() =>
      scoreDocument(bad as unknown as GoldInput, gold, TEXT, { goldLabel: 'gold/x.json' }),
    ).toThrow('gold/x.json: events[0].date: expected string or null, got number');
  });

  it('rejects a gold file whose evidence is not in the document', () => {
    const bad = { ...gold, claims: [claim('Putin said nothing', 'RUS', 'unstated')] };
    expect(() => scoreDocument(bad, gold, TEXT, { goldLabel: 'gold/x.json' })).toThrow(
      'gold/x.json: claims[0].evidence: not found in the document',
    );
    const badOccurrence = { ...gold, timexes: [{ ...timex('now', 'PRESENT_REF'), occurrence: 3 }] };
    expect(() => scoreDocument(badOccurrence, gold, TEXT, { goldLabel: 'gold/x.json' })).toThrow(
      'timexes[0].evidence',
    );
  });
});
