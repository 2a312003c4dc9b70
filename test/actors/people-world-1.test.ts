import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-world-1.txt: heads of state (hos) and government (hog) from 2010, foreign ministers
// (fm) from 2018, and Vietnam's party leader from 2010; someone must hold each office on 30 June of every year to 2025,
// except the known gaps below.
const LAST_YEAR = 2025;

// Countries whose office is coded in the file, in the order of the brief.
const HOS: readonly string[] = [
  'PHL',
  'VNM',
  'THA',
  'MYS',
  'SGP',
  'MMR',
  'KHM',
  'LAO',
  'BGD',
  'PAK',
  'ISR',
  'AFG',
  'LKA',
  'NPL',
  'MNG',
  'KAZ',
  'UZB',
  'KGZ',
  'TJK',
  'TKM',
  'AZE',
  'ARM',
  'ARE',
  'QAT',
  'KWT',
  'BHR',
  'OMN',
  'YEM',
  'JOR',
  'LBN',
  'PSE',
];
// States whose head of state also heads the government (PHL, TKM, OMN) have no hog here.
const HOG: readonly string[] = [
  'VNM',
  'THA',
  'MYS',
  'SGP',
  'MMR',
  'KHM',
  'LAO',
  'BGD',
  'PAK',
  'AFG',
  'LKA',
  'NPL',
  'MNG',
  'KAZ',
  'UZB',
  'KGZ',
  'TJK',
  'AZE',
  'ARM',
  'ARE',
  'QAT',
  'KWT',
  'BHR',
  'YEM',
  'JOR',
  'LBN',
  'PSE',
];
const FM: readonly string[] = [
  'PHL',
  'VNM',
  'THA',
  'MYS',
  'SGP',
  'MMR',
  'KHM',
  'LAO',
  'BGD',
  'PAK',
  'ISR',
  'AFG',
  'LKA',
  'NPL',
  'KAZ',
  'UZB',
  'KGZ',
  'TJK',
  'TKM',
  'AZE',
  'ARM',
  'ARE',
  'QAT',
  'KWT',
  'BHR',
  'OMN',
  'YEM',
  'JOR',
  'LBN',
  'PSE',
];

const HOS_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Lebanon: the presidency was vacant from 25 May 2014 to 31 October 2016 and from 30 October 2022 to 9 January 2025.
  LBN: [2014, 2015, 2016, 2023, 2024],
};
const HOG_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Myanmar: the office of prime minister was abolished by the 2008 constitution (March 2011) until the junta revived
  // it in August 2021 (Min Aung Hlaing, who from the coup of February 2021 to then is coded as head of state only);
  // the State Counsellor (coded from April 2016) had no equivalent before.
  MMR: [2011, 2012, 2013, 2014, 2015, 2021],
  // Afghanistan: no head of government before the Chief Executive (29 September 2014), none after the office was
  // abolished in March 2020 until the Taliban's prime minister (7 September 2021).
  AFG: [2010, 2011, 2012, 2013, 2014, 2020, 2021],
  // Kyrgyzstan: in mid-2010 Roza Otunbayeva headed the interim government as president; no separate premier until
  // December 2010.
  KGZ: [2010],
};
const FM_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Malaysia: no foreign minister between the change of government (10 May 2018) and Saifuddin Abdullah (2 July 2018).
  MYS: [2018],
  // Philippines: Locsin left with Duterte's term at noon on 30 June 2022; Manalo took office on 1 July.
  PHL: [2022],
  // Armenia: Ara Aivazian resigned at the end of May 2021; the ministry was run by deputies until Ararat Mirzoyan
  // (19 August 2021).
  ARM: [2021],
};

describe('heads of state, government and foreign ministers (people-world-1.txt)', () => {
  describe('heads of state', () => {
    itCoversEveryYear(
      'hos',
      HOS.map((c) => [c, 2010, LAST_YEAR] as const),
      HOS_GAPS,
    );
  });
  describe('heads of government', () => {
    itCoversEveryYear(
      'hog',
      HOG.map((c) => [c, 2010, LAST_YEAR] as const),
      HOG_GAPS,
    );
  });
  describe('foreign ministers', () => {
    itCoversEveryYear(
      'fm',
      FM.map((c) => [c, 2018, LAST_YEAR] as const),
      FM_GAPS,
    );
  });
  describe("Vietnam's party leader", () => {
    itCoversEveryYear('leader', [['VNM', 2010, LAST_YEAR]], {});
  });

  it('merges a person found in people.txt with the roles added here (one id, roles from both files)', () => {
    expect(officeHolders('hog', 'ISR', '2020-06-30')).toEqual(['benjamin-netanyahu']);
    expect(officeHolders('fm', 'ISR', '2018-06-30')).toEqual(['benjamin-netanyahu']);
    expect(officeHolders('hos', 'ISR', '2018-06-30')).toEqual(['reuven-rivlin']);
    expect(officeHolders('hos', 'MYS', '2019-06-30')).toEqual(['abdullah-of-pahang']);
    expect(officeHolders('hog', 'MYS', '2019-06-30')).toEqual(['mahathir-mohamad']);
  });

  it('codes the junta leader of Myanmar, not the nominal acting president', () => {
    expect(officeHolders('hos', 'MMR', '2022-06-30')).toEqual(['min-aung-hlaing']);
    expect(officeHolders('hos', 'MMR', '2020-06-30')).toEqual(['win-myint']);
  });

  it('has a header naming its sources and sections for the countries coded', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../data/actors/people-world-1.txt', import.meta.url)),
      'utf8',
    );
    const header = text.split('\n## ')[0] ?? '';
    expect(header).toMatch(/Wikipedia/);
    expect(text).toMatch(/^## Philippines/m);
  });
});
