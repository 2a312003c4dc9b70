/** Place comparison for scoring: same gazetteer entry (name and country) or within a distance. */

export const PLACE_TOLERANCE_KM = 25;

export interface PlaceLike {
  readonly name: string;
  readonly country?: string | null | undefined;
  readonly lat?: number | null | undefined;
  readonly lon?: number | null | undefined;
}

export function distanceKm(latA: number, lonA: number, latB: number, lonB: number): number {
  const radians = Math.PI / 180;
  const dLat = (latB - latA) * radians;
  const dLon = (lonB - lonA) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(latA * radians) * Math.cos(latB * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Folds case, accents, hyphens and spacing: `Rostov-on-Don` and `Rostov on Don` are one name. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function isCountryLevel(place: PlaceLike): boolean {
  return place.lat === null || place.lat === undefined || place.lon === null || place.lon === undefined;
}

/**
 * Whether a predicted place is the gold place. A gold place without coordinates names only a country and
 * accepts any predicted place in that country; otherwise the two must share name and country (the same
 * gazetteer entry) or lie within 25 km of each other.
 */
export function samePlace(gold: PlaceLike, predicted: PlaceLike): boolean {
  const goldCountry = gold.country ?? null;
  const predictedCountry = predicted.country ?? null;
  if (isCountryLevel(gold)) {
    if (goldCountry) return predictedCountry === goldCountry;
    return placeKey(gold.name) === placeKey(predicted.name);
  }
  const sameCountry = !goldCountry || !predictedCountry || goldCountry === predictedCountry;
  if (sameCountry && placeKey(gold.name) === placeKey(predicted.name)) return true;
  if (isCountryLevel(predicted)) return false;
  return (
    distanceKm(gold.lat ?? 0, gold.lon ?? 0, predicted.lat ?? 0, predicted.lon ?? 0) <= PLACE_TOLERANCE_KM
  );
}
