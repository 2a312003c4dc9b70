import { describe, expect, it } from 'vitest';
import { addMonths, formatWeek, intervalOf, isoWeekday } from './calendar.js';

describe('calendar', () => {
  it('computes ISO weeks and weekdays', () => {
    expect(formatWeek({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
    expect(formatWeek({ year: 2023, month: 11, day: 6 })).toBe('2023-W45');
    expect(isoWeekday({ year: 2023, month: 11, day: 5 })).toBe(7);
  });

  it('clamps month arithmetic', () => {
    expect(addMonths({ year: 2023, month: 1, day: 31 }, 1)).toEqual({ year: 2023, month: 2, day: 28 });
    expect(addMonths({ year: 2023, month: 1, day: 15 }, -2)).toEqual({ year: 2022, month: 11, day: 15 });
  });

  it('gives intervals for partial and fuzzy values', () => {
    expect(intervalOf('2024-02', null)).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(intervalOf('2023-Q3', null)).toEqual({ earliest: '2023-07-01', latest: '2023-09-30' });
    expect(intervalOf('2023-WI', null)).toEqual({ earliest: '2023-12-01', latest: '2024-02-29' });
    expect(intervalOf('2023-W45', null)).toEqual({ earliest: '2023-11-06', latest: '2023-11-12' });
    expect(intervalOf('20', null)).toEqual({ earliest: '2000-01-01', latest: '2099-12-31' });
    expect(intervalOf('1992/1996', null)).toEqual({ earliest: '1992-01-01', latest: '1996-12-31' });
    expect(intervalOf('2023-09-19TEV', null)).toEqual({ earliest: '2023-09-19', latest: '2023-09-19' });
    expect(intervalOf('PAST_REF', '2023-11-05')).toBeNull();
    expect(intervalOf('XXXX-09-07', null)).toBeNull();
  });
});
