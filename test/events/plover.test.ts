import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evalPlover,
  formatPloverReport,
  inSplit,
  loadLabelledSentences,
  parseCsv,
  ploverType,
  scoreEventStage,
  scoreSentences,
} from '../../src/eval/plover/index.js';
import { classifySentence } from '../../src/pipeline/events/classify.js';

const PLOVER_DIR = fileURLToPath(new URL('../../../shared/data/plover', import.meta.url));

describe('sentence typing', () => {
  it('types sentences written for the test', () => {
    expect(classifySentence('The rebels shelled the northern town overnight.')?.type).toBe('ASSAULT');
    expect(classifySentence('The minister rejected the proposal outright.')?.type).toBe('REJECT');
    expect(classifySentence('Both governments signed a fisheries agreement.')?.type).toBe('AGREE');
    expect(classifySentence('Police detained dozens of activists.')?.type).toBe('COERCE');
    expect(classifySentence('The weather was pleasant.')).toBeNull();
  });

  it('maps the old PLOVER names and scores a confusion', () => {
    expect(ploverType('DEMAND')).toBe('REQUEST');
    expect(ploverType('fight')).toBe('ASSAULT');
    const report = scoreSentences([
      { set: 't', text: 'Troops attacked the village.', gold: 'ASSAULT' },
      { set: 't', text: 'Troops attacked the village.', gold: 'PROTEST' },
    ]);
    expect(report.overall.accuracy).toBe(0.5);
    expect(report.confusions[0]).toMatchObject({ gold: 'PROTEST', predicted: 'ASSAULT', count: 1 });
  });

  it('splits by index within each set and holds every CAMEO record out for test', () => {
    expect(inSplit('synthetic', 0, 'tune')).toBe(true);
    expect(inSplit('synthetic', 1, 'tune')).toBe(false);
    expect(inSplit('headlines', 3, 'test')).toBe(true);
    expect(inSplit('gsr-cameo', 0, 'tune')).toBe(false);
    expect(inSplit('gsr-cameo', 0, 'test')).toBe(true);
    expect(inSplit('gsr-cameo', 1, 'all')).toBe(true);
  });

  it('scores the events stage by type, then source, then target', () => {
    const parties = { sources: ['NOR'], targets: ['CHL'] };
    const [score, all] = scoreEventStage([
      { set: 't', text: 'Norway condemned Chile on Monday.', gold: 'ACCUSE', parties },
      { set: 't', text: 'Norway condemned Peru on Monday.', gold: 'ACCUSE', parties },
      { set: 't', text: 'Peru condemned Chile on Monday.', gold: 'ACCUSE', parties },
      { set: 't', text: 'Norway praised Chile on Monday.', gold: 'ACCUSE', parties },
      {
        set: 't',
        text: 'Norway and Chile signed a treaty.',
        gold: 'AGREE',
        parties: { sources: ['NOR', 'CHL'], targets: [] },
      },
      { set: 't', text: 'No parties are known here.', gold: 'AGREE' },
    ]);
    expect(score).toEqual({ set: 't', total: 5, typed: 4, withSource: 3, withParties: 2 });
    expect(all?.set).toBe('all');
  });

  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,"b, ""c""\nd",e\n1,2,3\n')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['1', '2', '3'],
    ]);
  });
});

describe.skipIf(!existsSync(PLOVER_DIR))('evalPlover over ../shared/data/plover', () => {
  it('reports accuracy on the hand-coded CAMEO examples', async () => {
    const report = await evalPlover({ dataDir: PLOVER_DIR, synthetic: false });
    const gsr = report.sets.find((s) => s.set === 'gsr-cameo');
    expect(gsr?.total).toBe(322);
    expect(gsr?.accuracy).toBeGreaterThan(0.52);
    expect(formatPloverReport(report)).toContain('gsr-cameo');
    // The whole pipeline on the records whose actors are coded: an event with the gold type and parties.
    const events = report.events.find((s) => s.set === 'gsr-cameo');
    expect(events?.total).toBe(321);
    expect((events?.withParties ?? 0) / (events?.total ?? 1)).toBeGreaterThan(0.15);
  });

  it('partitions the headlines into tune and test halves', async () => {
    const load = (split: 'tune' | 'test' | 'all') =>
      loadLabelledSentences({ dataDir: PLOVER_DIR, synthetic: false, split });
    const [tune, test, all] = await Promise.all([load('tune'), load('test'), load('all')]);
    expect(tune.length + test.length).toBe(all.length);
    expect(tune.some((s) => s.set === 'gsr-cameo')).toBe(false);
    expect(test.filter((s) => s.set === 'gsr-cameo')).toHaveLength(322);
    const headlines = all.filter((s) => s.set === 'headlines');
    expect(tune.filter((s) => s.set === 'headlines')).toEqual(headlines.filter((_, i) => i % 2 === 0));
  });
});
