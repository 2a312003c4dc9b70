import type { DyadDocument, ExtractorRef, Finding } from '../domain/model.js';

/**
 * What every stage may consult besides the document and earlier findings.
 * Pure data: stages never do I/O, so the pipeline runs in the browser too.
 */
export interface StageContext {
  /** Document creation time as an ISO date; falls back to the document's `published`. */
  readonly dct: string | null;
}

/** One step of extraction: reads the document and what earlier stages found, returns new findings. */
export interface Stage {
  readonly extractor: ExtractorRef;
  run(document: DyadDocument, findingsSoFar: readonly Finding[], context: StageContext): readonly Finding[];
}

export interface Pipeline {
  readonly stages: readonly Stage[];
}

/** A document's pipeline version: the stages' names and versions, so a changed stage triggers re-extraction. */
export function pipelineVersion(pipeline: Pipeline): string {
  return pipeline.stages.map((stage) => `${stage.extractor.name}@${stage.extractor.version}`).join('+');
}

export function contextFor(document: DyadDocument): StageContext {
  return { dct: document.published ? document.published.slice(0, 10) : null };
}

export function runPipeline(
  pipeline: Pipeline,
  document: DyadDocument,
  context: StageContext = contextFor(document),
): Finding[] {
  const findings: Finding[] = [];
  for (const stage of pipeline.stages) {
    findings.push(...stage.run(document, findings, context));
  }
  return findings;
}

/** Deterministic finding id: kind, document, first span, and a counter for findings sharing a span. */
export function findingId(kind: Finding['kind'], docId: string, start: number, end: number, n = 0): string {
  return n === 0 ? `${kind}:${docId}:${start}-${end}` : `${kind}:${docId}:${start}-${end}:${n}`;
}
