/** Calendar arithmetic on TIMEX3 values, in UTC, with no dependencies so it runs in the browser. */

export interface DayDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(d: DayDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Parses the date part of an ISO date or date-time; null when it is not one. */
export function parseDay(value: string | null | undefined): DayDate | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function toEpochDay(d: DayDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

function fromEpochDay(epochDay: number): DayDate {
  const date = new Date(epochDay * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: DayDate, days: number): DayDate {
  return fromEpochDay(toEpochDay(d) + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(d: DayDate, months: number): DayDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(d: DayDate): number {
  const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** ISO 8601 week number and its week-based year. */
export function isoWeek(d: DayDate): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(jan1)) / 7) + 1;
  return { year: thursday.year, week };
}

export function formatWeek(d: DayDate): string {
  const { year, week } = isoWeek(d);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

const SEASON_MONTHS: Readonly<Record<string, readonly [number, number]>> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 2],
};

export interface DateInterval {
  readonly earliest: string;
  readonly latest: string;
}

function span(startYear: number, startMonth: number, endYear: number, endMonth: number): DateInterval {
  return {
    earliest: formatDay({ year: startYear, month: startMonth, day: 1 }),
    latest: formatDay({ year: endYear, month: endMonth, day: daysInMonth(endYear, endMonth) }),
  };
}

/**
 * The earliest and latest day a TIMEX3 date value can denote, so partial and fuzzy dates sort and overlap.
 * Null for durations, sets, unknown (`XXXX`) values and open references other than the present.
 */
export function intervalOf(value: string, dct: string | null): DateInterval | null {
  const slash = value.indexOf('/');
  if (slash > 0) {
    const from = intervalOf(value.slice(0, slash), dct);
    const to = intervalOf(value.slice(slash + 1), dct);
    return from && to ? { earliest: from.earliest, latest: to.latest } : null;
  }
  if (value === 'PRESENT_REF') {
    const day = parseDay(dct);
    return day ? { earliest: formatDay(day), latest: formatDay(day) } : null;
  }
  const datePart = value.split('T')[0] ?? value;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datePart);
  if (m) return { earliest: datePart, latest: datePart };
  m = /^(\d{4})-(\d{2})$/.exec(datePart);
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/.exec(datePart);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return span(Number(m[1]), first, Number(m[1]), first + 2);
  }
  m = /^(\d{4})-H([12])$/.exec(datePart);
  if (m) {
    const first = m[2] === '1' ? 1 : 7;
    return span(Number(m[1]), first, Number(m[1]), first + 5);
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(datePart);
  if (m) {
    const [from, to] = SEASON_MONTHS[m[2] ?? 'SP'] ?? [3, 5];
    const year = Number(m[1]);
    return from > to ? span(year, from, year + 1, to) : span(year, from, year, to);
  }
  m = /^(\d{4})-W(\d{2})$/.exec(datePart);
  if (m) {
    const jan4 = { year: Number(m[1]), month: 1, day: 4 };
    const monday = addDays(jan4, 1 - isoWeekday(jan4) + (Number(m[2]) - 1) * 7);
    return { earliest: formatDay(monday), latest: formatDay(addDays(monday, 6)) };
  }
  m = /^(\d{4})$/.exec(datePart);
  if (m) return span(Number(m[1]), 1, Number(m[1]), 12);
  m = /^(\d{3})X$/.exec(datePart);
  if (m) return span(Number(m[1]) * 10, 1, Number(m[1]) * 10 + 9, 12);
  m = /^(\d{2})$/.exec(datePart);
  if (m) return span(Number(m[1]) * 100, 1, Number(m[1]) * 100 + 99, 12);
  m = /^(\d{2})XX$/.exec(datePart);
  if (m) return span(Number(m[1]) * 100, 1, Number(m[1]) * 100 + 99, 12);
  return null;
}
