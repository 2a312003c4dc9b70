import type { Qualifier, Unit } from '../../domain/model.js';
import { CARDINAL_WORDS } from '../number-words.js';

/** A number found in text, normalised to base units, before its meaning is known. */
export interface Quantity {
  /** Offsets into the scanned text, covering qualifier, currency, number, scale and unit. */
  readonly start: number;
  readonly end: number;
  /** Where the number itself starts (after any qualifier words). */
  readonly numberStart: number;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly unit: Unit;
  readonly qualifier: Qualifier | null;
  /** The counted noun for counts ("containers"), or a unit-bearing adjective ("strong"); lower case. */
  readonly noun: string | null;
}

interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN_PATTERN =
  /US\$|[A-Z]{1,2}\$|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:['’][A-Za-z]+)?|[^\s\w]/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return tokens;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  US$: 'USD',
  $: 'USD',
  A$: 'AUD',
  C$: 'CAD',
  HK$: 'HKD',
  NZ$: 'NZD',
  S$: 'SGD',
  '€': 'EUR',
  '£': 'GBP',
  // ¥ is written for both yen and yuan; yen is the more common reading in English-language reporting.
  '¥': 'JPY',
  '₩': 'KRW',
  '₽': 'RUB',
  '₹': 'INR',
};

const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'CNY', 'RUB', 'INR', 'RMB', 'AUD', 'CAD']);

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  won: 'KRW',
  ruble: 'RUB',
  rubles: 'RUB',
  rouble: 'RUB',
  roubles: 'RUB',
  rupee: 'INR',
  rupees: 'INR',
};

const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};

// Physical units: the unit Dyad stores and the factor to it.
const UNITS: Readonly<Record<string, { unit: Unit; factor: number }>> = {
  km: { unit: 'km', factor: 1 },
  kms: { unit: 'km', factor: 1 },
  kilometre: { unit: 'km', factor: 1 },
  kilometres: { unit: 'km', factor: 1 },
  kilometer: { unit: 'km', factor: 1 },
  kilometers: { unit: 'km', factor: 1 },
  mile: { unit: 'km', factor: 1.609344 },
  miles: { unit: 'km', factor: 1.609344 },
  metre: { unit: 'm', factor: 1 },
  metres: { unit: 'm', factor: 1 },
  meter: { unit: 'm', factor: 1 },
  meters: { unit: 'm', factor: 1 },
  mm: { unit: 'mm', factor: 1 },
  millimetre: { unit: 'mm', factor: 1 },
  millimetres: { unit: 'mm', factor: 1 },
  millimeter: { unit: 'mm', factor: 1 },
  millimeters: { unit: 'mm', factor: 1 },
  cm: { unit: 'mm', factor: 10 },
  tonnes: { unit: 't', factor: 1 },
  tonne: { unit: 't', factor: 1 },
  tons: { unit: 't', factor: 1 },
  kg: { unit: 'kg', factor: 1 },
  barrels: { unit: 'barrels', factor: 1 },
};

const SMALL_NUMBERS = CARDINAL_WORDS;

// Plural round numbers ("hundreds of", "tens of thousands"): the least value the plural allows.
const VAGUE_PLURALS: Readonly<Record<string, number>> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  billions: 2e9,
};

// "one" and "two" are mostly determiners ("one can", "the two leaders"); they count only with a scale.
const DETERMINER_NUMBERS = new Set(['one', 'two']);

const TIME_UNITS = new Set(
  'year years yr yrs month months week weeks day days hour hours minute minutes second seconds decade decades century centuries am pm gmt utc bc ad bce ce'.split(
    ' ',
  ),
);

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

// Words after which a number is a label, not a quantity.
const LABEL_WORDS = new Set(
  'no nos number figure fig table chart page pages p pp chapter section article resolution paragraph para item phase round level grade class type model version route highway flight'.split(
    ' ',
  ),
);

// Plural nouns that count abstractions rather than things in the world.
const ABSTRACT_NOUNS = new Set(
  'times ways kinds types sorts categories areas aspects things reasons fronts sides options issues points respects factors steps stages parts elements words occasions cases terms questions lessons goals levels tiers directions'.split(
    ' ',
  ),
);

const IRREGULAR_PLURALS = new Set(
  'people men women children personnel police staff aircraft cattle sheep fish deer'.split(' '),
);

// Counted nouns that count people: the figure's unit is `people`, not `count`.
const PEOPLE_NOUNS = new Set(
  'people men women children personnel police staff persons troops soldiers civilians refugees migrants workers residents prisoners casualties servicemen fighters officers volunteers labourers laborers students tourists'.split(
    ' ',
  ),
);

const FUNCTION_WORDS = new Set(
  'of the a an and or but to in on at by for with from as than that which who whom whose this these those its their his her our your my have has had is are was were be been being will would could should may might can do does did not no'.split(
    ' ',
  ),
);

const QUALIFIER_PHRASES: readonly { readonly pattern: RegExp; readonly qualifier: Qualifier }[] = [
  {
    pattern:
      /\b(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|not less than|a minimum of|minimum of)\s*$/i,
    qualifier: 'at_least',
  },
  {
    pattern:
      /\b(?:nearly|almost|up to|less than|fewer than|under|no more than|not more than|a maximum of|as many as|as much as|just under|just short of|at most)\s*$/i,
    qualifier: 'at_most',
  },
  {
    pattern:
      /(?:\b(?:some|about|around|approximately|roughly|circa|an estimated|estimated|close to|or so|nigh on|c\.)|~)\s*$/i,
    qualifier: 'about',
  },
  {
    pattern: /\b(?:notional|nominal|notionally|nominally)\b[\w\s]{0,40}?\b(?:of\s+)?$/i,
    qualifier: 'notional',
  },
];

/** Finds every quantity in `text`: money, percentages, physical measures and counts of things. */
export function findQuantities(text: string): Quantity[] {
  const tokens = tokenize(text);
  const found: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const parsed = parseAt(text, tokens, i);
    if (parsed) {
      found.push(parsed.quantity);
      i = parsed.next;
    } else i++;
  }
  return found;
}

interface NumberParse {
  readonly value: number;
  readonly next: number;
  readonly vague: boolean;
  readonly word: boolean;
  /** A scale word was part of the number ("half a million", "3 billion"). */
  readonly scaled: boolean;
}

function parseAt(
  text: string,
  tokens: readonly Token[],
  index: number,
): { quantity: Quantity; next: number } | null {
  let i = index;
  let currency: string | null = null;
  const first = tokens[i];
  if (!first) return null;
  const symbol = CURRENCY_SYMBOLS[first.text];
  if (symbol) {
    currency = symbol;
    i++;
  } else if (CURRENCY_CODES.has(first.text) && tokens[i + 1] && /^\d/.test(tokens[i + 1]?.text ?? '')) {
    currency = first.text === 'RMB' ? 'CNY' : first.text;
    i++;
  }
  const numberToken = tokens[i];
  if (!numberToken) return null;
  if (currency && numberToken.start - (tokens[i - 1]?.end ?? 0) > 1) return null;
  const number = parseNumber(tokens, i);
  if (!number) return null;
  if (isLabelOrCode(text, tokens, i)) return null;
  const scaleAbbreviationsAllowed = currency !== null || number.word;
  let next = number.next;
  let value = number.value;
  let low: number | null = null;
  let high: number | null = null;
  const firstScale = scaleAt(tokens, next, scaleAbbreviationsAllowed);
  if (firstScale) {
    value *= firstScale.factor;
    next = firstScale.next;
  }
  // "$10-11 billion", "between 3 and 5 million", "10 to 12 km": a range; "from X to Y" is two figures.
  const range = rangeAt(text, tokens, index, next, scaleAbbreviationsAllowed);
  if (range && !number.vague) {
    const lowValue = firstScale ? value : number.value * range.scale;
    if (range.high > lowValue) {
      low = lowValue;
      high = range.high;
      value = (low + high) / 2;
      next = range.next;
    }
  }
  let unit: Unit | null = currency;
  let noun: string | null = null;
  const after = tokens[next];
  const adjacent = after && after.start === tokens[next - 1]?.end;
  // The tokens naming a measure: "200 km", or "the 162-kilometre railway" (a measure used as a modifier).
  const measureTokens = !after
    ? 0
    : UNITS[after.lower] && (adjacent || after.lower.length > 2 || /^[a-z]/.test(after.text))
      ? 1
      : after.text === '-' && adjacent && UNITS[tokens[next + 1]?.lower ?? '']
        ? 2
        : 0;
  if (!unit && after) {
    if (after.text === '%') {
      unit = 'percent';
      next++;
    } else if (after.lower === 'percent' || (after.lower === 'per' && tokens[next + 1]?.lower === 'cent')) {
      unit = 'percent';
      next += after.lower === 'per' ? 2 : 1;
      if (tokens[next]?.lower === 'points' || tokens[next]?.lower === 'point') return null;
    } else if (CURRENCY_WORDS[after.lower] || CURRENCY_CODES.has(after.text)) {
      unit = CURRENCY_WORDS[after.lower] ?? (after.text === 'RMB' ? 'CNY' : after.text);
      next++;
    } else if (measureTokens > 0) {
      const measure = UNITS[tokens[next + measureTokens - 1]?.lower ?? ''];
      if (measure) {
        unit = measure.unit;
        value *= measure.factor;
        if (low !== null) low *= measure.factor;
        if (high !== null) high *= measure.factor;
        next += measureTokens;
      }
    } else if ((after.text === '-' || after.text === '–') && tokens[next + 1]?.lower === 'strong') {
      unit = 'people';
      noun = 'strong';
      next += 2;
    } else if (TIME_UNITS.has(after.lower) || MONTHS.has(after.lower)) {
      return null;
    }
  }
  if (unit === 'percent') {
    value /= 100;
    if (low !== null) low /= 100;
    if (high !== null) high /= 100;
  }
  if (!unit) {
    if (number.word && DETERMINER_NUMBERS.has(tokens[index]?.lower ?? '') && !number.scaled && !firstScale)
      return null;
    if (precededByMonth(tokens, index) || /^(?:st|nd|rd|th)$/i.test(after?.text ?? '')) return null;
    // "one in five households": a ratio, not a count.
    const numberAt = tokens[index]?.start ?? 0;
    if (/\b(?:one|\d+)\s+in\s+$/i.test(text.slice(Math.max(0, numberAt - 8), numberAt))) return null;
    noun = countedNoun(tokens, next);
    if (!noun) return null;
    if (isYear(tokens[index]?.text ?? '', number) && !firstScale) return null;
    // "2.5 million Syrians": a plural demonym counts people.
    const nounToken = tokens.slice(next, next + 4).find((t) => t.lower === noun);
    const demonym = nounToken !== undefined && /^[A-Z][a-z]+(?:ans|ese|is|ers)$/.test(nounToken.text);
    unit = PEOPLE_NOUNS.has(noun) || demonym ? 'people' : 'count';
  }
  const numberStart = tokens[index]?.start ?? 0;
  const qualifierFound = qualifierBefore(text.slice(Math.max(0, numberStart - 60), numberStart));
  const qualifier: Qualifier | null =
    qualifierFound?.qualifier ?? (low !== null ? 'about' : number.vague ? 'at_least' : null);
  const start = qualifierFound ? numberStart - qualifierFound.length : numberStart;
  const endToken = tokens[next - 1];
  return {
    quantity: {
      start,
      end: endToken?.end ?? numberToken.end,
      numberStart,
      value: round(value),
      low: low === null ? null : round(low),
      high: high === null ? null : round(high),
      unit,
      qualifier,
      noun,
    },
    next,
  };
}

function rangeAt(
  text: string,
  tokens: readonly Token[],
  firstIndex: number,
  index: number,
  scaleAbbreviationsAllowed: boolean,
): { high: number; scale: number; next: number } | null {
  const separator = tokens[index];
  if (!separator) return null;
  const before = text.slice(0, tokens[firstIndex]?.start ?? 0);
  if (/\bfrom\s+(?:\S{1,3}\s*)?$/i.test(before)) return null;
  const between = /\bbetween\s+(?:\S{1,3}\s*)?$/i.test(before);
  const dash =
    (separator.text === '-' || separator.text === '–') &&
    separator.start - (tokens[index - 1]?.end ?? 0) <= 1;
  if (!dash && separator.lower !== 'to' && !(between && separator.lower === 'and')) return null;
  let j = index + 1;
  if (CURRENCY_SYMBOLS[tokens[j]?.text ?? '']) j++;
  const second = parseNumber(tokens, j);
  if (!second || second.vague) return null;
  const scale = scaleAt(tokens, second.next, scaleAbbreviationsAllowed);
  const factor = scale?.factor ?? 1;
  return { high: second.value * factor, scale: factor, next: scale ? scale.next : second.next };
}

function round(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

function parseNumber(tokens: readonly Token[], index: number): NumberParse | null {
  const token = tokens[index];
  if (!token) return null;
  if (/^\d/.test(token.text)) {
    return {
      value: Number(token.text.replace(/,/g, '')),
      next: index + 1,
      vague: false,
      word: false,
      scaled: false,
    };
  }
  const lower = token.lower;
  const nextLower = tokens[index + 1]?.lower;
  // "half a million", "a quarter of a billion", "half a dozen"
  if (lower === 'half' || lower === 'quarter') {
    const fraction = lower === 'half' ? 0.5 : 0.25;
    let j = index + 1;
    if (tokens[j]?.lower === 'of') j++;
    if (tokens[j]?.lower !== 'a') return null;
    const scaleWord = tokens[j + 1]?.lower ?? '';
    const factor = scaleWord === 'dozen' ? 12 : (SCALES[scaleWord] ?? 0);
    if (factor < 12 || scaleWord.length < 4) return null;
    return { value: fraction * factor, next: j + 2, vague: false, word: true, scaled: true };
  }
  if (
    lower === 'a' &&
    nextLower &&
    (nextLower === 'dozen' || ['hundred', 'thousand', 'million', 'billion'].includes(nextLower))
  ) {
    const value = nextLower === 'dozen' ? 12 : nextLower === 'hundred' ? 100 : (SCALES[nextLower] ?? 1);
    return { value, next: index + 2, vague: false, word: true, scaled: nextLower !== 'dozen' };
  }
  // "tens of thousands", "hundreds of thousands", "thousands of"
  if (lower === 'tens' || VAGUE_PLURALS[lower] !== undefined) {
    let value = lower === 'tens' ? 10 : (VAGUE_PLURALS[lower] ?? 0);
    let j = index + 1;
    if (tokens[j]?.lower === 'of' && VAGUE_PLURALS[tokens[j + 1]?.lower ?? ''] !== undefined) {
      value *= (VAGUE_PLURALS[tokens[j + 1]?.lower ?? ''] ?? 0) / 2;
      j += 2;
    } else if (lower === 'tens') return null;
    if (tokens[j]?.lower !== 'of') return null;
    return { value, next: j + 1, vague: true, word: true, scaled: true };
  }
  if (SMALL_NUMBERS[lower] === undefined || lower === 'dozen') return null;
  let value = SMALL_NUMBERS[lower] ?? 0;
  let j = index + 1;
  // "twenty-five", "twenty five"
  if (
    value >= 20 &&
    value % 10 === 0 &&
    tokens[j]?.text === '-' &&
    (SMALL_NUMBERS[tokens[j + 1]?.lower ?? ''] ?? 10) < 10
  ) {
    value += SMALL_NUMBERS[tokens[j + 1]?.lower ?? ''] ?? 0;
    j += 2;
  }
  let scaled = false;
  if (tokens[j]?.lower === 'hundred') {
    value *= 100;
    j++;
    scaled = true;
  }
  if (tokens[j]?.lower === 'dozen') {
    value *= 12;
    j++;
  }
  return { value, next: j, vague: false, word: true, scaled };
}

function scaleAt(
  tokens: readonly Token[],
  index: number,
  abbreviationsAllowed: boolean,
): { factor: number; next: number } | null {
  const token = tokens[index];
  if (!token) return null;
  const factor = SCALES[token.lower];
  if (factor === undefined) return null;
  const adjacent = token.start === tokens[index - 1]?.end;
  // Short forms are scales only glued to a number or after a currency: "US$3bn", "5m people"; "200 m" is metres.
  if (token.lower.length <= 3 && token.lower !== 'k') {
    if (!adjacent && !(abbreviationsAllowed && token.lower.length >= 2)) return null;
    if (!abbreviationsAllowed && (token.lower === 'm' || token.lower === 'b')) return null;
  }
  if (token.lower === 'k' && !adjacent) return null;
  return { factor, next: index + 1 };
}

function countedNoun(tokens: readonly Token[], index: number): string | null {
  for (let j = index; j < Math.min(tokens.length, index + 4); j++) {
    const token = tokens[j];
    if (!token || !/^[a-z]/i.test(token.text)) return null;
    if (j > index && token.start - (tokens[j - 1]?.end ?? 0) > 1) return null;
    const lower = token.lower;
    if (FUNCTION_WORDS.has(lower) || TIME_UNITS.has(lower) || MONTHS.has(lower)) return null;
    if (isPlural(lower)) {
      // A compound's head is its last plural: "special forces soldiers" counts soldiers.
      let head = lower;
      for (let k = j + 1; k < Math.min(tokens.length, j + 3); k++) {
        const next = tokens[k];
        if (!next || next.start - (tokens[k - 1]?.end ?? 0) > 1 || !PEOPLE_NOUNS.has(next.lower)) break;
        head = next.lower;
      }
      return ABSTRACT_NOUNS.has(head) ? null : head;
    }
  }
  return null;
}

function isPlural(word: string): boolean {
  return (
    IRREGULAR_PLURALS.has(word) || (/[^s]s$/.test(word) && word.length > 3 && !/(?:ous|ss|is|us)$/.test(word))
  );
}

function isYear(text: string, number: NumberParse): boolean {
  return !number.word && /^\d{4}$/.test(text) && Number(text) >= 1800 && Number(text) <= 2100;
}

function precededByMonth(tokens: readonly Token[], index: number): boolean {
  return MONTHS.has(tokens[index - 1]?.lower ?? '') && tokens[index - 1]?.lower !== 'may';
}

// "MiG-29", "KN-25", "Figure 1", "No. 5", "38th": identifiers, not amounts.
function isLabelOrCode(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token) return true;
  const before = text.slice(Math.max(0, token.start - 2), token.start);
  if (/[A-Za-z][-‐]$/.test(before) || /[A-Za-z]$/.test(before)) return true;
  const nextToken = tokens[index + 1];
  if (nextToken && nextToken.start === token.end && /^[-‐]$/.test(nextToken.text)) {
    const afterHyphen = tokens[index + 2];
    if (afterHyphen && /^[A-Z]{1,3}$/.test(afterHyphen.text)) return true;
  }
  let k = index - 1;
  if (tokens[k]?.text === '.') k--;
  return LABEL_WORDS.has(tokens[k]?.lower ?? '') && /^\d/.test(token.text);
}

function qualifierBefore(before: string): { qualifier: Qualifier; length: number } | null {
  for (const { pattern, qualifier } of QUALIFIER_PHRASES) {
    const match = pattern.exec(before);
    if (match) {
      // A notional figure keeps its span on the number; only the adverb-like qualifiers widen it.
      const length = qualifier === 'notional' ? 0 : before.length - (match.index ?? before.length);
      return { qualifier, length: Math.max(length, 0) };
    }
  }
  return null;
}
