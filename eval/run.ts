/**
 * Scores the default pipeline on the dev gold and prints the table.
 *   npx tsx eval/run.ts                     print the dev table
 *   npx tsx eval/run.ts --explain           ... with every miss and false positive
 *   npx tsx eval/run.ts --update-baseline   raise eval/baseline.json and refresh the README quality table
 *   npx tsx eval/run.ts --update-baseline --allow-lower   also lower scores that fell
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type Baseline,
  describeRegressions,
  findRegressions,
  isTimemlSummary,
  nextBaseline,
  parseBaseline,
  renderQualityTable,
  replaceQualitySection,
  type TimemlSummary,
} from '../src/eval/gold/baseline.js';
import { evalGold } from '../src/eval/gold/evaluate.js';
import { formatGoldReport } from '../src/eval/gold/report.js';
import { defaultPipeline } from '../src/pipeline/default.js';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const SHARED = here('../../shared');
const GOLD_DIR = here('../../shared/gold');
const CORPUS_DIR = here('../../shared/corpus/dev');
const PLATINUM_DIR = here('../../shared/data/tempeval3/platinum');
const BASELINE = here('./baseline.json');
const README = here('../README.md');

async function timemlScores(): Promise<TimemlSummary | null> {
  if (!existsSync(PLATINUM_DIR)) return null;
  try {
    // Written by another engineer; absent or broken, the README table simply lacks the platinum row.
    const timeml = (await import('../src/eval/timeml/index.js')) as {
      evalTimeml?: (o: { goldDir: string }) => unknown;
    };
    if (typeof timeml.evalTimeml !== 'function') return null;
    const report = await timeml.evalTimeml({ goldDir: PLATINUM_DIR });
    return isTimemlSummary(report) ? report : null;
  } catch (error) {
    console.warn(`TimeML scores unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** JSON as Biome formats it: two-space indent, short arrays of scalars on one line. */
function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /^( *)("[^"]*": )?\[\n([^[\]{}]*?)\n *\]/gm,
    (whole, indent, key, items) => {
      const inline = `${indent}${key ?? ''}[${(items as string)
        .split(',\n')
        .map((item) => item.trim())
        .join(', ')}]`;
      return inline.length <= 110 ? inline : whole;
    },
  );
  return `${text}\n`;
}

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  if (!existsSync(SHARED)) {
    console.error(`no reference data at ${SHARED}; nothing to evaluate`);
    return 2;
  }
  const explain = args.has('--explain');
  const report = await evalGold({
    goldDir: GOLD_DIR,
    corpusDir: CORPUS_DIR,
    pipeline: defaultPipeline,
    explain,
  });
  console.log(formatGoldReport(report, { explain }));
  const previous: Baseline | null = existsSync(BASELINE)
    ? parseBaseline(await readFile(BASELINE, 'utf8'))
    : null;
  if (previous) {
    const regressions = findRegressions(report.headline, previous.headline);
    console.log(
      regressions.length === 0
        ? '\nNo layer is more than 2 points below the baseline.'
        : `\nREGRESSION: ${describeRegressions(regressions)}`,
    );
  }
  if (!args.has('--update-baseline')) return 0;
  const next = nextBaseline(previous, report, { allowLower: args.has('--allow-lower') });
  await writeFile(BASELINE, formatJson(next));
  console.log(`\nwrote ${BASELINE}`);
  const table = renderQualityTable(report, await timemlScores());
  const readme = existsSync(README) ? await readFile(README, 'utf8') : null;
  const updated = readme === null ? null : replaceQualitySection(readme, table);
  if (updated === null) {
    console.log(
      'README.md has no <!-- quality:start --> / <!-- quality:end --> markers; table not written:\n',
    );
    console.log(table);
  } else if (updated !== readme) {
    await writeFile(README, updated);
    console.log('updated the quality table in README.md');
  }
  return 0;
}

process.exitCode = await main();
