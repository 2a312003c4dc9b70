import type { Finding } from '../../domain/model.js';

/**
 * The two states a text is mostly about, when it is clearly about two: each named at least three times and
 * together dominating the state mentions. Empty otherwise.
 */
export function topicDyad(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (finding.kind !== 'mention') continue;
    if (finding.mentionType === 'pronoun') continue;
    const code = finding.mentionType === 'state' ? (finding.entityId ?? finding.country) : finding.country;
    if (!code || !/^[A-Z]{3}$/.test(code)) continue;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second, third] = ranked;
  if (!first || !second || second[1] < 3) return [];
  if (third && third[1] * 2 > second[1]) return [];
  return [first[0], second[0]];
}
