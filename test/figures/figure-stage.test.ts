import { describe, expect, it } from 'vitest';
import type { Finding, Observation } from '../../src/domain/model.js';
import { figureStage } from '../../src/pipeline/figures/index.js';
import { makeDocument, makeTimex, mentionsByName, PERSON, PRONOUN, STATE } from './builders.js';

const ACTORS = {
  Atlantis: STATE('ATL'),
  Atlantean: STATE('ATL'),
  Borduria: STATE('BOR'),
  Bordurian: STATE('BOR'),
  Syldavia: STATE('SYL'),
  Carpania: STATE('CAR'),
  'Anna Berg': PERSON('Anna Berg', 'BOR'),
  him: PRONOUN('BOR', 'Anna Berg'),
  Its: PRONOUN('ATL'),
};

function run(
  text: string,
  timexes: (doc: ReturnType<typeof makeDocument>) => Finding[] = () => [],
): Observation[] {
  const document = makeDocument(text);
  const findings = [...mentionsByName(document, ACTORS), ...timexes(document)];
  return figureStage.run(document, findings, { dct: '2024-03-01' }) as Observation[];
}

function pick(observations: readonly Observation[], value: number): Observation {
  const found = observations.find((o) => Math.abs(o.value - value) < Math.abs(value) * 1e-6 + 1e-9);
  if (!found)
    throw new Error(
      `no observation with value ${value}: ${JSON.stringify(observations.map((o) => o.value))}`,
    );
  return found;
}

describe('figureStage', () => {
  it('reads a bilateral trade figure with its subject, partner and year', () => {
    const text =
      'In 2019, Atlantis’s trade with Borduria totalled US$21.2bn, while Syldavia’s reached US$310bn.';
    const observations = run(text, (d) => [makeTimex(d, '2019', '2019')]);
    expect(pick(observations, 21.2e9)).toMatchObject({
      indicator: 'trade_total',
      subject: 'ATL',
      partner: 'BOR',
      period: '2019',
      unit: 'USD',
      extractor: { name: 'figures' },
    });
    // The elided second clause inherits indicator, partner and period.
    expect(pick(observations, 310e9)).toMatchObject({
      indicator: 'trade_total',
      subject: 'SYL',
      partner: 'BOR',
      period: '2019',
    });
  });

  it('attaches parenthesised figures to the actor before them and inherits the rest', () => {
    const text =
      'Borduria traded little with Atlantis. Its highest annual trade total, US$113m in 2011, trailed Syldavia (US$5.6bn) and Carpania (US$1.7bn).';
    const observations = run(text, (d) => [makeTimex(d, '2011', '2011')]);
    expect(pick(observations, 113e6)).toMatchObject({ subject: 'ATL', partner: 'BOR', period: '2011' });
    expect(pick(observations, 5.6e9)).toMatchObject({
      indicator: 'trade_total',
      subject: 'SYL',
      partner: 'BOR',
      period: '2011',
    });
    expect(pick(observations, 1.7e9)).toMatchObject({ subject: 'CAR', partner: 'BOR', period: '2011' });
  });

  it('splits a change into a signed fraction and the two levels with the ends of the period', () => {
    const text =
      'Officials said that from 2001 to 2005, Borduria’s GDP had declined by 12.5% (from US$8bn to US$7bn).';
    const observations = run(text, (d) => [makeTimex(d, '2001 to 2005', '2001/2005')]);
    expect(pick(observations, -0.125)).toMatchObject({
      indicator: 'gdp_change',
      subject: 'BOR',
      period: '2001/2005',
      unit: 'percent',
    });
    expect(pick(observations, 8e9)).toMatchObject({ indicator: 'gdp', subject: 'BOR', period: '2001' });
    expect(pick(observations, 7e9)).toMatchObject({ indicator: 'gdp', subject: 'BOR', period: '2005' });
  });

  it('reads shares, exports and imports and carries the partner into the next sentence', () => {
    const text =
      'In 2020, Syldavia conducted almost 90% of its trade with Carpania. Syldavia’s exports of US$50m could not match imports of US$1.2bn.';
    const observations = run(text, (d) => [makeTimex(d, '2020', '2020')]);
    expect(pick(observations, 0.9)).toMatchObject({
      indicator: 'trade_share',
      subject: 'SYL',
      partner: 'CAR',
      qualifier: 'at_most',
    });
    expect(pick(observations, 50e6)).toMatchObject({
      indicator: 'exports',
      subject: 'SYL',
      partner: 'CAR',
      period: '2020',
    });
    expect(pick(observations, 1.2e9)).toMatchObject({
      indicator: 'imports',
      subject: 'SYL',
      partner: 'CAR',
      period: '2020',
    });
  });

  it('reads transfers, the recipient from a pronoun, and the nearest date in the clause', () => {
    const text =
      'Talks began in March; Atlantis sent 2,000 containers of shells to Borduria on 4 May. The next day, Syldavia gave him six drones.';
    const observations = run(text, (d) => [
      makeTimex(d, 'March', '2023-03'),
      makeTimex(d, '4 May', '2023-05-04'),
      makeTimex(d, 'The next day', '2023-05-05'),
    ]);
    expect(pick(observations, 2000)).toMatchObject({
      indicator: 'containers',
      subject: 'ATL',
      partner: 'BOR',
      period: '2023-05-04',
      unit: 'count',
    });
    expect(pick(observations, 6)).toMatchObject({
      indicator: 'drones',
      subject: 'SYL',
      partner: 'BOR',
      period: '2023-05-05',
    });
  });

  it('reads debts, "of which" shares, deaths, distances and calibres', () => {
    const text =
      'Atlantis owed Borduria a notional debt of US$4bn in 2012, of which Borduria wrote off 80%. ' +
      'From 1990 to 1993, famine killed at least 200,000 people. ' +
      'The depot lies 150 kilometres from Syldavia’s border with Carpania. ' +
      'On 3 June Atlantis shipped 122 mm artillery shells.';
    const observations = run(text, (d) => [
      makeTimex(d, '2012', '2012'),
      makeTimex(d, 'From 1990 to 1993', '1990/1993'),
      makeTimex(d, '3 June', '2023-06-03'),
    ]);
    expect(pick(observations, 4e9)).toMatchObject({
      indicator: 'debt',
      subject: 'ATL',
      partner: 'BOR',
      qualifier: 'notional',
      period: '2012',
    });
    expect(pick(observations, 0.8)).toMatchObject({
      indicator: 'debt_written_off',
      subject: 'ATL',
      partner: 'BOR',
      period: '2012',
    });
    expect(pick(observations, 200000)).toMatchObject({
      indicator: 'deaths',
      unit: 'people',
      qualifier: 'at_least',
      period: '1990/1993',
    });
    expect(pick(observations, 150)).toMatchObject({
      indicator: 'distance',
      unit: 'km',
      subject: 'SYL',
      partner: 'CAR',
      period: null,
    });
    expect(pick(observations, 122)).toMatchObject({
      indicator: 'calibre',
      unit: 'mm',
      subject: 'ATL',
      period: null,
    });
  });

  it('takes the subject from a demonym inside the counted phrase and the head of a compound noun', () => {
    const text =
      'Officials in Syldavia said that about 10,000 Bordurian soldiers had been sent to eastern Atlantis, and that about 1,500 special forces troops had reached the front.';
    const observations = run(text);
    expect(pick(observations, 10000)).toMatchObject({
      indicator: 'personnel',
      unit: 'people',
      subject: 'BOR',
      partner: 'ATL',
      qualifier: 'about',
    });
    expect(pick(observations, 1500)).toMatchObject({
      indicator: 'personnel',
      unit: 'people',
      subject: 'BOR',
    });
  });

  it('reads casualties from a verb after a coordinated subject', () => {
    const observations = run(
      'Twenty Atlantean soldiers and at least four Bordurian soldiers were killed in the clash.',
    );
    expect(pick(observations, 20)).toMatchObject({ indicator: 'deaths', subject: 'ATL' });
    expect(pick(observations, 4)).toMatchObject({
      indicator: 'deaths',
      subject: 'BOR',
      qualifier: 'at_least',
    });
  });

  it('reads trade between two states, its change, shares of GDP and rates', () => {
    const text =
      'Trade between Atlantis and Borduria rose 26.3% to US$240bn in 2023. Syldavia spends 2% of GDP on defence. Some 300,000 barrels per day flow through the pipeline.';
    const observations = run(text, (d) => [makeTimex(d, '2023', '2023')]);
    expect(pick(observations, 0.263)).toMatchObject({
      indicator: 'trade_total_change',
      subject: 'ATL',
      partner: 'BOR',
      period: '2023',
    });
    expect(pick(observations, 240e9)).toMatchObject({
      indicator: 'trade_total',
      subject: 'ATL',
      partner: 'BOR',
      period: '2023',
    });
    expect(pick(observations, 0.02)).toMatchObject({
      indicator: 'defence_spending',
      subject: 'SYL',
      partner: null,
    });
    expect(pick(observations, 300000)).toMatchObject({
      indicator: 'oil_volume_per_day',
      unit: 'barrels',
      qualifier: 'about',
    });
  });

  it('reads prices, per-capita levels, changes written as nouns and percentages named by their noun', () => {
    const text =
      'Oil sold for $75 a barrel. Syldavia’s GDP per capita is about $2,400. Atlantis’s exports to Borduria were worth $97bn, a 12 per cent decrease. Carpania enriched uranium to 60% purity.';
    const observations = run(text);
    expect(pick(observations, 75)).toMatchObject({ indicator: 'price_per_barrel', unit: 'USD' });
    expect(pick(observations, 2400)).toMatchObject({
      indicator: 'gdp_per_capita',
      subject: 'SYL',
      qualifier: 'about',
    });
    expect(pick(observations, -0.12)).toMatchObject({
      indicator: 'exports_change',
      subject: 'ATL',
      partner: 'BOR',
    });
    expect(pick(observations, 0.6)).toMatchObject({ indicator: 'purity', subject: 'CAR' });
  });

  it('lets an organisation be the donor of aid', () => {
    const text =
      'Atlantis traded US$5bn with Borduria in 2020. The Union has pledged €50bn in aid to Carpania.';
    const document = makeDocument(text);
    const findings = [
      ...mentionsByName(document, {
        ...ACTORS,
        Union: { type: 'organisation', entityId: 'EU', country: null },
      }),
      makeTimex(document, '2020', '2020'),
    ];
    const observations = figureStage.run(document, findings, { dct: null }) as Observation[];
    expect(pick(observations, 50e9)).toMatchObject({
      indicator: 'aid',
      subject: 'EU',
      partner: 'CAR',
      unit: 'EUR',
    });
  });

  it('makes a cumulative count run until publication', () => {
    const text =
      'Atlantis sent arms to Borduria. At least five such shipments have occurred to date, starting in late August.';
    const observations = run(text, (d) => [
      makeTimex(d, 'late August', '2023-08'),
      makeTimex(d, 'to date', 'PRESENT_REF'),
    ]);
    expect(pick(observations, 5)).toMatchObject({
      indicator: 'shipment_count',
      subject: 'ATL',
      partner: 'BOR',
      period: '2023-08/2024-03-01',
      qualifier: 'at_least',
    });
  });

  it('skips numbers inside time expressions and keeps evidence on the figure', () => {
    const text = 'The three-year war ended. Atlantis spent US$3 billion.';
    const document = makeDocument(text);
    const observations = figureStage.run(document, [makeTimex(document, 'three-year', 'P3Y', 'DURATION')], {
      dct: null,
    });
    expect(observations).toHaveLength(1);
    const [only] = observations;
    expect(only && text.slice(only.evidence[0]?.start, only.evidence[0]?.end)).toBe('US$3 billion');
  });

  it('reads a lending verb as a loan from its subject to its object', () => {
    const text = 'In 2019, Atlantis agreed to lend Borduria 1.3 billion euros for a railway.';
    expect(
      pick(
        run(text, (d) => [makeTimex(d, '2019', '2019')]),
        1.3e9,
      ),
    ).toMatchObject({
      indicator: 'loan',
      subject: 'ATL',
      partner: 'BOR',
      unit: 'EUR',
    });
    expect(pick(run('Atlantis lent US$2bn to Borduria.'), 2e9)).toMatchObject({
      subject: 'ATL',
      partner: 'BOR',
    });
  });

  it('does not date a figure by the base it is compared with', () => {
    const text =
      'Atlantis’s trade with Borduria rose to US$4.9bn in 2022, up 20 per cent on the previous year.';
    const observations = run(text, (d) => [
      makeTimex(d, '2022', '2022'),
      makeTimex(d, 'the previous year', '2021'),
    ]);
    expect(pick(observations, 4.9e9)).toMatchObject({ period: '2022' });
    expect(pick(observations, 0.2)).toMatchObject({ period: '2022' });
  });
});
