import { describe, expect, it } from 'vitest';
import { PEOPLE, STATE_BY_ID, STATES } from '../../src/pipeline/actors/data.js';
import { ORGANISATION_BY_ID } from '../../src/pipeline/actors/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TODAY = new Date().toISOString().slice(0, 10);

// Offices held at the same time by two people, on purpose (see data/actors/SOURCE.md).
const DOCUMENTED_OVERLAPS = new Set([
  // Deng Xiaoping was paramount leader 1978-1989 while others held the party's top post.
  'CHN leader deng-xiaoping',
]);

function validDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

describe('actor data', () => {
  it('has every UN member state and the historical states', () => {
    expect(STATES.filter((s) => s.unMember).length).toBeGreaterThanOrEqual(193);
    for (const id of ['SUN', 'DDR', 'YUG', 'CSK', 'DEU', 'PRK', 'KOR'])
      expect(STATE_BY_ID.has(id)).toBe(true);
  });

  it('has the organisations the gold format names', () => {
    const ids =
      'UN UNSC UNGA IMF NATO EU SCO BRICS CSTO IAEA ASEAN G7 G20 OPEC QUAD SIPRI IISS PCA COMECON UNION_STATE WST WTO WHO WB AU';
    for (const id of ids.split(' ')) expect(ORGANISATION_BY_ID.has(id), id).toBe(true);
  });

  it('gives every role a real country or organisation and valid dates with start before end', () => {
    for (const person of PEOPLE) {
      expect(person.roles.length, person.id).toBeGreaterThan(0);
      for (const role of person.roles) {
        const where = `${person.id} ${role.country} ${role.role}`;
        expect(STATE_BY_ID.has(role.country) || ORGANISATION_BY_ID.has(role.country), where).toBe(true);
        expect(validDate(role.start), `${where} start ${role.start}`).toBe(true);
        expect(role.start <= TODAY, `${where} starts in the future`).toBe(true);
        if (role.end !== null) {
          expect(validDate(role.end), `${where} end ${role.end}`).toBe(true);
          expect(role.start <= role.end, `${where} ${role.start} > ${role.end}`).toBe(true);
        }
      }
    }
  });

  it("does not overlap a person's terms in the same office", () => {
    for (const person of PEOPLE) {
      const byOffice = new Map<string, { start: string; end: string }[]>();
      for (const r of person.roles) {
        const key = `${r.country} ${r.role}`;
        byOffice.set(key, [...(byOffice.get(key) ?? []), { start: r.start, end: r.end ?? '9999-12-31' }]);
      }
      for (const [office, terms] of byOffice) {
        const sorted = [...terms].sort((a, b) => a.start.localeCompare(b.start));
        for (let i = 1; i < sorted.length; i++) {
          expect(
            (sorted[i - 1] as { end: string }).end <= (sorted[i] as { start: string }).start,
            `${person.id} ${office}`,
          ).toBe(true);
        }
      }
    }
  });

  it('has one holder per office at a time, except documented cases', () => {
    const terms = new Map<string, { id: string; start: string; end: string }[]>();
    for (const person of PEOPLE) {
      for (const r of person.roles) {
        if (DOCUMENTED_OVERLAPS.has(`${r.country} ${r.role} ${person.id}`)) continue;
        const key = `${r.country} ${r.role}`;
        terms.set(key, [
          ...(terms.get(key) ?? []),
          { id: person.id, start: r.start, end: r.end ?? '9999-12-31' },
        ]);
      }
    }
    const clashes: string[] = [];
    for (const [office, list] of terms) {
      const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1] as { id: string; end: string };
        const b = sorted[i] as { id: string; start: string };
        if (a.end > b.start) clashes.push(`${office}: ${a.id} until ${a.end} / ${b.id} from ${b.start}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('covers heads of state or government of the G20 and the main states from 1945 or their founding', () => {
    const covered = (country: string, roles: string[], date: string): boolean =>
      PEOPLE.some((p) =>
        p.roles.some(
          (r) =>
            r.country === country &&
            roles.includes(r.role) &&
            r.start <= date &&
            (r.end === null || r.end > date),
        ),
      );
    for (const [country, from] of [
      ['USA', 1946],
      ['GBR', 1946],
      ['FRA', 1960],
      ['DEU', 1950],
      ['JPN', 1946],
      ['CHN', 1950],
      ['SUN', 1946],
      ['PRK', 1949],
      ['KOR', 1949],
    ] as const) {
      for (let year = from; year <= 2024; year++) {
        if (country === 'SUN' && year > 1991) break;
        expect(covered(country, ['hos', 'hog', 'leader'], `${year}-06-30`), `${country} ${year}`).toBe(true);
      }
    }
    for (let year = 1992; year <= 2024; year++)
      expect(covered('RUS', ['hos'], `${year}-06-30`), `RUS ${year}`).toBe(true);
  });

  it('covers foreign ministers of the permanent members, Germany, Japan and both Koreas', () => {
    const covered = (country: string, date: string): boolean =>
      PEOPLE.some((p) =>
        p.roles.some(
          (r) =>
            r.country === country && r.role === 'fm' && r.start <= date && (r.end === null || r.end > date),
        ),
      );
    for (const [country, from, to] of [
      ['USA', 1946, 2024],
      ['GBR', 1946, 2024],
      ['FRA', 1946, 2024],
      ['SUN', 1946, 1991],
      ['RUS', 1992, 2024],
      ['CHN', 1950, 2024],
      ['PRK', 1949, 2024],
      ['KOR', 2005, 2024],
      ['DEU', 1952, 2024],
      ['JPN', 1995, 2024],
    ] as const) {
      for (let year = from; year <= to; year++)
        expect(covered(country, `${year}-06-30`), `${country} fm ${year}`).toBe(true);
    }
  });
});
