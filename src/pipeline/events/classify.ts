/** Types a sentence with PLOVER from its triggers alone: the first verbal trigger, else the first nominal one. */
import { triggersInText } from './analyse.js';
import type { PloverType } from './lexicon.js';

export interface SentenceTyping {
  readonly type: PloverType;
  readonly mode: string | null;
  readonly trigger: string;
}

export function classifySentence(text: string): SentenceTyping | null {
  const typed = triggersInText(text).filter((m) => m.entry.type !== null);
  const chosen = typed.find((m) => m.entry.pos === 'verb') ?? typed[0];
  if (!chosen || chosen.entry.type === null) return null;
  return { type: chosen.entry.type, mode: chosen.entry.mode, trigger: text.slice(chosen.start, chosen.end) };
}
