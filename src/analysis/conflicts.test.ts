import { describe, expect, it } from 'vitest';
import type { Claim, Observation } from '../domain/model.js';
import {
  analyseProposition,
  claimConflicts,
  claimText,
  figureConflicts,
  figureSeries,
  likelihoodStep,
} from './conflicts.js';

let counter = 0;
function observation(docId: string, value: number, extra: Partial<Observation> = {}): Observation {
  counter++;
  return {
    kind: 'observation',
    id: `observation:${docId}:${counter}`,
    docId,
    evidence: [{ docId, start: counter, end: counter + 5 }],
    extractor: { name: 'figures', version: '1' },
    indicator: 'trade_total',
    subject: 'RUS',
    partner: 'PRK',
    period: '2011',
    value,
    unit: 'USD',
    qualifier: null,
    low: null,
    high: null,
    ...extra,
  };
}

function claim(docId: string, likelihood: Claim['likelihood'], cue = 'likely'): Claim {
  counter++;
  return {
    kind: 'claim',
    id: `claim:${docId}:${counter}`,
    docId,
    evidence: [{ docId, start: 0, end: 10 }],
    extractor: { name: 'claims', version: '1' },
    holder: 'author',
    holderText: null,
    cue,
    likelihood,
    proposition: null,
    about: [],
  };
}

describe('figureConflicts', () => {
  it('links the same figure reported more than 1% apart in two documents, with both sides’ evidence', () => {
    const a = observation('doc-a', 113e6);
    const b = observation('doc-b', 120e6);
    const conflicts = figureConflicts([a, b]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'figure',
      indicator: 'trade_total',
      subject: 'RUS',
      partner: 'PRK',
      period: '2011',
    });
    expect(conflicts[0]?.evidence).toEqual([a.evidence[0], b.evidence[0]]);
    expect(conflicts[0]?.difference).toBeCloseTo(7 / 120, 6);
  });

  it('accepts figures within 1%, overlapping ranges, and bounds that admit the other value', () => {
    expect(figureConflicts([observation('a', 100), observation('b', 100.9)])).toEqual([]);
    expect(
      figureConflicts([
        observation('a', 10.5, { low: 10, high: 11, qualifier: 'about' }),
        observation('b', 10.8),
      ]),
    ).toEqual([]);
    expect(
      figureConflicts([observation('a', 500, { qualifier: 'at_least' }), observation('b', 800)]),
    ).toEqual([]);
    expect(
      figureConflicts([
        observation('a', 0.97, { qualifier: 'at_most', unit: 'percent' }),
        observation('b', 0.9, { unit: 'percent' }),
      ]),
    ).toEqual([]);
  });

  it('does not link different periods, partners, indicators or units, nor one document with itself', () => {
    const base = observation('a', 100);
    expect(figureConflicts([base, observation('b', 200, { period: '2012' })])).toEqual([]);
    expect(figureConflicts([base, observation('b', 200, { partner: 'CHN' })])).toEqual([]);
    expect(figureConflicts([base, observation('b', 200, { indicator: 'exports' })])).toEqual([]);
    expect(figureConflicts([base, observation('b', 200, { unit: 'EUR' })])).toEqual([]);
    expect(figureConflicts([base, observation('a', 200)])).toEqual([]);
    expect(figureConflicts([base, observation('a', 200)], { acrossDocumentsOnly: false })).toHaveLength(1);
  });
});

describe('claimConflicts', () => {
  it('links a proposition asserted in one document and negated in another', () => {
    const a = claim('a', 'unstated', 'said');
    const b = claim('b', 'unstated', 'said');
    const conflicts = claimConflicts([
      { claim: a, proposition: 'North Korea sent artillery shells to Russia in September' },
      { claim: b, proposition: 'North Korea did not send artillery shells to Russia in September' },
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'claim', reason: 'negation' });
  });

  it('links likelihoods two or more steps apart, not one', () => {
    const text = 'Russia will help North Korea launch military satellites';
    const far = claimConflicts([
      { claim: claim('a', 'likely'), proposition: text },
      { claim: claim('b', 'unlikely'), proposition: text },
    ]);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ reason: 'likelihood', steps: 2 });
    const near = claimConflicts([
      { claim: claim('a', 'likely'), proposition: text },
      { claim: claim('b', 'roughly_even'), proposition: text },
    ]);
    expect(near).toEqual([]);
  });

  it('ignores propositions about different things', () => {
    const conflicts = claimConflicts([
      { claim: claim('a', 'almost_certain'), proposition: 'Russia will supply grain to North Korea' },
      {
        claim: claim('b', 'very_unlikely'),
        proposition: 'China will join a trilateral alliance with Moscow',
      },
    ]);
    expect(conflicts).toEqual([]);
  });

  it('reads propositions without their cue words', () => {
    const text = 'It is unlikely that Russia will aid the programme.';
    const c = {
      ...claim('a', 'unlikely', 'unlikely'),
      proposition: { docId: 'a', start: 0, end: text.length - 1 },
    };
    expect(claimText(text, c).proposition).toBe('It is that Russia will aid the programme');
  });
});

describe('helpers', () => {
  it('places likelihoods on the ICD 203 scale, a bare attribution as asserted', () => {
    expect(likelihoodStep('almost_no_chance')).toBe(0);
    expect(likelihoodStep('roughly_even')).toBe(3);
    expect(likelihoodStep('unstated')).toBe(6);
  });

  it('counts negations, including contractions', () => {
    expect(analyseProposition("Kim didn't go").negated).toBe(true);
    expect(analyseProposition('neither side will not talk').negated).toBe(false);
  });
});

describe('figureSeries', () => {
  it('orders points by period, groups reports of one period, flags disputed points, and folds symmetric trade', () => {
    const observations = [
      observation('a', 5, { period: '2012' }),
      observation('a', 4, { period: '2011' }),
      observation('b', 9, { period: '2011' }),
      observation('c', 6, { subject: 'PRK', partner: 'RUS', period: '2013' }),
      observation('c', 1, { indicator: 'exports', period: '2013' }),
    ];
    const [series, ...others] = figureSeries(observations, {
      subject: 'RUS',
      partner: 'PRK',
      indicator: 'trade_total',
    });
    expect(others).toEqual([]);
    expect(series?.points.map((p) => [p.period, p.observations.length, p.disputed])).toEqual([
      ['2011', 2, true],
      ['2012', 1, false],
      ['2013', 1, false],
    ]);
  });
});
