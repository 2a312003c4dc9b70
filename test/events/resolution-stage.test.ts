/** The event stage applies the same complement resolution as sentence typing; sentences written for the test. */
import { describe, expect, it } from 'vitest';
import type { DyadEvent } from '../../src/domain/model.js';
import { extractEvents } from '../../src/pipeline/events/index.js';
import { type ActorSpec, doc, mentionsOf, withSentences } from './builders.js';

const ACTORS: Record<string, ActorSpec> = {
  Norway: { type: 'state', id: 'NOR', country: 'NOR' },
  Chile: { type: 'state', id: 'CHL', country: 'CHL' },
};

function run(text: string): string[] {
  const document = doc(text);
  const events: DyadEvent[] = extractEvents(document, withSentences(document, mentionsOf(document, ACTORS)));
  return events.map((e) => `${e.type} ${e.source}>${e.target ?? '-'}`);
}

describe('complement resolution in the event stage', () => {
  it('emits the committed yielding act instead of an agreement plus the act', () => {
    expect(run('Norway agreed to release the Chilean fishermen to Chile.')).toEqual(['RETREAT NOR>CHL']);
  });

  it('emits the threat and not the threatened sanction', () => {
    expect(run('Norway threatened to impose sanctions on Chile.')).toEqual(['THREATEN NOR>CHL']);
  });

  it('emits the request and not the requested withdrawal as the requester’s act', () => {
    const events = run('Norway urged Chile to withdraw its ships.');
    expect(events).toContain('REQUEST NOR>CHL');
    expect(events.some((e) => e.startsWith('RETREAT'))).toBe(false);
  });
});
