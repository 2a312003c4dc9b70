import { describe, expect, it } from 'vitest';
import { combineScores, scoreFile } from './index.js';
import { parseTimeml, writeTimeml } from './tml.js';

const SAMPLE = `<?xml version="1.0" ?>
<TimeML>
<DOCID>sample_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-04-02" functionInDocument="CREATION_TIME">April 2, 2001</TIMEX3></DCT>
<TEXT>
Ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-03-30">Friday</TIMEX3> &amp; agreed to talk for <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX">about two days</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>`;

describe('TimeML reading and writing', () => {
  it('extracts raw text, DCT and gold timexes with offsets into the raw text', () => {
    const doc = parseTimeml(SAMPLE);
    expect(doc.docId).toBe('sample_1');
    expect(doc.dct).toBe('2001-04-02');
    expect(doc.text).toContain('Ministers met Friday & agreed');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value, t.mod])).toEqual([
      ['Friday', 'DATE', '2001-03-30', null],
      ['about two days', 'DURATION', 'P2D', 'APPROX'],
    ]);
  });

  it('writes TimeML that reads back to the same text and timexes', () => {
    const doc = parseTimeml(SAMPLE);
    const written = writeTimeml(doc, doc.timexes);
    expect(written).toContain('<DCT><TIMEX3 tid="t0"');
    expect(written).toContain('&amp; agreed');
    const again = parseTimeml(written);
    expect(again.text).toBe(doc.text);
    expect(again.timexes).toEqual(doc.timexes);
  });
});

describe('TempEval-3 scoring', () => {
  it('counts relaxed and strict matches and value accuracy', () => {
    const doc = parseTimeml(SAMPLE);
    const [friday, days] = doc.timexes;
    if (!friday || !days) throw new Error('sample timexes missing');
    const system = [
      { ...friday, value: '2001-03-30' },
      { ...days, start: days.start + 6, text: 'two days', mod: null },
      { start: 0, end: 9, text: 'Ministers', type: 'DATE', value: 'X', mod: null },
    ];
    const report = combineScores([scoreFile('sample', doc.timexes, system)]);
    expect(report.relaxed.precision).toBeCloseTo(2 / 3);
    expect(report.relaxed.recall).toBe(1);
    expect(report.strict.recall).toBe(0.5);
    expect(report.valueAccuracy).toBe(1);
    expect(report.modAccuracy).toBe(0.5);
    expect(report.valueF1).toBeCloseTo(report.relaxed.f1);
  });
});
