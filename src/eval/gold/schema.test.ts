import { describe, expect, it } from 'vitest';
import { parseGoldFile, parseGoldJson } from './schema.js';

const event = {
  type: 'AID',
  source: 'PRK',
  target: 'RUS',
  date: null,
  factuality: 'asserted',
  evidence: 'x',
};

describe('gold file validation', () => {
  it('accepts a minimal file and fills missing layers with empty lists', () => {
    const gold = parseGoldFile({ document: 'a.txt', events: [event] }, 'gold/a.json');
    expect(gold.timexes).toEqual([]);
    expect(gold.events[0]?.target).toBe('RUS');
  });

  it('names the file and the item for wrong types, missing fields and unknown values', () => {
    expect(() =>
      parseGoldFile({ document: 'a.txt', events: [event, { ...event, target: 3 }] }, 'gold/a.json'),
    ).toThrow('gold/a.json: events[1].target: expected string or null, got number');
    const { type: _dropped, ...typeless } = event;
    expect(() => parseGoldFile({ document: 'a.txt', events: [typeless] }, 'gold/a.json')).toThrow(
      'gold/a.json: events[0].type: string is required',
    );
    expect(() =>
      parseGoldFile(
        { document: 'a.txt', claims: [{ holder: 'USA', likelihood: 'probable', evidence: 'x' }] },
        'g.json',
      ),
    ).toThrow('g.json: claims[0].likelihood:');
    expect(() =>
      parseGoldFile(
        {
          document: 'a.txt',
          itineraries: [{ traveller: 'Kim', stops: [{ date: null, place: 'X', evidence: 'x', lat: 'n' }] }],
        },
        'g.json',
      ),
    ).toThrow('g.json: itineraries[0].stops[0].lat: expected number or null, got string');
  });

  it('reports invalid JSON with the file name', () => {
    expect(() => parseGoldJson('{"document": ', 'gold/b.json')).toThrow('gold/b.json: not valid JSON');
  });
});
