import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/pipeline/actors/data.js';
import { itCoversEveryYear, officeHolders, years } from './coverage.js';

// Coverage of the top military officer (`mil`) written in data/actors/people-military-2.txt: someone must hold the
// office on 30 June of every year from the start year to 2024, except the years listed below.
const SCOPE: readonly (readonly [country: string, from: number])[] = [
  ['TUR', 1946],
  ['IRN', 1946],
  ['IND', 1947],
  ['IDN', 1946],
  ['SYR', 1946],
  ['SAU', 1946],
  ['ZAF', 1946],
  ['BRA', 1946],
  ['ARG', 1946],
];

const range = years;

// Known gaps, (country, year): the office did not exist or was vacant, or the holder is not known to us with confidence.
const KNOWN_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Iran: chiefs of staff between Razmara (prime minister from 26 June 1950) and Riahi (August 1952) not coded.
  IRN: [1950, 1951, 1952],
  // India: the Chief of Defence Staff was vacant from Rawat's death (8 December 2021) to 30 September 2022.
  IND: [2022],
  // Indonesia: no armed forces commander 1953-1962 (army chief of staff was the senior officer; Nasution became chief
  // of staff of the armed forces in mid-1962, month not certain) and 1966-1968.
  IDN: [...range(1954, 1962), 1966, 1967, 1968],
  // Syria: no chief in 1946 (first appointed 1947); union with Egypt 1958-1961; office vacant 2018-2022.
  SYR: [1946, 1958, 1959, 1960, 1961, 2018, 2019, 2020, 2021],
  // Saudi Arabia: sources disagree on the chiefs' years 1957-1975 (only the narrower ranges are coded); the chiefs
  // between 1980 and al-Muhaya's first attestation in January 2002 (Mohammed al-Hamad, al-Muhaya's start and
  // perhaps others) are not coded: no dates found.
  SAU: [1959, 1962, 1963, 1964, 1971, 1972, ...range(1980, 2001)],
  // South Africa: the Chiefs of the General Staff / Commandants-General between van Ryneveld's retirement (1949) and
  // Hiemstra not coded, except Klopper (1956-1958, coded for 1957 only) and Melville (1958-1960, coded for 1959
  // only). Believed to be Beyers (1949), C. L. de Wet du Toit (in post in 1950) and, after Melville, Grobbelaar, but
  // no source giving their months was found.
  ZAF: [...range(1949, 1956), 1958, ...range(1960, 1965)],
  // Brazil: not coded are the EMFA chiefs of 1946-1994 and the months of 1999 before the EMFA was merged into the
  // Ministry of Defence (only Amaral Oliveira, March 1985 - September 1986, and Leonel, 1995-1999 by year, are
  // coded), and the chiefs of the Defence Staff (EMD, 1999-2010) that the Joint Staff (EMCFA) replaced in September
  // 2010.
  BRA: [...range(1946, 1984), ...range(1987, 1994), ...range(1999, 2010)],
  // Argentina: Joint Staff chiefs (and the office's predecessors) before Mugnolo's first attestation in November 2000
  // are not coded; when the joint office began (1948 or 1969) was not confirmed either.
  ARG: range(1946, 2000),
};

const holders = (country: string, date: string): string[] => officeHolders('mil', country, date);

describe('top military officers (people-military-2.txt)', () => {
  itCoversEveryYear(
    'mil',
    SCOPE.map(([country, from]) => [country, from, 2024] as const),
    KNOWN_GAPS,
  );

  it('codes nothing for Mexico, whose top officer is the Secretary of National Defence', () => {
    expect(PEOPLE.some((p) => p.roles.some((r) => r.country === 'MEX' && r.role === 'mil'))).toBe(false);
  });

  it('has a header naming the office coded for every country and the sources', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../data/actors/people-military-2.txt', import.meta.url)),
      'utf8',
    );
    const header = text.split('\n## ')[0] ?? '';
    for (const country of [...SCOPE.map(([c]) => c), 'MEX']) expect(header, country).toContain(`${country}:`);
    expect(header).toMatch(/Sources/);
  });

  it('gives the Brazilian EMFA to Admiral Amaral Oliveira from March 1985 to September 1986 only', () => {
    expect(holders('BRA', '1985-06-30')).toEqual(['jose-maria-do-amaral-oliveira']);
    expect(holders('BRA', '1986-09-14')).toEqual(['jose-maria-do-amaral-oliveira']);
    expect(holders('BRA', '1987-06-30')).toEqual([]);
  });

  it('gives the Indian Chief of Defence Staff to Bipin Rawat from 2020 and the Chief of the Army Staff before', () => {
    expect(holders('IND', '2019-06-30')).toEqual(['bipin-rawat']);
    expect(holders('IND', '2021-06-30')).toEqual(['bipin-rawat']);
    expect(holders('IND', '2023-06-30')).toEqual(['anil-chauhan']);
  });
});
