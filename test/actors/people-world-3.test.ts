import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/domain/model.js';
import { actorStage } from '../../src/pipeline/actors/index.js';
import { makeDocument } from '../figures/builders.js';
import { itCoversEveryYear, officeHolders } from './coverage.js';

// Coverage of data/actors/people-world-3.txt: someone must hold each coded (country, office) on 30 June of every year
// from the first year coded to 2025, except the known gaps below.
const LAST_YEAR = 2025;

type Scope = readonly (readonly [country: string, from: number, to: number])[];
const SCOPES: Readonly<Record<string, Scope>> = {
  hos: [
    ['EGY', 2000, LAST_YEAR],
    ['IRQ', 2004, LAST_YEAR],
    ['GEO', 2004, LAST_YEAR],
  ],
  hog: [
    ['EGY', 2000, LAST_YEAR],
    ['IRQ', 2004, LAST_YEAR],
    ['GEO', 2004, LAST_YEAR],
    ['TWN', 2000, LAST_YEAR],
  ],
  fm: [
    ['EGY', 2000, LAST_YEAR],
    ['IRQ', 2004, LAST_YEAR],
    ['GEO', 2004, LAST_YEAR],
    ['SDN', 2000, LAST_YEAR],
    ['TWN', 2000, LAST_YEAR],
    ['ERI', 2000, LAST_YEAR],
  ],
  dm: [
    ['EGY', 2000, LAST_YEAR],
    ['IRQ', 2004, LAST_YEAR],
    ['GEO', 2004, LAST_YEAR],
    ['ETH', 2000, LAST_YEAR],
  ],
  mil: [
    ['EGY', 2000, LAST_YEAR],
    ['ETH', 2000, LAST_YEAR],
  ],
};

const KNOWN_GAPS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  hos: {},
  hog: {},
  fm: {
    // Sudan: no minister from the coup of 11 April 2019 to Hamdok's cabinet (September 2019), none confirmed after
    // Kamil Idris dismissed the ministers (June 2025).
    SDN: [2019, 2025],
  },
  dm: {
    // Iraq: al-Maliki held the defence portfolio himself from December 2010 until al-Dulaimi became acting minister
    // in August 2011 (not coded).
    IRQ: [2011],
    // Ethiopia: the defence ministers before Kuma Demeksa (2005) are not confirmed; Kuma (2005-2008) and Siraj
    // Fegessa (2008-2018) are coded over the years they clearly span, months of the changes not confirmed.
    ETH: [2000, 2001, 2002, 2003, 2004, 2005, 2008],
  },
  mil: {
    // Egypt: Hatata (1995-2001) handed over to Wahiba in 2001, month not confirmed: both coded over their full years.
    EGY: [2001],
    // Ethiopia: Tsadkan's dismissal and Samora Yunis's appointment (2001) and Adem Mohammed's appointment after
    // Se'are Mekonnen's assassination (22 June 2019) are known only to the year or month.
    ETH: [2001, 2019],
  },
};

function people(text: string, dct: string): Mention[] {
  return actorStage
    .run(makeDocument(text, 'people-world-3', dct), [], { dct })
    .filter((f): f is Mention => f.kind === 'mention' && f.mentionType === 'person');
}

describe('ministers and chiefs of states the data lacked (people-world-3.txt)', () => {
  for (const [role, scope] of Object.entries(SCOPES)) {
    describe(`office ${role}`, () => {
      itCoversEveryYear(role, scope, KNOWN_GAPS[role] ?? {});
    });
  }

  it('merges people already in other files with the roles added here (one id, roles from both files)', () => {
    expect(officeHolders('dm', 'EGY', '2013-06-30')).toEqual(['abdel-fattah-el-sisi']);
    expect(officeHolders('hos', 'EGY', '2015-06-30')).toEqual(['abdel-fattah-el-sisi']);
    expect(officeHolders('hog', 'TWN', '2018-06-30')).toEqual(['lai-ching-te']);
    expect(officeHolders('hos', 'TWN', '2025-06-30')).toEqual(['lai-ching-te']);
    expect(officeHolders('fm', 'IRQ', '2016-06-30')).toEqual(['ibrahim-al-jaafari']);
    expect(officeHolders('hog', 'IRQ', '2005-06-30')).toEqual(['ibrahim-al-jaafari']);
  });

  it('has a header naming its sources and a section per state', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../data/actors/people-world-3.txt', import.meta.url)),
      'utf8',
    );
    const header = text.split('\n## ')[0] ?? '';
    expect(header).toMatch(/Wikipedia/);
    for (const state of ['Egypt', 'Iraq', 'Georgia', 'Sudan', 'Taiwan', 'Ethiopia', 'Eritrea'])
      expect(text).toMatch(new RegExp(`^## ${state}`, 'm'));
  });

  it("reads Egypt's foreign minister by full name, not Oman's Badr", () => {
    const found = people('Foreign Minister Badr Abdelatty flew to Cairo.', '2024-10-01');
    const badr = found.find((m) => m.text.includes('Badr'));
    expect(badr).toMatchObject({ text: 'Badr Abdelatty', entityId: 'badr-abdelatty', country: 'EGY' });
  });

  it('reads Ethiopian and Eritrean leaders by their given names', () => {
    const found = people('Abiy met Isaias in Asmara.', '2023-01-10');
    expect(found.find((m) => m.text === 'Abiy')).toMatchObject({ entityId: 'abiy-ahmed', country: 'ETH' });
    expect(found.find((m) => m.text === 'Isaias')).toMatchObject({
      entityId: 'isaias-afwerki',
      country: 'ERI',
    });
  });
});
