import type { DyadDocument, Finding, Timex, TimexAnchor } from '../../domain/model.js';
import { findingId, type Stage, type StageContext } from '../pipeline.js';
import { tagTimexes } from './tagger.js';

export { intervalOf } from './calendar.js';
export type { TaggedAnchor, TaggedTimex, TimexPart } from './tagger.js';
export { tagTimexes } from './tagger.js';

const EXTRACTOR = { name: 'time', version: '2' } as const;

/** Time expressions (TIMEX3) with their normalised values, anchors and date intervals. */
export const timexStage: Stage = {
  extractor: EXTRACTOR,
  run(document: DyadDocument, _findings: readonly Finding[], context: StageContext): Timex[] {
    const dct = context.dct ?? (document.published ? document.published.slice(0, 10) : null);
    const tagged = tagTimexes(document.text, dct);
    const ids = tagged.map((t) => findingId('timex', document.id, t.start, t.end));
    return tagged.map((t): Timex => {
      const anchor: TimexAnchor | null = t.anchor
        ? {
            basis: t.anchor.basis,
            value: t.anchor.value,
            timexId: t.anchor.index === null ? null : (ids[t.anchor.index] ?? null),
            rule: t.anchor.rule,
          }
        : null;
      return {
        kind: 'timex',
        id: findingId('timex', document.id, t.start, t.end),
        docId: document.id,
        evidence: [{ docId: document.id, start: t.start, end: t.end }],
        extractor: EXTRACTOR,
        text: t.text,
        type: t.type,
        value: t.value,
        mod: t.mod,
        anchor,
        interval: t.interval,
      };
    });
  },
};
