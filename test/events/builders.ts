/** Small builders for hand-made documents, mentions and timexes, standing in for the time and actor stages. */
import type { DyadDocument, Finding, Mention, MentionType, Timex } from '../../src/domain/model.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';

export function doc(text: string, published = '2024-03-01'): DyadDocument {
  return {
    kind: 'document',
    id: 'testdoc',
    title: null,
    source: null,
    publisher: null,
    published,
    retrieved: '2024-03-02T00:00:00Z',
    format: 'text',
    language: 'en',
    text,
  };
}

function locate(document: DyadDocument, text: string, occurrence: number): { start: number; end: number } {
  let start = -1;
  for (let n = 0; n < occurrence; n++) {
    start = document.text.indexOf(text, start + 1);
    if (start < 0) throw new Error(`"${text}" (occurrence ${occurrence}) not in test document`);
  }
  return { start, end: start + text.length };
}

export interface ActorSpec {
  readonly type: MentionType;
  readonly id?: string | null;
  readonly country?: string | null;
  readonly lat?: number;
  readonly lon?: number;
  readonly occurrence?: number;
  /** How the stage resolved it; defaults to `alias` (`coref` for pronouns). */
  readonly resolution?: string;
}

export function mention(document: DyadDocument, text: string, spec: ActorSpec): Mention {
  const { start, end } = locate(document, text, spec.occurrence ?? 1);
  return {
    kind: 'mention',
    id: `mention:${document.id}:${start}-${end}`,
    docId: document.id,
    evidence: [{ docId: document.id, start, end }],
    extractor: { name: 'test-actors', version: '0' },
    text,
    mentionType: spec.type,
    entityId: spec.id === undefined ? null : spec.id,
    country: spec.country === undefined ? null : spec.country,
    candidates: [],
    lat: spec.lat ?? null,
    lon: spec.lon ?? null,
    resolution: spec.resolution ?? (spec.type === 'pronoun' ? 'coref' : 'alias'),
  };
}

export function timex(document: DyadDocument, text: string, value: string, occurrence = 1): Timex {
  const { start, end } = locate(document, text, occurrence);
  return {
    kind: 'timex',
    id: `timex:${document.id}:${start}-${end}`,
    docId: document.id,
    evidence: [{ docId: document.id, start, end }],
    extractor: { name: 'test-time', version: '0' },
    text,
    type: 'DATE',
    value,
    mod: null,
    anchor: null,
    interval: null,
  };
}

/** Mentions of every occurrence of each name in the text. */
export function mentionsOf(document: DyadDocument, specs: Readonly<Record<string, ActorSpec>>): Mention[] {
  const found: Mention[] = [];
  const names = Object.keys(specs).sort((a, b) => b.length - a.length);
  const taken: { start: number; end: number }[] = [];
  for (const name of names) {
    const spec = specs[name] as ActorSpec;
    const pattern = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    for (const match of document.text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + name.length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      taken.push({ start, end });
      const occurrence = document.text.slice(0, end).split(name).length - 1;
      found.push(mention(document, name, { ...spec, occurrence }));
    }
  }
  return found.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
}

export function withSentences(document: DyadDocument, findings: readonly Finding[]): Finding[] {
  return [...sentenceStage.run(document, [], { dct: document.published }), ...findings];
}

export const KIM: ActorSpec = { type: 'person', id: 'kim-jong-un', country: 'PRK' };
export const PUTIN: ActorSpec = { type: 'person', id: 'vladimir-putin', country: 'RUS' };
export const PRK: ActorSpec = { type: 'state', id: 'PRK', country: 'PRK' };
export const RUS: ActorSpec = { type: 'state', id: 'RUS', country: 'RUS' };
