import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Dyad's own code tables, written by data/codes/generate.ts (see data/codes/SOURCE.md). */
export interface CameoCode {
  readonly name: string | null;
  readonly quad: number;
  readonly goldstein: number | null;
  readonly goldsteinIcews: number | null;
  readonly plover: string | null;
  readonly mode: string | null;
}

export interface CodeTables {
  readonly cameo: ReadonlyMap<string, CameoCode>;
  readonly ploverDefaults: Readonly<Record<string, number>>;
  readonly fipsToIso3: ReadonlyMap<string, string>;
  readonly iso3: ReadonlySet<string>;
  /** Lower-cased, accent-free country name → ISO alpha-3. */
  readonly countryByName: ReadonlyMap<string, string>;
  /** ISO 3166 numeric (no leading zeros) → ISO alpha-3. */
  readonly countryByNumeric: ReadonlyMap<string, string>;
  readonly acledPlover: Readonly<Record<string, { plover: string | null; mode: string | null }>>;
}

// From src/importers (tsx) or dist/src/importers (built), the tables sit in the package's data/codes.
function codesDir(): string {
  for (const relative of ['../../data/codes/', '../../../data/codes/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}cameo.json`)) return dir;
  }
  throw new Error('data/codes/cameo.json not found; the package is incomplete');
}

let tables: CodeTables | null = null;

export function codeTables(): CodeTables {
  if (tables) return tables;
  const dir = codesDir();
  const read = (name: string) => JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
  const cameo = read('cameo.json') as {
    codes: Record<string, CameoCode>;
    ploverDefaults: Record<string, number>;
  };
  const fips = read('fips-iso3.json') as Record<string, string>;
  const countries = read('countries.json') as {
    iso3: string[];
    byName: Record<string, string>;
    byNumeric: Record<string, string>;
  };
  const acled = read('acled-plover.json') as {
    subEventTypes: Record<string, { plover: string | null; mode: string | null }>;
  };
  tables = {
    cameo: new Map(Object.entries(cameo.codes)),
    ploverDefaults: cameo.ploverDefaults,
    fipsToIso3: new Map(Object.entries(fips)),
    iso3: new Set(countries.iso3),
    countryByName: new Map(Object.entries(countries.byName)),
    countryByNumeric: new Map(Object.entries(countries.byNumeric)),
    acledPlover: acled.subEventTypes,
  };
  return tables;
}

export function normaliseCountryName(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').trim();
}

/** yyyymmdd of a valid calendar-ish date, or null. */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!(year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return year * 10000 + month * 100 + day;
}
