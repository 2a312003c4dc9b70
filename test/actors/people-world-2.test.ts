import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-world-2.txt (heads of state and government from 2010, foreign ministers from 2018,
// of Central and Eastern Europe, the Balkans, the Nordic and Baltic states, smaller Western European states, Oceania,
// Latin America and the Caribbean): someone must hold each coded office on 30 June of every year from the first year
// to 2025, except the known gaps below.
const LAST_YEAR = 2025;
const SCOPE: Readonly<Record<string, readonly (readonly [country: string, from: number])[]>> = {
  hos: [
    ['POL', 2010],
    ['HUN', 2010],
    ['CZE', 2010],
    ['SVK', 2010],
    ['ROU', 2010],
    ['BGR', 2010],
    ['SRB', 2010],
    ['HRV', 2010],
    ['MNE', 2010],
  ],
  hog: [
    ['POL', 2010],
    ['HUN', 2010],
    ['CZE', 2010],
    ['SVK', 2010],
    ['ROU', 2010],
    ['BGR', 2010],
    ['SRB', 2010],
    ['HRV', 2010],
    ['BIH', 2010],
    ['MNE', 2010],
  ],
  fm: [
    ['POL', 2018],
    ['HUN', 2018],
    ['CZE', 2018],
    ['SVK', 2018],
    ['ROU', 2018],
    ['SRB', 2018],
    ['HRV', 2018],
    ['BIH', 2018],
  ],
};

// Known gaps by role, (country, year): the holder on 30 June is not known to us with confidence, so none is coded.
const KNOWN_GAPS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  hos: {},
  hog: {},
  fm: {},
};

describe('heads of state and government and foreign ministers (people-world-2.txt)', () => {
  for (const [role, scope] of Object.entries(SCOPE))
    describe(role, () => {
      itCoversEveryYear(
        role,
        scope.map(([country, from]) => [country, from, LAST_YEAR] as const),
        KNOWN_GAPS[role] ?? {},
      );
    });

  it('codes no head of state for Bosnia and Herzegovina, whose presidency is collective', () => {
    for (const year of [2012, 2020, 2024]) expect(officeHolders('hos', 'BIH', `${year}-06-30`)).toEqual([]);
  });

  it('merges a person who held two offices into one id (Vučić: prime minister, then president)', () => {
    expect(officeHolders('hog', 'SRB', '2016-06-30')).toEqual(['aleksandar-vucic']);
    expect(officeHolders('hos', 'SRB', '2020-06-30')).toEqual(['aleksandar-vucic']);
  });

  it('has a header naming its sources', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../data/actors/people-world-2.txt', import.meta.url)),
      'utf8',
    );
    const header = text.split('\n## ')[0] ?? '';
    expect(header).toMatch(/Sources/);
  });
});
