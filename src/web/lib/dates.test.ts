import { describe, expect, it } from 'vitest';
import { monthsBetween, overlaps, timexRange } from './dates.js';

describe('timexRange', () => {
  it.each([
    ['2023-09-13', '2023-09-13', '2023-09-13'],
    ['2023-09-13T10:00', '2023-09-13', '2023-09-13'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2023', '2023-01-01', '2023-12-31'],
    ['201X', '2010-01-01', '2019-12-31'],
    ['2023-Q3', '2023-07-01', '2023-09-30'],
    ['2023-H1', '2023-01-01', '2023-06-30'],
    ['2023-SU', '2023-06-01', '2023-08-31'],
    ['2024-W01', '2024-01-01', '2024-01-07'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2023-09-10/2023-09-19', '2023-09-10', '2023-09-19'],
    ['2023-10/2023-11', '2023-10-01', '2023-11-30'],
  ])('%s denotes %s – %s', (value, earliest, latest) => {
    expect(timexRange(value)).toEqual({ earliest, latest });
  });

  it.each(['P3Y', 'PAST_REF', 'PRESENT_REF', '', 'next week', '2023-13'])(
    '%s has no calendar range',
    (value) => {
      expect(timexRange(value)).toBeNull();
    },
  );
});

describe('months and overlap', () => {
  it('lists months across a year boundary', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('open ends are unbounded; touching days overlap', () => {
    const range = { earliest: '2023-09-10', latest: '2023-09-19' };
    expect(overlaps(range, null, null)).toBe(true);
    expect(overlaps(range, '2023-09-19', null)).toBe(true);
    expect(overlaps(range, '2023-09-20', null)).toBe(false);
    expect(overlaps(range, null, '2023-09-09')).toBe(false);
  });
});
