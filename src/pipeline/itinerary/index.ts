/**
 * The itinerary stage: the ordered stops of each travelling person, from movement triggers
 * (left, entered, crossed, reached, arrived, visited, toured, stopped at, returned to, travelled to).
 * Pure and browser-safe; reuses the event stage's trigger and argument analysis.
 */
import type {
  DyadDocument,
  Finding,
  Itinerary,
  ItineraryStop,
  Mention,
  Place,
  Span,
} from '../../domain/model.js';
import { placeOf } from '../events/actors.js';
import { type AnalysedEvent, type AnalyseOptions, analyseDocument } from '../events/analyse.js';
import { topicDyad } from '../events/dyad.js';
import type { Movement } from '../events/lexicon.js';
import { findingId, type Stage } from '../pipeline.js';

export const ITINERARY_EXTRACTOR = { name: 'itinerary', version: '1' } as const;

const STOP_WORDS: Readonly<Record<Movement, string>> = {
  departs: 'departs',
  enters: 'enters',
  arrives: 'arrives',
  visits: 'visits',
  returns: 'returns',
  travels: 'arrives',
};

/** Stops further apart than this belong to different trips of the same traveller. */
const TRIP_GAP_DAYS = 45;

export function createItineraryStage(options: AnalyseOptions = {}): Stage {
  return {
    extractor: ITINERARY_EXTRACTOR,
    run(document: DyadDocument, findingsSoFar: readonly Finding[]): Finding[] {
      return extractItineraries(document, findingsSoFar, options);
    },
  };
}

export const itineraryStage: Stage = createItineraryStage();

interface DraftStop extends ItineraryStop {
  readonly traveller: string;
}

export function extractItineraries(
  document: DyadDocument,
  findings: readonly Finding[],
  options: AnalyseOptions = {},
): Itinerary[] {
  const analysed = analyseDocument(document, findings, { ...options, dyad: topicDyad(findings) });
  const current = new Map<string, Place>();
  const stops: DraftStop[] = [];
  for (const item of analysed) {
    const movement = item.match.entry.movement;
    if (!movement || item.factuality.factuality !== 'asserted') continue;
    const traveller = item.sources.find((p) => p.person !== null)?.person;
    if (!traveller) continue;
    const place = destinationOf(item) ?? (movement === 'visits' ? (current.get(traveller) ?? null) : null);
    if (!place) continue;
    current.set(traveller, place);
    stops.push({
      traveller,
      date: item.date,
      place,
      what: STOP_WORDS[movement],
      evidence: { docId: document.id, start: item.match.start, end: stopEnd(item) },
    });
  }
  const itineraries: Itinerary[] = [];
  const travellers = [...new Set(stops.map((s) => s.traveller))];
  for (const traveller of travellers) {
    for (const trip of splitTrips(stops.filter((s) => s.traveller === traveller))) {
      if (trip.length < 2) continue;
      const first = trip[0] as DraftStop;
      const evidence: Span[] = trip.map((s) => s.evidence);
      const n = itineraries.filter((i) => i.evidence[0]?.start === first.evidence.start).length;
      itineraries.push({
        kind: 'itinerary',
        id: findingId('itinerary', document.id, first.evidence.start, first.evidence.end, n),
        docId: document.id,
        evidence,
        extractor: ITINERARY_EXTRACTOR,
        traveller,
        stops: trip.map(({ traveller: _t, ...stop }) => stop),
      });
    }
  }
  return itineraries;
}

/** Where the movement leads: a place or facility object, else a state object (a country-level stop). */
function destinationOf(item: AnalysedEvent): Place | null {
  if (item.place) return placeOf(item.place);
  const target = item.targets[0];
  if (!target) return null;
  if (target.isPlace) return placeOf(target.mention);
  if (target.mention.mentionType === 'state' && target.code) return countryPlace(target.mention, target.code);
  return null;
}

function countryPlace(mention: Mention, code: string): Place {
  return { name: mention.text, country: code, lat: null, lon: null };
}

function stopEnd(item: AnalysedEvent): number {
  const ends = [item.match.end];
  const placeSpan = item.place?.evidence[0] ?? item.targets[0]?.mention.evidence[0];
  if (placeSpan && placeSpan.end <= item.sentence.end && placeSpan.start >= item.match.start)
    ends.push(placeSpan.end);
  return Math.max(...ends);
}

function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1')) / 86_400_000;
}

/** Consecutive stops stay one trip across paragraphs until the dates jump by more than a few weeks. */
function splitTrips(stops: readonly DraftStop[]): DraftStop[][] {
  const trips: DraftStop[][] = [];
  let trip: DraftStop[] = [];
  let lastDay: number | null = null;
  for (const stop of stops) {
    const day = dayNumber(stop.date);
    if (day !== null && lastDay !== null && Math.abs(day - lastDay) > TRIP_GAP_DAYS) {
      trips.push(trip);
      trip = [];
    }
    trip.push(stop);
    if (day !== null) lastDay = day;
  }
  if (trip.length > 0) trips.push(trip);
  return trips;
}
