import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/pipeline/actors/data.js';
import { itCoversEveryYear, officeHolders, years } from './coverage.js';

// Coverage of the top military officer (`mil`) written in data/actors/people-military-1.txt (with the rows already in
// people.txt): someone must hold the office on 30 June of every year from the start year to the end year, except the
// known gaps below. The first year is the first 30 June on which the state or the office existed.
const SCOPE: readonly (readonly [country: string, from: number, to: number])[] = [
  ['USA', 1946, 2024],
  ['SUN', 1945, 1991],
  ['CHN', 1950, 2024], // the People's Republic from 1 October 1949
  ['PRK', 1948, 2024],
  ['KOR', 1948, 2024],
  ['JPN', 1955, 2024], // the Joint Staff Council from 1 July 1954
  ['GBR', 1946, 2024],
  ['FRA', 1946, 2024],
  ['DEU', 1957, 2024],
  ['ITA', 1946, 2024],
  ['CAN', 1946, 2024],
  ['AUS', 1946, 2024],
  ['UKR', 1992, 2024], // independent from August 1991
  ['BLR', 1992, 2024], // independent from August 1991
];

const range = years;

// Known gaps, (country, year): the office was vacant or did not exist, or we do not know the holder with confidence.
const KNOWN_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Between Leahy's retirement (March 1949) and Bradley (August 1949) Eisenhower chaired the Joint Chiefs informally.
  USA: [1949],
  // Vacant: after Luo Ruiqing's fall until Yang Chengwu acted (1966), after Huang Yongsheng's fall (September 1971)
  // until Deng Xiaoping (January 1975), and between Deng's two terms (April 1976 - July 1977).
  CHN: [1966, 1972, 1973, 1974, 1976, 1977],
  // 2021: people.txt ends Pak Jong-chon's term in August 2020 and Rim Kwang-il is first reported in the post in
  // September 2021.
  PRK: [2021],
  // 1948: the army (the coded office until May 1963) had no chief of staff until 15 December 1948.
  // 1969-1970: Lim Chung-sik's handover to Moon Hyung-tae (1969) and Moon's to Shim Heung-sun (1970) are not dated to
  // the month, so Moon is not coded and Lim ends, Shim starts, by year.
  KOR: [1948, 1969, 1970],
  // Not yet written: the chairmen of the Joint Staff Council between Hayashi (to 1964) and Massaki (from 2004) whose
  // terms we could not date to the month. Written: Kurisu (1977-78), Nishimoto (1993-96), Sugiyama (1996-97) and
  // Takegouchi (2001-03), and, over the years their terms clearly span, Sugie (1964-66: 1965), Muta (1967-69: 1968),
  // Itaya (1969-71: 1970), Kinugasa (1971-73: 1972), Takeda (1979-81: 1980) and Sakuma (1991 - 30 June 1993: 1992,
  // 1993), Admiral Natsukawa (22nd, October 1997 - 1999: 1998) and Admiral Ishikawa (25th, January 2003 - August
  // 2004, between Takegouchi and Massaki). Known, only to the year: Amano (3rd, 1966-67), Mori (16th, 1986-87), Ishii
  // (17th), Terashima (18th, 1990-91); not identified: the 23rd chairman (1999 - March 2001).
  JPN: [1966, 1967, 1969, 1971, ...range(1973, 1977), 1979, ...range(1981, 1991), 1999, 2000],
  // A real gap, not missing data: before 1956 the Chiefs of Staff Committee had no permanent chairman (the chair
  // rotated among the three service chiefs, who were equals), so there was no single top officer to code.
  GBR: range(1946, 1955),
  // 1947: between Juin (to May 1947) and the creation of the chief of staff of the armed forces (April 1948), no
  // holder known to us; 1961-62: Olié (1961, dates not confirmed) and the months before Ailleret (mid-1962).
  FRA: [1947, 1961, 1962],
  // Dates not confirmed: Mancinelli (1954-1959) and Rossi's start (1959), Vedovato and Marchesi (1968-1972, Henke
  // from August 1972), Viglione's end and Torrisi and Santini (1978-1983, Bartolucci from October 1983).
  ITA: [...range(1954, 1959), ...range(1968, 1972), ...range(1978, 1983)],
  // No chairman of the Chiefs of Staff Committee before 1958.
  AUS: range(1946, 1957),
  // 1992, 1996, 2004: handover months not known to us (Lopata's appointment, Lopata to Zatynaiko, Zatynaiko to
  // Kyrychenko), so no holder is claimed for those 30 Junes.
  UKR: [1992, 1996, 2004],
  // Not yet written: the chiefs from 1992 to Tikhanovsky (2009). 2013: the month of Tikhanovsky's retirement is not
  // known to us.
  BLR: [...range(1992, 2009), 2013],
};

const holders = (country: string, date: string): string[] => officeHolders('mil', country, date);

describe('top military officers (people-military-1.txt)', () => {
  itCoversEveryYear('mil', SCOPE, KNOWN_GAPS);

  it('has at most one holder of each office on each 30 June', () => {
    const doubles: string[] = [];
    for (const [country, from, to] of SCOPE)
      for (const year of range(from, to)) {
        const ids = holders(country, `${year}-06-30`);
        if (ids.length > 1) doubles.push(`${country} ${year}: ${ids.join(', ')}`);
      }
    expect(doubles).toEqual([]);
  });

  it('gives namesakes distinct ids (the general Ri Yong-ho is not the foreign minister)', () => {
    const general = PEOPLE.find((p) => p.id === 'ri-yong-ho-general');
    const minister = PEOPLE.find((p) => p.id === 'ri-yong-ho');
    expect(general?.roles.map((r) => r.role)).toEqual(['mil']);
    expect(minister?.roles.some((r) => r.role === 'mil')).toBe(false);
  });
});
