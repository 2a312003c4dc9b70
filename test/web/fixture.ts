/**
 * Hand-built documents and findings that exercise every workbench view before the extraction stages land.
 * The text is written here for the tests; every finding's evidence is located in it by search, not by offset.
 */
import type {
  Claim,
  DyadDocument,
  DyadEvent,
  Finding,
  Itinerary,
  Mention,
  Observation,
  Place,
  Span,
  Timex,
} from '../../src/domain/model.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import type { Store } from '../../src/store/store.js';

export const FIXTURE_TEXT = [
  'On 3 March 2024 the foreign ministers of Russia and North Korea met in Moscow and agreed to expand rail links.',
  'Two weeks later Russia delivered wheat to North Korea.',
  'In April 2024 North Korea accused the United States of provoking tension near the border.',
  'Officials in Seoul said Pyongyang had likely shipped artillery shells to Russia.',
  'Trade between Russia and North Korea reached 34 million dollars in 2023, up from 2 million dollars in 2022.',
  'The delegation left Moscow on 5 May 2024, stopped in Vladivostok on 7 May and arrived in Pyongyang on 9 May.',
].join(' ');

export const FIXTURE_DOC_ID = 'f1x7e0000000a001';

const EXTRACTOR = { name: 'fixture', version: '1' } as const;

export const PLACES: Record<string, Place> = {
  Moscow: { name: 'Moscow', country: 'RUS', lat: 55.7558, lon: 37.6173 },
  Vladivostok: { name: 'Vladivostok', country: 'RUS', lat: 43.1155, lon: 131.8855 },
  Pyongyang: { name: 'Pyongyang', country: 'PRK', lat: 39.0392, lon: 125.7625 },
};

/** The span of the `nth` occurrence of `needle` in the fixture text; throws when absent so a typo fails loudly. */
export function spanOf(needle: string, nth = 0, text = FIXTURE_TEXT, docId = FIXTURE_DOC_ID): Span {
  let from = 0;
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, from);
    if (index < 0) throw new Error(`fixture text has no '${needle}' #${nth}`);
    from = index + 1;
  }
  return { docId, start: index, end: index + needle.length };
}

function base(kind: Finding['kind'], span: Span, n = 0) {
  return {
    id: `${kind}:${span.docId}:${span.start}-${span.end}${n ? `:${n}` : ''}`,
    docId: span.docId,
    evidence: [span],
    extractor: EXTRACTOR,
  };
}

function timex(text: string, value: string, extra: Partial<Timex> = {}): Timex {
  return {
    ...base('timex', spanOf(text)),
    kind: 'timex',
    text,
    type: 'DATE',
    value,
    mod: null,
    anchor: null,
    interval: null,
    ...extra,
  };
}

function mention(text: string, nth: number, entityId: string, mentionType: Mention['mentionType']): Mention {
  const place = PLACES[text];
  return {
    ...base('mention', spanOf(text, nth)),
    kind: 'mention',
    text,
    mentionType,
    entityId,
    country: place?.country ?? entityId,
    candidates: [{ id: entityId, score: 1 }],
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    resolution: 'alias',
  };
}

function event(
  clause: string,
  type: string,
  source: string,
  target: string,
  date: string,
  extra: Partial<DyadEvent> = {},
): DyadEvent {
  return {
    ...base('event', spanOf(clause)),
    kind: 'event',
    type,
    mode: null,
    source,
    target,
    sourceActor: null,
    targetActor: null,
    date,
    location: null,
    factuality: 'asserted',
    claimedBy: null,
    origin: 'extracted',
    ...extra,
  };
}

export function fixtureDocument(): DyadDocument {
  return {
    kind: 'document',
    id: FIXTURE_DOC_ID,
    title: 'Fixture: Russia and North Korea, spring 2024',
    source: 'test/web/fixture.ts',
    publisher: 'Dyad tests',
    published: '2024-05-10',
    retrieved: '2026-01-01T00:00:00.000Z',
    format: 'text',
    language: 'en',
    text: FIXTURE_TEXT,
  };
}

export function fixtureFindings(): Finding[] {
  const document = fixtureDocument();
  const sentences = sentenceStage.run(document, [], { dct: '2024-05-10' });
  const shipped = event(
    'Pyongyang had likely shipped artillery shells to Russia',
    'AID',
    'PRK',
    'RUS',
    '2024-04',
    {
      mode: 'military',
      factuality: 'claimed',
      claimedBy: 'KOR',
    },
  );
  const agreed = event('agreed to expand rail links', 'AGREE', 'RUS', 'PRK', '2024-03-03', {
    location: PLACES.Moscow ?? null,
  });
  const claim: Claim = {
    ...base(
      'claim',
      spanOf('Officials in Seoul said Pyongyang had likely shipped artillery shells to Russia'),
    ),
    kind: 'claim',
    holder: 'KOR',
    holderText: 'Officials in Seoul',
    cue: 'said',
    likelihood: 'likely',
    proposition: spanOf('Pyongyang had likely shipped artillery shells to Russia'),
    about: [shipped.id],
  };
  const itinerary: Itinerary = {
    ...base('itinerary', spanOf('The delegation left Moscow on 5 May 2024')),
    kind: 'itinerary',
    traveller: 'RUS delegation',
    stops: [
      { date: '2024-05-05', place: PLACES.Moscow as Place, what: 'departs', evidence: spanOf('left Moscow') },
      {
        date: '2024-05-07',
        place: PLACES.Vladivostok as Place,
        what: 'visits',
        evidence: spanOf('stopped in Vladivostok'),
      },
      {
        date: '2024-05-09',
        place: PLACES.Pyongyang as Place,
        what: 'arrives',
        evidence: spanOf('arrived in Pyongyang'),
      },
    ],
  };
  const trade = (valueText: string, period: string, value: number): Observation => ({
    ...base('observation', spanOf(valueText)),
    kind: 'observation',
    indicator: 'trade',
    subject: 'RUS',
    partner: 'PRK',
    period,
    value,
    unit: 'USD',
    qualifier: null,
    low: null,
    high: null,
  });
  return [
    ...sentences,
    timex('3 March 2024', '2024-03-03', { interval: { earliest: '2024-03-03', latest: '2024-03-03' } }),
    timex('Two weeks later', '2024-03-17', {
      anchor: { basis: 'narrative', value: '2024-03-03', timexId: null, rule: 'relative-week-offset' },
      interval: { earliest: '2024-03-17', latest: '2024-03-17' },
    }),
    timex('April 2024', '2024-04', { interval: { earliest: '2024-04-01', latest: '2024-04-30' } }),
    mention('Russia', 0, 'RUS', 'state'),
    mention('North Korea', 0, 'PRK', 'state'),
    mention('United States', 0, 'USA', 'state'),
    mention('Moscow', 0, 'Moscow', 'place'),
    agreed,
    event('Russia delivered wheat to North Korea', 'AID', 'RUS', 'PRK', '2024-03-17', { mode: 'economic' }),
    event('North Korea accused the United States', 'ACCUSE', 'PRK', 'USA', '2024-04'),
    shipped,
    event('arrived in Pyongyang', 'CONSULT', 'RUS', 'PRK', '2024-05-09', {
      location: PLACES.Pyongyang ?? null,
    }),
    trade('34 million dollars', '2023', 34_000_000),
    trade('2 million dollars', '2022', 2_000_000),
    claim,
    itinerary,
  ];
}

/** Writes the fixture document and its findings into `store`. */
export async function writeFixture(store: Store): Promise<void> {
  await store.writeDocument(fixtureDocument(), fixtureFindings(), 'fixture@1');
}
