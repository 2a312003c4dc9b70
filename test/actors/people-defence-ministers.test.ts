import { describe, expect, it } from 'vitest';
import { officeHolders } from './coverage.js';

/**
 * Coverage of defence ministers (role `dm`): for each country in scope, someone holds the office on 30 June of every
 * year from the first year to 2024, except the known gaps below. Data: data/actors/people-defence-ministers.txt
 * (plus the older rows in people.txt).
 */
const FIRST_YEAR: Readonly<Record<string, number>> = {
  USA: 1946,
  RUS: 1992,
  UKR: 1991,
  CHN: 1946,
  PRK: 1948,
  KOR: 1948,
  JPN: 1946,
  FRA: 1946,
  DEU: 1946,
  GBR: 1946,
  ITA: 1946,
  CAN: 1946,
  AUS: 1946,
  IND: 1947,
  BRA: 1946,
  MEX: 1946,
  ARG: 1946,
  ZAF: 1946,
  IDN: 1945,
  TUR: 1946,
  SAU: 1946,
  BLR: 1991,
  SYR: 1946,
  IRN: 1946,
};

/** `CTY from-to: why`. Real gaps (no office or no state) and gaps we could not fill with confidence. */
const KNOWN_GAPS_TEXT = `
CHN 1946-1954: no PRC defence minister before Peng Dehuai (Sep 1954)
CHN 1972-1974: office vacant after Lin Biao's death until Ye Jianying (Jan 1975)
PRK 1948-1948: the DPRK was founded on 9 Sep 1948
PRK 1995-1995: vacant after O Jin-u's death (Feb 1995) until Choe Kwang (Oct 1995)
PRK 1997-1998: vacant after Choe Kwang's death (Feb 1997) until Kim Il-chol (Sep 1998)
PRK 2015-2015: between Hyon Yong-chol's purge (Apr 2015) and Pak Yong-sik's appointment (Jul 2015)
UKR 1991-1991: Ukraine's ministry was created on 3 Sep 1991
KOR 1948-1948: the Republic of Korea was founded on 15 Aug 1948
JPN 1946-1952: Japan had no armed forces and no minister for them before the National Safety Agency (1952)
DEU 1946-1954: no West German defence ministry before June 1955
IDN 1945-1945: 30 June 1945 is before the proclamation of independence (17 Aug 1945)
BLR 1991-1991: Belarus became independent in Aug 1991; its ministry was set up in 1992
ARG 1957-1957: Majó (Minister of the Army after Ossorio Arana, 1957-58) not dated in our sources
ARG 1962-1963: Guido's ministers of Defence after Ernesto Lanusse (to 30 Apr 1962) and before Suárez (Oct 1963) not confirmed
ARG 1966-1969: Onganía's ministers of Defence before Cáceres Monié (from 1969, month unknown) not dated in our sources
ARG 1972-1972: Lanusse's minister on 30 June 1972 (Cáceres Monié left in 1972, month unknown; then Aguirre Obarrio) not dated
ARG 1975-1975: Isabel Perón's ministers of Defence after Robledo (to Aug 1974) not dated in our sources
SYR 1949-1949: Za'im's coup year; who held defence under Za'im and Barazi on 30 June is not confirmed
SYR 1956-1956: Asali's third cabinet (Jun - Dec 1956): its defence minister (Abdul Hasib Raslan?) has one source only
SYR 1958-1961: union with Egypt (United Arab Republic): no Syrian defence minister
SYR 1962-1962: Bashir al-Azma's cabinet (Apr - Sep 1962) lists no defence minister in our sources
SYR 1965-1965: Hamad Ubayd's 1965 tenure between Umran's two terms: dates not known to us
SAU 1956-1958: Fahd bin Saud's first term (from 1956, after Mishaal) and its end before 26 Sep 1958 are not dated
IRN 1947-1949: the ministers of War between Amir-Ahmadi (to Oct 1946) and Hedayat (Jun 1950) not coded
IRN 1955-1970: the Shah's ministers of War between Hedayat and Azimi not coded (Azimi from 1970, month unknown)
IRN 1980-1980: between Chamran (to spring 1980) and Fakouri (Sep 1980) not coded
`;

function parseGaps(text: string): Set<string> {
  const gaps = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z]{3}) (\d{4})-(\d{4}):/.exec(line.trim());
    if (!match) continue;
    const [, country, from, to] = match as unknown as [string, string, string, string];
    for (let year = Number(from); year <= Number(to); year++) gaps.add(`${country} ${year}`);
  }
  return gaps;
}
const KNOWN_GAPS = parseGaps(KNOWN_GAPS_TEXT);

const holders = (country: string, date: string): string[] => officeHolders('dm', country, date);

describe('defence ministers coverage', () => {
  it('has a defence minister on 30 June of every year in scope, except the listed gaps', () => {
    const missing: string[] = [];
    for (const [country, from] of Object.entries(FIRST_YEAR)) {
      for (let year = from; year <= 2024; year++) {
        if (KNOWN_GAPS.has(`${country} ${year}`)) continue;
        if (holders(country, `${year}-06-30`).length === 0) missing.push(`${country} ${year}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no gap that the data has since filled, so the list stays honest', () => {
    const filled = [...KNOWN_GAPS].filter((key) => {
      const [country, year] = key.split(' ') as [string, string];
      return holders(country, `${year}-06-30`).length > 0;
    });
    expect(filled).toEqual([]);
  });

  it('knows some holders by name on known dates', () => {
    expect(holders('KOR', '1950-06-30')).toEqual(['shin-sung-mo']);
    expect(holders('JPN', '1985-06-30')).toEqual(['koichi-kato']);
    expect(holders('ITA', '1962-06-30')).toEqual(['giulio-andreotti']);
    expect(holders('CAN', '1965-06-30')).toEqual(['paul-hellyer']);
    expect(holders('AUS', '1987-06-30')).toEqual(['kim-beazley']);
    expect(holders('USA', '1946-06-30')).toEqual(['robert-p-patterson']);
  });
});
