import type { DyadDocument, Mention, MentionType, Timex, TimexType } from '../../src/domain/model.js';

/** Hand-built findings for testing the figure and claim stages without the time and actor stages. */
export function makeDocument(
  text: string,
  id = 'doc1',
  published: string | null = '2023-11-05',
): DyadDocument {
  return {
    kind: 'document',
    id,
    title: null,
    source: null,
    publisher: null,
    published,
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text,
  };
}

function occurrenceAt(document: DyadDocument, text: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = document.text.indexOf(text, at + 1);
    if (at < 0) throw new Error(`'${text}' occurrence ${occurrence} not in document`);
  }
  return at;
}

export interface ActorEntry {
  readonly type: MentionType;
  readonly entityId: string | null;
  readonly country: string | null;
  readonly resolution?: string;
}

export function makeMention(
  document: DyadDocument,
  text: string,
  actor: ActorEntry,
  occurrence = 1,
): Mention {
  const start = occurrenceAt(document, text, occurrence);
  return mentionAt(document, start, text, actor);
}

function mentionAt(document: DyadDocument, start: number, text: string, actor: ActorEntry): Mention {
  return {
    kind: 'mention',
    id: `mention:${document.id}:${start}-${start + text.length}`,
    docId: document.id,
    evidence: [{ docId: document.id, start, end: start + text.length }],
    extractor: { name: 'test-actors', version: '0' },
    text,
    mentionType: actor.type,
    entityId: actor.entityId,
    country: actor.country,
    candidates: [],
    lat: null,
    lon: null,
    resolution: actor.resolution ?? 'alias',
  };
}

/** A mention for every whole-word occurrence of each name, longest names first, without overlaps. */
export function mentionsByName(
  document: DyadDocument,
  table: Readonly<Record<string, ActorEntry>>,
): Mention[] {
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  for (const name of Object.keys(table).sort((a, b) => b.length - a.length)) {
    const actor = table[name];
    if (!actor) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const match of document.text.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w$])`, 'g'))) {
      const start = match.index ?? 0;
      const end = start + name.length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      mentions.push(mentionAt(document, start, name, actor));
    }
  }
  return mentions.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
}

export function makeTimex(
  document: DyadDocument,
  text: string,
  value: string,
  type: TimexType = 'DATE',
  occurrence = 1,
): Timex {
  const start = occurrenceAt(document, text, occurrence);
  return {
    kind: 'timex',
    id: `timex:${document.id}:${start}-${start + text.length}`,
    docId: document.id,
    evidence: [{ docId: document.id, start, end: start + text.length }],
    extractor: { name: 'test-time', version: '0' },
    text,
    type,
    value,
    mod: null,
    anchor: null,
    interval: null,
  };
}

export const STATE = (id: string): ActorEntry => ({ type: 'state', entityId: id, country: id });
export const PERSON = (name: string, country: string): ActorEntry => ({
  type: 'person',
  entityId: name,
  country,
});
export const PLACE = (country: string): ActorEntry => ({ type: 'place', entityId: null, country });
export const PRONOUN = (country: string, entityId: string | null = null): ActorEntry => ({
  type: 'pronoun',
  entityId,
  country,
  resolution: 'coref',
});
export const ORG = (id: string): ActorEntry => ({ type: 'organisation', entityId: id, country: null });
