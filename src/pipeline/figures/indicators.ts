import type { Unit } from '../../domain/model.js';

/** Broad families of indicator, which decide how subject, partner and period are found. */
export type IndicatorFamily =
  /** Flows and stocks between two states (trade, loans, debt): the partner may come from earlier sentences. */
  | 'bilateral'
  /** Things handed over or counted (containers, drones, summits): the partner is another state in the clause. */
  | 'transfer'
  /** About one state (GDP, deaths, personnel): a partner only when the text names one with "with"/"to". */
  | 'national'
  /** Properties of a thing (distance, calibre): dated only by the clause, never by context. */
  | 'property';

interface IndicatorCue {
  readonly indicator: string;
  readonly pattern: RegExp;
  /** Which units the cue may govern. */
  readonly units: 'money' | 'percent' | 'money_or_percent' | 'any';
}

// Ordered: where two cues are equally near, the earlier (more specific) wins.
const CUES: readonly IndicatorCue[] = [
  {
    indicator: 'debt_written_off',
    pattern: /\b(?:wr(?:ote|ite|itten|iting)s? off|forg(?:ave|iven|ive)|cancell?ed)\b/i,
    units: 'money_or_percent',
  },
  {
    indicator: 'trade_share',
    pattern:
      /\b(?:of (?:its|their|the country['’]s|[A-Z][\w-]*['’]s) (?:total |foreign |overall )?trade|trade share|share of (?:its |the )?trade)\b/i,
    units: 'percent',
  },
  {
    indicator: 'defence_spending',
    pattern:
      /\b(?:on|for) (?:defen[cs]e|the military|its military|arms)\b|\b(?:defen[cs]e|military) (?:spending|budget|expenditure)\b/i,
    units: 'money_or_percent',
  },
  {
    indicator: 'gdp_share',
    pattern:
      /\bof (?:its |their |the country['’]s |national )?(?:gdp|gross domestic product|economic output)\b/i,
    units: 'percent',
  },
  { indicator: 'gdp_change', pattern: /\b(?:gdp|economy|economic output|growth)\b/i, units: 'percent' },
  { indicator: 'inflation', pattern: /\binflation\b/i, units: 'percent' },
  { indicator: 'unemployment', pattern: /\bunemployment\b/i, units: 'percent' },
  { indicator: 'exports', pattern: /\bexport(?:s|ed)?\b/i, units: 'money_or_percent' },
  { indicator: 'imports', pattern: /\bimport(?:s|ed)?\b/i, units: 'money_or_percent' },
  { indicator: 'trade_total', pattern: /\b(?:trade|turnover|commerce)\b/i, units: 'money' },
  {
    indicator: 'gdp',
    pattern: /\b(?:gdp|gross domestic product|economy|economic output)\b/i,
    units: 'money',
  },
  { indicator: 'debt', pattern: /\b(?:debts?|owed|owes|arrears|indebted)\b/i, units: 'money_or_percent' },
  { indicator: 'investment', pattern: /\b(?:invest(?:ment|ments|ed|s)?|FDI)\b/i, units: 'money' },
  {
    indicator: 'loan',
    pattern: /\b(?:loans?|lent|lends?|lending|credit line|line of credit)\b/i,
    units: 'money',
  },
  { indicator: 'aid', pattern: /\b(?:aid|assistance|grants?|donat(?:ed|ion|ions))\b/i, units: 'money' },
  {
    indicator: 'defence_spending',
    pattern: /\b(?:defen[cs]e|military) (?:spending|budget|expenditure)\b/i,
    units: 'money_or_percent',
  },
  { indicator: 'budget', pattern: /\bbudget\b/i, units: 'money' },
  { indicator: 'sales', pattern: /\b(?:sales?|sold|deal|contract)\b/i, units: 'money' },
  { indicator: 'revenue', pattern: /\b(?:revenues?|earn(?:ed|ings|s))\b/i, units: 'money' },
  {
    indicator: 'deaths',
    pattern: /\b(?:killed|died|dead|deaths?|fatalities|perished|lost their lives)\b/i,
    units: 'any',
  },
  { indicator: 'injured', pattern: /\b(?:injured|wounded)\b/i, units: 'any' },
  { indicator: 'displaced', pattern: /\b(?:displaced|refugees|fled)\b/i, units: 'any' },
];

const NOUN_INDICATORS: Readonly<Record<string, string>> = {
  shipments: 'shipment_count',
  deliveries: 'shipment_count',
  consignments: 'shipment_count',
  strong: 'personnel',
  troops: 'personnel',
  soldiers: 'personnel',
  personnel: 'personnel',
  staff: 'personnel',
  servicemen: 'personnel',
  workers: 'workers',
  casualties: 'casualties',
  refugees: 'displaced',
};

const WEAPON_NOUN =
  /^\s*(?:[\w-]+\s+){0,2}(?:artillery|rounds?|shells?|guns?|howitzers?|mortars?|cannons?|ammunition|calibre|caliber|rifles?|munitions?)\b/i;

const DEFENCE_AFTER = /\b(?:on|for) (?:defen[cs]e|the military|its military|arms)\b/i;

export function isMoney(unit: Unit): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/**
 * The indicator a quantity measures, from the words of its clause.
 * `before` is the clause text before the number, `after` the text after the quantity (parentheticals blanked).
 */
export function chooseIndicator(
  unit: Unit,
  noun: string | null,
  before: string,
  after: string,
): string | null {
  if (unit === 'km' || unit === 'm') return 'distance';
  if (unit === 'mm') return WEAPON_NOUN.test(after) ? 'calibre' : 'length';
  if (unit === 't' || unit === 'kg') return nounAfter(after) ?? 'weight';
  if (unit === 'barrels') return 'oil_volume';
  const nearest = nearestCue(unit, before, after);
  // "2% of GDP on defence": a share of GDP spent on something is that spending.
  const cue =
    nearest === 'gdp_share' && DEFENCE_AFTER.test(after.slice(0, 60)) ? 'defence_spending' : nearest;
  if (unit === 'count' || unit === 'people') {
    if (cue === 'deaths' || cue === 'injured' || cue === 'displaced') {
      if (
        noun === null ||
        unit === 'people' ||
        noun === 'civilians' ||
        noun === 'soldiers' ||
        noun === 'troops'
      )
        return cue;
    }
    if (noun) return NOUN_INDICATORS[noun] ?? snake(noun);
    return cue;
  }
  return cue;
}

function nearestCue(unit: Unit, before: string, after: string): string | null {
  let best: { indicator: string; distance: number } | null = null;
  const money = isMoney(unit);
  const percent = unit === 'percent';
  const people = unit === 'count' || unit === 'people';
  for (const cue of CUES) {
    const fits =
      cue.units === 'any'
        ? people
        : cue.units === 'money'
          ? money
          : cue.units === 'percent'
            ? percent
            : money || percent;
    if (!fits) continue;
    for (const match of before.matchAll(new RegExp(cue.pattern.source, 'gi'))) {
      const distance = before.length - ((match.index ?? 0) + match[0].length);
      if (!best || distance < best.distance) best = { indicator: cue.indicator, distance };
    }
    // A cue right after the figure governs it: "a US$3bn loan", "$5m in exports", "97% of its trade".
    // Casualty verbs come after the whole subject: "Twenty soldiers and four officers were killed".
    const afterMatch = new RegExp(cue.pattern.source, 'i').exec(
      after.slice(0, cue.units === 'any' ? 90 : 40),
    );
    if (afterMatch) {
      const distance = (afterMatch.index ?? 0) / 2;
      if (!best || distance < best.distance) best = { indicator: cue.indicator, distance };
    }
  }
  return best?.indicator ?? null;
}

function nounAfter(after: string): string | null {
  const match = /^\s*(?:of\s+)?(?:[a-z-]+\s+)?([a-z]+s)\b/.exec(after);
  return match?.[1] ? snake(match[1]) : null;
}

function snake(words: string): string {
  return words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const DECLINE =
  /\b(?:declin(?:ed|es|ing)|fell|fall(?:en|s)?|dropp?(?:ed|s)?|shr(?:ank|unk|inks)|contract(?:ed|s)|decreas(?:ed|es)|plung(?:ed|es)|slump(?:ed|s)|down)\b(?:\s+by)?\s*$/i;

const CHANGE =
  /\b(?:rose|rise[sn]?|risen|grew|grow(?:s|n)?|increas(?:ed|es)|jump(?:ed|s)|surg(?:ed|es)|climb(?:ed|s)|soar(?:ed|s)|up|fell|fall(?:en|s)?|declin(?:ed|es)|dropp?(?:ed|s)?|shr(?:ank|unk|inks)|contract(?:ed|s)|decreas(?:ed|es)|plung(?:ed|es)|slump(?:ed|s)|down)\b(?:\s+(?:by|some|about|around|nearly|almost))?\s*$/i;

/** "rose 26.3%", "declined by 49.2%": a percentage that is a change of some level. */
export function isChange(before: string, after = ''): boolean {
  return CHANGE.test(before.slice(-40)) || CHANGE_NOUN_AFTER.test(after);
}

const CHANGE_NOUN_AFTER =
  /^\s*(?:increase|rise|jump|growth|gain|surge|decrease|decline|drop|fall|reduction|cut|contraction)\b/i;
const DECLINE_NOUN_AFTER = /^\s*(?:decrease|decline|drop|fall|reduction|cut|contraction)\b/i;

/** "declined by 49.2%": the change is negative. */
export function isDecline(before: string, after = ''): boolean {
  return DECLINE.test(before.slice(-40)) || DECLINE_NOUN_AFTER.test(after);
}

const FAMILIES: Readonly<Record<string, IndicatorFamily>> = {
  distance: 'property',
  calibre: 'property',
  length: 'property',
  deaths: 'national',
  injured: 'national',
  displaced: 'national',
  personnel: 'national',
  gdp: 'national',
  gdp_change: 'national',
  inflation: 'national',
  unemployment: 'national',
};

export function indicatorFamily(indicator: string, unit: Unit): IndicatorFamily {
  const known = FAMILIES[indicator];
  if (known) return known;
  if (isMoney(unit) || unit === 'percent') return 'bilateral';
  return 'transfer';
}

/** The level an indicator of change is a change of: gdp_change → gdp. */
export function levelOf(indicator: string): string {
  return indicator.endsWith('_change') ? indicator.slice(0, -'_change'.length) : indicator;
}
