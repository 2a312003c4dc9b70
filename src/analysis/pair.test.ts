import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PairRollupRow } from '../store/coded.js';
import { analysePair, PLOVER_DEFAULT_INTENSITY, PLOVER_QUAD, periodKey } from './pair.js';

function cell(
  day: number,
  type: string,
  count: number,
  scoreSum: number,
  origin: 'coded' | 'extracted' = 'coded',
): PairRollupRow {
  return { source: 'PRK', target: 'RUS', day, type, origin, count, scoreSum };
}

describe('analysePair', () => {
  const rows = [
    cell(20240619, 'CONSULT', 3, 6),
    cell(20240620, 'ASSAULT', 1, -10),
    cell(20240600, 'AGREE', 1, 5.91, 'extracted'),
    cell(20240703, 'OTHER', 2, 0),
  ];

  it('groups by month with splits, score and cooperation share', () => {
    const { periods, total } = analysePair(rows, 'month');
    expect(periods.map((p) => p.period)).toEqual(['2024-06', '2024-07']);
    const june = periods[0];
    expect(june).toMatchObject({
      count: 5,
      byOrigin: { coded: 4, extracted: 1 },
      byType: { CONSULT: 3, ASSAULT: 1, AGREE: 1 },
      cooperation: 4,
      conflict: 1,
      verbal: 4,
      material: 1,
      cooperationShare: 0.8,
    });
    expect(june?.score).toBeCloseTo((6 - 10 + 5.91) / 5, 3);
    // OTHER is counted but in neither split.
    expect(periods[1]).toMatchObject({
      count: 2,
      cooperation: 0,
      conflict: 0,
      cooperationShare: null,
      score: 0,
    });
    expect(total.count).toBe(7);
  });

  it('shows a day-less date as its month when grouping by day', () => {
    expect(analysePair(rows, 'day').periods.map((p) => p.period)).toEqual([
      '2024-06',
      '2024-06-19',
      '2024-06-20',
      '2024-07-03',
    ]);
    expect(periodKey(20240000, 'day')).toBe('2024');
    expect(periodKey(20240619, 'year')).toBe('2024');
  });

  it('classifies all sixteen PLOVER types', () => {
    expect(Object.keys(PLOVER_QUAD).sort()).toEqual(Object.keys(PLOVER_DEFAULT_INTENSITY).sort());
    expect(Object.keys(PLOVER_QUAD)).toHaveLength(16);
  });

  it('keeps the per-type defaults equal to data/codes/cameo.json', () => {
    const table = JSON.parse(
      readFileSync(new URL('../../data/codes/cameo.json', import.meta.url), 'utf8'),
    ) as {
      ploverDefaults: Record<string, number>;
    };
    expect(PLOVER_DEFAULT_INTENSITY).toEqual(table.ploverDefaults);
  });
});
