import type { TimexMod, TimexType } from '../../domain/model.js';
import {
  addDays,
  addMonths,
  type DateInterval,
  type DayDate,
  formatDay,
  formatMonth,
  formatWeek,
  intervalOf,
  isoWeekday,
  pad,
  parseDay,
  quarterOf,
} from './calendar.js';
import {
  durationValue,
  MONTH_RE,
  monthNumber,
  NUMBER_RE,
  ORDINALS,
  PART_OF_DAY,
  parseQuantity,
  parseUnit,
  SEASONS,
  type TimeUnit,
  UNIT_RE,
  WEEKDAY_RE,
  WEEKDAYS,
} from './lexicon.js';

/** What the anchoring of a relative expression was based on; `index` is the anchoring timex's position in the result. */
export interface TaggedAnchor {
  readonly basis: 'dct' | 'narrative';
  readonly value: string;
  readonly index: number | null;
  readonly rule: string;
}

/** A component of a range written as one phrase; TimeML annotates each end as its own TIMEX3. */
export interface TimexPart {
  readonly start: number;
  readonly end: number;
  readonly type: TimexType;
  readonly value: string;
}

export interface TaggedTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: TimexType;
  readonly value: string;
  readonly mod: TimexMod | null;
  readonly anchor: TaggedAnchor | null;
  readonly interval: DateInterval | null;
  /** The rule that recognised the expression. */
  readonly rule: string;
  readonly parts: readonly TimexPart[] | null;
}

type Tense = 'past' | 'present' | 'future';
type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'decade' | 'century';

interface Resolution {
  readonly type: TimexType;
  readonly value: string;
  readonly mod?: TimexMod | null;
  readonly anchor?: Omit<TaggedAnchor, 'rule'> | null;
  readonly anchorRule?: string;
  readonly parts?: readonly TimexPart[];
}

interface Candidate {
  start: number;
  end: number;
  readonly rule: string;
  readonly priority: number;
  /** The expression denotes a day, so a part of day ("evening") may attach to it. */
  readonly dayLevel: boolean;
  /** A duration, so quantity modifiers ("more than") may attach. */
  readonly quantity: boolean;
  mod: TimexMod | null;
  partOfDay: string | null;
  /** Where the chunk the rule ran on starts in the document. */
  offset: number;
  readonly resolve: (env: Env, candidate: Candidate) => Resolution | null;
}

interface HistoryEntry {
  readonly value: string;
  readonly index: number;
  readonly end: number;
  readonly granularity: Granularity;
  /** Resolved as a comparison with another period ("a year ago"): not itself a reporting period. */
  readonly comparison: boolean;
  /**
   * Not when the story is, so nothing is anchored on it: a year naming a thing ("the 2014 agreement": "that year"
   * does not point to it), or a deadline ("had until 1 November to leave": "the following month" counts from the
   * story's date, not from the deadline).
   */
  readonly modifier: boolean;
}

const GRANULARITY_RANK: Readonly<Record<Granularity, number>> = {
  day: 0,
  week: 1,
  month: 2,
  quarter: 3,
  season: 3,
  half: 4,
  year: 5,
  decade: 6,
  century: 7,
};

export function granularityOf(value: string): Granularity | null {
  const date = value.split('T')[0] ?? value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  if (/^\d{4}-W\d{2}/.test(date)) return 'week';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(date)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(date)) return 'season';
  if (/^\d{4}-H[12]$/.test(date)) return 'half';
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{3}X$/.test(date)) return 'decade';
  if (/^\d{2}$/.test(date)) return 'century';
  return null;
}

const PAST_CUE =
  /\b(?:was|were|had|did|said|told|went|came|made|took|met|saw|gave|became|began|left|sent|held|won|lost|fell|rose|grew|paid|struck|spoke|ran|brought|bought|sold|built|stood|found|thought|knew|kept|[a-z]{2,}ed)\b/g;
const FUTURE_CUE =
  /\b(?:will|won't|shall|would|going to|plan(?:s|ned)? to|expect(?:s|ed)? to|scheduled|set to|due to|is to|are to|as soon as|as early as|next)\b/g;
const PRESENT_CUE = /\b(?:is|are|am|has|have|remains?|says|seems?|does)\b/g;
const REPORTING_CUE = new RegExp(`\\b(?:yesterday|tomorrow|tonight|${WEEKDAY_RE})\\b|\\d\\s?[ap]\\.m\\.`);
const NOT_PAST = new Set([
  'need',
  'united',
  'limited',
  'red',
  'bed',
  'hundred',
  'speed',
  'seed',
  'feed',
  'indeed',
  'shed',
]);

/** A sentence ends at ! ? or a line break, or at a full stop followed by a space that does not close an initial. */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '!' || c === '?' || c === '\n') return true;
  if (c !== '.') return false;
  if (!/\s/.test(text[i + 1] ?? ' ')) return false;
  return !/(?:^|[\s.])[A-Z]$/.test(text.slice(Math.max(0, i - 2), i));
}

class Env {
  readonly history: HistoryEntry[] = [];
  readonly dctDay: DayDate | null;
  /**
   * Dated reporting names days ("on Tuesday", "yesterday"); an essay does not. In reporting, "today" is the day
   * of publication even in the present tense; in an essay a present-tense "today" is the present era.
   */
  readonly reporting: boolean;
  /** What an implicit part of the current expression (a missing year or day) was taken from, for its anchor. */
  implicitAnchor: TaggedAnchor | null = null;
  /** Offset of the chunk the current candidate was found in: rules see chunk-relative positions. */
  base = 0;
  constructor(
    readonly text: string,
    readonly dct: string | null,
  ) {
    this.dctDay = parseDay(dct);
    this.reporting = REPORTING_CUE.test(text);
  }

  /** The tense of the verb nearest to the expression in its sentence. */
  tense(chunkStart: number, chunkEnd: number): Tense {
    const text = this.text;
    const start = chunkStart + this.base;
    const end = chunkEnd + this.base;
    // Bounded, so text without punctuation (tables, lists) stays linear.
    const floor = Math.max(0, start - 300);
    const ceiling = Math.min(text.length, end + 300);
    let from = start;
    while (from > floor && !isSentenceEnd(text, from - 1)) from--;
    let to = end;
    while (to < ceiling && !isSentenceEnd(text, to)) to++;
    const sentence = text.slice(from, to).toLowerCase();
    const at = start - from;
    let best: Tense = 'present';
    let bestDistance = Number.POSITIVE_INFINITY;
    let found = false;
    const consider = (pattern: RegExp, tense: Tense): void => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
        if (tense === 'past' && NOT_PAST.has(m[0])) continue;
        const distance = Math.abs(m.index - at);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = tense;
          found = true;
        }
      }
    };
    consider(FUTURE_CUE, 'future');
    consider(PAST_CUE, 'past');
    consider(PRESENT_CUE, 'present');
    return found ? best : 'present';
  }

  /** Characters from the start of the paragraph holding chunk offset `chunkStart` to it. */
  sinceParagraphStart(chunkStart: number): number {
    const at = chunkStart + this.base;
    return at - (this.text.lastIndexOf('\n', at) + 1);
  }

  /** The most recent date in the story at least as fine as `finest`, within `window` characters. */
  anchor(finest: Granularity, chunkBefore: number, window = Number.POSITIVE_INFINITY): HistoryEntry | null {
    const before = chunkBefore + this.base;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const entry = this.history[i];
      if (!entry) continue;
      if (before - entry.end > window) return null;
      if (entry.modifier) continue;
      if (GRANULARITY_RANK[entry.granularity] <= GRANULARITY_RANK[finest]) return entry;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution helpers

/** Year for a month (and day) written without one: from the story's recent dates, else from the DCT and tense. */
function yearFor(env: Env, month: number, day: number | null, start: number, end: number): number | null {
  const tense = env.tense(start, end);
  const dct = env.dctDay;
  // A story told in dates ("on 15 September ... on 19 September") keeps the year of its last full date.
  // A season or half names its year as plainly ("in the summer of 2022 ... On 11 July"); a quarter is more
  // often a reporting period compared with another ("the third quarter ... a year earlier").
  // Within 400 characters, or anywhere earlier in the same paragraph.
  const window = Math.max(400, env.sinceParagraphStart(start));
  const monthly = env.anchor('month', start, window);
  const coarse = monthly ? null : env.anchor('half', start, window);
  const recent =
    monthly ?? (coarse?.granularity === 'season' || coarse?.granularity === 'half' ? coarse : null);
  if (recent && /^\d{4}/.test(recent.value)) {
    // ...unless the tense puts it on the other side of the DCT.
    const fitsDct = (year: number): boolean => {
      if (!dct) return true;
      const offset = (year - dct.year) * 366 + (month - dct.month) * 30.5 + ((day ?? 15) - dct.day);
      const monthsAfterDct = (year - dct.year) * 12 + month - dct.month;
      return tense === 'future'
        ? offset >= -31
        : tense === 'past'
          ? day === null
            ? monthsAfterDct <= 0
            : offset <= 7
          : offset <= 31;
    };
    const year = storyYear(recent.value, month, day, dct, fitsDct);
    if (fitsDct(year)) {
      env.implicitAnchor = {
        basis: 'narrative',
        value: recent.value,
        index: recent.index,
        rule: 'year-from-story',
      };
      return year;
    }
  }
  if (!dct) {
    if (!recent) return null;
    env.implicitAnchor = {
      basis: 'narrative',
      value: recent.value,
      index: recent.index,
      rule: 'year-from-story',
    };
    return Number(recent.value.slice(0, 4));
  }
  env.implicitAnchor = { basis: 'dct', value: env.dct ?? '', index: null, rule: `year-nearest-dct-${tense}` };
  // Otherwise the occurrence nearest the DCT, unless the tense says it lies on the other side of it.
  const dctDays = dct.month * 30.5 + dct.day;
  const targetDays = month * 30.5 + (day ?? 15);
  let best = dct.year;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const year of [dct.year - 1, dct.year, dct.year + 1]) {
    const distance = (year - dct.year) * 366 + targetDays - dctDays;
    const slack = day === null ? 31 : 7;
    if (tense === 'past' && distance > slack && Math.abs(distance) > 150) continue;
    if (tense === 'future' && distance < -slack && Math.abs(distance) > 150) continue;
    if (Math.abs(distance) < bestDistance) {
      bestDistance = Math.abs(distance);
      best = year;
    }
  }
  return best;
}

/**
 * The year of a month (and day) told after the story's recent date `recent`: that date's year, unless the month
 * lies more than half a year from it and the neighbouring year's lies within half a year ("on 7 December 2023
 * ... on 13 February" is February 2024), nearer the DCT, and fitting it. (In news, a month after a date far
 * from the DCT is more often the DCT's: "in February 1990 ... since last September".)
 */
function storyYear(
  recent: string,
  month: number,
  day: number | null,
  dct: DayDate | null,
  fits: (year: number) => boolean,
): number {
  const year = Number(recent.slice(0, 4));
  const recentMonth = Number(/^\d{4}-(\d{2})/.exec(recent)?.[1] ?? 0);
  if (recentMonth === 0) return year;
  const recentDay = Number(/^\d{4}-\d{2}-(\d{2})/.exec(recent)?.[1] ?? 15);
  const daysFromRecent = (y: number) =>
    (y - year) * 365 + (month - recentMonth) * 30.5 + (day ?? 15) - recentDay;
  const HALF_YEAR = 183;
  if (Math.abs(daysFromRecent(year)) <= HALF_YEAR) return year;
  const daysFromDct = (y: number) =>
    dct ? Math.abs((y - dct.year) * 365 + (month - dct.month) * 30.5 + (day ?? 15) - dct.day) : 0;
  for (const neighbour of [year + 1, year - 1])
    if (
      Math.abs(daysFromRecent(neighbour)) < HALF_YEAR &&
      (!dct || daysFromDct(neighbour) < daysFromDct(year)) &&
      fits(neighbour)
    )
      return neighbour;
  return year;
}

function dayValue(year: number | null, month: number, day: number): string {
  return year === null ? `XXXX-${pad(month)}-${pad(day)}` : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function monthValue(year: number | null, month: number): string {
  return year === null ? `XXXX-${pad(month)}` : formatMonth(year, month);
}

/** Shifts a date value by whole units, giving the result at the unit's granularity. */
function shift(value: string, count: number, unit: TimeUnit): string | null {
  const granularity = granularityOf(value);
  if (!granularity) return null;
  const year = Number(value.slice(0, 4));
  const day = parseDay(value);
  switch (unit) {
    case 'day':
      return day ? formatDay(addDays(day, count)) : null;
    case 'week':
      return day ? formatWeek(addDays(day, count * 7)) : null;
    case 'month': {
      const month = /^\d{4}-(\d{2})/.exec(value);
      if (!month) return null;
      const shifted = addMonths({ year, month: Number(month[1]), day: 1 }, count);
      return formatMonth(shifted.year, shifted.month);
    }
    case 'quarter': {
      const quarter = /^\d{4}-Q([1-4])$/.exec(value);
      const month = quarter
        ? (Number(quarter[1]) - 1) * 3 + 1
        : Number(/^\d{4}-(\d{2})/.exec(value)?.[1] ?? 0);
      if (!month) return null;
      const shifted = addMonths({ year, month, day: 1 }, count * 3);
      return `${pad(shifted.year, 4)}-Q${quarterOf(shifted.month)}`;
    }
    case 'year':
      if (granularity === 'quarter' || granularity === 'season' || granularity === 'half')
        return `${pad(year + count, 4)}${value.slice(4)}`;
      return pad(year + count, 4);
    case 'decade':
      return pad(year + count * 10, 4);
    case 'century':
      return pad(year + count * 100, 4);
    default:
      return null;
  }
}

/** The value at the granularity of `unit`: the anchor itself for vague offsets ("days before"). */
function truncate(value: string, unit: TimeUnit): string | null {
  return shift(value, 0, unit);
}

const UNIT_GRANULARITY: Readonly<Record<TimeUnit, Granularity>> = {
  second: 'day',
  minute: 'day',
  hour: 'day',
  day: 'day',
  week: 'day',
  month: 'month',
  quarter: 'month',
  year: 'year',
  decade: 'year',
  century: 'year',
};

function weekdayDate(
  env: Env,
  weekday: number,
  relation: string | null,
  start: number,
  end: number,
): string | null {
  const dct = env.dctDay;
  if (!dct) return `XXXX-WXX-${weekday}`;
  const today = isoWeekday(dct);
  const tense = relation === 'next' ? 'future' : relation === 'last' ? 'past' : env.tense(start, end);
  let offset: number;
  if (tense === 'future') offset = (weekday - today + 7) % 7 || (relation === 'next' ? 7 : 0);
  else offset = -((today - weekday + 7) % 7);
  if (relation === 'last' && offset === 0) offset = -7;
  return formatDay(addDays(dct, offset));
}

// ---------------------------------------------------------------------------------------------
// Rules

type Make = (m: RegExpExecArray, text: string) => Omit<Candidate, 'mod' | 'partOfDay' | 'offset'> | null;

interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly make: Make;
  readonly need: RegExp | null;
}

const B = '\\b';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '(1[0-9]{3}|20[0-9]{2})';
const RANGE_SEP = '\\s*(?:-|–|—|to|until|till|through|and)\\s*';

function capitalised(word: string | undefined): boolean {
  return !!word && word[0] === word[0]?.toUpperCase();
}

function base(
  name: string,
  start: number,
  end: number,
  resolve: Candidate['resolve'],
  opts: { priority?: number; dayLevel?: boolean; quantity?: boolean } = {},
): Omit<Candidate, 'mod' | 'partOfDay' | 'offset'> {
  return {
    rule: name,
    start,
    end,
    priority: opts.priority ?? 5,
    dayLevel: opts.dayLevel ?? false,
    quantity: opts.quantity ?? false,
    resolve,
  };
}

/** Where a capture group lies, found by walking the groups in order (the `d` flag is slow in V8). */
function groupSpan(m: RegExpExecArray, group: number): readonly [number, number] {
  let at = 0;
  for (let g = 1; g <= group; g++) {
    const part = m[g];
    if (part === undefined) continue;
    const i = m[0].indexOf(part, at);
    if (i < 0) break;
    if (g === group) return [m.index + i, m.index + i + part.length];
    at = i + part.length;
  }
  return [m.index, m.index + m[0].length];
}

function groupStart(m: RegExpExecArray, group: number): number {
  return groupSpan(m, group)[0];
}

function groupEnd(m: RegExpExecArray, group: number): number {
  return groupSpan(m, group)[1];
}

function validDay(day: number): boolean {
  return day >= 1 && day <= 31;
}

export const rules: Rule[] = [];
const MONTH_NEED = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const UNIT_NEED = /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur/i;
const DIGIT_NEED = /\d/;

/**
 * A cheap test per rule: a chunk of text without it cannot match, so the rule's (slower) pattern is skipped.
 * Keyed by the rule's first name; rules without an entry always run.
 */
const NEEDS: Readonly<Record<string, RegExp>> = {
  'range-days-month': MONTH_NEED,
  'range-month-days': MONTH_NEED,
  'range-months': MONTH_NEED,
  'day-month': MONTH_NEED,
  'month-day': MONTH_NEED,
  'month-year': MONTH_NEED,
  month: MONTH_NEED,
  'range-years': DIGIT_NEED,
  year: DIGIT_NEED,
  'iso-date': DIGIT_NEED,
  'numeric-date': DIGIT_NEED,
  clock: DIGIT_NEED,
  'clock-24h': DIGIT_NEED,
  'quarter-code': DIGIT_NEED,
  decade: /0'?s\b/i,
  century: /century/i,
  quarter: /quarter|half/i,
  season: /spring|summer|autumn|fall|winter/i,
  today: /to(?:day|night|morrow)|yesterday/i,
  'this-unit': /\b(?:this|last|next)\b/i,
  weekday: /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i,
  ago: /\bago\b/i,
  'ref-present_ref': /now|current|these days|present|to date|so far/i,
  'ref-past_ref': /recent|past|formerly/i,
  'ref-future_ref': /future|years ahead/i,
  offset: /later|earlier|afterward|before|after|previously/i,
  adjacent: /\b(?:next|following|previous|preceding|same|that|before|after)\b/i,
  duration: UNIT_NEED,
  'duration-unit': UNIT_NEED,
  'duration-recent': /recent/i,
  'duration-vague': UNIT_NEED,
  'set-every': /\b(?:every|each)\b/i,
  'set-frequency': /annual|yearly|daily|nightly|weekly|monthly|quarterly|hourly|biennial/i,
  'year-words': /teen|twenty/i,
  'year-earlier': /year-(?:earlier|ago)/i,
  'the-quarter': /quarter|half/i,
  'part-of-unit': /start|beginning|middle|end|close/i,
  holiday: /Christmas|New Year|Boxing|Valentine|Halloween|Thanksgiving|Easter/,
  noon: /noon|midnight|midday/i,
};

function rule(name: string, source: string, make: Make, flags = 'gi'): void {
  rules.push({ name, pattern: new RegExp(source, flags), make, need: NEEDS[name] ?? null });
}

// --- Ranges written as one phrase -------------------------------------------------------------

// "10 to 19 September", "18–19 October 2023"
rule(
  'range-days-month',
  `${B}${DAY_RE}${RANGE_SEP}${DAY_RE}\\s+(${MONTH_RE})(?:,?\\s+${YEAR_RE})?${B}`,
  (m) => {
    const [, d1, d2, monthWord, yearText] = m;
    const month = monthNumber(monthWord ?? '');
    const from = Number(d1);
    const to = Number(d2);
    if (!month || !capitalised(monthWord) || !validDay(from) || !validDay(to) || from >= to) return null;
    if (/\band\b/.test(m[0]) && !/\bbetween\s+$/i.test(m.input.slice(Math.max(0, m.index - 10), m.index)))
      return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return base(
      'range-days-month',
      start,
      end,
      (env) => {
        const year = yearText ? Number(yearText) : yearFor(env, month, from, start, end);
        const a = dayValue(year, month, from);
        const b = dayValue(year, month, to);
        return {
          type: 'DATE',
          value: `${a}/${b}`,
          parts: [
            { start, end: groupEnd(m, 1), type: 'DATE', value: a },
            { start: groupStart(m, 2), end, type: 'DATE', value: b },
          ],
        };
      },
      { priority: 1 },
    );
  },
);

// "September 10-19", "Sept. 10 to 19, 2023"
rule(
  'range-month-days',
  `${B}(${MONTH_RE})\\s+${DAY_RE}${RANGE_SEP}${DAY_RE}(?:,?\\s+${YEAR_RE})?${B}`,
  (m) => {
    const [, monthWord, d1, d2, yearText] = m;
    const month = monthNumber(monthWord ?? '');
    const from = Number(d1);
    const to = Number(d2);
    if (!month || !capitalised(monthWord) || !validDay(from) || !validDay(to) || from >= to) return null;
    if (/\band\b/.test(m[0])) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return base(
      'range-month-days',
      start,
      end,
      (env) => {
        const year = yearText ? Number(yearText) : yearFor(env, month, from, start, end);
        const a = dayValue(year, month, from);
        const b = dayValue(year, month, to);
        return {
          type: 'DATE',
          value: `${a}/${b}`,
          parts: [
            { start, end: groupEnd(m, 2), type: 'DATE', value: a },
            { start: groupStart(m, 3), end, type: 'DATE', value: b },
          ],
        };
      },
      { priority: 1 },
    );
  },
);

// "1992 to 1996", "1945–90", "between 2009 and 2012"
rule('range-years', `${B}${YEAR_RE}${RANGE_SEP}(1[0-9]{3}|20[0-9]{2}|\\d{2})${B}(?![-/.,]\\d)`, (m) => {
  const [, y1, y2raw] = m;
  const from = Number(y1);
  let to = Number(y2raw);
  if ((y2raw ?? '').length === 2) {
    to = Math.floor(from / 100) * 100 + to;
    if (to <= from) return null;
    if (/^\d{4}-(?:0[1-9]|1[0-2])$/.test(m[0])) return null; // 2023-10 is a month in ISO form
  }
  if (to <= from || to - from > 200) return null;
  const before = m.input.slice(Math.max(0, m.index - 12), m.index);
  if (/\band\b/.test(m[0]) && !/\bbetween\s+$/i.test(before)) return null;
  if (/[$£€#]\s*$/.test(before)) return null;
  const start = m.index;
  const end = m.index + m[0].length;
  return base(
    'range-years',
    start,
    end,
    () => ({
      type: 'DATE',
      value: `${pad(from, 4)}/${pad(to, 4)}`,
      parts: [
        { start, end: groupEnd(m, 1), type: 'DATE', value: pad(from, 4) },
        { start: groupStart(m, 2), end, type: 'DATE', value: pad(to, 4) },
      ],
    }),
    { priority: 1 },
  );
});

// "June to August 2023", "March–May"
rule('range-months', `${B}(${MONTH_RE})${RANGE_SEP}(${MONTH_RE})(?:,?\\s+${YEAR_RE})?${B}`, (m) => {
  const [, w1, w2, yearText] = m;
  const from = monthNumber(w1 ?? '');
  const to = monthNumber(w2 ?? '');
  if (!from || !to || !capitalised(w1) || !capitalised(w2) || /\band\b/.test(m[0])) return null;
  const start = m.index;
  const end = m.index + m[0].length;
  return base(
    'range-months',
    start,
    end,
    (env) => {
      const y2 = yearText ? Number(yearText) : yearFor(env, to, null, start, end);
      const y1 = y2 === null ? null : from > to ? y2 - 1 : y2;
      const a = monthValue(y1, from);
      const b = monthValue(y2, to);
      return {
        type: 'DATE',
        value: `${a}/${b}`,
        parts: [
          { start, end: groupEnd(m, 1), type: 'DATE', value: a },
          { start: groupStart(m, 2), end, type: 'DATE', value: b },
        ],
      };
    },
    { priority: 1 },
  );
});

// --- Calendar dates --------------------------------------------------------------------------

// "13 September", "5 November 2023", "the 5th of November"
rule(
  'day-month',
  `${B}(?:the\\s+)?${DAY_RE}\\s+(?:of\\s+)?(${MONTH_RE})(?:,?\\s+${YEAR_RE})?(?![\\w])`,
  (m) => {
    const [, dayText, monthWord, yearText] = m;
    const month = monthNumber(monthWord ?? '');
    const day = Number(dayText);
    if (!month || !capitalised(monthWord) || !validDay(day)) return null;
    const start = m.index + (m[0].toLowerCase().startsWith('the ') ? 4 : 0);
    const end = m.index + m[0].length;
    return base(
      yearText ? 'date-absolute' : 'date-partial',
      start,
      end,
      (env) => {
        if (yearText) return { type: 'DATE', value: dayValue(Number(yearText), month, day) };
        return { type: 'DATE', value: dayValue(yearFor(env, month, day, start, end), month, day) };
      },
      { dayLevel: true },
    );
  },
);

// "September 13", "Aug. 7, 1998", "Friday, Aug. 7"
rule(
  'month-day',
  `${B}(?:(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s+${DAY_RE}(?![\\d:])(?:,?\\s+${YEAR_RE})?${B}`,
  (m) => {
    const [, , monthWord, dayText, yearText] = m;
    const month = monthNumber(monthWord ?? '');
    const day = Number(dayText);
    if (!month || !capitalised(monthWord) || !validDay(day)) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return base(
      yearText ? 'date-absolute' : 'date-partial',
      start,
      end,
      (env) => {
        if (yearText) return { type: 'DATE', value: dayValue(Number(yearText), month, day) };
        return { type: 'DATE', value: dayValue(yearFor(env, month, day, start, end), month, day) };
      },
      { dayLevel: true },
    );
  },
);

// "June 1950", "September of 2023"
rule('month-year', `${B}(${MONTH_RE}),?\\s+(?:of\\s+)?${YEAR_RE}${B}`, (m) => {
  const [, monthWord, yearText] = m;
  const month = monthNumber(monthWord ?? '');
  if (!month || !capitalised(monthWord)) return null;
  return base('date-absolute', m.index, m.index + m[0].length, () => ({
    type: 'DATE',
    value: formatMonth(Number(yearText), month),
  }));
});

// A month on its own: "in September", "last July"
rule(
  'month',
  `${B}(?:(last|next|this|early|late|mid|mid-)\\s*)?(January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.)(?![\\w-])`,
  (m, text) => {
    const [, relation, monthWord] = m;
    const month = monthNumber(monthWord ?? '');
    if (!month || !capitalised(monthWord)) return null;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "May" and "March" are also a verb and a noun: require a preposition or a relation word.
    if (
      (monthWord === 'May' || monthWord === 'March') &&
      !relation &&
      !/\b(?:in|since|until|till|by|of|during|from|to|through|between|and|or|before|after|early|late|mid|last|next|this)[\s-]+$/i.test(
        before,
      )
    )
      return null;
    const start = relation && /^(last|next|this)$/i.test(relation) ? m.index : groupStart(m, 2);
    const end = m.index + m[0].length;
    const rel = relation?.toLowerCase() ?? null;
    return base(
      rel === 'last' || rel === 'next' || rel === 'this' ? 'month-relative' : 'month-partial',
      start,
      end,
      (env) => {
        const dct = env.dctDay;
        if ((rel === 'last' || rel === 'next') && dct) {
          const year =
            rel === 'last'
              ? month < dct.month
                ? dct.year
                : dct.year - 1
              : month > dct.month
                ? dct.year
                : dct.year + 1;
          return {
            type: 'DATE',
            value: formatMonth(year, month),
            anchor: { basis: 'dct', value: env.dct ?? '', index: null },
          };
        }
        const year = yearFor(env, month, null, start, end);
        return { type: 'DATE', value: monthValue(year, month) };
      },
    );
  },
);

// ISO dates, optionally with a time: "2023-09-13", "1999-10-24 20:00:09"
rule('iso-date', `${B}(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::\\d{2})?)?${B}`, (m) => {
  const [, y, mo, d, hh, mm] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || !validDay(Number(d))) return null;
  return base(
    'date-absolute',
    m.index,
    m.index + m[0].length,
    () =>
      hh
        ? { type: 'TIME', value: `${y}-${mo}-${d}T${hh}:${mm}` }
        : { type: 'DATE', value: `${y}-${mo}-${d}` },
    { dayLevel: !hh },
  );
});

// US numeric dates: "10/30/89", "12/05/1998"
rule('numeric-date', `${B}(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${B}(?!/)`, (m) => {
  const [, mo, d, y] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || !validDay(day)) return null;
  const year = (y ?? '').length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y);
  return base(
    'date-absolute',
    m.index,
    m.index + m[0].length,
    () => ({ type: 'DATE', value: dayValue(year, month, day) }),
    {
      dayLevel: true,
    },
  );
});

// Bare years: "in 1945", "fiscal 1989", "post-1945"
const NOT_A_YEAR_AFTER =
  /^\s*(?:%|percent|per cent|people|persons|troops|soldiers|men|women|children|km|kilometres|kilometers|miles|tons|tonnes|metres|meters|feet|ft|units|votes|cars|vehicles|containers|shares|barrels|points)\b/i;
rule(
  'year',
  `${B}(?:(fiscal(?: year)?|the year|calendar(?: year)?)\\s+)?${YEAR_RE}(?![\\w%]|[.,]\\d|-\\d|–\\d)`,
  (m, text) => {
    const yearText = m[2] ?? '';
    const year = Number(yearText);
    if (year < 1100) return null;
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (
      /[$£€#\d]\s*$|\d[.,]$|[-–]$/.test(before) &&
      !/(?:post|pre|mid)-$/i.test(text.slice(Math.max(0, m.index - 5), m.index))
    )
      return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (NOT_A_YEAR_AFTER.test(after)) return null;
    return base('date-absolute', m.index, m.index + m[0].length, () => ({ type: 'DATE', value: yearText }), {
      priority: 6,
    });
  },
);

// Decades: "the 1990s", "the early 2010s", "the '90s"
rule('decade', `${B}(?:the\\s+)?(?:(early|mid|late)[- ])?(?:(1[0-9]{2}|20[0-9])0'?s|'(\\d)0s)${B}`, (m) => {
  const [, modifier, century3, short] = m;
  const digits = century3 ?? (short ? `19${short}` : '');
  if (!digits) return null;
  const mod: TimexMod | null =
    modifier?.toLowerCase() === 'early'
      ? 'START'
      : modifier?.toLowerCase() === 'late'
        ? 'END'
        : modifier
          ? 'MID'
          : null;
  return base('decade', m.index, m.index + m[0].length, () => ({ type: 'DATE', value: `${digits}X`, mod }));
});

// Centuries: "the 20th century", "the nineteenth century", "this century"
rule('century', `${B}(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-first)?)\\s+century${B}(?!-old)`, (m) => {
  const word = (m[1] ?? '').toLowerCase();
  const ordinal = ORDINALS[word] ?? (/^\d+/.test(word) ? Number.parseInt(word, 10) : undefined);
  const start = m.index;
  const end = m.index + m[0].length;
  if (ordinal !== undefined) {
    return base('century', start, end, () => ({ type: 'DATE', value: pad(ordinal - 1, 2) }));
  }
  if (word === 'this' || word === 'last' || word === 'next') {
    if (/^the\s/i.test(m[0])) return null;
    const offset = word === 'last' ? -1 : word === 'next' ? 1 : 0;
    return base('century-relative', start, end, (env) =>
      env.dctDay
        ? {
            type: 'DATE',
            value: pad(Math.floor(env.dctDay.year / 100) + offset, 2),
            anchor: { basis: 'dct', value: env.dct ?? '', index: null },
          }
        : null,
    );
  }
  return null;
});

// Quarters and halves: "the third quarter", "third-quarter", "Q3 2023", "the first half of 2023"
rule(
  'quarter',
  `${B}(?:the\\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](quarter|half)(?:\\s+of\\s+${YEAR_RE}|,?\\s+${YEAR_RE}|\\s+of\\s+(last|this|next|the\\s+previous|the\\s+following|that)\\s+year)?${B}`,
  (m) => {
    const [, ordinalWord, what, y1, y2, relativeYear] = m;
    const word = (ordinalWord ?? '').toLowerCase();
    const isHalf = what?.toLowerCase() === 'half';
    const n = word === 'final' || word === 'last' ? (isHalf ? 2 : 4) : (ORDINALS[word] ?? 0);
    if (!n || (isHalf && n > 2)) return null;
    // "the last quarter" of a story can mean the most recent one; only the calendar reading is handled here.
    if ((word === 'last' || word === 'final') && !y1 && !y2 && !relativeYear) return null;
    const explicit = y1 ?? y2;
    // "the third-quarter results": the determiner belongs to the noun the adjective modifies.
    const adjective = /^the\s+\w+-(?:quarter|half)$/i.test(m[0]);
    const start = adjective ? m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0) : m.index;
    const end = m.index + m[0].length;
    return base('quarter', start, end, (env) => {
      let year: number | null = explicit ? Number(explicit) : null;
      const relation = relativeYear?.toLowerCase().replace(/\s+/g, ' ');
      if (relation === 'last' || relation === 'this' || relation === 'next') {
        year = env.dctDay ? env.dctDay.year + (relation === 'last' ? -1 : relation === 'next' ? 1 : 0) : null;
      } else if (relation) {
        const anchor = env.anchor('year', start);
        const anchorYear = anchor ? Number(anchor.value.slice(0, 4)) : null;
        year =
          anchorYear === null
            ? null
            : anchorYear + (relation === 'the previous' ? -1 : relation === 'that' ? 0 : 1);
      }
      if (year === null && !relation) {
        if (env.dctDay) {
          const current = isHalf ? (env.dctDay.month <= 6 ? 1 : 2) : quarterOf(env.dctDay.month);
          year = env.tense(start, end) === 'past' && n > current ? env.dctDay.year - 1 : env.dctDay.year;
        }
      }
      const value = `${year === null ? 'XXXX' : pad(year, 4)}-${isHalf ? 'H' : 'Q'}${n}`;
      return { type: 'DATE', value };
    });
  },
);
rule(
  'quarter-code',
  `${B}Q([1-4])(?:\\s+|-)?${YEAR_RE}?${B}`,
  (m) => {
    const [, n, year] = m;
    return base(
      'quarter',
      m.index,
      m.index + m[0].length,
      (env) => {
        const y = year ?? (env.dctDay ? String(env.dctDay.year) : 'XXXX');
        return { type: 'DATE', value: `${y}-Q${n}` };
      },
      {},
    );
  },
  'g',
);

// Seasons: "summer 2023", "last winter", "the autumn of 1950"
rule(
  'season',
  `${B}(?:(this|last|next|the|early|late)\\s+)?(spring|summer|autumn|fall|winter)(?:\\s+of\\s+${YEAR_RE}|\\s+${YEAR_RE})?${B}`,
  (m) => {
    const [, relationRaw, seasonWord, y1, y2] = m;
    const relation = relationRaw?.toLowerCase() ?? null;
    const code = SEASONS[(seasonWord ?? '').toLowerCase()];
    const explicit = y1 ?? y2;
    if (!code) return null;
    // "fall" is usually the verb: only with a determiner or a year.
    if (seasonWord?.toLowerCase() === 'fall' && !relation && !explicit) return null;
    if (
      relation === 'the' &&
      !explicit &&
      !/\b(?:in|during|over|through|by|until|this|for)\s+$/i.test(
        m.input.slice(Math.max(0, m.index - 10), m.index),
      )
    )
      return null;
    const start = relation === 'early' || relation === 'late' ? groupStart(m, 2) : m.index;
    const end = m.index + m[0].length;
    return base('season', start, end, (env) => {
      if (explicit) return { type: 'DATE', value: `${explicit}-${code}` };
      const dct = env.dctDay;
      if (!dct) return { type: 'DATE', value: `XXXX-${code}` };
      const seasonIndex = { SP: 1, SU: 2, FA: 3, WI: 4 }[code] ?? 0;
      const currentIndex =
        dct.month <= 2 || dct.month === 12 ? 4 : dct.month <= 5 ? 1 : dct.month <= 8 ? 2 : 3;
      let year = dct.year;
      if (dct.month <= 2 && code === 'WI') year = dct.year - 1;
      if (relation === 'last') year = seasonIndex < currentIndex ? year : year - 1;
      else if (relation === 'next') year = seasonIndex > currentIndex ? year : year + 1;
      else if (relation !== 'this') {
        const tense = env.tense(start, end);
        if (tense === 'past' && seasonIndex > currentIndex) year -= 1;
        if (tense === 'future' && seasonIndex < currentIndex) year += 1;
      }
      return {
        type: 'DATE',
        value: `${pad(year, 4)}-${code}`,
        anchor: { basis: 'dct', value: env.dct ?? '', index: null },
      };
    });
  },
);

// --- Deixis: resolved against the document creation time ------------------------------------

rule('today', `${B}(today|tonight|yesterday|tomorrow)${B}`, (m) => {
  const word = (m[1] ?? '').toLowerCase();
  const start = m.index;
  const end = m.index + m[0].length;
  return base(
    `deictic-${word}`,
    start,
    end,
    (env) => {
      const dct = env.dctDay;
      if (word === 'today') {
        // In analysis, "today" is the present era; in reporting ("said today") it is the day of publication.
        const tense = env.tense(start, end);
        if (!dct || (tense === 'present' && !env.reporting)) return { type: 'DATE', value: 'PRESENT_REF' };
        return {
          type: 'DATE',
          value: formatDay(dct),
          anchor: { basis: 'dct', value: env.dct ?? '', index: null },
        };
      }
      if (!dct) return null;
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const day = formatDay(addDays(dct, offset));
      if (word === 'tonight')
        return {
          type: 'TIME',
          value: `${day}TNI`,
          anchor: { basis: 'dct', value: env.dct ?? '', index: null },
        };
      return { type: 'DATE', value: day, anchor: { basis: 'dct', value: env.dct ?? '', index: null } };
    },
    { dayLevel: true },
  );
});

// "this year", "last month", "next week", "this weekend", "last night", "this morning"
rule(
  'this-unit',
  `${B}(this|last|next|coming|past)\\s+(?:fiscal\\s+)?(week|weekend|month|year|quarter|decade|morning|afternoon|evening|night)${B}`,
  (m, text) => {
    const relation = (m[1] ?? '').toLowerCase();
    const unitWord = (m[2] ?? '').toLowerCase();
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/\bthe\s+$/i.test(before)) return null; // "the past year" is a duration, handled elsewhere
    if (relation === 'past' || relation === 'coming') return null;
    if (unitWord === 'decade') return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return base(`deictic-${relation}-${unitWord}`, start, end, (env) => {
      const dct = env.dctDay;
      if (!dct) return null;
      const anchor = { basis: 'dct' as const, value: env.dct ?? '', index: null };
      const offset = relation === 'last' ? -1 : relation === 'next' ? 1 : 0;
      const pod = PART_OF_DAY[unitWord];
      if (pod) {
        if (relation === 'next') return null;
        const day = relation === 'last' ? addDays(dct, -1) : dct;
        return { type: 'TIME', value: `${formatDay(day)}T${pod}`, anchor };
      }
      switch (unitWord) {
        case 'week':
          return { type: 'DATE', value: formatWeek(addDays(dct, offset * 7)), anchor };
        case 'weekend':
          return { type: 'DATE', value: `${formatWeek(addDays(dct, offset * 7))}-WE`, anchor };
        case 'month': {
          const shifted = addMonths({ ...dct, day: 1 }, offset);
          return { type: 'DATE', value: formatMonth(shifted.year, shifted.month), anchor };
        }
        case 'quarter': {
          const shifted = addMonths({ ...dct, day: 1 }, offset * 3);
          return { type: 'DATE', value: `${pad(shifted.year, 4)}-Q${quarterOf(shifted.month)}`, anchor };
        }
        case 'year':
          return { type: 'DATE', value: pad(dct.year + offset, 4), anchor };
        default:
          return null;
      }
    });
  },
);

// Weekdays: "on Friday", "last Monday", "Friday morning"
rule('weekday', `${B}(?:(last|next|this)\\s+)?(${WEEKDAY_RE})(?!\\s*,?\\s*${MONTH_RE})${B}`, (m) => {
  const relation = m[1]?.toLowerCase() ?? null;
  const weekday = WEEKDAYS[(m[2] ?? '').toLowerCase()];
  if (!weekday || !capitalised(m[2])) return null;
  const start = m.index;
  const end = m.index + m[0].length;
  return base(
    'deictic-weekday',
    start,
    end,
    (env) => {
      const value = weekdayDate(env, weekday, relation, start, end);
      return value
        ? { type: 'DATE', value, anchor: env.dct ? { basis: 'dct', value: env.dct, index: null } : null }
        : null;
    },
    { dayLevel: true },
  );
});

// "three years ago", "a month ago", "years ago"
rule('ago', `${B}(?:(${NUMBER_RE})[\\s-]+)?(${UNIT_RE})\\s+ago${B}`, (m) => {
  const count = m[1] ? parseQuantity(m[1]) : null;
  const unit = parseUnit(m[2] ?? '');
  if (count === undefined || !unit) return null;
  return base('relative-dct-ago', m.index, m.index + m[0].length, (env) => {
    if (count === null) return { type: 'DATE', value: 'PAST_REF' };
    if (!env.dct || !Number.isInteger(count)) return null;
    const period = unit === 'year' ? currentPeriod(env, m.index) : null;
    if (period) {
      const value = shift(period.value, -count, 'year');
      if (value)
        return {
          type: 'DATE',
          value,
          anchor: { basis: 'narrative', value: period.value, index: period.index },
          anchorRule: 'relative-comparison-period',
        };
    }
    const value = shift(formatDay(env.dctDay ?? { year: 0, month: 1, day: 1 }), -count, unit);
    return value ? { type: 'DATE', value, anchor: { basis: 'dct', value: env.dct, index: null } } : null;
  });
});

/**
 * In results reporting, "a year ago" and "the year-earlier quarter" compare with the period just named
 * ("third-quarter profit rose from a year ago"): the same quarter, a year back.
 */
function currentPeriod(env: Env, at: number): HistoryEntry | null {
  const before = at + env.base;
  for (let i = env.history.length - 1; i >= 0; i--) {
    const entry = env.history[i];
    if (!entry || before - entry.end > 250) return null;
    if (entry.comparison) continue;
    if (entry.granularity !== 'quarter' && entry.granularity !== 'half') continue;
    return env.dctDay && Number(entry.value.slice(0, 4)) >= env.dctDay.year - 1 ? entry : null;
  }
  return null;
}

// "the quarter", "the latest quarter": in results reporting, the period being reported on.
rule(
  'the-quarter',
  `${B}the\\s+(?:(latest|current|most\\s+recent|recent|just-ended|same|past|last|previous)\\s+)?(quarter|half)(?![\\w-])`,
  (m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(?:of|century)\b/i.test(after)) return null; // "the quarter of the vote", handled by `quarter` when dated
    if (/[A-Z]/.test((m[2] ?? '')[0] ?? '')) return null; // "the French Quarter"
    const half = (m[2] ?? '').toLowerCase() === 'half';
    const start = m.index;
    return base(
      'relative-reporting-period',
      start,
      m.index + m[0].length,
      (env) => {
        if (/^(?:last|previous|past)$/i.test(m[1] ?? '') && !env.dctDay) return null;
        const period = /^(?:last|previous|past)$/i.test(m[1] ?? '') ? null : currentPeriod(env, start);
        if (period && period.granularity === (half ? 'half' : 'quarter'))
          return {
            type: 'DATE',
            value: period.value,
            anchor: { basis: 'narrative', value: period.value, index: period.index },
            anchorRule: 'relative-same-period',
          };
        const dct = env.dctDay;
        if (!dct) return null;
        // The most recent complete period, unless the tense says the one still running.
        const running =
          !/^(?:last|previous|past)$/i.test(m[1] ?? '') && env.tense(start, start + m[0].length) === 'future';
        const shifted = addMonths({ ...dct, day: 1 }, running ? 0 : half ? -6 : -3);
        const value = half
          ? `${pad(shifted.year, 4)}-H${shifted.month <= 6 ? 1 : 2}`
          : `${pad(shifted.year, 4)}-Q${quarterOf(shifted.month)}`;
        return { type: 'DATE', value, anchor: { basis: 'dct', value: env.dct ?? '', index: null } };
      },
      { priority: 3 },
    );
  },
);

// Holidays with a fixed or computable date.
function easter(year: number): DayDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const n = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * n + 114) / 31);
  return { year, month, day: ((h + l - 7 * n + 114) % 31) + 1 };
}

function nthWeekday(year: number, month: number, weekday: number, n: number): DayDate {
  const first = { year, month, day: 1 };
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

const HOLIDAYS: Readonly<Record<string, (year: number) => DayDate>> = {
  'christmas eve': (year) => ({ year, month: 12, day: 24 }),
  'christmas day': (year) => ({ year, month: 12, day: 25 }),
  christmas: (year) => ({ year, month: 12, day: 25 }),
  "new year's eve": (year) => ({ year, month: 12, day: 31 }),
  "new year's day": (year) => ({ year, month: 1, day: 1 }),
  'boxing day': (year) => ({ year, month: 12, day: 26 }),
  "valentine's day": (year) => ({ year, month: 2, day: 14 }),
  halloween: (year) => ({ year, month: 10, day: 31 }),
  'thanksgiving day': (year) => nthWeekday(year, 11, 4, 4),
  thanksgiving: (year) => nthWeekday(year, 11, 4, 4),
  'easter sunday': easter,
  easter: easter,
};

rule(
  'holiday',
  `${B}(?:(last|next|this)\\s+)?(Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Boxing Day|Valentine's Day|Halloween|Thanksgiving Day|Thanksgiving|Easter Sunday|Easter)(?:\\s+(\\d{4}))?${B}`,
  (m) => {
    const relation = m[1]?.toLowerCase() ?? null;
    const name = (m[2] ?? '').toLowerCase().replace(/’/g, "'");
    const dateOf = HOLIDAYS[name];
    if (!dateOf || !/^[A-Z]/.test(m[2] ?? '')) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return base(
      'holiday',
      start,
      end,
      (env) => {
        if (m[3]) return { type: 'DATE', value: formatDay(dateOf(Number(m[3]))) };
        const dct = env.dctDay;
        if (!dct) return null;
        const candidates = [dct.year - 1, dct.year, dct.year + 1].map(dateOf);
        const dctValue = formatDay(dct);
        const past = candidates.filter((d) => formatDay(d) <= dctValue).pop();
        const future = candidates.find((d) => formatDay(d) >= dctValue);
        const tense = relation === 'last' ? 'past' : relation === 'next' ? 'future' : env.tense(start, end);
        const chosen = tense === 'future' ? future : relation === 'this' ? (candidates[1] ?? past) : past;
        return chosen
          ? {
              type: 'DATE',
              value: formatDay(chosen),
              anchor: { basis: 'dct', value: env.dct ?? '', index: null },
            }
          : null;
      },
      { dayLevel: true },
    );
  },
  'g',
);

// "the end of the year", "the start of this month": the current unit, with the part as a modifier.
rule(
  'part-of-unit',
  `${B}the\\s+(start|beginning|middle|end|close)\\s+of\\s+(?:the|this)\\s+(year|month|week|decade|century)${B}`,
  (m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^\s+(?:of|in|when)\b/i.test(after)) return null; // "the end of the year of ..." names another year
    const part = (m[1] ?? '').toLowerCase();
    const mod: TimexMod = part === 'end' || part === 'close' ? 'END' : part === 'middle' ? 'MID' : 'START';
    const unit = (m[2] ?? '').toLowerCase();
    return base('part-of-unit', m.index, m.index + m[0].length, (env) => {
      const dct = env.dctDay;
      if (!dct) return null;
      const anchor = { basis: 'dct' as const, value: env.dct ?? '', index: null };
      const value =
        unit === 'year'
          ? pad(dct.year, 4)
          : unit === 'month'
            ? formatMonth(dct.year, dct.month)
            : unit === 'week'
              ? formatWeek(dct)
              : unit === 'decade'
                ? `${pad(Math.floor(dct.year / 10), 3)}X`
                : pad(Math.floor(dct.year / 100), 2);
      return { type: 'DATE', value, mod, anchor };
    });
  },
);

// "the year-earlier quarter", "the year-ago period", "year-earlier"
rule(
  'year-earlier',
  `${B}(?:the\\s+)?year-(?:earlier|ago)(?:\\s+(?:quarter|period|level|results?))?${B}`,
  (m) => {
    const start = m.index;
    return base('relative-comparison', start, m.index + m[0].length, (env) => {
      const period = currentPeriod(env, start);
      const anchorValue = period?.value ?? (env.dctDay ? String(env.dctDay.year) : null);
      if (!anchorValue) return null;
      const value = shift(anchorValue, -1, 'year');
      if (!value) return null;
      return {
        type: 'DATE',
        value,
        anchor: { basis: period ? 'narrative' : 'dct', value: anchorValue, index: period?.index ?? null },
        anchorRule: 'relative-comparison-period',
      };
    });
  },
);

// Open references to the present, past and future (TimeBank conventions).
const REFERENCES: ReadonlyArray<readonly [string, string]> = [
  [
    'now|right now|currently|current|nowadays|these days|at present|the present|present-day|to date|so far this year',
    'PRESENT_REF',
  ],
  ['recently|formerly|the past|recent years', 'PAST_REF'],
  ['the future|the years ahead', 'FUTURE_REF'],
];
for (const [words, value] of REFERENCES) {
  rule(`ref-${value.toLowerCase()}`, `${B}(?:${words})${B}`, (m, text) => {
    const word = m[0].toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (word === 'once' && !/^\s*,/.test(after)) return null; // "once" is mostly "one time" or "as soon as"
    if (word === 'now' && /^\s*that\b/i.test(after))
      return base(
        `ref-${value.toLowerCase()}`,
        m.index,
        m.index + m[0].length,
        () => ({ type: 'DATE', value }),
        { priority: 8 },
      );
    if (
      (word === 'recent' || word === 'current' || word === 'future') &&
      /^\s+(?:years?|months?|weeks?|days?)\b/i.test(after)
    )
      return null;
    return base(
      `ref-${value.toLowerCase()}`,
      m.index,
      m.index + m[0].length,
      () => ({ type: 'DATE', value }),
      {
        priority: 8,
      },
    );
  });
}

// --- Narrative chaining: resolved against the last date in the story ------------------------

// "a day later", "A month later", "two weeks earlier", "days before", "weeks after"
rule(
  'offset',
  `${B}(?:(${NUMBER_RE})[\\s-]+)?(${UNIT_RE})\\s+(later|earlier|afterwards?|before|after|previously)${B}`,
  (m, text) => {
    const countWord = m[1];
    const count = countWord ? parseQuantity(countWord) : null;
    const unit = parseUnit(m[2] ?? '');
    const direction = (m[3] ?? '').toLowerCase();
    if (count === undefined || !unit) return null;
    const plural = /s$/i.test(m[2] ?? '');
    const vague = count === null;
    if (vague && !plural) return null;
    const backwards = direction === 'earlier' || direction === 'before' || direction === 'previously';
    // "two days before the vote": the span is the duration; the relation is the event's, not ours.
    if (!vague && (direction === 'before' || direction === 'after')) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      if (/^\s+\w/.test(after)) return null;
    }
    const start = m.index;
    const end = m.index + m[0].length;
    return base('relative-offset', start, end, (env) => {
      const period = unit === 'year' && !vague ? currentPeriod(env, start) : null;
      if (period) {
        const value = shift(period.value, backwards ? -(count ?? 0) : (count ?? 0), 'year');
        if (value)
          return {
            type: 'DATE',
            value,
            anchor: { basis: 'narrative', value: period.value, index: period.index },
            anchorRule: 'relative-comparison-period',
          };
      }
      const anchor = env.anchor(UNIT_GRANULARITY[unit], start);
      const basis: 'narrative' | 'dct' = anchor ? 'narrative' : 'dct';
      const anchorValue =
        anchor?.value ?? (env.dct ? formatDay(env.dctDay ?? { year: 0, month: 1, day: 1 }) : null);
      if (!anchorValue) return null;
      const anchorRef = { basis, value: anchorValue, index: anchor?.index ?? null };
      if (vague || !Number.isInteger(count)) {
        const value = truncate(anchorValue, unit);
        return value
          ? {
              type: 'DATE',
              value,
              mod: backwards ? 'BEFORE' : 'AFTER',
              anchor: anchorRef,
              anchorRule: 'relative-vague-offset',
            }
          : null;
      }
      const value = shift(anchorValue, backwards ? -(count ?? 0) : (count ?? 0), unit);
      return value ? { type: 'DATE', value, anchor: anchorRef, anchorRule: `relative-${unit}-offset` } : null;
    });
  },
);

// "the next day", "the following week", "the previous year", "the day before", "that day"
rule(
  'adjacent',
  `${B}(?:the\\s+(next|following|previous|preceding|same)\\s+(day|week|month|year|morning|afternoon|evening|night)|the\\s+(day|week|month|year)\\s+(before|after)|(that)\\s+(day|week|month|year|morning|afternoon|evening|night))${B}`,
  (m, text) => {
    const relation = (m[1] ?? m[4] ?? m[5] ?? '').toLowerCase();
    const unitWord = (m[2] ?? m[3] ?? m[6] ?? '').toLowerCase();
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    // "over the next year" is a stretch of time, not a date.
    if (/\b(?:over|during|within|for|in)\s+$/i.test(before) && relation === 'next') return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (
      (relation === 'before' || relation === 'after') &&
      /^\s+\w/.test(after) &&
      !/^\s+(?:it|he|she|they|that)\b/i.test(after)
    )
      return null;
    const pod = PART_OF_DAY[unitWord] ?? null;
    const unit: TimeUnit = pod ? 'day' : (parseUnit(unitWord) ?? 'day');
    const offset =
      relation === 'next' || relation === 'following' || relation === 'after'
        ? 1
        : relation === 'same' || relation === 'that'
          ? 0
          : -1;
    const start = m.index;
    const end = m.index + m[0].length;
    return base('relative-adjacent', start, end, (env) => {
      const anchor = env.anchor(UNIT_GRANULARITY[unit], start);
      const basis: 'narrative' | 'dct' = anchor ? 'narrative' : 'dct';
      const anchorValue =
        anchor?.value ?? (env.dct ? formatDay(env.dctDay ?? { year: 0, month: 1, day: 1 }) : null);
      if (!anchorValue) return null;
      const value = shift(anchorValue, offset, unit);
      if (!value) return null;
      return {
        type: pod ? 'TIME' : 'DATE',
        value: pod ? `${value}T${pod}` : value,
        anchor: { basis, value: anchorValue, index: anchor?.index ?? null },
        anchorRule: offset === 0 ? 'relative-same' : `relative-${unit}-offset`,
      };
    });
  },
);

// --- Durations -------------------------------------------------------------------------------

// "three years", "the past two months", "a three-year war", "the first nine months", "half a century"
rule(
  'duration',
  `${B}(?:(the)\\s+)?(?:(first|last|past|next|previous|coming|following|final|remaining|initial|latest|recent)\\s+)?(${NUMBER_RE})([\\s-]+)(?:(more|additional|further|full|straight|consecutive|long)\\s+)?(${UNIT_RE})(-long)?${B}`,
  (m, text) => {
    const [, the, , numberWord, separator, , unitWord, long] = m;
    const count = parseQuantity(numberWord ?? '');
    const unit = parseUnit(unitWord ?? '');
    if (count === undefined || !unit) return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^[\s-]+old\b/i.test(after) || /^\s+of\s+age\b/i.test(after)) return null; // ages are not annotated
    if (unit === 'quarter' && /^\s+of\b/i.test(after)) return null; // "three-quarters of the vote" is a fraction
    if (/\b(?:aged?|ages)\s+(?:of\s+)?$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
    const lowerNumber = (numberWord ?? '').toLowerCase();
    if ((lowerNumber === 'a' || lowerNumber === 'an') && separator?.includes('-')) return null;
    if (count === null && !the && !/^(several|a few|few|many|dozens of|a number of)$/.test(lowerNumber))
      return null;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    // "the 10-year bond": the determiner belongs to the noun the adjective modifies.
    const adjective = !!the && !!separator?.includes('-') && !m[2];
    const start = adjective ? m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0) : m.index;
    const end = m.index + m[0].length;
    // "$5 a year", "twice a week": a frequency.
    if (
      (lowerNumber === 'a' || lowerNumber === 'an' || lowerNumber === 'per') &&
      !the &&
      /(?:\d|million|billion|percent|%|times|once|twice)\s*$/i.test(before)
    ) {
      return base('set-rate', start, end, () => ({ type: 'SET', value: durationValue(1, unit) }));
    }
    const fortnight = /fortnight/i.test(unitWord ?? '');
    return base(
      long ? 'duration-long' : 'duration',
      start,
      end,
      () => ({ type: 'DURATION', value: durationValue(count, unit, fortnight) }),
      { quantity: !the, priority: 4 },
    );
  },
);

// "the past year", "the last decade", "the coming months", "week-long", "decades-long", "a busy year" (any one adjective)
rule(
  'duration-unit',
  `${B}(?:the\\s+(last|past|coming|next|previous|following|first|remaining)\\s+(${UNIT_RE})|(${UNIT_RE})-long|(?:an?|another)\\s+((?!(?:few|couple|number|lot|per|third|half|quarter|day|week|month|year)\\b)[a-z]{3,})\\s+(year|month|week|day|decade|century))${B}`,
  (m, text) => {
    const [, relation, unitA, unitLong, , unitAdj] = m;
    const unitWord = unitA ?? unitLong ?? unitAdj ?? '';
    const unit = parseUnit(unitWord);
    if (!unit) return null;
    const plural = /s$|centuries/i.test(unitWord);
    const rel = relation?.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    const stretch = /\b(?:over|during|within|for|in|throughout)\s+$/i.test(before);
    // Singular "the next/following/previous day" is a date in a story (see `adjacent`), unless it is a stretch.
    if (rel && !plural && (rel === 'next' || rel === 'following' || rel === 'previous') && !stretch)
      return null;
    if (rel === 'first' && !plural) return null;
    return base('duration', m.index, m.index + m[0].length, () => ({
      type: 'DURATION',
      value: durationValue(plural ? null : 1, unit),
    }));
  },
);

// "recent weeks", "recent months": TimeBank reads these as vague durations.
rule('duration-recent', `${B}recent\\s+(weeks|months|days|hours)${B}`, (m) => {
  const unit = parseUnit(m[1] ?? '');
  if (!unit) return null;
  return base('duration', m.index, m.index + m[0].length, () => ({
    type: 'DURATION',
    value: durationValue(null, unit),
  }));
});

// Bare plural units after a preposition: "for years", "in decades"
rule(
  'duration-vague',
  `${B}(?:for|over|in|within|after|of)\\s+(years|months|weeks|days|decades|hours)${B}(?!\\s+(?:ago|later|earlier|before|after|old)\\b)`,
  (m) => {
    const unit = parseUnit(m[1] ?? '');
    if (!unit) return null;
    const start = groupStart(m, 1);
    return base(
      'duration',
      start,
      m.index + m[0].length,
      () => ({ type: 'DURATION', value: durationValue(null, unit) }),
      {
        priority: 7,
      },
    );
  },
);

// --- Sets ------------------------------------------------------------------------------------

rule(
  'set-every',
  `${B}(every|each)\\s+(?:other\\s+)?(year|month|week|day|quarter|decade|morning|evening|night|summer|winter|spring|autumn|${WEEKDAY_RE})${B}`,
  (m) => {
    const word = (m[2] ?? '').toLowerCase();
    const every = /other/i.test(m[0]) ? 2 : 1;
    const weekday = WEEKDAYS[word];
    const season = SEASONS[word];
    const pod = PART_OF_DAY[word];
    const unit = parseUnit(word);
    let value: string | null = null;
    if (weekday) value = `XXXX-WXX-${weekday}`;
    else if (season) value = `XXXX-${season}`;
    else if (pod) value = `TXX${pod}`.replace('TXX', 'XXXX-XX-XXT');
    else if (unit) value = durationValue(every, unit);
    if (!value) return null;
    const v = value;
    return base('set', m.index, m.index + m[0].length, () => ({ type: 'SET', value: v }));
  },
);

const FREQUENCY: Readonly<Record<string, string>> = {
  annual: 'P1Y',
  annually: 'P1Y',
  yearly: 'P1Y',
  'year-round': 'P1Y',
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  monthly: 'P1M',
  quarterly: 'P3M',
  hourly: 'PT1H',
  biannual: 'P6M',
  biennial: 'P2Y',
};
rule('set-frequency', `${B}(annual|yearly|daily|nightly|weekly|monthly|hourly|biennial)${B}`, (m) => {
  const value = FREQUENCY[(m[1] ?? '').toLowerCase()];
  if (!value) return null;
  return base('set', m.index, m.index + m[0].length, () => ({ type: 'SET', value }), { priority: 7 });
});

// --- Times of day ----------------------------------------------------------------------------

rule(
  'clock',
  `${B}(?:(around|about|at|approximately)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m${B}\\.?(?:\\s+(?:[A-Z]{2,4}T|GMT|UTC|local time))?(?:,?\\s+(?:on\\s+)?(${WEEKDAY_RE}|today|yesterday|tomorrow))?`,
  (m) => {
    const [, approx, hh, mm, ampm, dayWord] = m;
    let hour = Number(hh);
    if (hour < 1 || hour > 12) return null;
    if (ampm?.toLowerCase() === 'p' && hour !== 12) hour += 12;
    if (ampm?.toLowerCase() === 'a' && hour === 12) hour = 0;
    const minute = mm ?? '00';
    const start = approx && approx.toLowerCase() !== 'at' ? m.index : groupStart(m, 2);
    const end = m.index + m[0].replace(/\s+$/, '').length;
    const mod: TimexMod | null = approx && approx.toLowerCase() !== 'at' ? 'APPROX' : null;
    return base('clock', start, end, (env) => {
      let day: string | null = null;
      const dct = env.dctDay;
      if (dayWord && dct) {
        const lower = dayWord.toLowerCase();
        const weekday = WEEKDAYS[lower];
        if (weekday) day = weekdayDate(env, weekday, null, start, end);
        else day = formatDay(addDays(dct, lower === 'yesterday' ? -1 : lower === 'tomorrow' ? 1 : 0));
      } else {
        const recent = env.anchor('day', start, 200);
        day = recent ? (recent.value.split('T')[0] ?? null) : dct ? formatDay(dct) : null;
        if (recent)
          env.implicitAnchor = {
            basis: 'narrative',
            value: recent.value,
            index: recent.index,
            rule: 'day-from-story',
          };
        else if (dct)
          env.implicitAnchor = { basis: 'dct', value: env.dct ?? '', index: null, rule: 'day-from-dct' };
      }
      const time = `T${pad(hour)}:${minute}`;
      return { type: 'TIME', value: day ? `${day}${time}` : `XXXX-XX-XX${time}`, mod };
    });
  },
);

// 24-hour clock with a zone: "15:00 GMT", "0900 GMT Saturday"
rule(
  'clock-24h',
  `${B}([01]?\\d|2[0-3]):?([0-5]\\d)\\s*(?:GMT|UTC|[A-Z]{1,3}T|hours|hrs)${B}(?:,?\\s+(?:on\\s+)?(${WEEKDAY_RE}|today|yesterday|tomorrow))?`,
  (m) => {
    const [, hh, mm, dayWord] = m;
    const start = m.index;
    const end = m.index + m[0].length;
    return base('clock', start, end, (env) => {
      const dct = env.dctDay;
      let day: string | null = null;
      if (dayWord && dct) {
        const weekday = WEEKDAYS[dayWord.toLowerCase()];
        if (weekday) day = weekdayDate(env, weekday, null, start, end);
        else
          day = formatDay(addDays(dct, /yesterday/i.test(dayWord) ? -1 : /tomorrow/i.test(dayWord) ? 1 : 0));
      } else {
        const recent = env.anchor('day', start, 200);
        day = recent ? (recent.value.split('T')[0] ?? null) : dct ? formatDay(dct) : null;
      }
      return { type: 'TIME', value: `${day ?? 'XXXX-XX-XX'}T${pad(Number(hh))}:${mm}` };
    });
  },
  'g',
);

// Years said in words, as in broadcast transcripts: "nineteen ninety-six"
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
rule('year-words', `${B}(${TEENS})[\\s-]+(${TENS})(?:[\\s-]+(${UNITS}))?${B}`, (m) => {
  const century = parseQuantity(m[1] ?? '');
  const tens = parseQuantity(m[2] ?? '');
  const units = m[3] ? parseQuantity(m[3]) : 0;
  if (!century || !tens || units === null || units === undefined) return null;
  const year = century * 100 + tens + units;
  return base('date-absolute', m.index, m.index + m[0].length, () => ({ type: 'DATE', value: pad(year, 4) }));
});

rule('noon', `${B}(noon|midnight|midday)${B}`, (m) => {
  const time = (m[1] ?? '').toLowerCase() === 'midnight' ? 'T24:00' : 'T12:00';
  const start = m.index;
  return base('clock', start, m.index + m[0].length, (env) => {
    const recent = env.anchor('day', start, 200);
    const day = recent ? (recent.value.split('T')[0] ?? null) : env.dctDay ? formatDay(env.dctDay) : null;
    return { type: 'TIME', value: `${day ?? 'XXXX-XX-XX'}${time}` };
  });
});

// ---------------------------------------------------------------------------------------------
// Modifiers that attach to a recognised expression

const DATE_PREFIX: ReadonlyArray<readonly [RegExp, TimexMod | null]> = [
  [/\b(?:early|earlier)\s+(?:on\s+|in\s+)?$/i, 'START'],
  [/\b(?:late|later)\s+(?:on\s+|in\s+)?$/i, 'END'],
  [/\bmid-?\s*(?:in\s+)?$/i, 'MID'],
  [/\bthe\s+(?:start|beginning|dawn|outset)\s+of\s+(?:the\s+)?$/i, 'START'],
  [/\bthe\s+(?:middle)\s+of\s+(?:the\s+)?$/i, 'MID'],
  [/\bthe\s+(?:end|close)\s+of\s+(?:the\s+)?$/i, 'END'],
  [/\bpost-$/i, 'AFTER'],
  [/\bpre-$/i, 'BEFORE'],
  [/\b(?:around|about|approximately|roughly|circa)\s+$/i, 'APPROX'],
];

const QUANTITY_PREFIX: ReadonlyArray<readonly [RegExp, TimexMod]> = [
  [/\b(?:more\s+than|over|upwards\s+of|longer\s+than)\s+$/i, 'MORE_THAN'],
  [/\b(?:less\s+than|under|fewer\s+than|almost|nearly|just\s+under|not\s+quite)\s+$/i, 'LESS_THAN'],
  [/\b(?:at\s+least|no\s+less\s+than|a\s+minimum\s+of)\s+$/i, 'EQUAL_OR_MORE'],
  [/\b(?:up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s+$/i, 'EQUAL_OR_LESS'],
  [/\b(?:about|around|approximately|roughly|some|an\s+estimated|nearly|close\s+to|or\s+so)\s+$/i, 'APPROX'],
];

function attachModifiers(candidate: Candidate, text: string): void {
  const before = text.slice(Math.max(0, candidate.start - 40), candidate.start);
  const table = candidate.quantity ? QUANTITY_PREFIX : DATE_PREFIX;
  if (candidate.mod === null && !candidate.rule.startsWith('ref-')) {
    for (const [pattern, mod] of table) {
      const match = pattern.exec(before);
      if (match) {
        candidate.start -= match[0].length;
        candidate.mod = mod;
        break;
      }
    }
  }
  if (candidate.dayLevel) {
    const prefix = /\b(?:the\s+)?(morning|afternoon|evening|night)\s+of\s+$/i.exec(
      text.slice(Math.max(0, candidate.start - 30), candidate.start),
    );
    if (prefix) {
      candidate.start -= prefix[0].length;
      candidate.partOfDay = PART_OF_DAY[(prefix[1] ?? '').toLowerCase()] ?? null;
      return;
    }
    const suffix = /^,?\s+(morning|afternoon|evening|night)\b/i.exec(
      text.slice(candidate.end, candidate.end + 12),
    );
    if (suffix) {
      candidate.end += suffix[0].length;
      candidate.partOfDay = PART_OF_DAY[(suffix[1] ?? '').toLowerCase()] ?? null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The tagger

/** A cheap test for text that cannot hold a time expression, so most sentences skip the rules. */
const TRIGGER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|to(?:day|night|morrow)|yesterday|now|current|recent|past|future|soon|shortly|former|previous|lately|present|to date|noon|mid|year|month|week|day|decade|centur|quarter|half|hour|minute|second|spring|summer|autumn|fall|winter|annual|daily|nightly|hourly|ago|later|earlier|next|last|every|each|once|morning|evening|afternoon|night|christmas|easter|new year|thanksgiving|halloween|valentine|boxing|\w*teen|ten|eleven|twelve|twenty)/i;

function collect(text: string, offset: number, out: Candidate[]): void {
  if (!TRIGGER.test(text)) return;
  for (const { pattern, make, need } of rules) {
    if (need && !need.test(text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const made = make(m, text);
      if (!made) continue;
      const candidate: Candidate = { ...made, mod: null, partOfDay: null, offset };
      attachModifiers(candidate, text);
      candidate.start += offset;
      candidate.end += offset;
      out.push(candidate);
    }
  }
}

function select(candidates: Candidate[], length: number): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start,
  );
  const taken = new Uint8Array(length + 1);
  const chosen: Candidate[] = [];
  for (const candidate of ordered) {
    let free = true;
    for (let i = candidate.start; i < candidate.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Paragraph-sized chunks so the trigger test can skip text without time words. */
function chunks(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start + 1);
    if (end < 0) end = text.length;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Finds and normalises the time expressions of a text. `dct` (an ISO date) anchors deictic expressions
 * ("last month"); narrative ones ("a day later") are chained to the last date mentioned before them.
 */
/** A year between a determiner and a word: "the 2014 agreement", "its 1999 constitution". */
/** "had until 1 November to leave": a deadline, not a time the story is at ("it took until 2012 to" is not one). */
export function isDeadline(text: string, start: number, end: number): boolean {
  return (
    /\b(?:until|till)\s+$/i.test(text.slice(Math.max(0, start - 7), start)) &&
    /^\s+to\s+\p{Ll}/u.test(text.slice(end, end + 8))
  );
}

function namesAThing(text: string, start: number, end: number): boolean {
  return (
    /\b(?:the|a|an|its|their|his|her|our)\s+$/i.test(text.slice(Math.max(0, start - 8), start)) &&
    /^\s+[A-Za-z]/.test(text.slice(end, end + 3)) &&
    !/^\s+(?:and|or|to|through|until)\b/i.test(text.slice(end, end + 10))
  );
}

export function tagTimexes(text: string, dct: string | null): TaggedTimex[] {
  const candidates: Candidate[] = [];
  for (const [start, end] of chunks(text)) collect(text.slice(start, end), start, candidates);
  const env = new Env(text, dct);
  const result: TaggedTimex[] = [];
  for (const candidate of select(candidates, text.length)) {
    env.base = candidate.offset;
    env.implicitAnchor = null;
    const resolved = candidate.resolve(env, candidate);
    if (!resolved) continue;
    let { type, value } = resolved;
    if (candidate.partOfDay && granularityOf(value) === 'day') {
      value = `${value}T${candidate.partOfDay}`;
      type = 'TIME';
    }
    const mod = resolved.mod ?? candidate.mod;
    const anchor: TaggedAnchor | null = resolved.anchor
      ? { ...resolved.anchor, rule: resolved.anchorRule ?? candidate.rule }
      : env.implicitAnchor;
    const index = result.length;
    result.push({
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      type,
      value,
      mod,
      anchor,
      interval: type === 'DURATION' || type === 'SET' ? null : intervalOf(value, dct),
      rule: candidate.rule,
      parts:
        resolved.parts?.map((part) => ({
          ...part,
          start: part.start + candidate.offset,
          end: part.end + candidate.offset,
        })) ?? null,
    });
    if (type === 'DATE' || type === 'TIME') {
      const last = value.includes('/') ? (value.split('/')[1] ?? value) : value;
      const granularity = granularityOf(last);
      if (granularity)
        env.history.push({
          value: last.split('T')[0] ?? last,
          index,
          end: candidate.end,
          granularity,
          comparison: anchor?.rule === 'relative-comparison-period',
          modifier:
            (/^\d{4}$/.test(value) && namesAThing(text, candidate.start, candidate.end)) ||
            isDeadline(text, candidate.start, candidate.end),
        });
    }
  }
  return result;
}
