import { expect, it } from 'vitest';
import { PEOPLE } from '../../src/pipeline/actors/data.js';

/** The years from `from` to `to`, both included. */
export function years(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Ids of the people holding `role` for `country` on `date` (an ISO day; role ends are exclusive). */
export function officeHolders(role: string, country: string, date: string): string[] {
  return PEOPLE.filter((p) =>
    p.roles.some(
      (r) => r.country === country && r.role === role && r.start <= date && (r.end === null || r.end > date),
    ),
  ).map((p) => p.id);
}

/**
 * Registers the coverage tests of one office: for each (country, first year, last year), someone holds `role` on
 * 30 June of every year but the known gaps; and every listed gap really has no holder (a stale gap hides coverage).
 */
export function itCoversEveryYear(
  role: string,
  scope: readonly (readonly [country: string, from: number, to: number])[],
  knownGaps: Readonly<Record<string, readonly number[]>>,
): void {
  const held = (country: string, year: number) => officeHolders(role, country, `${year}-06-30`).length > 0;
  for (const [country, from, to] of scope) {
    it(`${country} has a ${role} holder on 30 June of every year ${from}-${to} except the known gaps`, () => {
      const gaps = new Set(knownGaps[country] ?? []);
      const missing = years(from, to).filter((year) => !gaps.has(year) && !held(country, year));
      expect(missing, `${country} years without a holder`).toEqual([]);
    });
  }
  it('lists as a gap only years that really have no holder (stale entries would hide coverage)', () => {
    const stale: string[] = [];
    for (const [country, gapYears] of Object.entries(knownGaps))
      for (const year of gapYears) if (held(country, year)) stale.push(`${country} ${year}`);
    expect(stale).toEqual([]);
  });
}
