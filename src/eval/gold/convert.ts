import type {
  Claim,
  DyadDocument,
  DyadEvent,
  Finding,
  Itinerary,
  Observation,
  Span,
  Timex,
} from '../../domain/model.js';
import { occurrenceOf, type SearchableText, searchable } from './locate.js';
import type { GoldClaim, GoldEvent, GoldFile, GoldItinerary, GoldObservation, GoldTimex } from './schema.js';

/**
 * Dyad's findings in the gold format, so any scorer can check them. Each item carries its evidence text,
 * the `occurrence` that text has in the document, and the exact `start`/`end` offsets Dyad found.
 */
export function findingsToGold(
  document: DyadDocument,
  findings: readonly Finding[],
  documentName: string,
): GoldFile {
  const doc = searchable(document.text);
  const timexTexts = new Map<string, string>();
  for (const finding of findings) if (finding.kind === 'timex') timexTexts.set(finding.id, finding.text);
  const out = {
    timexes: [] as GoldTimex[],
    events: [] as GoldEvent[],
    observations: [] as GoldObservation[],
    claims: [] as GoldClaim[],
    itineraries: [] as GoldItinerary[],
  };
  for (const finding of findings) {
    switch (finding.kind) {
      case 'sentence':
      case 'mention':
        break;
      case 'timex':
        out.timexes.push(timexToGold(doc, finding, timexTexts));
        break;
      case 'event':
        out.events.push(eventToGold(doc, finding));
        break;
      case 'observation':
        out.observations.push(observationToGold(doc, finding));
        break;
      case 'claim':
        out.claims.push(claimToGold(doc, finding));
        break;
      case 'itinerary':
        out.itineraries.push(itineraryToGold(doc, finding));
        break;
      default: {
        const unreachable: never = finding;
        throw new Error(`unknown finding ${String(unreachable)}`);
      }
    }
  }
  return { document: documentName, dct: document.published?.slice(0, 10) ?? null, ...out };
}

interface EvidenceFields {
  readonly evidence: string;
  readonly occurrence: number;
  readonly start: number;
  readonly end: number;
}

function evidenceOf(doc: SearchableText, span: Pick<Span, 'start' | 'end'> | undefined): EvidenceFields {
  const start = span?.start ?? 0;
  const end = span?.end ?? 0;
  return { evidence: doc.text.slice(start, end), occurrence: occurrenceOf(doc, { start, end }), start, end };
}

function timexToGold(doc: SearchableText, timex: Timex, timexTexts: ReadonlyMap<string, string>): GoldTimex {
  const anchorText = timex.anchor?.timexId ? (timexTexts.get(timex.anchor.timexId) ?? null) : null;
  return {
    text: timex.text,
    type: timex.type,
    value: timex.value,
    ...(timex.mod ? { mod: timex.mod } : {}),
    ...(anchorText ? { anchor: anchorText } : {}),
    ...evidenceOf(doc, timex.evidence[0]),
  };
}

function eventToGold(doc: SearchableText, event: DyadEvent): GoldEvent {
  return {
    type: event.type,
    ...(event.mode ? { mode: event.mode } : {}),
    source: event.source,
    target: event.target,
    ...(event.sourceActor ? { source_actor: event.sourceActor } : {}),
    ...(event.targetActor ? { target_actor: event.targetActor } : {}),
    date: event.date,
    ...(event.location
      ? {
          location: {
            name: event.location.name,
            country: event.location.country,
            lat: event.location.lat,
            lon: event.location.lon,
          },
        }
      : {}),
    factuality: event.factuality,
    ...(event.claimedBy ? { claimed_by: event.claimedBy } : {}),
    ...evidenceOf(doc, event.evidence[0]),
  };
}

function observationToGold(doc: SearchableText, observation: Observation): GoldObservation {
  return {
    indicator: observation.indicator,
    subject: observation.subject,
    partner: observation.partner,
    period: observation.period,
    value: observation.value,
    unit: observation.unit,
    ...(observation.qualifier ? { qualifier: observation.qualifier } : {}),
    ...(observation.low !== null ? { low: observation.low } : {}),
    ...(observation.high !== null ? { high: observation.high } : {}),
    ...evidenceOf(doc, observation.evidence[0]),
  };
}

function claimToGold(doc: SearchableText, claim: Claim): GoldClaim {
  const evidence = evidenceOf(doc, claim.evidence[0]);
  const proposition = claim.proposition
    ? doc.text.slice(claim.proposition.start, claim.proposition.end)
    : evidence.evidence;
  return {
    holder: claim.holder,
    ...(claim.holderText ? { holder_text: claim.holderText } : {}),
    proposition,
    cue: claim.cue,
    likelihood: claim.likelihood,
    ...evidence,
  };
}

function itineraryToGold(doc: SearchableText, itinerary: Itinerary): GoldItinerary {
  return {
    traveller: itinerary.traveller,
    stops: itinerary.stops.map((stop) => ({
      date: stop.date,
      place: stop.place.name,
      country: stop.place.country,
      lat: stop.place.lat,
      lon: stop.place.lon,
      what: stop.what,
      ...evidenceOf(doc, stop.evidence),
    })),
  };
}
