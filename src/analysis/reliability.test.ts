import { describe, expect, it } from 'vitest';
import type { Claim, Observation } from '../domain/model.js';
import { corroborateFigures, formatGrade, gradeFindings, parseGrade, UNGRADED } from './reliability.js';

function observation(id: string, docId: string, value: number): Observation {
  return {
    kind: 'observation',
    id,
    docId,
    evidence: [{ docId, start: 0, end: 4 }],
    extractor: { name: 'figures', version: '1' },
    indicator: 'exports',
    subject: 'PRK',
    partner: 'CHN',
    period: '2022',
    value,
    unit: 'USD',
    qualifier: null,
    low: null,
    high: null,
  };
}

function claim(id: string, docId: string, holder: string, about: string[] = []): Claim {
  return {
    kind: 'claim',
    id,
    docId,
    evidence: [{ docId, start: 0, end: 4 }],
    extractor: { name: 'claims', version: '1' },
    holder,
    holderText: null,
    cue: 'said',
    likelihood: 'unstated',
    proposition: null,
    about,
  };
}

describe('Admiralty grades', () => {
  it('parses and formats A–F with 1–6, and rejects anything else', () => {
    expect(parseGrade(' b2 ')).toEqual({ reliability: 'B', credibility: 2 });
    expect(formatGrade(parseGrade('F6'))).toBe('F6');
    expect(() => parseGrade('G1')).toThrow(/Admiralty/);
    expect(() => parseGrade('A7')).toThrow();
  });
});

describe('gradeFindings', () => {
  const figureInClaim = observation('o1', 'doc1', 134e6);
  const figureOfAuthor = observation('o2', 'doc1', 1.39e9);
  const usaClaim = claim('c1', 'doc1', 'USA', ['o1']);
  const authorClaim = claim('c2', 'doc1', 'author');
  const otherDocClaim = claim('c3', 'doc2', 'unnamed');
  const assignments = { byDocument: { doc1: parseGrade('B2') }, byHolder: { USA: parseGrade('C3') } };

  it('grades claims by holder, else by document, else F6', () => {
    const graded = gradeFindings([usaClaim, authorClaim, otherDocClaim], assignments);
    expect(graded.map((g) => [formatGrade(g.grade), g.basis])).toEqual([
      ['C3', 'holder'],
      ['B2', 'document'],
      [formatGrade(UNGRADED), 'none'],
    ]);
  });

  it('grades a figure inside an attributed claim by that claim’s holder, others by their document', () => {
    const graded = gradeFindings([figureInClaim, figureOfAuthor], assignments, [usaClaim, authorClaim]);
    expect(graded.map((g) => [g.finding.id, formatGrade(g.grade), g.basis])).toEqual([
      ['o1', 'C3', 'claim'],
      ['o2', 'B2', 'document'],
    ]);
  });

  it('confirms figures another document repeats and doubts those it contradicts', () => {
    const graded = gradeFindings(
      [observation('a', 'doc1', 100), observation('b', 'doc2', 100.5), observation('c', 'doc3', 150)],
      { byDocument: { doc1: parseGrade('B3') } },
    );
    const result = corroborateFigures(graded);
    expect(result.map((g) => formatGrade(g.grade))).toEqual(['B1', 'F1', 'F4']);
  });
});
