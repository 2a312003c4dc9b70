import { describe, expect, it } from 'vitest';
import {
  findRegressions,
  nextBaseline,
  QUALITY_END,
  QUALITY_START,
  renderQualityTable,
  replaceQualitySection,
} from './baseline.js';
import { type GoldReport, type Headline, headlineOf } from './report.js';
import { scoreDocument, sumLayerScores } from './score.js';

const TEXT = 'Kim met Putin on 13 September. Trade was $113 million.';
const gold = {
  document: 't.txt',
  timexes: [{ text: '13 September', type: 'DATE' as const, value: '2023-09-13', evidence: '13 September' }],
  claims: [{ holder: 'author', likelihood: 'unstated' as const, evidence: 'Trade was $113 million.' }],
};

function reportFor(predictions: typeof gold | { document: string }): GoldReport {
  const { scores } = scoreDocument(gold, predictions, TEXT);
  const totals = sumLayerScores([scores]);
  return {
    goldDir: 'gold',
    corpusDir: 'corpus',
    pipeline: 'test@1',
    matching: 'hungarian',
    documents: [{ gold: 't.json', document: 't.txt', docId: 'x', findings: 0, scores }],
    skipped: [],
    totals,
    headline: headlineOf(totals),
  };
}

const perfect = reportFor(gold);
const empty = reportFor({ document: 't.txt' });

describe('regression baseline', () => {
  it('flags only layers more than 2 points below the baseline', () => {
    const baseline: Headline = { ...perfect.headline, eventsF1: 0.5, observationsF1: 0.02 };
    const current: Headline = {
      ...perfect.headline,
      timexRelaxedF1: 0.985,
      eventsF1: 0.47,
      observationsF1: 0,
    };
    expect(findRegressions(current, baseline).map((r) => r.metric)).toEqual(['eventsF1']);
  });

  it('raises the baseline but never lowers it without allowLower', () => {
    const high = nextBaseline(null, perfect);
    expect(high.headline.timexRelaxedF1).toBe(1);
    expect(high.headline.claimsRecall).toBe(1);
    const kept = nextBaseline(high, empty);
    expect(kept.headline.timexRelaxedF1).toBe(1);
    const lowered = nextBaseline(high, empty, { allowLower: true });
    expect(lowered.headline.timexRelaxedF1).toBe(0);
  });
});

describe('README quality table', () => {
  it('renders the layers and the platinum row, and replaces only the text between the markers', () => {
    const table = renderQualityTable(perfect, {
      files: 20,
      strict: { f1: 0.8 },
      relaxed: { f1: 0.9 },
      valueAccuracy: 0.75,
    });
    expect(table).toContain('| time expressions | dev gold (1 doc) | relaxed F1 100.0 |');
    expect(table).toContain('TempEval-3 platinum (20 docs) | relaxed F1 90.0');
    const readme = `# Dyad\n\nintro\n${QUALITY_START}\nold table\n${QUALITY_END}\n\nrest\n`;
    const updated = replaceQualitySection(readme, table);
    expect(updated).toContain('intro');
    expect(updated).toContain('rest');
    expect(updated).not.toContain('old table');
    expect(updated).toContain(table);
    expect(replaceQualitySection('# no markers', table)).toBeNull();
  });
});
