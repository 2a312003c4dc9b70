import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DyadDocument, Finding } from '../../domain/model.js';
import { readBytes } from '../../ingest/readers/index.js';
import { findingsToGold } from './convert.js';
import { parseGoldJson } from './schema.js';
import { scoreDocument } from './score.js';

const TEXT =
  'Kim met Putin on 13 September. Trade was $113 million. Now, now. He reached Vladivostok a day later.';
const DOC_ID = 'doc1';
const document: DyadDocument = {
  kind: 'document',
  id: DOC_ID,
  title: null,
  source: null,
  publisher: null,
  published: '2023-11-05',
  retrieved: '2026-01-01T00:00:00Z',
  format: 'text',
  language: 'en',
  text: TEXT,
};
const extractor = { name: 'test', version: '1' };

function spanOf(text: string, from = 0): { docId: string; start: number; end: number } {
  const start = TEXT.indexOf(text, from);
  if (start < 0) throw new Error(`test text lacks ${text}`);
  return { docId: DOC_ID, start, end: start + text.length };
}

const base = (id: string, span: ReturnType<typeof spanOf>) => ({
  id,
  docId: DOC_ID,
  evidence: [span],
  extractor,
});

const findings: Finding[] = [
  {
    ...base('timex:1', spanOf('13 September')),
    kind: 'timex',
    text: '13 September',
    type: 'DATE',
    value: '2023-09-13',
    mod: null,
    anchor: null,
    interval: null,
  },
  {
    ...base('timex:2', spanOf('a day later')),
    kind: 'timex',
    text: 'a day later',
    type: 'DATE',
    value: '2023-09-14',
    mod: null,
    anchor: { basis: 'narrative', value: '2023-09-13', timexId: 'timex:1', rule: 'relative-day-offset' },
    interval: null,
  },
  {
    ...base('timex:3', spanOf('now', TEXT.indexOf('Now') + 1)),
    kind: 'timex',
    text: 'now',
    type: 'DATE',
    value: 'PRESENT_REF',
    mod: null,
    anchor: null,
    interval: null,
  },
  {
    ...base('event:1', spanOf('Kim met Putin')),
    kind: 'event',
    type: 'CONSULT',
    mode: 'meet',
    source: 'PRK',
    target: 'RUS',
    sourceActor: 'Kim Jong-un',
    targetActor: 'Vladimir Putin',
    date: '2023-09-13',
    location: null,
    factuality: 'asserted',
    claimedBy: null,
    origin: 'extracted',
  },
  {
    ...base('observation:1', spanOf('$113 million')),
    kind: 'observation',
    indicator: 'trade_total',
    subject: 'RUS',
    partner: 'PRK',
    period: null,
    value: 113e6,
    unit: 'USD',
    qualifier: null,
    low: null,
    high: null,
  },
  {
    ...base('claim:1', spanOf('Trade was $113 million.')),
    kind: 'claim',
    holder: 'author',
    holderText: null,
    cue: 'was',
    likelihood: 'unstated',
    proposition: null,
    about: [],
  },
  {
    ...base('itinerary:1', spanOf('He reached Vladivostok')),
    kind: 'itinerary',
    traveller: 'Kim Jong-un',
    stops: [
      {
        date: '2023-09-14',
        place: { name: 'Vladivostok', country: 'RUS', lat: 43.11, lon: 131.87 },
        what: 'arrives',
        evidence: spanOf('reached Vladivostok'),
      },
    ],
  },
];

describe('findingsToGold', () => {
  const predictions = findingsToGold(document, findings, 'doc.txt');

  it('writes every finding in the gold format with text, occurrence and offsets', () => {
    const valid = parseGoldJson(JSON.stringify(predictions), 'predictions');
    expect(valid.timexes).toHaveLength(3);
    expect(valid.timexes[1]).toMatchObject({ anchor: '13 September', evidence: 'a day later' });
    // Matching is case-sensitive: the capitalised "Now" before it is not an occurrence.
    expect(valid.timexes[2]).toMatchObject({ evidence: 'now', occurrence: 1 });
    expect(valid.events[0]).toMatchObject({ source_actor: 'Kim Jong-un', date: '2023-09-13' });
    expect(valid.claims[0]?.proposition).toBe('Trade was $113 million.');
    expect(valid.itineraries[0]?.stops[0]).toMatchObject({
      place: 'Vladivostok',
      evidence: 'reached Vladivostok',
    });
    const { start, end } = valid.observations[0]!;
    expect(TEXT.slice(start ?? 0, end ?? 0)).toBe('$113 million');
  });

  it('scores 100 % against itself, with or without the offsets', () => {
    const withoutOffsets = JSON.parse(
      JSON.stringify(predictions, (key, value) => (key === 'start' || key === 'end' ? undefined : value)),
    );
    for (const candidate of [predictions, withoutOffsets]) {
      const { scores } = scoreDocument(predictions, candidate, TEXT);
      expect(scores.timexes.strict.f1).toBe(1);
      expect(scores.events.overall.f1).toBe(1);
      expect(scores.observations.overall.f1).toBe(1);
      expect(scores.claims.overall.f1).toBe(1);
      expect(scores.itineraries.score).toBe(1);
    }
  });
});

const SHARED = fileURLToPath(new URL('../../../../shared', import.meta.url));
const GOLD = `${SHARED}/gold/dprk-russia-2023-11-05.json`;
const CORPUS = `${SHARED}/corpus/dev/dprk-russia-2023-11-05.txt`;

describe.skipIf(!existsSync(GOLD) || !existsSync(CORPUS))('the dev gold file (needs ../shared)', () => {
  it('validates, locates all its evidence and scores 100 % against itself', async () => {
    const gold = parseGoldJson(readFileSync(GOLD, 'utf8'), 'gold/dprk-russia-2023-11-05.json');
    const read = await readBytes(readFileSync(CORPUS), 'dev.txt', { maxBytes: 50_000_000 });
    if (read.kind !== 'ok') throw new Error(read.reason);
    const { scores, explanations } = scoreDocument(gold, gold, read.document.text);
    expect(explanations).toEqual([]);
    expect(scores.timexes.relaxed.f1).toBe(1);
    expect(scores.timexes.value.accuracy).toBe(1);
    expect(scores.events.overall.f1).toBe(1);
    expect(scores.events.location.accuracy).toBe(1);
    expect(scores.observations.attributes.accuracy).toBe(1);
    expect(scores.claims.holder.accuracy).toBe(1);
    expect(scores.itineraries.score).toBe(1);
  });
});
