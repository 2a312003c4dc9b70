import { actorStage } from './actors/index.js';
import { claimStage } from './claims/index.js';
import { eventStage } from './events/index.js';
import { figureStage } from './figures/index.js';
import { itineraryStage } from './itinerary/index.js';
import type { Pipeline } from './pipeline.js';
import { sentenceStage } from './sentences.js';
import { timexStage } from './time/index.js';

/**
 * The pipeline `dyad ingest` runs, in order: each stage sees what the earlier ones found. Actors use the
 * dates of time expressions; events use both; itineraries are built from movement events; claims link
 * to the events and figures inside their propositions.
 */
export const defaultPipeline: Pipeline = {
  stages: [sentenceStage, timexStage, actorStage, eventStage, itineraryStage, figureStage, claimStage],
};

/** Sentences only: the cheapest pipeline that still makes findings (tests and benchmarks use it). */
export const sentencesOnlyPipeline: Pipeline = { stages: [sentenceStage] };

/**
 * Ingest without extraction (`dyad ingest --no-extract`): the document is stored and searchable, with no
 * findings; `dyad ingest --reextract` extracts later.
 */
export const noExtractionPipeline: Pipeline = { stages: [] };
