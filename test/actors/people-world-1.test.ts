import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-world-1.txt: heads of state (hos) and government (hog) from 2010, foreign ministers
// (fm) from 2018, and Vietnam's party leader from 2010; someone must hold each office on 30 June of every year to 2025,
// except the known gaps below.
const LAST_YEAR = 2025;

// Countries whose office is coded in the file, in the order of the brief (ISO alpha-3, space-separated).
const HOS = (
  'PHL VNM THA MYS SGP MMR KHM LAO BGD PAK ISR AFG LKA NPL MNG KAZ UZB KGZ TJK TKM AZE ARM ARE QAT KWT BHR OMN YEM ' +
  'JOR LBN PSE LBY TUN DZA MAR SDN SSD ETH ERI SOM DJI KEN UGA TZA RWA BDI COD COG NGA NER MLI BFA TCD SEN GHA CIV ' +
  'CMR AGO MOZ ZWE ZMB NAM BWA MDG'
).split(' ');
// Heads of government where the office exists apart from the head of state (not in PHL, TKM, OMN, SSD, ERI, NGA,
// GHA, ZMB, BWA; in KEN and ZWE only under the power-sharing deals of 2008-2013; in AGO not after February 2010).
const HOG = (
  'VNM THA MYS SGP MMR KHM LAO BGD PAK AFG LKA NPL MNG KAZ UZB KGZ TJK AZE ARM ARE QAT KWT BHR YEM JOR LBN PSE LBY ' +
  'TUN DZA MAR SDN ETH SOM DJI UGA TZA RWA COD NER MLI BFA TCD SEN CIV CMR MOZ NAM MDG'
).split(' ');
const FM = (
  'PHL VNM THA MYS SGP MMR KHM LAO BGD PAK ISR AFG LKA NPL KAZ UZB KGZ TJK TKM AZE ARM ARE QAT KWT BHR OMN YEM JOR ' +
  'LBN PSE TUN DZA MAR ETH ERI KEN NGA'
).split(' ');
// Offices that began (or ended) inside the period: [country, first year, last year]. South Sudan: independent from
// 9 July 2011; Burundi's premiership restored in June 2020; Congo's in April 2016.
const HOS_SCOPE = HOS.map((c) => [c, c === 'SSD' ? 2012 : 2010, LAST_YEAR] as const);
const HOG_SCOPE = [
  ...HOG.map((c) => [c, 2010, LAST_YEAR] as const),
  ['KEN', 2010, 2012],
  ['ZWE', 2010, 2013],
  ['BDI', 2021, LAST_YEAR],
  ['COG', 2016, LAST_YEAR],
] as const;
const FM_SCOPE = [...FM.map((c) => [c, 2018, LAST_YEAR] as const), ['BDI', 2021, LAST_YEAR]] as const;

const HOS_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Lebanon: the presidency was vacant from 25 May 2014 to 31 October 2016 and from 30 October 2022 to 9 January 2025.
  LBN: [2014, 2015, 2016, 2023, 2024],
  // Libya: rival parliaments claimed the head of state's office from August 2014 until the Presidential Council
  // (30 March 2016); neither is coded.
  LBY: [2015],
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
  // Sudan: no prime minister from 1989 to March 2017 (al-Bashir held the powers) nor between April and August 2019;
  // the acting premiers after Hamdok's resignation (January 2022 - May 2025) are not coded: dates not confirmed.
  SDN: [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2019, 2022, 2023, 2024],
  // Chad: the office of prime minister was abolished from May 2018 to April 2021.
  TCD: [2018, 2019, 2020],
  // Senegal: the office was abolished in May 2019, restored in December 2021 and filled in September 2022.
  SEN: [2019, 2020, 2021, 2022],
};
const FM_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Malaysia: no foreign minister between the change of government (10 May 2018) and Saifuddin Abdullah (2 July 2018).
  MYS: [2018],
  // Philippines: Locsin left with Duterte's term at noon on 30 June 2022; Manalo took office on 1 July.
  PHL: [2022],
  // Armenia: Ara Aivazian resigned at the end of May 2021; the ministry was run by deputies until Ararat Mirzoyan
  // (19 August 2021).
  ARM: [2021],
  // Nigeria: Onyeama left with Buhari on 29 May 2023; Tuggar was sworn in on 21 August 2023.
  NGA: [2023],
};

describe('heads of state, government and foreign ministers (people-world-1.txt)', () => {
  describe('heads of state', () => {
    itCoversEveryYear('hos', HOS_SCOPE, HOS_GAPS);
  });
  describe('heads of government', () => {
    itCoversEveryYear('hog', HOG_SCOPE, HOG_GAPS);
  });
  describe('foreign ministers', () => {
    itCoversEveryYear('fm', FM_SCOPE, FM_GAPS);
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
