import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DyadDocument, Finding, Observation } from '../../src/domain/model.js';
import type { Stage } from '../../src/pipeline/pipeline.js';
import { contextFor, runPipeline } from '../../src/pipeline/pipeline.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import { type ActorEntry, makeDocument, mentionsByName, PERSON, PLACE, PRONOUN, STATE } from './builders.js';

export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
export const DEV_TEXT = `${SHARED}/corpus/dev/dprk-russia-2023-11-05.txt`;
export const DEV_GOLD = `${SHARED}/gold/dprk-russia-2023-11-05.json`;
export const haveShared = existsSync(DEV_TEXT) && existsSync(DEV_GOLD);

/** Loads a sibling engineer's stage when it exists, so the harness measures the real pipeline once it lands. */
async function optionalStage(path: string, name: string): Promise<Stage | null> {
  const file = fileURLToPath(new URL(path, import.meta.url));
  if (!existsSync(file.replace(/\.js$/, '.ts'))) return null;
  try {
    const module = (await import(path)) as Record<string, unknown>;
    const stage = module[name];
    if (!(stage && typeof stage === 'object' && 'run' in stage)) return null;
    // A sibling stage in mid-edit must not stop this measurement: it then contributes nothing.
    const real = stage as Stage;
    return {
      extractor: real.extractor,
      run: (document, findings, context) => {
        try {
          return real.run(document, findings, context);
        } catch {
          return [];
        }
      },
    };
  } catch {
    return null;
  }
}

// Stand-in actors for the development document while the actor stage is not there: names only, no rules.
const STAND_IN_ACTORS: Readonly<Record<string, ActorEntry>> = {
  'North Korea': STATE('PRK'),
  DPRK: STATE('PRK'),
  'North Korean': STATE('PRK'),
  Pyongyang: STATE('PRK'),
  Russia: STATE('RUS'),
  Russian: STATE('RUS'),
  Moscow: STATE('RUS'),
  Kremlin: STATE('RUS'),
  China: STATE('CHN'),
  Beijing: STATE('CHN'),
  'South Korea': STATE('KOR'),
  'South Korean': STATE('KOR'),
  Seoul: STATE('KOR'),
  Ukraine: STATE('UKR'),
  'United States': STATE('USA'),
  US: STATE('USA'),
  Washington: STATE('USA'),
  'Soviet Union': STATE('SUN'),
  Soviet: STATE('SUN'),
  Japan: STATE('JPN'),
  'Kim Jong-un': PERSON('Kim Jong-un', 'PRK'),
  Kim: PERSON('Kim Jong-un', 'PRK'),
  'Kim Il-sung': PERSON('Kim Il-sung', 'PRK'),
  'Kim Jong-il': PERSON('Kim Jong-il', 'PRK'),
  'Vladimir Putin': PERSON('Vladimir Putin', 'RUS'),
  Putin: PERSON('Vladimir Putin', 'RUS'),
  'Sergei Lavrov': PERSON('Sergei Lavrov', 'RUS'),
  'Xi Jinping': PERSON('Xi Jinping', 'CHN'),
  Xi: PERSON('Xi Jinping', 'CHN'),
  'Mark Milley': PERSON('Mark Milley', 'USA'),
  'Donald Trump': PERSON('Donald Trump', 'USA'),
  'Moon Jae-in': PERSON('Moon Jae-in', 'KOR'),
  Vladivostok: PLACE('RUS'),
  Its: PRONOUN('RUS'),
  him: PRONOUN('PRK', 'Kim Jong-un'),
  he: PRONOUN('PRK', 'Kim Jong-un'),
};

export interface DevRun {
  readonly document: DyadDocument;
  readonly findings: readonly Finding[];
  readonly realStages: readonly string[];
}

/** Runs the development document through sibling stages where they exist; `standInActors` forces the name table. */
export async function runDev(
  stages: readonly Stage[],
  options: { standInActors?: boolean } = {},
): Promise<DevRun> {
  const document = makeDocument(readFileSync(DEV_TEXT, 'utf8'), 'dev', '2023-11-05');
  const time = await optionalStage('../../src/pipeline/time/index.js', 'timexStage');
  const actors = options.standInActors
    ? null
    : await optionalStage('../../src/pipeline/actors/index.js', 'actorStage');
  const events = await optionalStage('../../src/pipeline/events/index.js', 'eventStage');
  const standInActors: Stage = {
    extractor: { name: 'test-actors', version: '0' },
    run: (doc) => mentionsByName(doc, STAND_IN_ACTORS),
  };
  const pipeline = [
    sentenceStage,
    ...(time ? [time] : []),
    actors ?? standInActors,
    ...(events ? [events] : []),
    ...stages,
  ];
  const findings = runPipeline({ stages: pipeline }, document, contextFor(document));
  const realStages = [time && 'time', actors && 'actors', events && 'events'].filter((s): s is string =>
    Boolean(s),
  );
  return { document, findings, realStages };
}

interface GoldObservation {
  indicator: string;
  subject: string | null;
  partner: string | null;
  period: string | null;
  value: number;
  unit: string;
  low?: number;
  high?: number;
  evidence: string;
  occurrence?: number;
}

/** Locates a gold evidence string, tolerating differences in whitespace. */
export function locate(
  text: string,
  evidence: string,
  occurrence = 1,
): { start: number; end: number } | null {
  const pattern = new RegExp(
    evidence
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    'g',
  );
  let n = 0;
  for (const match of text.matchAll(pattern)) {
    if (++n === occurrence) return { start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
  }
  return null;
}

export interface ObservationScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly attributes: number;
  readonly matched: number;
  readonly misses: readonly string[];
  readonly spurious: readonly string[];
  readonly wrongAttributes: readonly string[];
}

export function scoreObservations(
  document: DyadDocument,
  predicted: readonly Observation[],
): ObservationScore {
  const gold = (JSON.parse(readFileSync(DEV_GOLD, 'utf8')) as { observations: GoldObservation[] })
    .observations;
  const used = new Set<string>();
  const misses: string[] = [];
  const wrong: string[] = [];
  let attributesRight = 0;
  let matched = 0;
  for (const g of gold) {
    const span = locate(document.text, g.evidence, g.occurrence);
    if (!span) {
      misses.push(`(unlocatable) ${g.evidence}`);
      continue;
    }
    const hit = predicted.find((p) => {
      const e = p.evidence[0];
      if (!e || used.has(p.id) || e.start >= span.end || e.end <= span.start || p.unit !== g.unit)
        return false;
      if (g.low !== undefined && g.high !== undefined) return p.value >= g.low && p.value <= g.high;
      return Math.abs(p.value - g.value) <= Math.abs(g.value) * 0.005;
    });
    if (!hit) {
      misses.push(`${g.evidence} = ${g.value} ${g.unit}`);
      continue;
    }
    used.add(hit.id);
    matched++;
    if (hit.subject === g.subject && hit.partner === g.partner && hit.period === g.period) attributesRight++;
    else
      wrong.push(
        `${g.evidence}: got ${hit.indicator} ${hit.subject}/${hit.partner}/${hit.period}, gold ${g.indicator} ${g.subject}/${g.partner}/${g.period}`,
      );
  }
  const spurious = predicted
    .filter((p) => !used.has(p.id))
    .map(
      (p) =>
        `${document.text.slice(p.evidence[0]?.start, p.evidence[0]?.end)} = ${p.value} ${p.unit} ${p.indicator}`,
    );
  const precision = predicted.length ? matched / predicted.length : 0;
  const recall = gold.length ? matched / gold.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision,
    recall,
    f1,
    attributes: matched ? attributesRight / matched : 0,
    matched,
    misses,
    spurious,
    wrongAttributes: wrong,
  };
}
