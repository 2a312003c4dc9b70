import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { DyadDocument } from '../../domain/model.js';
import { normalizePublished } from '../../ingest/dates.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/reader.js';
import { readBytes } from '../../ingest/readers/index.js';
import { documentId } from '../../orchestrate/ingest.js';
import { contextFor, type Pipeline, pipelineVersion, runPipeline } from '../../pipeline/pipeline.js';
import { findingsToGold } from './convert.js';
import { MATCHING_METHOD } from './matching.js';
import { type DocumentReport, type GoldReport, headlineOf, type SkippedGold } from './report.js';
import { type GoldFile, parseGoldJson } from './schema.js';
import { checkGoldAgainstText, scoreDocument, sumLayerScores } from './score.js';

export interface EvalGoldOptions {
  readonly goldDir: string;
  readonly corpusDir: string;
  readonly pipeline: Pipeline;
  /** Keep every miss, false positive and wrong attribute in the report. */
  readonly explain?: boolean;
  /** Write the predictions, one `X.json` per document in the gold format, into this folder. */
  readonly predictionsOut?: string;
}

const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.html'];

/**
 * Runs the pipeline on each document that has a gold file and scores it. A gold file that fails validation,
 * or whose evidence is not in its document, rejects the whole run with the file and the item named.
 */
export async function evalGold(options: EvalGoldOptions): Promise<GoldReport> {
  const goldFiles = (await readdir(options.goldDir)).filter((name) => extname(name) === '.json').sort();
  const corpusFiles = new Set(await readdir(options.corpusDir));
  const goldFolder = basename(options.goldDir.replace(/[\\/]+$/, '')) || options.goldDir;
  const documents: DocumentReport[] = [];
  const skipped: SkippedGold[] = [];
  if (options.predictionsOut) await mkdir(options.predictionsOut, { recursive: true });
  // Every gold file is read and checked against its document before any extraction runs, so a bad file
  // fails the run at once, naming the item.
  const cases: {
    goldName: string;
    label: string;
    gold: GoldFile;
    documentName: string;
    document: DyadDocument;
  }[] = [];
  for (const goldName of goldFiles) {
    const label = `${goldFolder}/${goldName}`;
    const gold = parseGoldJson(await readFile(join(options.goldDir, goldName), 'utf8'), label);
    const stem = goldName.slice(0, -'.json'.length);
    const candidates = [gold.document, ...DOCUMENT_EXTENSIONS.map((ext) => `${stem}${ext}`)];
    const documentName = candidates.find((name) => corpusFiles.has(name));
    if (!documentName) {
      skipped.push({
        gold: goldName,
        reason: `no ${[...new Set(candidates)].join(' / ')} in ${options.corpusDir}`,
      });
      continue;
    }
    const bytes = await readFile(join(options.corpusDir, documentName));
    const read = await readBytes(bytes, documentName, { maxBytes: DEFAULT_MAX_BYTES });
    if (read.kind === 'failed') {
      skipped.push({ gold: goldName, reason: `${documentName}: ${read.reason}` });
      continue;
    }
    checkGoldAgainstText(gold, read.document.text, label);
    const document: DyadDocument = {
      kind: 'document',
      id: documentId(read.document.text),
      title: read.document.metadata.title ?? stem,
      source: join(options.corpusDir, documentName),
      publisher: read.document.metadata.publisher ?? null,
      published: normalizePublished(read.document.metadata.published ?? null) ?? gold.dct ?? null,
      retrieved: new Date().toISOString(),
      format: read.document.format,
      language: read.document.metadata.language ?? 'en',
      text: read.document.text,
    };
    cases.push({ goldName, label, gold, documentName, document });
  }
  for (const { goldName, label, gold, documentName, document } of cases) {
    const findings = runPipeline(options.pipeline, document, contextFor(document));
    const predictions = findingsToGold(document, findings, documentName);
    if (options.predictionsOut) {
      const stem = goldName.slice(0, -'.json'.length);
      await writeFile(
        join(options.predictionsOut, `${stem}.json`),
        `${JSON.stringify(predictions, null, 1)}\n`,
      );
    }
    const scored = scoreDocument(gold, predictions, document.text, {
      goldLabel: label,
      predictionsLabel: `predictions for ${documentName}`,
    });
    documents.push({
      gold: goldName,
      document: documentName,
      docId: document.id,
      findings: findings.length,
      scores: scored.scores,
      ...(options.explain ? { explanations: scored.explanations } : {}),
    });
  }
  const totals = sumLayerScores(documents.map((d) => d.scores));
  return {
    goldDir: options.goldDir,
    corpusDir: options.corpusDir,
    pipeline: pipelineVersion(options.pipeline),
    matching: MATCHING_METHOD,
    documents,
    skipped,
    totals,
    headline: headlineOf(totals),
  };
}
