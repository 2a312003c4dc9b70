import type { Pipeline } from './pipeline.js';
import { sentenceStage } from './sentences.js';
import { timexStage } from './time/index.js';

/** The pipeline `dyad ingest` runs, in order: each stage sees what the earlier ones found. */
export const defaultPipeline: Pipeline = {
  stages: [sentenceStage, timexStage],
};

/** Ingest without extraction: sentences only, for search. */
export const sentencesOnlyPipeline: Pipeline = { stages: [sentenceStage] };
