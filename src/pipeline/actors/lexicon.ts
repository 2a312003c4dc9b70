/**
 * The name lexicon: every alias, demonym, seat of power, person name, surname and curated place, keyed by
 * `squash(name)`, built once at module load. Cities come from an injected gazetteer and are looked up separately.
 */
import {
  FACILITIES,
  ORGANISATIONS,
  PEOPLE,
  type PlaceRecord,
  REGIONS,
  type RoleCode,
  STATE_BY_ID,
  STATES,
} from './data.js';
import { squash } from './normalize.js';

export type LexiconEntry =
  | {
      readonly kind: 'state';
      readonly id: string;
      readonly form: 'alias' | 'demonym' | 'metonym';
      /** Where the seat of power is (for metonyms) or the capital (for names). */
      readonly lat: number;
      readonly lon: number;
      /** The metonym is the state's capital city (so it may also be a place). */
      readonly isCapital: boolean;
      readonly caps: boolean;
    }
  | {
      readonly kind: 'organisation';
      readonly id: string;
      readonly form: 'alias' | 'demonym';
      readonly requiresArticle: boolean;
      readonly caps: boolean;
    }
  | { readonly kind: 'person'; readonly id: string; readonly caps: boolean }
  | { readonly kind: 'surname'; readonly ids: readonly string[]; readonly caps: boolean }
  | { readonly kind: 'place'; readonly place: PlaceRecord; readonly caps: boolean };

const HAS_LOWER = /\p{Ll}/u;

function isCapsAlias(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && !HAS_LOWER.test(letters);
}

function build(): Map<string, LexiconEntry[]> {
  const index = new Map<string, LexiconEntry[]>();
  const add = (name: string, entry: LexiconEntry): void => {
    const key = squash(name);
    if (key.length === 0) return;
    const list = index.get(key);
    if (!list) index.set(key, [entry]);
    else if (!list.some((e) => sameEntry(e, entry))) list.push(entry);
  };
  for (const s of STATES) {
    for (const a of s.aliases) {
      add(a, {
        kind: 'state',
        id: s.id,
        form: 'alias',
        lat: s.lat,
        lon: s.lon,
        isCapital: false,
        caps: isCapsAlias(a),
      });
    }
    for (const d of s.demonyms) {
      add(d, {
        kind: 'state',
        id: s.id,
        form: 'demonym',
        lat: s.lat,
        lon: s.lon,
        isCapital: false,
        caps: isCapsAlias(d),
      });
    }
    for (const m of s.metonyms) {
      const isCapital = s.capital !== null && squash(m) === squash(s.capital);
      const facility = FACILITIES.find((f) => f.names.some((n) => squash(n) === squash(m)));
      add(m, {
        kind: 'state',
        id: s.id,
        form: 'metonym',
        lat: facility?.record.lat ?? s.lat,
        lon: facility?.record.lon ?? s.lon,
        isCapital,
        caps: isCapsAlias(m),
      });
    }
  }
  for (const o of ORGANISATIONS) {
    for (const a of o.aliases) {
      add(a, {
        kind: 'organisation',
        id: o.id,
        form: 'alias',
        requiresArticle: o.requiresArticle ?? false,
        caps: isCapsAlias(a),
      });
    }
    for (const d of o.demonyms ?? []) {
      add(d, { kind: 'organisation', id: o.id, form: 'demonym', requiresArticle: false, caps: false });
    }
  }
  const surnames = new Map<string, Set<string>>();
  for (const p of PEOPLE) {
    for (const name of [p.name, ...p.aliases])
      add(name, { kind: 'person', id: p.id, caps: isCapsAlias(name) });
    for (const s of p.surnames) {
      const key = squash(s);
      if (key.length < 2) continue;
      const set = surnames.get(key) ?? new Set<string>();
      set.add(p.id);
      surnames.set(key, set);
    }
  }
  for (const [key, ids] of surnames) {
    const list = index.get(key) ?? [];
    // A full alias that is also someone's surname ("Lula") stays a name.
    if (!list.some((e) => e.kind === 'person')) list.push({ kind: 'surname', ids: [...ids], caps: false });
    index.set(key, list);
  }
  for (const { record, names } of [...FACILITIES, ...REGIONS]) {
    for (const n of names) add(n, { kind: 'place', place: record, caps: isCapsAlias(n) });
  }
  // Shared names ("American", "French", "Dutch") belong to the UN member first, not to a territory.
  for (const list of index.values()) {
    if (list.length > 1) list.sort((x, y) => memberRank(y) - memberRank(x));
  }
  return index;
}

function memberRank(entry: LexiconEntry): number {
  if (entry.kind !== 'state') return 0;
  return STATE_BY_ID.get(entry.id)?.unMember ? 2 : 1;
}

function sameEntry(a: LexiconEntry, b: LexiconEntry): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'state':
      return b.kind === 'state' && a.id === b.id && a.form === b.form;
    case 'organisation':
      return b.kind === 'organisation' && a.id === b.id && a.form === b.form;
    case 'person':
      return b.kind === 'person' && a.id === b.id;
    case 'surname':
      return false;
    case 'place':
      return b.kind === 'place' && a.place.id === b.place.id;
  }
}

export const LEXICON: ReadonlyMap<string, readonly LexiconEntry[]> = build();

/** Titles of office, keyed by squashed words; `null` role marks a rank or honorific that only cues a person. */
const TITLE_LIST: readonly [string, RoleCode | null][] = [
  ['president', 'hos'],
  ['head of state', 'hos'],
  ['king', 'hos'],
  ['queen', 'hos'],
  ['emperor', 'hos'],
  ['monarch', 'hos'],
  ['emir', 'hos'],
  ['sultan', 'hos'],
  ['prime minister', 'hog'],
  ['premier', 'hog'],
  ['chancellor', 'hog'],
  ['leader', 'leader'],
  ['supreme leader', 'leader'],
  ['general secretary', 'leader'],
  ['party chief', 'leader'],
  ['foreign minister', 'fm'],
  ['minister of foreign affairs', 'fm'],
  ['foreign affairs minister', 'fm'],
  ['foreign secretary', 'fm'],
  ['secretary of state', 'fm'],
  ['top diplomat', 'fm'],
  ['defence minister', 'dm'],
  ['defense minister', 'dm'],
  ['minister of defence', 'dm'],
  ['minister of defense', 'dm'],
  ['minister of national defense', 'dm'],
  ['defence secretary', 'dm'],
  ['defense secretary', 'dm'],
  ['secretary of defense', 'dm'],
  ['secretary of defence', 'dm'],
  ['chief of the general staff', 'mil'],
  ['chief of general staff', 'mil'],
  ['chairman of the joint chiefs of staff', 'mil'],
  ['chairman of the joint chiefs', 'mil'],
  ['secretary general', 'sg'],
  ['vice president', 'vp'],
  ['national security adviser', 'nsa'],
  ['national security advisor', 'nsa'],
  ['security adviser', 'nsa'],
  ['secretary of the security council', 'nsa'],
  ['security council secretary', 'nsa'],
  ['crown prince', null],
  ['prince', null],
  ['princess', null],
  ['sheikh', null],
  ['general', null],
  ['gen', null],
  ['marshal', null],
  ['admiral', null],
  ['colonel', null],
  ['minister', null],
  ['ambassador', null],
  ['senator', null],
  ['mr', null],
  ['mrs', null],
  ['ms', null],
  ['dr', null],
];

/** A word of an office's title, for names the actor data lacks ("Foreign Ministry Spokesman Jan Holm"). */
export const TITLE_WORD =
  /^(?:national|security|foreign|defen[cs]e|ministry|prime|deputy|vice|first|secretary|minister|president|adviser|advisor|general|director|spokes(?:man|woman|person)|ambassador|envoy|chief|senator|governor|admiral|colonel|chairman|chair|leader|supreme|commander|state|affairs|interior|finance|special|representative|press|officer|mr|mrs|ms|dr)\.?$/i;

export const TITLES: ReadonlyMap<string, RoleCode | null> = new Map(
  TITLE_LIST.map(([t, r]) => [squash(t), r]),
);
/** First words of titles, so the title scan skips every other token cheaply. */
export const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(
  TITLE_LIST.map(([t]) => squash(t.split(/[\s-]+/)[0] ?? '')),
);
export const MAX_TITLE_TOKENS = 7;
export const MAX_NAME_TOKENS = 7;
