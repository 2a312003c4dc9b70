import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DyadDocument, Mention } from '../../src/domain/model.js';
import { ORGANISATION_BY_ID, STATE_BY_ID } from '../../src/pipeline/actors/data.js';
import { actorStage, personName, squash } from '../../src/pipeline/actors/index.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const NAME = 'dprk-russia-2023-11-05';

interface GoldEvent {
  source: string | null;
  target: string | null;
  source_actor?: string | null;
  target_actor?: string | null;
}
interface GoldStop {
  place: string;
  country: string;
  lat: number | null;
  lon: number | null;
  date: string;
}
interface Gold {
  dct: string;
  events: GoldEvent[];
  itineraries: { traveller: string; stops: GoldStop[] }[];
}

function kmBetween(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function namesOf(entityId: string): string[] {
  const person = personName(entityId);
  if (person) return [person];
  const org = ORGANISATION_BY_ID.get(entityId);
  if (org) return [org.name, ...org.aliases];
  return [];
}

describe.skipIf(!existsSync(SHARED))(`actors on the development document (${NAME})`, () => {
  // Vitest runs a skipped suite's body to collect its tests, so the files are read only when present.
  const present = existsSync(SHARED);
  const text = present ? readFileSync(`${SHARED}/corpus/dev/${NAME}.txt`, 'utf8') : '';
  const gold = JSON.parse(
    present
      ? readFileSync(`${SHARED}/gold/${NAME}.json`, 'utf8')
      : '{"dct":null,"events":[],"itineraries":[]}',
  ) as Gold;
  const document: DyadDocument = {
    kind: 'document',
    id: 'dev',
    title: null,
    source: null,
    publisher: null,
    published: gold.dct,
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text,
  };
  const mentions = actorStage
    .run(document, [], { dct: gold.dct })
    .filter((f): f is Mention => f.kind === 'mention');

  it('recognises and resolves every actor of the gold events', () => {
    const codes = new Set<string>();
    const actors = new Set<string>();
    for (const e of gold.events) {
      for (const code of [e.source, e.target]) if (code) codes.add(code);
      for (const name of [e.source_actor, e.target_actor]) if (name) actors.add(name);
    }
    const found = new Set(mentions.map((m) => m.entityId).filter((id): id is string => id !== null));
    const missingCodes = [...codes].filter((c) => !found.has(c));
    const foundNames = new Set([...found].flatMap((id) => namesOf(id).map(squash)));
    const missingActors = [...actors].filter((a) => !foundNames.has(squash(a)));
    const recall =
      (codes.size + actors.size - missingCodes.length - missingActors.length) / (codes.size + actors.size);
    console.log(
      `gold event actors: ${codes.size} codes, ${actors.size} named actors; recall ${(recall * 100).toFixed(1)}%`,
      missingCodes,
      missingActors,
    );
    expect(missingCodes).toEqual([]);
    expect(missingActors).toEqual([]);
  });

  it('recognises every stop of the gold itinerary with coordinates within 25 km', () => {
    const stops = gold.itineraries.flatMap((i) => i.stops);
    const missing = stops.filter((stop) =>
      stop.lat === null || stop.lon === null
        ? !mentions.some((m) => m.mentionType === 'state' && m.entityId === stop.country)
        : !mentions.some(
            (m) =>
              m.lat !== null &&
              m.lon !== null &&
              m.country === stop.country &&
              (m.mentionType === 'place' || m.mentionType === 'facility') &&
              kmBetween(m.lat, m.lon, stop.lat as number, stop.lon as number) <= 25,
          ),
    );
    console.log(`itinerary stops recognised: ${stops.length - missing.length}/${stops.length}`);
    expect(missing.map((s) => s.place)).toEqual([]);
  });

  it('never resolves a state name to another state', () => {
    const confused = mentions.filter((m) => {
      if (m.mentionType !== 'state' || m.entityId === null || m.resolution === 'metonym') return false;
      const state = STATE_BY_ID.get(m.entityId);
      const forms = [...(state?.aliases ?? []), ...(state?.demonyms ?? [])].map(squash);
      return !forms.includes(squash(m.text));
    });
    expect(confused.map((m) => `${m.text} -> ${m.entityId}`)).toEqual([]);
    const korea = mentions.filter((m) => /North Korea|DPRK/.test(m.text) && m.mentionType === 'state');
    expect(new Set(korea.map((m) => m.entityId))).toEqual(new Set(['PRK']));
    const south = mentions.filter((m) => /South Korea/.test(m.text) && m.mentionType === 'state');
    expect(new Set(south.map((m) => m.entityId))).toEqual(new Set(['KOR']));
  });

  it('resolves most person mentions (names, surnames, titles) to a person id', () => {
    const people = mentions.filter((m) => m.mentionType === 'person');
    const resolved = people.filter((m) => m.entityId !== null);
    console.log(`person mentions resolved: ${resolved.length}/${people.length}`);
    expect(resolved.length / people.length).toBeGreaterThan(0.95);
    const kims = mentions.filter((m) => m.text === 'Kim' && m.entityId !== 'kim-jong-un');
    // "Kim" alone is Kim Jong-un in 2023, except in the 1950 passage about his grandfather
    expect(kims.map((m) => m.entityId)).toEqual(['kim-il-sung']);
  });
});
