import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/domain/model.js';
import { actorStage } from '../../src/pipeline/actors/index.js';
import { makeDocument } from '../figures/builders.js';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-security.txt: national security advisers (role `nsa`), or the secretaries of national
// security councils that advise the head of state; someone must hold the office on 30 June of every year from the first
// year coded for the state to 2025, except the known gaps below.
const LAST_YEAR = 2025;

// [country, first year coded, last year]: the office began inside the period for some states.
const NSA_SCOPE = [
  ['USA', 2000, LAST_YEAR],
  ['RUS', 2000, LAST_YEAR],
  // The director of the party's central foreign affairs office (see the file's comment).
  ['CHN', 2000, LAST_YEAR],
  ['IND', 2000, LAST_YEAR],
  ['IRN', 2000, LAST_YEAR],
  // Offices created inside the period: the UK's in May 2010, Japan's secretariat in January 2014, South Korea's
  // National Security Office in February 2013. Israel's council heads are coded from 2009 only.
  ['GBR', 2010, LAST_YEAR],
  ['JPN', 2014, LAST_YEAR],
  ['KOR', 2013, LAST_YEAR],
  ['ISR', 2009, LAST_YEAR],
  // Earlier holders of these offices are not coded (terms not confirmed); see the file's section comments.
  ['UKR', 2015, LAST_YEAR],
  ['PAK', 2014, LAST_YEAR],
  ['DEU', 2006, LAST_YEAR],
  ['FRA', 2008, LAST_YEAR],
  ['ARE', 2016, LAST_YEAR],
  ['SAU', 2006, LAST_YEAR],
  ['IRQ', 2012, LAST_YEAR],
  ['EGY', 2015, LAST_YEAR],
  ['BLR', 2016, LAST_YEAR],
] as const;

const NSA_GAPS: Readonly<Record<string, readonly number[]>> = {
  // Pakistan: vacant from Janjua's resignation (27 June 2018) to Moeed Yusuf (May 2021), and from April 2022 to
  // Asim Malik (April 2025).
  PAK: [2018, 2019, 2020, 2022, 2023, 2024],
  // Germany: Heusgen's last day at the Chancellery in summer 2017 is not confirmed (coded to the end of May).
  DEU: [2017],
  // France: Bonne is confirmed in post only to the spring of 2025 (he announced his departure in January 2025).
  FRA: [2025],
  // Saudi Arabia: the National Security Council was abolished on 29 January 2015; no national security adviser until
  // 27 December 2018.
  SAU: [2015, 2016, 2017, 2018],
  // Egypt: Abou el-Naga is confirmed in post only to 2024.
  EGY: [2025],
};

function mentions(text: string, dct: string): Mention[] {
  return actorStage
    .run(makeDocument(text, 'test', dct), [], { dct })
    .filter((f): f is Mention => f.kind === 'mention');
}

describe('national security advisers (people-security.txt)', () => {
  itCoversEveryYear('nsa', NSA_SCOPE, NSA_GAPS);

  it('codes the holders named in the reports the office is for', () => {
    expect(officeHolders('nsa', 'IND', '2023-08-24')).toEqual(['ajit-doval']);
    expect(officeHolders('nsa', 'USA', '2023-05-10')).toEqual(['jake-sullivan']);
    expect(officeHolders('nsa', 'IRN', '2023-03-10')).toEqual(['ali-shamkhani']);
    expect(officeHolders('nsa', 'RUS', '2015-06-30')).toEqual(['nikolai-patrushev']);
    expect(officeHolders('nsa', 'CHN', '2023-08-24')).toEqual(['wang-yi']);
  });

  it('resolves a national security adviser named with the title to that person and country', () => {
    const all = mentions('National Security Adviser Ajit Doval met Wang Yi in Beijing.', '2024-12-18');
    const doval = all.find((m) => m.text.includes('Doval'));
    expect(doval, JSON.stringify(all.map((m) => m.text))).toMatchObject({
      mentionType: 'person',
      entityId: 'ajit-doval',
      country: 'IND',
    });
  });

  it('resolves the office named without a name to its holder on the document date', () => {
    const all = mentions("India's national security adviser met his Chinese counterpart.", '2024-12-18');
    const adviser = all.find((m) => m.text.endsWith('national security adviser'));
    expect(adviser, JSON.stringify(all.map((m) => m.text))).toMatchObject({
      entityId: 'ajit-doval',
      resolution: 'role',
    });
  });
});
