/**
 * Integration: the real sentence, time and actor stages feed the event and itinerary stages on the development
 * document, scored by the gold harness. Thresholds sit below the measured values (events F1 0.757, itinerary 1.0)
 * so that the test catches regressions without tracking every change in the upstream stages.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalGold } from '../../src/eval/gold/index.js';
import { actorStage } from '../../src/pipeline/actors/index.js';
import { eventStage } from '../../src/pipeline/events/index.js';
import { itineraryStage } from '../../src/pipeline/itinerary/index.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import { timexStage } from '../../src/pipeline/time/index.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const GOLD_DIR = `${SHARED}/gold`;
const CORPUS_DIR = `${SHARED}/corpus/dev`;

describe.skipIf(!existsSync(GOLD_DIR))(
  'events and itineraries on the development document (../shared)',
  () => {
    it('meets the event and itinerary targets', { timeout: 60_000 }, async () => {
      const report = await evalGold({
        goldDir: GOLD_DIR,
        corpusDir: CORPUS_DIR,
        pipeline: { stages: [sentenceStage, timexStage, actorStage, eventStage, itineraryStage] },
      });
      expect(report.headline.eventsF1).toBeGreaterThanOrEqual(0.7);
      expect(report.headline.itineraryScore).toBeGreaterThanOrEqual(0.875);
      const factuality = report.totals.events.factuality;
      expect(factuality.correct / Math.max(1, factuality.total)).toBeGreaterThanOrEqual(0.85);
    });
  },
);
