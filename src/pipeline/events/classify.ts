/**
 * Types a sentence with PLOVER from the triggers the event stage resolves (complements folded in): a nominal
 * trigger standing as subject before the first verbal trigger ("Protests erupted ..."), else the first verbal
 * trigger, else the first nominal one.
 */
import { triggersInText } from './analyse.js';
import type { PloverType } from './lexicon.js';
import { DETERMINERS, PREPOSITIONS, type Token, tokenize } from './tokens.js';

/** Whether the noun at `index` follows a preposition, past its determiners and adjectives. */
function inPrepositionalPhrase(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
    const token = tokens[k] as Token;
    if (PREPOSITIONS.has(token.lower)) return true;
    if (!token.isWord || !(DETERMINERS.has(token.lower) || /^[a-z-]+$/.test(token.text))) return false;
  }
  return false;
}

export interface SentenceTyping {
  readonly type: PloverType;
  readonly mode: string | null;
  readonly trigger: string;
}

export function classifySentence(text: string): SentenceTyping | null {
  const typed = triggersInText(text).filter((m) => m.entry.type !== null);
  const verb = typed.find((m) => m.entry.pos === 'verb');
  const tokens = tokenize(text);
  const subjectNoun = typed.find(
    (m) =>
      m.entry.pos === 'noun' && (!verb || m.first < verb.first) && !inPrepositionalPhrase(tokens, m.first),
  );
  const chosen = subjectNoun ?? verb ?? typed[0];
  if (!chosen || chosen.entry.type === null) return null;
  return { type: chosen.entry.type, mode: chosen.entry.mode, trigger: text.slice(chosen.start, chosen.end) };
}
