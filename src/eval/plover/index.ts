/**
 * PLOVER typing accuracy of the event trigger lexicon on labelled example sentences in `../shared/data/plover/`:
 * the CAMEO-manual gold-standard records (hand-coded), the NGEC headline templates, and the first sentence of
 * the NGEC synthetic stories. Sentence in, type out; no actors or dates are involved.
 * Where a sentence's parties are known (the records' coded actors, the headlines' country slots), the whole
 * pipeline also runs on it as a document, and the events stage is scored as the gold scorer scores events:
 * the gold type, then the gold source, then the gold target too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { DyadDocument, DyadEvent } from '../../domain/model.js';
import { defaultPipeline } from '../../pipeline/default.js';
import { classifySentence } from '../../pipeline/events/classify.js';
import { PLOVER_TYPES, type PloverType } from '../../pipeline/events/lexicon.js';
import { runPipeline } from '../../pipeline/pipeline.js';
import { splitSentences } from '../../pipeline/sentences.js';

export interface EvalPloverOptions {
  readonly dataDir: string;
  /** Read the 4,500 synthetic stories too (slower; default true). */
  readonly synthetic?: boolean;
  /**
   * Which half to score: `tune` is the even-indexed synthetic stories and headlines (for developing rules),
   * `test` the odd-indexed ones plus every hand-coded CAMEO record (held out; read only its scores). Default `all`.
   */
  readonly split?: PloverSplit;
}

export type PloverSplit = 'tune' | 'test' | 'all';
export const PLOVER_SPLITS: readonly PloverSplit[] = ['tune', 'test', 'all'];

/** Deterministic: the position of a sentence within its set decides its half; CAMEO records are all `test`. */
export function inSplit(set: string, indexInSet: number, split: PloverSplit): boolean {
  if (split === 'all') return true;
  const tune = set !== 'gsr-cameo' && indexInSet % 2 === 0;
  return split === 'tune' ? tune : !tune;
}

export interface LabelledSentence {
  readonly set: string;
  readonly text: string;
  readonly gold: PloverType;
  /** The coded actors, where known: who acts and on whom (none for an act without a target). */
  readonly parties?: Parties;
}

export interface Parties {
  readonly sources: readonly string[];
  readonly targets: readonly string[];
}

/** The events stage on sentences whose parties are known. */
export interface EventStageScore {
  readonly set: string;
  readonly total: number;
  /** Sentences with an extracted event of the gold type. */
  readonly typed: number;
  /** ... whose source is a gold source. */
  readonly withSource: number;
  /** ... whose target is a gold target too (or, when gold names none, any target or none). */
  readonly withParties: number;
}

export interface SetScore {
  readonly set: string;
  readonly total: number;
  /** Sentences for which the lexicon found any typed trigger. */
  readonly typed: number;
  readonly correct: number;
  /** correct / total */
  readonly accuracy: number;
  /** correct / typed */
  readonly precision: number;
}

export interface ConfusionCell {
  readonly gold: PloverType;
  readonly predicted: PloverType | 'NONE';
  readonly count: number;
}

export interface PloverReport {
  readonly sets: readonly SetScore[];
  readonly overall: SetScore;
  readonly perType: readonly SetScore[];
  /** The most frequent wrong (gold, predicted) pairs, most frequent first. */
  readonly confusions: readonly ConfusionCell[];
  /** Per set with known parties, then over all of them. */
  readonly events: readonly EventStageScore[];
}

// The gold-standard records use PLOVER 0.5 names for four categories that the current codebook renamed or merged.
const OLD_NAMES: Readonly<Record<string, PloverType>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

export function ploverType(label: string): PloverType | null {
  const upper = label.trim().toUpperCase();
  if ((PLOVER_TYPES as readonly string[]).includes(upper)) return upper as PloverType;
  return OLD_NAMES[upper] ?? null;
}

export async function loadLabelledSentences(options: EvalPloverOptions): Promise<LabelledSentence[]> {
  const sentences: LabelledSentence[] = [];
  const gsrPath = join(options.dataDir, 'PLOVER_GSR_CAMEO.txt');
  if (existsSync(gsrPath)) {
    const records = JSON.parse(await readFile(gsrPath, 'utf8')) as GsrRecord[];
    for (const record of records) {
      const gold = ploverType(record.event ?? '');
      if (!gold || !record.text) continue;
      const sources = actorCodes(record.source);
      const parties = sources.length > 0 ? { sources, targets: actorCodes(record.target) } : undefined;
      sentences.push({ set: 'gsr-cameo', text: record.text, gold, ...(parties ? { parties } : {}) });
    }
  }
  const headlinesPath = join(options.dataDir, 'synthetic_headlines.csv');
  if (existsSync(headlinesPath)) {
    const rows = parseCsv(await readFile(headlinesPath, 'utf8'));
    for (const row of rows.slice(1)) {
      const gold = ploverType(row[0] ?? '');
      const title = row[2];
      if (!gold || !title) continue;
      sentences.push({ set: 'headlines', text: fillSlots(title), gold, ...slotParties(title) });
    }
  }
  const syntheticPath = join(options.dataDir, 'gpt_synthetic_events_2023-10-19_19.csv.zip');
  if ((options.synthetic ?? true) && existsSync(syntheticPath)) {
    const archive = unzipSync(new Uint8Array(await readFile(syntheticPath)));
    const csvName = Object.keys(archive).find((name) => name.endsWith('.csv'));
    const bytes = csvName ? archive[csvName] : undefined;
    if (bytes) {
      const rows = parseCsv(new TextDecoder().decode(bytes));
      const header = rows[0] ?? [];
      const textColumn = header.indexOf('text');
      const labelColumn = header.indexOf('label');
      for (const row of rows.slice(1)) {
        const gold = ploverType(row[labelColumn] ?? '');
        const story = row[textColumn] ?? '';
        const first = splitSentences(story)[0];
        if (gold && first)
          sentences.push({ set: 'synthetic', text: story.slice(first.start, first.end), gold });
      }
    }
  }
  const split = options.split ?? 'all';
  const seen = new Map<string, number>();
  return sentences.filter((sentence) => {
    const index = seen.get(sentence.set) ?? 0;
    seen.set(sentence.set, index + 1);
    return inSplit(sentence.set, index, split);
  });
}

interface GsrActor {
  readonly code?: string;
}

interface GsrRecord {
  readonly event?: string;
  readonly text?: string;
  readonly source?: GsrActor | readonly GsrActor[];
  readonly target?: GsrActor | readonly GsrActor[];
}

/** A record's actor codes that name a state or organisation the way Dyad's ids do (three capitals or more). */
function actorCodes(actors: GsrActor | readonly GsrActor[] | undefined): string[] {
  const list: readonly GsrActor[] =
    actors === undefined ? [] : Array.isArray(actors) ? actors : [actors as GsrActor];
  return list.map((actor) => actor.code ?? '').filter((code) => /^[A-Z]{3,}$/.test(code));
}

// Headline templates carry slots such as {country_1}; any plausible name will do for typing.
function fillSlots(title: string): string {
  return title
    .replace(/\{country_1\}/g, 'Norway')
    .replace(/\{country_2\}/g, 'Chile')
    .replace(/\{city\}/g, 'Lima')
    .replace(/\{[^}]*\}/g, 'Peru');
}

/** The templates name the actor first ({country_1}) and the other party second ({country_2}). */
function slotParties(title: string): { parties?: Parties } {
  if (!title.includes('{country_1}')) return {};
  return { parties: { sources: ['NOR'], targets: title.includes('{country_2}') ? ['CHL'] : [] } };
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function scoreSentences(sentences: readonly LabelledSentence[]): PloverReport {
  const predictions = sentences.map((sentence) => ({
    sentence,
    predicted: classifySentence(sentence.text)?.type,
  }));
  const score = (set: string, items: typeof predictions): SetScore => {
    const typed = items.filter((p) => p.predicted !== undefined).length;
    const correct = items.filter((p) => p.predicted === p.sentence.gold).length;
    return {
      set,
      total: items.length,
      typed,
      correct,
      accuracy: items.length > 0 ? correct / items.length : 0,
      precision: typed > 0 ? correct / typed : 0,
    };
  };
  const setNames = [...new Set(sentences.map((s) => s.set))];
  const cells = new Map<string, ConfusionCell>();
  for (const { sentence, predicted } of predictions) {
    if (predicted === sentence.gold) continue;
    const key = `${sentence.gold}>${predicted ?? 'NONE'}`;
    const cell = cells.get(key);
    cells.set(key, { gold: sentence.gold, predicted: predicted ?? 'NONE', count: (cell?.count ?? 0) + 1 });
  }
  return {
    sets: setNames.map((name) =>
      score(
        name,
        predictions.filter((p) => p.sentence.set === name),
      ),
    ),
    overall: score('all', predictions),
    perType: PLOVER_TYPES.map((type) =>
      score(
        type,
        predictions.filter((p) => p.sentence.gold === type),
      ),
    ).filter((s) => s.total > 0),
    confusions: [...cells.values()].sort((a, b) => b.count - a.count).slice(0, 15),
    events: scoreEventStage(sentences),
  };
}

/** Runs the whole pipeline on each sentence with known parties, as a document of its own. */
export function scoreEventStage(sentences: readonly LabelledSentence[]): EventStageScore[] {
  const outcomes = sentences.flatMap((sentence) => {
    const { parties } = sentence;
    if (!parties) return [];
    const events = extractedEvents(sentence.text).filter((event) => event.type === sentence.gold);
    const withSource = events.filter(
      (event) => event.source !== null && parties.sources.includes(event.source),
    );
    // A pair coded as two sources ("X and Y agreed") may come out with either as target.
    const targetOk = (event: DyadEvent) =>
      parties.targets.length === 0
        ? event.target === null || parties.sources.includes(event.target)
        : event.target !== null && parties.targets.includes(event.target);
    return [
      {
        set: sentence.set,
        typed: events.length > 0,
        withSource: withSource.length > 0,
        withParties: withSource.some(targetOk),
      },
    ];
  });
  const score = (set: string, items: typeof outcomes): EventStageScore => ({
    set,
    total: items.length,
    typed: items.filter((o) => o.typed).length,
    withSource: items.filter((o) => o.withSource).length,
    withParties: items.filter((o) => o.withParties).length,
  });
  const sets = [...new Set(outcomes.map((o) => o.set))];
  return outcomes.length === 0
    ? []
    : [
        ...sets.map((set) =>
          score(
            set,
            outcomes.filter((o) => o.set === set),
          ),
        ),
        score('all', outcomes),
      ];
}

// Example sentences carry no date; a fixed publication date lets relative dates resolve.
const EXAMPLE_PUBLISHED = '2000-01-01';

function extractedEvents(text: string): DyadEvent[] {
  const document: DyadDocument = {
    kind: 'document',
    id: 'plover-example',
    title: null,
    source: null,
    publisher: null,
    published: EXAMPLE_PUBLISHED,
    retrieved: EXAMPLE_PUBLISHED,
    format: 'text',
    language: 'en',
    text,
  };
  return runPipeline(defaultPipeline, document).filter((f): f is DyadEvent => f.kind === 'event');
}

export async function evalPlover(options: EvalPloverOptions): Promise<PloverReport> {
  return scoreSentences(await loadLabelledSentences(options));
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatPloverReport(report: PloverReport): string {
  const line = (s: SetScore) =>
    `${s.set.padEnd(12)} ${String(s.total).padStart(5)}  accuracy ${percent(s.accuracy).padStart(6)}  ` +
    `typed ${percent(s.typed / Math.max(1, s.total)).padStart(6)}  precision ${percent(s.precision).padStart(6)}`;
  return [
    'PLOVER type accuracy of the event trigger lexicon (sentence in, type out)',
    '',
    ...report.sets.map(line),
    line(report.overall),
    '',
    'per gold type:',
    ...report.perType.map(line),
    '',
    'most frequent confusions (gold → predicted):',
    ...report.confusions.map((c) => `  ${c.gold} → ${c.predicted}: ${c.count}`),
    '',
    'events stage on sentences with known parties (the whole pipeline; an event of the gold type, with the',
    'gold source, with the gold source and target):',
    ...report.events.map(
      (e) =>
        `${e.set.padEnd(12)} ${String(e.total).padStart(5)}  type ${percent(e.typed / Math.max(1, e.total)).padStart(6)}  ` +
        `+source ${percent(e.withSource / Math.max(1, e.total)).padStart(6)}  ` +
        `+target ${percent(e.withParties / Math.max(1, e.total)).padStart(6)}`,
    ),
  ].join('\n');
}
