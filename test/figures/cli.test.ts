import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureStage } from '../../src/pipeline/figures/index.js';
import { contextFor, pipelineVersion, runPipeline, type Stage } from '../../src/pipeline/pipeline.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../cli/capture.js';
import { makeDocument, makeTimex, mentionsByName, STATE } from './builders.js';

const ACTORS = { Atlantis: STATE('ATL'), Borduria: STATE('BOR') };
const handBuilt: Stage = {
  extractor: { name: 'test-findings', version: '0' },
  run: (document) => [
    ...mentionsByName(document, ACTORS),
    ...['2011', '2012'].flatMap((year) =>
      document.text.includes(year) ? [makeTimex(document, year, year)] : [],
    ),
  ],
};
const pipeline = { stages: [sentenceStage, handBuilt, figureStage] };

describe('dyad figures', () => {
  let dir = '';
  let db = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-figures-'));
    db = join(dir, 'dyad.db');
    const store = await openSqliteStore(db);
    const texts = [
      [
        'doc-a-0001',
        'In 2011, Atlantis’s trade with Borduria totalled US$113m. In 2012, Atlantis’s trade with Borduria reached US$90m.',
      ],
      ['doc-b-0002', 'Atlantis’s trade with Borduria came to US$150m in 2011, a ministry said.'],
    ] as const;
    for (const [id, text] of texts) {
      const document = makeDocument(text, id, '2013-01-01');
      await store.writeDocument(
        document,
        runPipeline(pipeline, document, contextFor(document)),
        pipelineVersion(pipeline),
      );
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the series in period order with evidence and the conflicting reports', async () => {
    const { code, stdout, stderr } = await runCli([
      '--db',
      db,
      'figures',
      '--subject',
      'ATL',
      '--partner',
      'BOR',
      '--indicator',
      'trade_total',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('trade_total  ATL–BOR  USD');
    expect(lines.filter((l) => l.startsWith('  2011')).length).toBe(2);
    expect(stdout.indexOf('2011')).toBeLessThan(stdout.indexOf('  2012'));
    expect(stdout).toContain('"US$113m"');
    expect(stdout).toMatch(
      /conflicts:\n {2}trade_total ATL–BOR 2011: 113m USD \(doc-a-00\) vs 150m USD \(doc-b-00\), 24\.7% apart/,
    );
  });

  it('answers --json with series and conflicts', async () => {
    const { code, stdout } = await runCli(['--db', db, '--json', 'figures', '--subject', 'atl']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      series: { points: { period: string; disputed: boolean }[] }[];
      conflicts: unknown[];
    };
    expect(parsed.series[0]?.points.map((p) => [p.period, p.disputed])).toEqual([
      ['2011', true],
      ['2012', false],
    ]);
    expect(parsed.conflicts).toHaveLength(1);
  });

  it('needs --subject', async () => {
    const { code, stderr } = await runCli(['--db', db, 'figures']);
    expect(code).toBe(2);
    expect(stderr).toContain('--subject');
  });
});
