/** Calendar helpers for TIMEX3 values: every value becomes an inclusive day range, so fuzzy dates draw as ranges. */

export interface DayRange {
  /** ISO date YYYY-MM-DD, inclusive. */
  readonly earliest: string;
  /** ISO date YYYY-MM-DD, inclusive. */
  readonly latest: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The days a TIMEX3 date value can denote: `2023-09-13`, `2023-09`, `2023`, `201X` (a decade), `2023-Q3`,
 * `2023-W37`, seasons `2023-SU`, and intervals `A/B`. Returns null for durations, references and unknown forms.
 */
export function timexRange(value: string | null | undefined): DayRange | null {
  if (!value) return null;
  const slash = value.indexOf('/');
  if (slash > 0) {
    const from = timexRange(value.slice(0, slash));
    const to = timexRange(value.slice(slash + 1));
    if (!from || !to) return from ?? to;
    return { earliest: from.earliest, latest: to.latest };
  }
  const trimmed = value.slice(0, 10);
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { earliest: trimmed, latest: trimmed };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { earliest: `${m[1]}-${m[2]}-01`, latest: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(year, month))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const lastMonth = Number(m[2]) * 3;
    return {
      earliest: `${m[1]}-${pad(lastMonth - 2)}-01`,
      latest: `${m[1]}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m)
    return m[2] === '1'
      ? { earliest: `${m[1]}-01-01`, latest: `${m[1]}-06-30` }
      : { earliest: `${m[1]}-07-01`, latest: `${m[1]}-12-31` };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1.
    const year = Number(m[1]);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
    const start = new Date(monday.getTime() + (Number(m[2]) - 1) * 7 * 86_400_000);
    return { earliest: isoDay(start), latest: isoDay(new Date(start.getTime() + 6 * 86_400_000)) };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const seasons: Record<string, [string, string]> = {
      SP: ['03-01', '05-31'],
      SU: ['06-01', '08-31'],
      FA: ['09-01', '11-30'],
      WI: ['12-01', '12-31'],
    };
    const [from, to] = seasons[m[2] as string] as [string, string];
    return { earliest: `${m[1]}-${from}`, latest: `${m[1]}-${to}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
  m = /^(\d{3})X$/.exec(value);
  if (m) return { earliest: `${m[1]}0-01-01`, latest: `${m[1]}9-12-31` };
  return null;
}

/** True when the range covers exactly one day. */
export function isExact(range: DayRange): boolean {
  return range.earliest === range.latest;
}

/** `YYYY-MM` of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Every month key from `from` to `to` inclusive (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${pad(year, 4)}-${pad(month)}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (months.length > 2400) break;
  }
  return months;
}

/** Milliseconds since the epoch of an ISO date at UTC midnight. */
export function dayMs(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

export function dayFromMs(ms: number): string {
  return isoDay(new Date(ms));
}

/** Whether two inclusive ranges share a day. Open ends (null) are unbounded. */
export function overlaps(range: DayRange, from: string | null, to: string | null): boolean {
  if (from && range.latest < from) return false;
  if (to && range.earliest > to) return false;
  return true;
}
