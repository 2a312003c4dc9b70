import { describe, expect, it } from 'vitest';
import type { DyadDocument } from '../../domain/model.js';
import { contextFor, runPipeline } from '../pipeline.js';
import { timexStage } from './index.js';

const document: DyadDocument = {
  kind: 'document',
  id: 'doc0000000000001',
  title: null,
  source: null,
  publisher: null,
  published: '2023-11-05',
  retrieved: '2023-11-06T00:00:00Z',
  format: 'text',
  language: 'en',
  text: 'The envoy landed on 15 September. A day later he met the minister. Talks resume next month.',
};

describe('timexStage', () => {
  it('emits Timex findings with evidence, anchors pointing at finding ids, and intervals', () => {
    const findings = runPipeline({ stages: [timexStage] }, document, contextFor(document));
    expect(findings.map((f) => f.kind)).toEqual(['timex', 'timex', 'timex']);
    const [landed, dayLater, nextMonth] = findings;
    if (landed?.kind !== 'timex' || dayLater?.kind !== 'timex' || nextMonth?.kind !== 'timex')
      throw new Error('expected timexes');
    expect(document.text.slice(landed.evidence[0]?.start, landed.evidence[0]?.end)).toBe('15 September');
    expect(landed.value).toBe('2023-09-15');
    expect(landed.extractor).toEqual({ name: 'time', version: timexStage.extractor.version });
    expect(dayLater.value).toBe('2023-09-16');
    expect(dayLater.anchor).toEqual({
      basis: 'narrative',
      value: '2023-09-15',
      timexId: landed.id,
      rule: 'relative-day-offset',
    });
    expect(nextMonth.value).toBe('2023-12');
    expect(nextMonth.anchor?.basis).toBe('dct');
    expect(nextMonth.interval).toEqual({ earliest: '2023-12-01', latest: '2023-12-31' });
  });

  it('uses the document date when the context has none', () => {
    const findings = timexStage.run(document, [], { dct: null });
    expect(findings.some((f) => f.kind === 'timex' && f.value === '2023-12')).toBe(true);
  });
});
