/** How a Mention stands in as an event participant: its actor code, person name and whether it names a place. */
import type { Mention, Place } from '../../domain/model.js';
import { personName as actorPersonName } from '../actors/people.js';

export interface Participant {
  readonly mention: Mention;
  /** State ISO alpha-3 or organisation id; a person's or place's state. */
  readonly code: string | null;
  /** Canonical person name when a person (or a pronoun resolved to one) acts. */
  readonly person: string | null;
  readonly isPlace: boolean;
}

const STATE_CODE = /^[A-Z]{3}$/;

export function participantOf(mention: Mention, personName: (id: string) => string | null): Participant {
  const isPlace = mention.mentionType === 'place' || mention.mentionType === 'facility';
  switch (mention.mentionType) {
    case 'state':
      return { mention, code: mention.entityId ?? mention.country, person: null, isPlace: false };
    case 'organisation':
    case 'group':
      return { mention, code: mention.entityId ?? mention.country, person: null, isPlace: false };
    case 'person':
      return {
        mention,
        code: mention.country,
        person: (mention.entityId ? personName(mention.entityId) : null) ?? cleanName(mention.text),
        isPlace: false,
      };
    case 'pronoun': {
      const id = mention.entityId;
      const isState = id !== null && (STATE_CODE.test(id) || id === mention.country);
      return {
        mention,
        code: isState ? id : (mention.country ?? id),
        person: id && !isState ? personName(id) : null,
        isPlace: false,
      };
    }
    case 'place':
    case 'facility':
      return { mention, code: mention.country, person: null, isPlace };
  }
}

function cleanName(text: string): string {
  return text.replace(/['’]s$/u, '').trim();
}

export function placeOf(mention: Mention): Place {
  return { name: cleanName(mention.text), country: mention.country, lat: mention.lat, lon: mention.lon };
}

/**
 * Canonical person names: the actor stage's register (`Kim Jong-un`), else a slug (`kim-jong-un`) in title case.
 */
export function defaultPersonName(id: string): string | null {
  const known = actorPersonName(id);
  if (known) return known;
  if (!/^[a-z]+(?:[-_][a-z]+)+$/.test(id)) return null;
  return id
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}
