import { describe, expect, it } from 'vitest';
import { findQuantities } from './quantities.js';

function only(text: string) {
  const found = findQuantities(text);
  expect(found, text).toHaveLength(1);
  const [quantity] = found;
  if (!quantity) throw new Error('no quantity');
  return { ...quantity, text: text.slice(quantity.start, quantity.end) };
}

describe('findQuantities: money', () => {
  it.each([
    ['Exports reached US$113m last year.', 113e6, 'USD'],
    ['a $2.5bn package', 2.5e9, 'USD'],
    ['worth €40m in total', 40e6, 'EUR'],
    ['a £1.2 billion contract', 1.2e9, 'GBP'],
    ['a ¥300bn fund', 300e9, 'JPY'],
    ['a ₩5 trillion budget', 5e12, 'KRW'],
    ['RMB 3.2bn of credit', 3.2e9, 'CNY'],
    ['some 1.2 million rubles were paid', 1.2e6, 'RUB'],
    ['400 million roubles went missing', 400e6, 'RUB'],
    ['a loan of 7 billion yuan', 7e9, 'CNY'],
    ['a deal worth USD 15mn', 15e6, 'USD'],
    ['an offer of $750k', 750e3, 'USD'],
    ['a fund of US$ 3 tn', 3e12, 'USD'],
    ['half a million dollars', 5e5, 'USD'],
  ])('%s', (text, value, unit) => {
    const q = only(text);
    expect(q.value).toBeCloseTo(value, 0);
    expect(q.unit).toBe(unit);
  });

  it('reads a range sharing one scale word as a midpoint with bounds', () => {
    const q = only('They pledged $10-11 billion.');
    expect(q).toMatchObject({ value: 10.5e9, low: 10e9, high: 11e9, unit: 'USD', qualifier: 'about' });
  });

  it('reads "between X and Y million" as a range', () => {
    const q = only('between 3 and 5 million people fled');
    expect(q).toMatchObject({ value: 4e6, low: 3e6, high: 5e6, unit: 'people' });
  });

  it('keeps "from X to Y" as two figures, not a range', () => {
    const found = findQuantities('output fell from US$20.9bn to US$10.6bn');
    expect(found.map((q) => q.value)).toEqual([20.9e9, 10.6e9]);
    expect(found.every((q) => q.low === null)).toBe(true);
  });
});

describe('findQuantities: percentages, measures and counts', () => {
  it.each([
    ['almost 97% of its trade', 0.97, 'percent', 'at_most'],
    ['around 60 percent of voters', 0.6, 'percent', 'about'],
    ['a 5 per cent rise', 0.05, 'percent', null],
    ['Covering some 4000km, the train', 4000, 'km', 'about'],
    ['located 200 kilometres from the border', 200, 'km', null],
    ['a range of 300 miles', 482.8032, 'km', null],
    ['152 mm artillery rounds', 152, 'mm', null],
    ['the 162-kilometre railway', 162, 'km', null],
    ['a 40-mile pipeline', 64.37376, 'km', null],
    ['at least 500,000 people died', 500000, 'people', 'at_least'],
    ['more than 2,000 soldiers', 2000, 'people', 'at_least'],
    ['up to 30 tanks', 30, 'count', 'at_most'],
    ['nearly 40 ships', 40, 'count', 'at_most'],
    ['1,000 containers of munitions', 1000, 'count', null],
    ['with a 150-strong entourage', 150, 'people', null],
    ['Four million people died', 4e6, 'people', null],
    ['half a million refugees', 5e5, 'people', null],
    ['a dozen ships', 12, 'count', null],
    ['half a dozen drones', 6, 'count', null],
    ['tens of thousands of troops', 1e4, 'people', 'at_least'],
    ['hundreds of missiles', 200, 'count', 'at_least'],
    ['dozens of vessels', 24, 'count', 'at_least'],
    ['twenty-five vessels', 25, 'count', null],
    ['six military drones', 6, 'count', null],
    ['3k drones', 3000, 'count', null],
    ['two million barrels', 2e6, 'barrels', null],
  ])('%s', (text, value, unit, qualifier) => {
    const q = only(text);
    expect(q.value).toBeCloseTo(value, 3);
    expect(q.unit).toBe(unit);
    expect(q.qualifier).toBe(qualifier);
  });

  it('counts plural demonyms as people', () => {
    expect(only('Some 2.5 million Syrians live abroad')).toMatchObject({
      value: 2.5e6,
      unit: 'people',
      qualifier: 'about',
    });
  });

  it('attaches the counted noun', () => {
    expect(only('five such shipments have occurred').noun).toBe('shipments');
  });
});

describe('findQuantities: what is not a quantity', () => {
  it.each([
    'In 2011 the talks resumed.',
    'on 7 September the ship left',
    'the 38th parallel',
    'MiG-29 fighters and KN-25 launchers',
    'see Figure 1 and Table 2',
    'more than 20 years of effort',
    'the two leaders met; one can be ruled out',
    'the first summit and the third visit',
    'three broad categories',
    'a 12-year-old boy',
    'One in five households lacks power',
  ])('%s', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });
});
