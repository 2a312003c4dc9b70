import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DyadDocument, Finding, Timex } from '../../domain/model.js';
import { findingId, type Pipeline, type StageContext } from '../../pipeline/pipeline.js';
import { sentenceStage } from '../../pipeline/sentences.js';
import { evalGold } from './evaluate.js';
import { formatGoldReport } from './report.js';
import { scoreDocument } from './score.js';

const TEXT = 'Kim left Pyongyang on 10 September. He met Putin on 13 September.';

// A stand-in time stage: dates written "N September" resolved against the DCT's year.
const septemberStage = {
  extractor: { name: 'test-september', version: '1' },
  run(document: DyadDocument, _found: readonly Finding[], context: StageContext): Finding[] {
    const year = (context.dct ?? '????').slice(0, 4);
    return [...document.text.matchAll(/(\d{1,2}) September/g)].map((match): Timex => {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      return {
        kind: 'timex',
        id: findingId('timex', document.id, start, end),
        docId: document.id,
        evidence: [{ docId: document.id, start, end }],
        extractor: this.extractor,
        text: match[0],
        type: 'DATE',
        value: `${year}-09-${(match[1] ?? '').padStart(2, '0')}`,
        mod: null,
        anchor: null,
        interval: null,
      };
    });
  },
};
const pipeline: Pipeline = { stages: [sentenceStage, septemberStage] };

const root = mkdtempSync(join(tmpdir(), 'dyad-gold-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setUp(name: string, gold: unknown): { goldDir: string; corpusDir: string } {
  const goldDir = join(root, name, 'gold');
  const corpusDir = join(root, name, 'corpus');
  for (const dir of [goldDir, corpusDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(corpusDir, 'trip.txt'), TEXT);
  writeFileSync(join(goldDir, 'trip.json'), JSON.stringify(gold));
  writeFileSync(join(goldDir, 'elsewhere.json'), JSON.stringify({ document: 'elsewhere.txt' }));
  return { goldDir, corpusDir };
}

const timex = (text: string, value: string) => ({ text, type: 'DATE', value, evidence: text });

describe('evalGold', () => {
  it('runs the pipeline with the gold DCT, scores, writes predictions and skips gold without a document', async () => {
    const { goldDir, corpusDir } = setUp('ok', {
      document: 'trip.txt',
      dct: '2023-11-05',
      timexes: [
        timex('10 September', '2023-09-10'),
        timex('13 September', '2023-09-13'),
        timex('Kim left', 'PAST_REF'),
      ],
    });
    const predictionsOut = join(root, 'ok', 'predictions');
    const report = await evalGold({ goldDir, corpusDir, pipeline, explain: true, predictionsOut });
    expect(report.documents).toHaveLength(1);
    expect(report.skipped).toEqual([expect.objectContaining({ gold: 'elsewhere.json' })]);
    const scores = report.documents[0]!.scores;
    expect(scores.timexes.relaxed).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(scores.timexes.value.accuracy).toBe(1);
    expect(report.headline.timexRelaxedF1).toBeCloseTo(0.8);
    const written = JSON.parse(readFileSync(join(predictionsOut, 'trip.json'), 'utf8'));
    expect(written.timexes.map((t: { value: string }) => t.value)).toEqual(['2023-09-10', '2023-09-13']);
    // The written file is a self-contained prediction: scoring it again gives the same numbers.
    const gold = JSON.parse(readFileSync(join(goldDir, 'trip.json'), 'utf8'));
    expect(scoreDocument(gold, written, TEXT).scores).toEqual(scores);
    const text = formatGoldReport(report, { explain: true });
    expect(text).toContain('MISS  timexes');
    expect(text).toContain('Kim left Pyongyang on 10 September.');
    expect(formatGoldReport(report)).not.toContain('MISS');
  });

  it('rejects a gold file with evidence not in its document, naming file and item', async () => {
    const { goldDir, corpusDir } = setUp('bad', {
      document: 'trip.txt',
      timexes: [timex('10 September', '2023-09-10'), timex('11 September', '2023-09-11')],
    });
    let runs = 0;
    const counting: Pipeline = {
      stages: [
        {
          extractor: { name: 'count', version: '1' },
          run: () => {
            runs++;
            return [];
          },
        },
      ],
    };
    await expect(evalGold({ goldDir, corpusDir, pipeline: counting })).rejects.toThrow(
      'gold/trip.json: timexes[1].evidence: not found in the document',
    );
    expect(runs).toBe(0);
  });
});
