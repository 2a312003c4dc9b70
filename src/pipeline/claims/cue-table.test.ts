import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CUE_TABLE, LIKELIHOOD_SCALE } from './cue-table.js';

const DATA = fileURLToPath(new URL('../../../data/estimative/cues.json', import.meta.url));

describe('cue table', () => {
  it('is the same table as data/estimative/cues.json', () => {
    const data = JSON.parse(readFileSync(DATA, 'utf8')) as { scale: unknown; cues: unknown };
    expect(data.scale).toEqual(LIKELIHOOD_SCALE);
    expect(data.cues).toEqual(CUE_TABLE);
  });

  it('has patterns that compile and attributions that state no likelihood', () => {
    for (const entry of CUE_TABLE) {
      expect(() => new RegExp(entry.pattern, 'i'), entry.cue).not.toThrow();
      const attribution = entry.kind === 'attribution' || entry.kind === 'attribution_after';
      expect(entry.likelihood === 'unstated', entry.cue).toBe(attribution);
    }
  });
});
