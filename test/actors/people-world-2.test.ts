import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/pipeline/actors/data.js';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-world-2.txt (heads of state and government from 2010, foreign ministers from 2018,
// of Central and Eastern Europe, the Balkans, the Nordic and Baltic states, smaller Western European states, Oceania,
// Latin America and the Caribbean): someone must hold each coded office on 30 June of every year from the first year
// to 2025, except the known gaps below.
const LAST_YEAR = 2025;
// Countries whose office is coded, by role; presidential systems (CYP, VEN, COL, PER) have only `hos`.
const HOS =
  'POL HUN CZE SVK ROU BGR SRB HRV MNE MKD ALB XKX SVN GRC CYP MDA LTU LVA EST FIN SWE DNK ISL NOR IRL BEL LUX AUT CHE ESP NLD PRT MLT FJI VEN COL PER CHL ECU BOL PRY URY CUB NIC HND GTM SLV CRI PAN DOM HTI TTO';
// Presidential systems (CYP, VEN, COL, PER and the rest of Latin America but CUB and HTI) have only `hos`; the
// Commonwealth realms (NZL, PNG, JAM) only `hog` (their monarch is coded under GBR).
const HOG =
  'POL HUN CZE SVK ROU BGR SRB HRV BIH MNE MKD ALB XKX SVN GRC MDA LTU LVA EST FIN SWE DNK ISL NOR IRL BEL LUX AUT ESP NLD PRT MLT NZL PNG FJI CUB HTI JAM TTO';
const FM =
  'POL HUN CZE SVK ROU BGR SRB HRV BIH MKD XKX SVN GRC CYP MDA LTU LVA EST FIN SWE DNK ISL NOR IRL BEL LUX AUT CHE ESP NLD PRT MLT NZL COL CHL URY CUB JAM TTO';
const LEADER = 'CUB';
const FIRST_YEAR: Readonly<Record<string, number>> = { hos: 2010, hog: 2010, fm: 2018, leader: 2010 };
// Offices checked from a later first year: Moldova's foreign ministers are coded from June 2019, Cuba's prime
// minister office was re-created in December 2019.
const LATER_FIRST_YEAR: Readonly<Record<string, number>> = { 'fm MDA': 2019, 'hog CUB': 2020 };

const scopeOf = (role: string, countries: string): (readonly [string, number])[] =>
  countries.split(' ').map((c) => [c, LATER_FIRST_YEAR[`${role} ${c}`] ?? FIRST_YEAR[role] ?? 2010] as const);
const SCOPE: Readonly<Record<string, readonly (readonly [country: string, from: number])[]>> = {
  hos: scopeOf('hos', HOS),
  hog: scopeOf('hog', HOG),
  fm: scopeOf('fm', FM),
  leader: scopeOf('leader', LEADER),
};

// Known gaps by role, (country, year): the holder on 30 June is not known to us with confidence, so none is coded.
const KNOWN_GAPS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  // Austria had no single head of state from 8 July 2016 to 26 January 2017 (not a 30 June, so not listed).
  hos: {
    // Haiti: a real gap, no president from Moïse's assassination (7 July 2021) to the Transitional Presidential
    // Council (April 2024).
    HTI: [2022, 2023],
  },
  hog: {},
  fm: {
    // Bulgaria: the foreign ministers after Mariya Gabriel (April 2024: Glavchev, Kondov, Georgiev) are not dated.
    BGR: [2024, 2025],
    // Colombia: the foreign ministers after Álvaro Leyva's suspension (January 2024) are not coded.
    COL: [2024, 2025],
    // Trinidad and Tobago: the foreign minister of the Persad-Bissessar government (from May 2025) is not coded.
    TTO: [2025],
  },
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

  it('merges people who also hold offices in other files (EU, NATO, UN) into one id', () => {
    const roles = (id: string): string[] =>
      (PEOPLE.find((p) => p.id === id)?.roles ?? []).map((r) => `${r.country} ${r.role}`).sort();
    expect(roles('kaja-kallas')).toEqual(['EST hog', 'EU fm']);
    expect(roles('antonio-costa')).toEqual(['EU hos', 'PRT hog']);
    expect(roles('charles-michel')).toEqual(['BEL hog', 'EU hos']);
    expect(roles('josep-borrell')).toEqual(['ESP fm', 'EU fm']);
    expect(officeHolders('hog', 'NLD', '2024-06-30')).toEqual(['mark-rutte']);
    expect(officeHolders('hog', 'NLD', '2025-06-30')).toEqual(['dick-schoof']);
  });

  it('gives Switzerland one president of the Confederation per calendar year', () => {
    expect(officeHolders('hos', 'CHE', '2019-06-30')).toEqual(['ueli-maurer']);
    expect(officeHolders('hos', 'CHE', '2020-01-01')).toEqual(['simonetta-sommaruga']);
    expect(officeHolders('hos', 'CHE', '2019-12-31')).toEqual(['ueli-maurer']);
  });

  it('has a header naming its sources', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../data/actors/people-world-2.txt', import.meta.url)),
      'utf8',
    );
    const header = text.split('\n## ')[0] ?? '';
    expect(header).toMatch(/Sources/);
    // Every office coded in an unusual way is explained in the header.
    for (const country of ['BIH', 'CHE', 'HTI', 'CUB', 'JAM', 'NIC']) expect(header).toContain(`${country}:`);
  });
});
