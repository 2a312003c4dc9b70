import type { Claim, Finding, Observation } from '../domain/model.js';
import { FIGURE_TOLERANCE, figureKey, relativeDifference } from './conflicts.js';

/**
 * The Admiralty (NATO STANAG 2511) source grading: how reliable the source is (A–F) and how credible this piece
 * of information is (1–6), graded independently. Labels as in the Admiralty / NATO system (AJP-2.1 lineage).
 */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

export const RELIABILITY_LABELS: Readonly<Record<SourceReliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Readonly<Record<InformationCredibility, string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export interface AdmiraltyGrade {
  readonly reliability: SourceReliability;
  readonly credibility: InformationCredibility;
}

/** Grade when nothing is known: F6. */
export const UNGRADED: AdmiraltyGrade = { reliability: 'F', credibility: 6 };

/** Parses `B2`, `b 2`, `F6`; throws on anything else. */
export function parseGrade(text: string): AdmiraltyGrade {
  const match = /^\s*([A-Fa-f])\s*([1-6])\s*$/.exec(text);
  if (!match?.[1] || !match[2])
    throw new Error(`not an Admiralty grade: '${text}' (expected A–F then 1–6, e.g. B2)`);
  return {
    reliability: match[1].toUpperCase() as SourceReliability,
    credibility: Number(match[2]) as InformationCredibility,
  };
}

export function formatGrade(grade: AdmiraltyGrade): string {
  return `${grade.reliability}${grade.credibility}`;
}

/** Grades an analyst gives: per document (the publication) and per holder (who asserts a claim). */
export interface GradeAssignments {
  readonly byDocument?: Readonly<Record<string, AdmiraltyGrade>>;
  /** Keyed by claim holder: an actor id, a person's name, `author`, `unnamed`. */
  readonly byHolder?: Readonly<Record<string, AdmiraltyGrade>>;
}

export interface GradedFinding<T extends Claim | Observation> {
  readonly finding: T;
  readonly grade: AdmiraltyGrade;
  /** Where the grade came from: the claim's holder, the holder of a claim containing the figure, the document, or none. */
  readonly basis: 'holder' | 'claim' | 'document' | 'none';
}

/**
 * Attaches a grade to every claim and figure. A claim takes its holder's grade, else its document's (the document
 * vouches for its author's own judgements). A figure inside an attributed claim takes that claim's grade; else its
 * document's. Without a given grade: F6.
 */
export function gradeFindings<T extends Claim | Observation>(
  findings: readonly T[],
  assignments: GradeAssignments,
  claims: readonly Claim[] = findings.filter((f): f is T & Claim => f.kind === 'claim'),
): GradedFinding<T>[] {
  const claimOf = new Map<string, Claim>();
  for (const claim of claims) for (const id of claim.about) if (!claimOf.has(id)) claimOf.set(id, claim);
  return findings.map((finding) => {
    const document = assignments.byDocument?.[finding.docId];
    if (finding.kind === 'claim') {
      const holder = assignments.byHolder?.[finding.holder];
      if (holder) return { finding, grade: holder, basis: 'holder' };
    } else {
      const claim = claimOf.get(finding.id);
      const holder = claim ? assignments.byHolder?.[claim.holder] : undefined;
      if (holder) return { finding, grade: holder, basis: 'claim' };
    }
    if (document) return { finding, grade: document, basis: 'document' };
    return { finding, grade: UNGRADED, basis: 'none' };
  });
}

/**
 * Credibility of figures from the other reports: a figure another document gives alike is confirmed (1);
 * one another document gives differently is doubtful (4); otherwise its grade stands.
 */
export function corroborateFigures(
  graded: readonly GradedFinding<Observation>[],
): GradedFinding<Observation>[] {
  const byKey = new Map<string, Observation[]>();
  for (const { finding } of graded) {
    if (!finding.subject) continue;
    const key = figureKey(finding);
    byKey.set(key, [...(byKey.get(key) ?? []), finding]);
  }
  return graded.map((g) => {
    if (!g.finding.subject) return g;
    const others = (byKey.get(figureKey(g.finding)) ?? []).filter((o) => o.docId !== g.finding.docId);
    if (others.length === 0) return g;
    const agrees = others.some((o) => relativeDifference(o.value, g.finding.value) <= FIGURE_TOLERANCE);
    const credibility: InformationCredibility = agrees ? 1 : 4;
    return { ...g, grade: { ...g.grade, credibility } };
  });
}

/** A finding as shown to users: claims and figures carry the grade that travels with them (`B2`) and its basis. */
export type AnnotatedFinding = Finding & {
  readonly grade?: string;
  readonly gradeBasis?: GradedFinding<Claim>['basis'];
};

/** Attaches grades to the claims and figures among `findings`; other kinds pass through unchanged. */
export function annotateGrades(
  findings: readonly Finding[],
  assignments: GradeAssignments,
): AnnotatedFinding[] {
  const gradable = findings.filter(
    (f): f is Claim | Observation => f.kind === 'claim' || f.kind === 'observation',
  );
  const graded = new Map(gradeFindings(gradable, assignments).map((g) => [g.finding.id, g]));
  return findings.map((finding) => {
    const g = graded.get(finding.id);
    return g ? { ...finding, grade: formatGrade(g.grade), gradeBasis: g.basis } : finding;
  });
}
