/**
 * Temporal tagger benchmark: quality and speed on the TimeBank/AQUAINT training texts, with chrono-node
 * alone (`chrono.parse`) as the peer in the same process. One core, warm (a warm-up pass runs first).
 *   npx tsx bench/timex.ts [tempeval3 train dir]
 */
import { existsSync } from 'node:fs';
import * as chrono from 'chrono-node';
import {
  combineScores,
  scoreFile,
  type TimemlReport,
  type TimemlTimex,
  toTimemlTimexes,
} from '../src/eval/timeml/index.js';
import type { TimemlDocument } from '../src/eval/timeml/tml.js';
import { tagTimexes } from '../src/pipeline/time/index.js';
import { loadTimeml, TIMEBANK_DIR } from './timebank.js';

const dir = process.argv[2] ?? TIMEBANK_DIR;
if (!existsSync(dir)) {
  console.log(`bench/timex: ${dir} not found; nothing to measure.`);
  process.exit(0);
}

const documents: TimemlDocument[] = loadTimeml(dir);
const words = documents.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);

function referenceDate(dct: string | null): Date {
  return dct ? new Date(`${dct}T12:00:00Z`) : new Date();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** chrono's result as a TIMEX3 at the granularity chrono says it knows. */
function chronoTimexes(document: TimemlDocument): TimemlTimex[] {
  return chrono.parse(document.text, referenceDate(document.dct)).map((result) => {
    const c = result.start;
    let value = String(c.get('year'));
    if (c.isCertain('month') || c.isCertain('day')) value += `-${pad(c.get('month') ?? 1)}`;
    if (c.isCertain('day')) value += `-${pad(c.get('day') ?? 1)}`;
    const hasTime = c.isCertain('hour');
    if (hasTime)
      value = `${value.length === 10 ? value : `${value}-XX`}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    return {
      start: result.index,
      end: result.index + result.text.length,
      text: result.text,
      type: hasTime ? 'TIME' : 'DATE',
      value,
      mod: null,
    };
  });
}

function ours(document: TimemlDocument): TimemlTimex[] {
  return toTimemlTimexes(document.text, tagTimexes(document.text, document.dct));
}

function quality(tag: (d: TimemlDocument) => TimemlTimex[]): TimemlReport {
  return combineScores(documents.map((d) => scoreFile(d.docId, d.timexes, tag(d))));
}

interface Speed {
  /** Words per second of wall-clock time. */
  readonly wall: number;
  /** Words per second of this process's CPU time: one core, and fair when other work shares the machine. */
  readonly cpu: number;
}

function speed(run: (d: TimemlDocument) => unknown, minMillis = 1500): Speed {
  for (const d of documents) run(d); // warm-up
  let passes = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMillis || passes < 2) {
    for (const d of documents) run(d);
    passes++;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { wall: (words * passes) / (elapsed / 1000), cpu: (words * passes) / cpuSeconds };
}

const dyadQuality = quality(ours);
const chronoQuality = quality(chronoTimexes);
const dyadSpeed = speed((d) => tagTimexes(d.text, d.dct));
const chronoSpeed = speed((d) => chrono.parse(d.text, referenceDate(d.dct)));

const f = (x: number): string => (x * 100).toFixed(2).padStart(8);
const w = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(12);
console.log(
  `TimeBank + AQUAINT train: ${documents.length} documents, ${words.toLocaleString('en-US')} words`,
);
console.log(
  `${'tagger'.padEnd(14)}${'relaxedF1'.padStart(10)}${'strictF1'.padStart(10)}${'valueF1'.padStart(10)}${'words/cpu-s'.padStart(14)}${'words/wall-s'.padStart(14)}`,
);
for (const [name, q, s] of [
  ['dyad time', dyadQuality, dyadSpeed],
  ['chrono.parse', chronoQuality, chronoSpeed],
] as const) {
  console.log(
    `${name.padEnd(14)}  ${f(q.relaxed.f1)}  ${f(q.strict.f1)}  ${f(q.valueF1)}  ${w(s.cpu)}  ${w(s.wall)}`,
  );
}
console.log(
  `speed ratio dyad/chrono: ${(dyadSpeed.cpu / chronoSpeed.cpu).toFixed(2)}x by CPU time, ${(dyadSpeed.wall / chronoSpeed.wall).toFixed(2)}x by wall time (target: >= 300,000 words/s on one core)`,
);
