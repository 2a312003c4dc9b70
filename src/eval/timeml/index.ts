import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TaggedTimex, tagTimexes } from '../../pipeline/time/tagger.js';
import { parseTimeml, type TimemlDocument, type TimemlTimex, writeTimeml } from './tml.js';

export { parseTimeml, type TimemlDocument, type TimemlTimex, writeTimeml } from './tml.js';

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface TimemlError {
  readonly file: string;
  readonly kind: 'missed' | 'spurious' | 'value' | 'type' | 'extent';
  readonly text: string;
  readonly gold: string | null;
  readonly system: string | null;
}

export interface TimemlReport {
  readonly files: number;
  readonly gold: number;
  readonly system: number;
  readonly strict: PrecisionRecall;
  readonly relaxed: PrecisionRecall;
  /** Over relaxed matches. */
  readonly typeAccuracy: number;
  readonly valueAccuracy: number;
  readonly modAccuracy: number;
  /** TempEval-3's attribute F1: relaxed F1 × attribute accuracy (= F1 counting only attribute-correct matches). */
  readonly typeF1: number;
  readonly valueF1: number;
  readonly errors: readonly TimemlError[];
}

export interface FileScore {
  readonly gold: number;
  readonly system: number;
  readonly systemRelaxed: number;
  readonly goldRelaxed: number;
  readonly systemStrict: number;
  readonly goldStrict: number;
  readonly typeCorrect: number;
  readonly valueCorrect: number;
  readonly modCorrect: number;
  readonly errors: TimemlError[];
}

function overlaps(a: TimemlTimex, b: TimemlTimex): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(a: TimemlTimex, b: TimemlTimex): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

function sameExtent(a: TimemlTimex, b: TimemlTimex): boolean {
  return a.text.trim() === b.text.trim() && Math.abs(a.start - b.start) <= a.text.length;
}

/** Scores one file by the TempEval-3 Task A rules: relaxed = overlapping extents, strict = identical extents. */
export function scoreFile(
  file: string,
  gold: readonly TimemlTimex[],
  system: readonly TimemlTimex[],
): FileScore {
  const errors: TimemlError[] = [];
  let typeCorrect = 0;
  let valueCorrect = 0;
  let modCorrect = 0;
  let goldRelaxed = 0;
  let goldStrict = 0;
  for (const g of gold) {
    const matches = system.filter((s) => overlaps(s, g));
    if (matches.length === 0) {
      errors.push({ file, kind: 'missed', text: g.text, gold: g.value, system: null });
      continue;
    }
    goldRelaxed++;
    if (matches.some((s) => sameExtent(s, g))) goldStrict++;
    const best = matches.reduce((a, b) => (overlapLength(b, g) > overlapLength(a, g) ? b : a));
    if (best.type === g.type) typeCorrect++;
    else
      errors.push({ file, kind: 'type', text: `${g.text} | ${best.text}`, gold: g.type, system: best.type });
    if (best.value === g.value) valueCorrect++;
    else
      errors.push({
        file,
        kind: 'value',
        text: `${g.text} | ${best.text}`,
        gold: g.value,
        system: best.value,
      });
    if ((best.mod ?? null) === (g.mod ?? null)) modCorrect++;
    if (!sameExtent(best, g))
      errors.push({ file, kind: 'extent', text: best.text, gold: g.text, system: best.text });
  }
  let systemRelaxed = 0;
  let systemStrict = 0;
  for (const s of system) {
    const matches = gold.filter((g) => overlaps(s, g));
    if (matches.length === 0) {
      errors.push({ file, kind: 'spurious', text: s.text, gold: null, system: s.value });
      continue;
    }
    systemRelaxed++;
    if (matches.some((g) => sameExtent(s, g))) systemStrict++;
  }
  return {
    gold: gold.length,
    system: system.length,
    systemRelaxed,
    goldRelaxed,
    systemStrict,
    goldStrict,
    typeCorrect,
    valueCorrect,
    modCorrect,
    errors,
  };
}

function prf(systemCorrect: number, system: number, goldCorrect: number, gold: number): PrecisionRecall {
  const precision = system ? systemCorrect / system : 0;
  const recall = gold ? goldCorrect / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function combineScores(scores: readonly FileScore[]): TimemlReport {
  const sum = (key: keyof Omit<FileScore, 'errors'>): number =>
    scores.reduce((total, s) => total + s[key], 0);
  const gold = sum('gold');
  const system = sum('system');
  const relaxedGold = sum('goldRelaxed');
  const relaxed = prf(sum('systemRelaxed'), system, relaxedGold, gold);
  const strict = prf(sum('systemStrict'), system, sum('goldStrict'), gold);
  const typeAccuracy = relaxedGold ? sum('typeCorrect') / relaxedGold : 0;
  const valueAccuracy = relaxedGold ? sum('valueCorrect') / relaxedGold : 0;
  const modAccuracy = relaxedGold ? sum('modCorrect') / relaxedGold : 0;
  return {
    files: scores.length,
    gold,
    system,
    strict,
    relaxed,
    typeAccuracy,
    valueAccuracy,
    modAccuracy,
    typeF1: relaxed.f1 * typeAccuracy,
    valueF1: relaxed.f1 * valueAccuracy,
    errors: scores.flatMap((s) => s.errors),
  };
}

/**
 * Our timexes as TimeML annotates them: a range written as one phrase ("1992 to 1996") is two TIMEX3s,
 * since TIMEX3 values cannot be intervals.
 */
export function toTimemlTimexes(text: string, tagged: readonly TaggedTimex[]): TimemlTimex[] {
  return tagged.flatMap((t): TimemlTimex[] =>
    t.parts
      ? t.parts.map((p) => ({
          start: p.start,
          end: p.end,
          text: text.slice(p.start, p.end),
          type: p.type,
          value: p.value,
          mod: null,
        }))
      : [{ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod }],
  );
}

export function tagTimemlDocument(document: TimemlDocument): TimemlTimex[] {
  return toTimemlTimexes(document.text, tagTimexes(document.text, document.dct));
}

/** Tags every `.tml` file under `goldDir` (recursively), optionally writes TimeML output, and scores it. */
export async function evalTimeml(options: { goldDir: string; outDir?: string }): Promise<TimemlReport> {
  const files = await listTml(options.goldDir);
  const scores: FileScore[] = [];
  for (const path of files) {
    const document = parseTimeml(await readFile(join(options.goldDir, path), 'utf8'));
    const system = tagTimemlDocument(document);
    if (options.outDir) {
      const target = join(options.outDir, path);
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, writeTimeml(document, system));
    }
    scores.push(scoreFile(path, document.timexes, system));
  }
  return combineScores(scores);
}

async function listTml(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...(await listTml(dir, rel)));
    else if (entry.name.endsWith('.tml')) out.push(rel);
  }
  return out;
}

/** HeidelTime's row in the TempEval-3 Task A results (UzZaman et al. 2013, Table 3), the reference system. */
export const HEIDELTIME = {
  name: 'HeidelTime-t',
  strict: { precision: 0.8385, recall: 0.7899, f1: 0.8134 },
  relaxed: { precision: 0.9308, recall: 0.8768, f1: 0.903 },
  valueF1: 0.7761,
} as const;

function pct(x: number): string {
  return (x * 100).toFixed(2).padStart(7);
}

export function formatTimemlReport(report: TimemlReport): string {
  const header = `${'system'.padEnd(14)} ${[
    'sP',
    'sR',
    'sF1',
    'rP',
    'rR',
    'rF1',
    'valueF1',
    'typeF1',
    'typeAcc',
    'modAcc',
  ]
    .map((h) => h.padStart(7))
    .join(' ')}`;
  const ours = [
    report.strict.precision,
    report.strict.recall,
    report.strict.f1,
    report.relaxed.precision,
    report.relaxed.recall,
    report.relaxed.f1,
    report.valueF1,
    report.typeF1,
    report.typeAccuracy,
    report.modAccuracy,
  ];
  const heidel = [
    HEIDELTIME.strict.precision,
    HEIDELTIME.strict.recall,
    HEIDELTIME.strict.f1,
    HEIDELTIME.relaxed.precision,
    HEIDELTIME.relaxed.recall,
    HEIDELTIME.relaxed.f1,
    HEIDELTIME.valueF1,
    Number.NaN,
    Number.NaN,
    Number.NaN,
  ];
  const row = (name: string, values: number[]): string =>
    `${name.padEnd(14)} ${values.map((v) => (Number.isNaN(v) ? '      -' : pct(v))).join(' ')}`;
  return [
    `TempEval-3 Task A (time expressions): ${report.files} files, ${report.gold} gold, ${report.system} system timexes`,
    header,
    row('dyad time', ours),
    row(HEIDELTIME.name, heidel),
    'Strict = identical extent, relaxed = overlapping extent; value/type F1 = relaxed F1 x accuracy over relaxed matches.',
  ].join('\n');
}
