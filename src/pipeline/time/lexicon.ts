/** Words the temporal tagger recognises, with the numbers and TIMEX3 codes they stand for. */
import { CARDINAL_WORDS } from '../number-words.js';

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Month names as a regex alternative; longest first so `Sept` wins over `Sep`. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

export function monthNumber(word: string): number | null {
  const key = word.replace(/\.$/, '').toLowerCase();
  return MONTHS[key] ?? null;
}

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

// Key order matters: the keys become a regular-expression alternation, articles first.
const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  single: 1,
  ...CARDINAL_WORDS,
  hundred: 100,
  'a dozen': 12,
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  'half a': 0.5,
  'half an': 0.5,
};

/** Quantities that name no number: the TIMEX3 value gets `X` for the count. */
const VAGUE_NUMBERS = new Set(['several', 'a few', 'few', 'many', 'some', 'the', 'dozens of', 'a number of']);

export const NUMBER_RE =
  '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|(?:a )?dozen|(?:a )?couple(?: of)?|half an?|an?|single|several|(?:a )?few|many|dozens of|a number of)';

/** The numeric value of a quantity word, `null` for a vague one (`several`), undefined when not a quantity. */
export function parseQuantity(raw: string): number | null | undefined {
  const word = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (VAGUE_NUMBERS.has(word)) return null;
  if (/^[\d,]+(?:\.\d+)?$/.test(word)) return Number(word.replace(/,/g, ''));
  const direct = SMALL_NUMBERS[word];
  if (direct !== undefined) return direct;
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)$/.exec(word);
  if (compound) {
    const tens = SMALL_NUMBERS[compound[1] ?? ''];
    const units = SMALL_NUMBERS[compound[2] ?? ''];
    if (tens !== undefined && units !== undefined) return tens + units;
  }
  return undefined;
}

export type TimeUnit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'decade'
  | 'century';

export const UNIT_RE =
  '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';

export function parseUnit(raw: string): TimeUnit | null {
  const word = raw.toLowerCase();
  if (word.startsWith('second')) return 'second';
  if (word.startsWith('minute')) return 'minute';
  if (word.startsWith('hour')) return 'hour';
  if (word.startsWith('day')) return 'day';
  if (word.startsWith('week')) return 'week';
  if (word.startsWith('fortnight')) return 'week';
  if (word.startsWith('month')) return 'month';
  if (word.startsWith('quarter')) return 'quarter';
  if (word.startsWith('year')) return 'year';
  if (word.startsWith('decade')) return 'decade';
  if (word.startsWith('centur')) return 'century';
  return null;
}

/**
 * TIMEX3 duration for a count of units. TimeBank writes decades and centuries in years (`P20Y`),
 * and a vague count as `X` (`PXY`).
 */
export function durationValue(count: number | null, unit: TimeUnit, fortnight = false): string {
  if (count === null) {
    switch (unit) {
      case 'second':
        return 'PTXS';
      case 'minute':
        return 'PTXM';
      case 'hour':
        return 'PTXH';
      case 'day':
        return 'PXD';
      case 'week':
        return 'PXW';
      case 'month':
        return 'PXM';
      case 'quarter':
        return 'PXQ';
      case 'year':
        return 'PXY';
      case 'decade':
        return 'PXDE';
      case 'century':
        return 'PXCE';
    }
  }
  const n = fortnight ? count * 2 : count;
  const whole = Number.isInteger(n);
  switch (unit) {
    case 'second':
      return `PT${n}S`;
    case 'minute':
      return whole ? `PT${n}M` : `PT${Math.round(n * 60)}S`;
    case 'hour':
      return whole ? `PT${n}H` : `PT${Math.round(n * 60)}M`;
    case 'day':
      return whole ? `P${n}D` : `PT${Math.round(n * 24)}H`;
    case 'week':
      return whole ? `P${n}W` : `P${Math.round(n * 7)}D`;
    case 'month':
      return whole ? `P${n}M` : `P${Math.round(n * 30)}D`;
    case 'quarter':
      return whole ? `P${n}Q` : `P${Math.round(n * 3)}M`;
    case 'year':
      return whole ? `P${n}Y` : `P${Math.round(n * 12)}M`;
    case 'decade':
      return `P${Math.round(n * 10)}Y`;
    case 'century':
      return `P${Math.round(n * 100)}Y`;
  }
}

export const PART_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
};

export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
};
