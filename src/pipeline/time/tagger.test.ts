import { describe, expect, it } from 'vitest';
import { type TaggedTimex, tagTimexes } from './tagger.js';

const DCT = '2023-11-05';

function tag(text: string, dct: string | null = DCT): TaggedTimex[] {
  return tagTimexes(text, dct);
}

function only(text: string, dct: string | null = DCT): TaggedTimex {
  const found = tag(text, dct);
  expect(found.map((t) => t.text)).toHaveLength(1);
  return found[0] as TaggedTimex;
}

function brief(t: TaggedTimex): [string, string, string, string | null] {
  return [t.text, t.type, t.value, t.mod];
}

describe('absolute dates', () => {
  it('reads day-month-year, month-year and month-day-year', () => {
    expect(brief(only('The treaty was signed on 2 March 2021 in the capital.'))).toEqual([
      '2 March 2021',
      'DATE',
      '2021-03-02',
      null,
    ]);
    expect(brief(only('Talks collapsed in April 1961.'))).toEqual(['April 1961', 'DATE', '1961-04', null]);
    expect(brief(only('The envoy arrived on Feb. 3, 1999, officials said.'))).toEqual([
      'Feb. 3, 1999',
      'DATE',
      '1999-02-03',
      null,
    ]);
  });

  it('reads bare years but not amounts', () => {
    expect(tag('The border was redrawn in 1953.').map((t) => t.value)).toEqual(['1953']);
    expect(tag('The army sent 1200 troops and spent $2015 on fuel.')).toEqual([]);
  });

  it('reads numeric and ISO dates', () => {
    expect(only('Filed 03/14/97 by the clerk.').value).toBe('1997-03-14');
    expect(only('Updated 2021-06-30 by the desk.').value).toBe('2021-06-30');
  });

  it('ignores "may" and "march" as words', () => {
    expect(tag('Protesters may march on the palace.')).toEqual([]);
  });
});

describe('partial dates take their year from the story or the DCT', () => {
  it('uses the year of the last full date in the story', () => {
    const found = tag('The summit opened on 4 June 2019. On 6 June the ministers left.');
    expect(found.map((t) => t.value)).toEqual(['2019-06-04', '2019-06-06']);
    expect(found[1]?.anchor).toEqual({
      basis: 'narrative',
      value: '2019-06-04',
      index: 0,
      rule: 'year-from-story',
    });
  });

  it('moves to the next year when a story told in order passes New Year, but not away from the DCT', () => {
    expect(
      tag('Prisoners were freed on 7 December 2021. On 13 February the shelling resumed.').map(
        (t) => t.value,
      ),
    ).toEqual(['2021-12-07', '2022-02-13']);
    expect(
      tag('Talks opened on 6 November 2019. The last round, on 27 February, failed.').map((t) => t.value),
    ).toEqual(['2019-11-06', '2020-02-27']);
    // Within half a year of the story's date, the story's year stands; and a month far from both the story's
    // date and the DCT keeps the story's year rather than moving further from the DCT.
    expect(tag('The pact was signed in October 2019. In April the troops left.').map((t) => t.value)).toEqual(
      ['2019-10', '2019-04'],
    );
    expect(
      tag('Repayment is due in February 2024. Sales had fallen since September.', '2023-03-01').map(
        (t) => t.value,
      ),
    ).toEqual(['2024-02', '2022-09']);
  });

  it('takes the year of a season or half just named, but not of a reporting quarter', () => {
    expect(
      tag('The crisis came in the summer of 2019. On 11 July the talks failed.').map((t) => t.value),
    ).toEqual(['2019-SU', '2019-07-11']);
    expect(
      tag('Output fell in the first half of 2020. In March the plants closed.').map((t) => t.value),
    ).toEqual(['2020-H1', '2020-03']);
    expect(
      tag('Profit rose in the third quarter of 2019. On 30 June it was lower.').map((t) => t.value),
    ).toEqual(['2019-Q3', '2023-06-30']);
  });

  it('does not point "that year" at a year that names a thing', () => {
    const found = tag(
      'In April 2019 the sites were chosen under the 2014 agreement. That year the drills grew.',
    );
    expect(found.map((t) => t.value)).toEqual(['2019-04', '2014', '2019']);
  });

  it("keeps a paragraph's year for a day named far into it", () => {
    const filler = 'The shelling went on and the ministers argued over who had started it. '.repeat(7);
    const found = tag(
      `On 13 September 2022 the shelling began. ${filler}A ceasefire held from 14 September.`,
      '2024-06-15',
    );
    expect(found.map((t) => t.value)).toEqual(['2022-09-13', '2022-09-14']);
  });

  it('counts "the following month" from the story, not from a deadline', () => {
    const found = tag(
      'On 3 October 2023 the ministry gave the crews until 1 November to leave. The following month it relented. It took until 2012 to settle.',
    );
    expect(found.map((t) => t.value)).toEqual(['2023-10-03', '2023-11-01', '2023-11', '2012']);
  });

  it('puts a bare past-tense month before the DCT', () => {
    const december = only('Officials met in December to discuss it.', '2024-02-10');
    expect(december.value).toBe('2023-12');
    expect(december.anchor).toMatchObject({
      basis: 'dct',
      value: '2024-02-10',
      rule: 'year-nearest-dct-past',
    });
    expect(only('The delegation visited in September.', DCT).value).toBe('2023-09');
  });

  it('puts a future-tense month after the DCT', () => {
    expect(only('The ministers will meet again in March.', DCT).value).toBe('2024-03');
  });
});

describe('modifiers', () => {
  it('marks early, mid and late', () => {
    expect(brief(only('Fighting resumed in mid-October.'))).toEqual([
      'mid-October',
      'DATE',
      '2023-10',
      'MID',
    ]);
    expect(brief(only('Shipments began in late August.'))).toEqual(['late August', 'DATE', '2023-08', 'END']);
    expect(brief(only('The convoy left early on 3 October.'))).toEqual([
      'early on 3 October',
      'DATE',
      '2023-10-03',
      'START',
    ]);
  });

  it('marks before and after prefixes', () => {
    expect(brief(only('The post-1991 settlement held.'))).toEqual(['post-1991', 'DATE', '1991', 'AFTER']);
  });

  it('marks quantity modifiers on durations', () => {
    expect(brief(only('The dispute lasted more than 30 years.'))).toEqual([
      'more than 30 years',
      'DURATION',
      'P30Y',
      'MORE_THAN',
    ]);
    expect(brief(only('It took almost half a century to settle.'))).toEqual([
      'almost half a century',
      'DURATION',
      'P50Y',
      'LESS_THAN',
    ]);
  });
});

describe('decades, centuries, quarters, seasons', () => {
  it('normalises decades and centuries', () => {
    expect(brief(only('Trade grew through the 1970s.'))).toEqual(['the 1970s', 'DATE', '197X', null]);
    expect(only('It was the defining rivalry of the 19th century.').value).toBe('18');
    expect(only('No state has tried this century to do so.').value).toBe('20');
  });

  it('normalises quarters and seasons', () => {
    expect(only('Exports fell in the second quarter of 2022.').value).toBe('2022-Q2');
    expect(only('Exports fell in the third quarter.', '2023-11-05').value).toBe('2023-Q3');
    expect(only('The offensive began in the summer of 1943.').value).toBe('1943-SU');
    expect(only('Negotiations stalled last winter.', '2023-11-05').value).toBe('2022-WI');
  });
});

describe('ranges written as one phrase', () => {
  it('gives ISO intervals and keeps the ends as parts', () => {
    const days = only('The exercise ran from 3 to 9 May.', '2023-11-05');
    expect([days.text, days.value]).toEqual(['3 to 9 May', '2023-05-03/2023-05-09']);
    expect(days.parts?.map((p) => p.value)).toEqual(['2023-05-03', '2023-05-09']);
    expect(only('The talks on 21–22 March 2018 ended.').value).toBe('2018-03-21/2018-03-22');
    expect(only('Aid flowed from 1961 to 1975.').value).toBe('1961/1975');
    expect(only('the blockade of 1948–49 ended').value).toBe('1948/1949');
  });

  it('does not read an ISO month as a range', () => {
    expect(tag('Updated 2021-06 edition.').some((t) => t.value.includes('/'))).toBe(false);
  });
});

describe('deixis against the DCT', () => {
  it('resolves this/last/next units', () => {
    const found = tag('Last year output fell; this month it rose, and next year it may double.');
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['Last year', '2022'],
      ['this month', '2023-11'],
      ['next year', '2024'],
    ]);
    expect(found[0]?.anchor?.basis).toBe('dct');
  });

  it('resolves yesterday, weekdays and "ago"', () => {
    expect(only('The minister resigned yesterday.').value).toBe('2023-11-04');
    // 2023-11-05 is a Sunday: the past Thursday is 2 November.
    expect(only('The minister resigned on Thursday.').value).toBe('2023-11-02');
    expect(only('The minister will resign on Thursday.').value).toBe('2023-11-09');
    expect(only('The pact was signed three years ago.').value).toBe('2020');
    expect(only('The pact was signed two months ago.').value).toBe('2023-09');
  });

  it('reads "today" as the day in reporting and as the present in an essay', () => {
    expect(only('The alliance today is weaker than it looks.').value).toBe('PRESENT_REF');
    const reporting = tag('The minister said today that the talks on Monday failed.');
    expect(reporting[0]?.value).toBe('2023-11-05');
  });

  it('follows TimeBank for open references', () => {
    expect(brief(only('The two states are now allies.'))).toEqual(['now', 'DATE', 'PRESENT_REF', null]);
    expect(only('Relations have recently cooled.').value).toBe('PAST_REF');
    expect(only('Ties may deepen in the future.').value).toBe('FUTURE_REF');
    expect(only('No shipment has been confirmed to date.').value).toBe('PRESENT_REF');
  });
});

describe('narrative chaining against the last date', () => {
  it('chains day offsets through the story', () => {
    const found = tag(
      'The leader arrived on 20 April 2019. He left a day later, after a lunch he had planned in March. The next day he was home.',
    );
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['20 April 2019', '2019-04-20'],
      ['a day later', '2019-04-21'],
      ['March', '2019-03'],
      ['The next day', '2019-04-22'],
    ]);
    expect(found[1]?.anchor).toMatchObject({ basis: 'narrative', value: '2019-04-20', index: 0 });
    // The month in between does not anchor a day offset.
    expect(found[3]?.anchor).toMatchObject({ basis: 'narrative', value: '2019-04-21', index: 1 });
  });

  it('chains month offsets and vague offsets', () => {
    const found = tag(
      'The deal was struck in May 2016. A month later, it collapsed. Troops moved on 2 July, days before the vote.',
    );
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['May 2016', '2016-05'],
      ['A month later', '2016-06'],
      ['2 July', '2016-07-02'],
      ['days before', '2016-07-02'],
    ]);
  });

  it('falls back to the DCT when the story has no date', () => {
    const found = only('Two weeks earlier, the ministers had met.', '2023-11-05');
    expect(found.anchor?.basis).toBe('dct');
    expect(found.value).toBe('2023-W42');
  });
});

describe('durations and sets', () => {
  it('reads counted, hyphenated and adjectival durations', () => {
    expect(brief(only('A three-year war followed.'))).toEqual(['three-year', 'DURATION', 'P3Y', null]);
    expect(brief(only('They held week-long drills.'))).toEqual(['week-long', 'DURATION', 'P1W', null]);
    expect(only('It has grown over the past decade.').value).toBe('P10Y');
    expect(only('The deal was extended by a further year.').value).toBe('P1Y');
    expect(only('Sanctions lasted two decades.').value).toBe('P20Y');
    expect(only('The talks lasted 36 hours.').value).toBe('PT36H');
  });

  it('does not tag ages', () => {
    expect(tag('A 45-year-old officer was arrested.')).toEqual([]);
  });

  it('reads sets', () => {
    expect(brief(only('The exercise is held every year.'))).toEqual(['every year', 'SET', 'P1Y', null]);
    expect(brief(only('Their annual trade is small.'))).toEqual(['annual', 'SET', 'P1Y', null]);
    expect(only('Ferries sail each Tuesday.').value).toBe('XXXX-WXX-2');
  });
});

describe('times of day', () => {
  it('attaches parts of day and clock times to dates', () => {
    expect(brief(only('The motorcade left on the evening of 8 May 2022.'))).toEqual([
      'the evening of 8 May 2022',
      'TIME',
      '2022-05-08TEV',
      null,
    ]);
    expect(only('The blast came at 6:30 p.m. on Friday.', '2023-11-05').value).toBe('2023-11-03T18:30');
    expect(only('Shots were heard last night.').value).toBe('2023-11-04TNI');
  });
});

describe('results reporting and holidays', () => {
  it('reads the reporting quarter and comparisons with a year before', () => {
    const found = tag(
      'Profit rose in the third quarter from a year ago, and the quarter ended strongly.',
      '2023-11-05',
    );
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['the third quarter', '2023-Q3'],
      ['a year ago', '2022-Q3'],
      ['the quarter', '2023-Q3'],
    ]);
    expect(only('Sales fell in the latest quarter.', '2023-11-05').value).toBe('2023-Q3');
  });

  it('dates holidays', () => {
    expect(only('They met on Christmas Eve.', '2023-12-28').value).toBe('2023-12-24');
    expect(only('The talks resume after Easter.', '2024-03-01').value).toBe('2023-04-09');
    expect(only('They will meet at Easter.', '2024-03-01').value).toBe('2024-03-31');
  });
});

describe('other written forms', () => {
  it('reads 24-hour zoned clocks, spoken years and two-digit range ends', () => {
    expect(only('The strike hit at 15:00 GMT on Saturday.', '2023-11-05').value).toBe('2023-11-04T15:00');
    expect(only('It was founded in nineteen eighty-four.').value).toBe('1984');
    expect(only('During the 1957-58 season the league grew.').value).toBe('1957/1958');
  });
});

describe('intervals', () => {
  it('gives every date value an earliest and latest day', () => {
    const [month, decade, present, duration] = tag('In June 2020, in the 1990s, and now, for three years.');
    expect(month?.interval).toEqual({ earliest: '2020-06-01', latest: '2020-06-30' });
    expect(decade?.interval).toEqual({ earliest: '1990-01-01', latest: '1999-12-31' });
    expect(present?.interval).toEqual({ earliest: DCT, latest: DCT });
    expect(duration?.interval).toBeNull();
  });
});

describe('without a DCT', () => {
  it('leaves the year unknown rather than guessing', () => {
    expect(only('They met on 9 July.', null).value).toBe('XXXX-07-09');
  });
});
