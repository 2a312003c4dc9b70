/**
 * The actor and place data Dyad ships, loaded once at module load into lookup structures.
 * JSON imports keep this browser-safe (Vite bundles them); no Node APIs here.
 */
import organisationsFile from '../../../data/actors/organisations.json' with { type: 'json' };
import peopleFile from '../../../data/actors/people.json' with { type: 'json' };
import statesFile from '../../../data/actors/states.json' with { type: 'json' };
import facilitiesFile from '../../../data/places/facilities.json' with { type: 'json' };
import regionsFile from '../../../data/places/regions.json' with { type: 'json' };

export type RoleCode = 'hos' | 'hog' | 'leader' | 'fm' | 'dm' | 'mil' | 'sg' | 'vp' | 'nsa';

export interface StateRecord {
  readonly id: string;
  readonly name: string;
  readonly unMember: boolean;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  readonly metonyms: readonly string[];
  readonly capital: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly successor: string | null;
}

export interface OrganisationRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly demonyms?: readonly string[];
  readonly requiresArticle?: boolean;
  readonly country?: string;
  /** Periods in which the body was a state's de facto government (ISO dates, `to` exclusive, null: ongoing). */
  readonly governs?: readonly {
    readonly country: string;
    readonly from: string;
    readonly to: string | null;
  }[];
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface Role {
  readonly country: string;
  readonly role: RoleCode;
  /** Full ISO date (partial dates in the data are padded to the first day). */
  readonly start: string;
  /** Exclusive end, full ISO date; null while in office. */
  readonly end: string | null;
}

export interface PersonRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly roles: readonly Role[];
  /** The word a text uses for the person alone: "Kim", "Putin", "de Gaulle". */
  readonly surnames: readonly string[];
}

export type PlaceKind = 'city' | 'region' | 'facility';

export interface PlaceRecord {
  readonly id: string;
  readonly name: string;
  readonly placeKind: PlaceKind;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly admin1: string | null;
}

export function padDate(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

export const STATES: readonly StateRecord[] = statesFile.states as StateRecord[];
export const STATE_BY_ID: ReadonlyMap<string, StateRecord> = new Map(STATES.map((s) => [s.id, s]));
/** Successor state → the state it continues (RUS → SUN), for metonyms used before the successor existed. */
export const PREDECESSORS: Readonly<Record<string, string>> = statesFile.predecessors as Record<
  string,
  string
>;

export const ORGANISATIONS: readonly OrganisationRecord[] =
  organisationsFile.organisations as OrganisationRecord[];
export const ORGANISATION_BY_ID: ReadonlyMap<string, OrganisationRecord> = new Map(
  ORGANISATIONS.map((o) => [o.id, o]),
);

// Name order: East Asian names put the family name first ("Kim Jong-un" is "Kim").
const FAMILY_NAME_FIRST = new Set(['CHN', 'PRK', 'KOR', 'TWN', 'VNM', 'HKG', 'MAC', 'SGP']);
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
]);
const PATRONYMIC_NAMES = new Set(['ETH', 'ERI']);
const ROYAL_TITLES = /^(?:sultan|emir|amir|king|sheikh|shaikh|prince)$/i;
const SUFFIXES = /^(?:jr\.?|sr\.?|i{1,3}|iv|v|vi{1,3}|\(.*\))$/i;

function surnamesOf(name: string, roles: readonly Role[]): string[] {
  const words = name.split(/\s+/).filter((w) => !SUFFIXES.test(w));
  if (words.length < 2) return [];
  if (roles.some((r) => FAMILY_NAME_FIRST.has(r.country))) return [words[0] as string];
  // Ethiopian and Eritrean names are a given name and the father's: no family name, so no surname key ("Ahmed" is
  // not Abiy Ahmed); the data gives each person's short form ("Abiy") as an alias.
  if (roles.some((r) => PATRONYMIC_NAMES.has(r.country))) return [];
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has((words[i - 1] as string).toLowerCase())) i--;
  const surname = words.slice(i).join(' ');
  const out = [surname];
  // Arabic patronymic names go by the given name in news, after a title: "Prince Faisal" (Faisal bin Farhan).
  // A given name that is also a title ("Sultan bin Abdulaziz") is left out: "Sultan Qaboos" names someone else.
  const given = words[0] as string;
  if (words.length > 2 && /^(?:bin|ibn|bint)$/i.test(words[1] as string) && !ROYAL_TITLES.test(given))
    out.push(given);
  const bare = surname.replace(/^(?:al|el)-/i, '');
  if (bare !== surname) out.push(bare);
  return out;
}

interface RawPerson {
  id: string;
  name: string;
  aliases: string[];
  roles: [string, string, string, string | null][];
}

export const PEOPLE: readonly PersonRecord[] = (peopleFile.people as RawPerson[]).map((p) => {
  const roles: Role[] = p.roles.map(([country, role, start, end]) => ({
    country,
    role: role as RoleCode,
    start: padDate(start),
    end: end === null ? null : padDate(end),
  }));
  return { id: p.id, name: p.name, aliases: p.aliases, roles, surnames: surnamesOf(p.name, roles) };
});
export const PERSON_BY_ID: ReadonlyMap<string, PersonRecord> = new Map(PEOPLE.map((p) => [p.id, p]));

interface RawPlace {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  lat: number;
  lon: number;
  admin1?: string;
}

function curatedPlaces(list: RawPlace[], placeKind: PlaceKind): { record: PlaceRecord; names: string[] }[] {
  return list.map((p) => ({
    record: {
      id: p.id,
      name: p.name,
      placeKind,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      population: 0,
      admin1: p.admin1 ?? null,
    },
    names: [p.name, ...p.aliases],
  }));
}

export const FACILITIES = curatedPlaces(facilitiesFile.facilities as RawPlace[], 'facility');
export const REGIONS = curatedPlaces(regionsFile.regions as RawPlace[], 'region');
