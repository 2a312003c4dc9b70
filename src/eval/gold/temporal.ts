/**
 * TIMEX3 values as day intervals, so dates written at different granularities can be compared:
 * `2023-09` overlaps `2023-09-13`, `199X` covers 1990–1999, `2018/2019-04` runs from 2018 to April 2019.
 */

/** Days since 1970-01-01 (UTC); `end` is exclusive. Infinite bounds for open references. */
export interface DayInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function monthsInterval(year: number, firstMonth: number, monthCount: number): DayInterval {
  return { start: dayNumber(year, firstMonth, 1), end: dayNumber(year, firstMonth + monthCount, 1) };
}

const SEASONS: Record<string, readonly [number, number]> = {
  SP: [3, 3],
  SU: [6, 3],
  FA: [9, 3],
  AU: [9, 3],
  WI: [12, 3],
};

/** The interval a TIMEX3 date value denotes, or null for durations, sets and anything unreadable. */
export function timexInterval(value: string, dct: string | null = null): DayInterval | null {
  const text = value.trim().toUpperCase();
  if (text.includes('/')) {
    const [from, to] = text.split('/', 2);
    const start = from ? timexInterval(from, dct) : null;
    const end = to ? timexInterval(to, dct) : null;
    if (!start || !end) return null;
    return { start: start.start, end: Math.max(end.end, start.end) };
  }
  switch (text) {
    case 'PRESENT_REF':
      return dct ? timexInterval(dct) : null;
    case 'PAST_REF': {
      const anchor = dct ? timexInterval(dct) : null;
      return anchor ? { start: Number.NEGATIVE_INFINITY, end: anchor.end } : null;
    }
    case 'FUTURE_REF': {
      const anchor = dct ? timexInterval(dct) : null;
      return anchor ? { start: anchor.start, end: Number.POSITIVE_INFINITY } : null;
    }
    default:
      break;
  }
  const vague = /^(\d{1,3})(X+)$/.exec(text);
  if (vague) {
    const scale = 10 ** (vague[2] ?? '').length;
    const first = Number(vague[1]) * scale;
    return { start: dayNumber(first, 1, 1), end: dayNumber(first + scale, 1, 1) };
  }
  const calendar = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(text);
  if (calendar) {
    const year = Number(calendar[1]);
    if (!calendar[2]) return monthsInterval(year, 1, 12);
    const month = Number(calendar[2]);
    if (month < 1 || month > 12) return null;
    if (!calendar[3]) return monthsInterval(year, month, 1);
    const start = dayNumber(year, month, Number(calendar[3]));
    return { start, end: start + 1 };
  }
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI|W\d{2})$/.exec(text);
  if (part) {
    const year = Number(part[1]);
    const code = part[2] ?? '';
    if (code.startsWith('Q')) return monthsInterval(year, (Number(code.slice(1)) - 1) * 3 + 1, 3);
    if (code.startsWith('H')) return monthsInterval(year, (Number(code.slice(1)) - 1) * 6 + 1, 6);
    if (code.startsWith('W')) return isoWeek(year, Number(code.slice(1)));
    const season = SEASONS[code];
    return season ? monthsInterval(year, season[0], season[1]) : null;
  }
  return null;
}

function isoWeek(year: number, week: number): DayInterval {
  const jan4 = dayNumber(year, 1, 4);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
  const start = jan4 - weekday + (week - 1) * 7;
  return { start, end: start + 7 };
}

/** Whether two TIMEX3 values share at least one day; unreadable values overlap only when equal. */
export function datesOverlap(a: string, b: string, dct: string | null = null): boolean {
  const left = timexInterval(a, dct);
  const right = timexInterval(b, dct);
  if (!left || !right) return normalizeValue(a) === normalizeValue(b);
  return left.start < right.end && right.start < left.end;
}

/** Whether two TIMEX3 values denote the same days (`2023-09-19TEV` equals `2023-09-19`). */
export function datesEqual(a: string, b: string, dct: string | null = null): boolean {
  if (normalizeValue(a) === normalizeValue(b)) return true;
  const left = timexInterval(a, dct);
  const right = timexInterval(b, dct);
  return left !== null && right !== null && left.start === right.start && left.end === right.end;
}

export function normalizeValue(value: string): string {
  return value.trim().toUpperCase();
}
