export { findingsToGold } from './convert.js';
export { type EvalGoldOptions, evalGold } from './evaluate.js';
export { MATCHING_METHOD, matchOneToOne } from './matching.js';
export {
  type DocumentReport,
  formatGoldReport,
  type GoldReport,
  HEADLINE_LABELS,
  type Headline,
  headlineOf,
} from './report.js';
export { type GoldFile, type GoldInput, parseGoldFile, parseGoldJson } from './schema.js';
export { checkGoldAgainstText, type DocumentScores, type LayerScores, scoreDocument } from './score.js';
