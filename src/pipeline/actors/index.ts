/**
 * Actors and places: recognition and resolution to stable identities (extractor `actors`).
 * `actorStage` carries the bundled gazetteer (cities ≥ 15,000 inhabitants and capitals, `data/places/cities-*.json`);
 * `createActorStage({ gazetteer })` takes another one, e.g. the full GeoNames set from `src/gazetteer/`.
 */
import cities1 from '../../../data/places/cities-1.json' with { type: 'json' };
import cities2 from '../../../data/places/cities-2.json' with { type: 'json' };
import { buildGazetteer, type CityRow, type Gazetteer } from './gazetteer.js';
import { createActorStage } from './stage.js';

export type { PersonRecord, PlaceRecord, Role, RoleCode, StateRecord } from './data.js';
export { ORGANISATION_BY_ID, PEOPLE, STATE_BY_ID, STATES } from './data.js';
export { buildGazetteer, type CityRow, type Gazetteer } from './gazetteer.js';
export { squash } from './normalize.js';
export { countryOf, holdersOf, lookupPerson, personName } from './people.js';
export { ACTORS_EXTRACTOR, type ActorStageOptions, createActorStage } from './stage.js';

let bundled: Gazetteer | null = null;
/** The gazetteer shipped in `data/places/cities-*.json`, built on first use. */
export function bundledGazetteer(): Gazetteer {
  bundled ??= buildGazetteer([...cities1.rows, ...cities2.rows] as unknown as CityRow[]);
  return bundled;
}

export const actorStage = createActorStage({ gazetteer: bundledGazetteer() });
