import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/pipeline/actors/data.js';
import { officeHolders, years } from './coverage.js';

// Foreign ministers of the states in data/actors/people-foreign-ministers.txt: someone holds `fm` on 30 June of
// every year from the first year the state (or its government) existed on that date, to 2024.
const FIRST_YEAR: Record<string, number> = {
  KOR: 1949, // government formed 15 August 1948
  PRK: 1949, // state founded 9 September 1948
  BRA: 1946,
  MEX: 1946,
  ARG: 1946,
  IDN: 1946, // independence proclaimed 17 August 1945
  TUR: 1946,
  ZAF: 1946,
  SYR: 1946,
  IRN: 1946,
  IND: 1948, // independence 15 August 1947
  ITA: 1946,
  SAU: 1946,
  UKR: 1991,
};
const LAST_YEAR = 2024;

// Years with no foreign minister in the data, each for a stated reason. The test fails if one of these becomes
// covered (remove it here) or if a year outside this list is uncovered (add a holder, or a reasoned entry here).
const range = years;
const KNOWN_GAPS: Record<string, number[]> = {
  // Ebrard resigned in June 2023 and Bárcena took office in July; the weeks between had no appointed secretary.
  MEX: [2023],
  // Vacancy: Zavala Ortiz left with the coup of 28 June 1966 and Costa Méndez took office on 5 July 1966.
  ARG: [1966],
  // Syria under the United Arab Republic (February 1958 - September 1961) had no foreign minister of its own; the
  // other years are not yet written: 1946 (Jabiri's cabinets: the Wikipedia list gives years only), 1947 (Naim
  // Antaki's end is 16 April or 6 October 1947 depending on the source) and 1954 (only fr.wikipedia says Said
  // al-Ghazzi kept foreign affairs in his caretaker cabinet of June - November 1954).
  SYR: [1946, 1947, 1954, 1958, 1959, 1960, 1961],
  // Not yet written: the Shah's foreign ministers of 1947 (Qavam's last cabinet), 1949-1950 (Sa'ed, Mansur, Razmara)
  // and 1957-1960 (Eghbal's cabinets: Ardalan's end and his successors before Aram are not dated in our sources).
  IRN: [1947, 1949, 1950, ...range(1957, 1960)],
};

function holdsOn(country: string, date: string): boolean {
  return officeHolders('fm', country, date).length > 0;
}

function uncoveredYears(country: string): number[] {
  const years: number[] = [];
  for (let year = FIRST_YEAR[country] ?? LAST_YEAR; year <= LAST_YEAR; year++)
    if (!holdsOn(country, `${year}-06-30`)) years.push(year);
  return years;
}

describe('foreign ministers coverage', () => {
  for (const country of Object.keys(FIRST_YEAR)) {
    it(`has a ${country} foreign minister on 30 June of every year, except the listed gaps`, () => {
      expect(uncoveredYears(country)).toEqual(KNOWN_GAPS[country] ?? []);
    });
  }

  it('has one holder at a time in the offices this file fills', () => {
    for (const country of Object.keys(FIRST_YEAR)) {
      const terms = PEOPLE.flatMap((p) =>
        p.roles
          .filter((r) => r.country === country && r.role === 'fm')
          .map((r) => ({ id: p.id, start: r.start, end: r.end ?? '9999-12-31' })),
      ).sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < terms.length; i++) {
        const before = terms[i - 1] as { id: string; end: string };
        const after = terms[i] as { id: string; start: string };
        expect(before.end <= after.start, `${country}: ${before.id} until ${before.end} / ${after.id}`).toBe(
          true,
        );
      }
    }
  });

  it('gives a prime minister who held the portfolio the same person record as his premiership', () => {
    const shastri = PEOPLE.find((p) => p.id === 'lal-bahadur-shastri');
    expect(shastri?.roles.map((r) => r.role).sort()).toEqual(['fm', 'hog']);
    const smuts = PEOPLE.find((p) => p.id === 'jan-smuts');
    expect(smuts?.roles.some((r) => r.role === 'fm' && r.country === 'ZAF')).toBe(true);
  });
});
