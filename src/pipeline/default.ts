import type { Pipeline } from './pipeline.js';
import { sentenceStage } from './sentences.js';

/** The pipeline `dyad ingest` runs. Later stages (time, actors, events, figures, claims) append here. */
export const defaultPipeline: Pipeline = {
  stages: [sentenceStage],
};

/** Ingest without extraction: sentences only, for search. */
export const sentencesOnlyPipeline: Pipeline = { stages: [sentenceStage] };
