import { LIKELIHOOD_SCALE, type Likelihood } from '../../domain/model.js';

/**
 * Dyad's cue → likelihood table. `data/estimative/cues.json` is the same table as data, for readers and other tools;
 * a test keeps the two equal (the browser-safe pipeline cannot read files, and the build's rootDir is `src`).
 *
 * Likelihood terms follow ICD 203 (ODNI 2015); cue words are placed on that scale by the PHIA Probability
 * Yardstick (UK, 2025) and Kent's Words of Estimative Probability (1964) where those name them, otherwise by
 * the nearest ICD 203 band of their ordinary meaning.
 */

export type CueKind =
  /** The writer's own estimate ("likely", "may"): held by the author unless an attribution governs the clause. */
  | 'estimative'
  /** An estimate held by the clause's subject ("he was sceptical that", "X doubts"). */
  | 'attitude'
  /** A report of what someone asserts ("said", "claimed"); holder is the subject, likelihood unstated. */
  | 'attribution'
  /** An attribution naming its holder after the cue ("according to X", "as X put it"). */
  | 'attribution_after';

export interface CueEntry {
  /** The cue as shown to users. */
  readonly cue: string;
  /** Case-insensitive regular expression source; matched on word boundaries. */
  readonly pattern: string;
  readonly kind: CueKind;
  /** `unstated` for attributions. */
  readonly likelihood: Likelihood;
  /** Which scale places the cue: `ICD 203`, `PHIA`, `Kent`, or `usage` (nearest band of ordinary meaning). */
  readonly basis: string;
}

export { LIKELIHOOD_SCALE };

// Longer and negated forms come first: the first entry that matches at a position wins.
export const CUE_TABLE: readonly CueEntry[] = [
  // almost no chance
  {
    cue: 'almost no chance',
    pattern: '(?:almost|virtually) no (?:chance|prospect)',
    kind: 'estimative',
    likelihood: 'almost_no_chance',
    basis: 'ICD 203',
  },
  {
    cue: 'remote chance',
    pattern: 'remote (?:chance|possibility|prospect)',
    kind: 'estimative',
    likelihood: 'almost_no_chance',
    basis: 'PHIA',
  },
  {
    cue: 'cannot be ruled out',
    pattern:
      "(?:cannot|can ?not|can['’]t|could not|couldn['’]t) be (?:entirely |completely )?(?:ruled|excluded) out",
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  {
    cue: 'ruled out',
    pattern: '(?:can|could|may) be (?:\\w+ )?(?:ruled|excluded) out|(?:is|are|was|were) ruled out',
    kind: 'estimative',
    likelihood: 'almost_no_chance',
    basis: 'usage',
  },
  {
    cue: 'impossible',
    pattern: 'impossible|inconceivable|out of the question',
    kind: 'estimative',
    likelihood: 'almost_no_chance',
    basis: 'Kent',
  },
  {
    cue: 'almost certainly not',
    pattern: '(?:almost|nearly|virtually) certainly (?:not|never)',
    kind: 'estimative',
    likelihood: 'very_unlikely',
    basis: 'Kent',
  },
  // very unlikely
  {
    cue: 'highly unlikely',
    pattern: '(?:highly|very|extremely|most|deeply) (?:unlikely|improbable)',
    kind: 'estimative',
    likelihood: 'very_unlikely',
    basis: 'PHIA',
  },
  {
    cue: 'implausible',
    pattern: 'implausible|far-fetched',
    kind: 'estimative',
    likelihood: 'very_unlikely',
    basis: 'usage',
  },
  // unlikely
  {
    cue: 'not likely',
    pattern: "(?:not|n['’]t) (?:very |particularly )?(?:likely|probable)",
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'ICD 203',
  },
  {
    cue: 'probably not',
    pattern: 'probably (?:not|never)',
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'Kent',
  },
  {
    cue: 'unlikely',
    pattern: 'unlikely|improbable|improbably',
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'ICD 203',
  },
  {
    cue: 'doubtful',
    pattern: 'doubtful|questionable',
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  {
    cue: 'cast doubt on',
    pattern: 'cast(?:s|ing)? (?:\\w+ )?doubts? (?:on|over|upon)',
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  {
    cue: 'it is wrong to assume',
    pattern: "(?:it is|it[’']s|would be) (?:wrong|a mistake|mistaken) to (?:assume|think|believe|expect)",
    kind: 'estimative',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  {
    cue: 'sceptical',
    pattern: '(?:was|were|is|are|remains?|remained) (?:\\w+ )?(?:sceptical|skeptical|doubtful)',
    kind: 'attitude',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  {
    cue: 'doubt',
    pattern: 'doubts?(?:ed)? (?:that|whether)',
    kind: 'attitude',
    likelihood: 'unlikely',
    basis: 'usage',
  },
  // roughly even
  {
    cue: 'roughly even chance',
    pattern:
      '(?:roughly|about) even (?:chance|odds)|(?:chances|odds) (?:are )?about even|as likely as not|fifty-fifty',
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'ICD 203',
  },
  {
    cue: 'realistic possibility',
    pattern: 'realistic possibility|real possibility',
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'PHIA',
  },
  {
    cue: 'may well',
    pattern: '(?:may|might|could) (?:very )?well',
    kind: 'estimative',
    likelihood: 'likely',
    basis: 'usage',
  },
  {
    cue: 'might possibly',
    pattern: '(?:may|might|could) possibly',
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'usage',
  },
  {
    cue: 'may not',
    pattern: "(?:may|might) not|mightn['’]t",
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'usage',
  },
  { cue: 'may', pattern: 'may|might', kind: 'estimative', likelihood: 'roughly_even', basis: 'usage' },
  { cue: 'could', pattern: 'could(?! not)', kind: 'estimative', likelihood: 'roughly_even', basis: 'usage' },
  {
    cue: 'possibly',
    pattern: 'possibly|perhaps|maybe|conceivably',
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'usage',
  },
  { cue: 'arguably', pattern: 'arguably', kind: 'estimative', likelihood: 'roughly_even', basis: 'usage' },
  {
    cue: 'plausible',
    pattern: "(?:more |quite |entirely )?plausible|(?:it is|it[’']s) possible",
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'usage',
  },
  {
    cue: 'unclear',
    pattern: 'unclear|uncertain|(?:is|was|remains) not (?:yet )?clear|less (?:clear|certain)',
    kind: 'estimative',
    likelihood: 'roughly_even',
    basis: 'usage',
  },
  // likely
  {
    cue: 'very likely',
    pattern: '(?:very|highly|extremely) (?:likely|probable)',
    kind: 'estimative',
    likelihood: 'very_likely',
    basis: 'ICD 203',
  },
  {
    cue: 'likely',
    pattern: '(?:more |most |quite )?likely|probabl[ey]|presumably',
    kind: 'estimative',
    likelihood: 'likely',
    basis: 'ICD 203',
  },
  {
    cue: 'appears',
    pattern: 'appear(?:s|ed)? to|seem(?:s|ed)? to|apparently|seemingly',
    kind: 'estimative',
    likelihood: 'likely',
    basis: 'usage',
  },
  {
    cue: 'expected to',
    pattern: '(?:is|are|was|were) expected to',
    kind: 'estimative',
    likelihood: 'likely',
    basis: 'usage',
  },
  {
    cue: 'suggests',
    pattern: 'suggest(?:s|ed)?|indicat(?:e|es|ed)|point(?:s|ed)? to',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  // very likely
  {
    cue: 'it seems clear',
    pattern:
      '(?:it )?(?:seems|is|appears|looks|was|became|becomes) (?:(?:very|quite|now|also|abundantly|perfectly|increasingly|already|thus|therefore) )?(?:clear|evident|obvious)',
    kind: 'estimative',
    likelihood: 'very_likely',
    basis: 'usage',
  },
  {
    cue: 'evidently',
    pattern: 'evidently|clearly|surely|manifestly|obviously|undeniably|plainly',
    kind: 'estimative',
    likelihood: 'very_likely',
    basis: 'usage',
  },
  {
    cue: 'highly probable',
    pattern: 'highly probable|little doubt',
    kind: 'estimative',
    likelihood: 'very_likely',
    basis: 'ICD 203',
  },
  // almost certain
  {
    cue: 'almost certainly',
    pattern: '(?:almost|nearly|virtually) certain(?:ly)?',
    kind: 'estimative',
    likelihood: 'almost_certain',
    basis: 'ICD 203',
  },
  {
    cue: 'certainly',
    pattern: 'certainly|undoubtedly|without (?:a )?doubt|no doubt|bound to|is certain',
    kind: 'estimative',
    likelihood: 'almost_certain',
    basis: 'Kent',
  },
  {
    cue: 'will',
    pattern: "will(?! be seen)|won['’]t|shall",
    kind: 'estimative',
    likelihood: 'almost_certain',
    basis: 'usage',
  },
  // attributions
  {
    cue: 'according to',
    pattern: 'according to',
    kind: 'attribution_after',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'as X put it',
    pattern: 'as(?= [^,.;]{1,60}? (?:put|puts) it)',
    kind: 'attribution_after',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'sourced to',
    pattern: '(?:sourced|attributed|credited) to',
    kind: 'attribution_after',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'said',
    pattern: '(?:(?:has|have|had) )?(?:said|says|say(?= that))|told|tells',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'stated',
    pattern:
      'stated|declared|asserted|announced|affirmed|insist(?:s|ed)|maintain(?:s|ed)(?= that)|contend(?:s|ed)|argued|argues|(?:have|has) argued',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'claimed',
    pattern: 'claim(?:s|ed)?(?= that| it| to)|claimed|alleged|alleges',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'claims',
    pattern: "(?<=['’]s )claims? (?:of|that)",
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'noted',
    pattern:
      'noted|notes that|observed|remarked|pointed out|acknowledg(?:es|ed)|admit(?:s|ted)|conceded|confirm(?:s|ed)|den(?:ies|ied)|warn(?:s|ed)?|caution(?:s|ed)',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'emphasised',
    pattern:
      'emphasi[sz](?:es|ed)|stress(?:es|ed)|underlined|highlighted|cited|reported|revealed|(?<!\\b(?:an|the) )estimated|estimates?(?= that)|predict(?:s|ed)|conclud(?:es|ed)',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'believes',
    pattern: 'believe[sd]?|think|thinks|thought|expects?|fears?|feared|hopes? that',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'view ... as',
    pattern:
      'view(?:s|ed)?(?=[^.;]{1,140} as )|regard(?:s|ed)?(?=[^.;]{1,140} as )|see(?:s)?(?=[^.;]{1,140} as )',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
  {
    cue: 'spoke of',
    pattern: 'sp(?:oke|eaks?) (?:\\w+ ){0,2}of|called for|calling(?= [^.;]{1,60}[‘“\'"])|described',
    kind: 'attribution',
    likelihood: 'unstated',
    basis: 'usage',
  },
];
