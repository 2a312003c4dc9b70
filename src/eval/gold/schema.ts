import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import { LIKELIHOOD_SCALE } from '../../domain/model.js';

/**
 * The gold format of `../shared/gold/README.md`, as zod schemas. Predictions written by Dyad use the same
 * format, plus optional `start`/`end` offsets next to `evidence` so a scorer need not search for the text.
 */

const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
const TIMEX_MODS = [
  'START',
  'MID',
  'END',
  'APPROX',
  'BEFORE',
  'AFTER',
  'ON_OR_AFTER',
  'ON_OR_BEFORE',
  'LESS_THAN',
  'MORE_THAN',
  'EQUAL_OR_LESS',
  'EQUAL_OR_MORE',
] as const;
const FACTUALITIES = ['asserted', 'claimed', 'possible', 'negated'] as const;

export { LIKELIHOOD_SCALE };

const LIKELIHOODS = [...LIKELIHOOD_SCALE, 'unstated'] as const;

const evidenceFields = {
  evidence: z.string().min(1),
  occurrence: z.number().int().positive().optional(),
  /** Offsets into the normalised text; only predictions carry them. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
};

const optionalText = z.string().nullable().optional();

export const goldTimexSchema = z.object({
  text: z.string(),
  type: z.enum(TIMEX_TYPES),
  value: z.string().min(1),
  mod: z.enum(TIMEX_MODS).nullable().optional(),
  anchor: optionalText,
  ...evidenceFields,
});

export const goldPlaceSchema = z.object({
  name: z.string(),
  country: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lon: z.number().nullable().optional(),
});

export const goldEventSchema = z.object({
  type: z.string().min(1),
  mode: optionalText,
  source: z.string().nullable(),
  target: z.string().nullable(),
  source_actor: optionalText,
  target_actor: optionalText,
  date: z.string().nullable(),
  location: goldPlaceSchema.nullable().optional(),
  factuality: z.enum(FACTUALITIES),
  claimed_by: optionalText,
  ...evidenceFields,
});

export const goldObservationSchema = z.object({
  indicator: z.string().min(1),
  subject: z.string().nullable(),
  partner: z.string().nullable().optional(),
  period: z.string().nullable().optional(),
  value: z.number().finite(),
  unit: z.string().min(1),
  qualifier: z.enum(['at_least', 'about', 'at_most', 'notional']).nullable().optional(),
  low: z.number().finite().nullable().optional(),
  high: z.number().finite().nullable().optional(),
  ...evidenceFields,
});

export const goldClaimSchema = z.object({
  holder: z.string().min(1),
  holder_text: optionalText,
  proposition: z.string().optional(),
  cue: z.string().optional(),
  likelihood: z.enum(LIKELIHOODS),
  ...evidenceFields,
});

export const goldStopSchema = z.object({
  date: z.string().nullable(),
  place: z.string().min(1),
  country: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lon: z.number().nullable().optional(),
  what: z.string().optional(),
  ...evidenceFields,
});

export const goldItinerarySchema = z.object({
  traveller: z.string().min(1),
  stops: z.array(goldStopSchema),
});

export const goldFileSchema = z.object({
  document: z.string().min(1),
  dct: z.string().nullable().optional(),
  timexes: z.array(goldTimexSchema).default([]),
  events: z.array(goldEventSchema).default([]),
  observations: z.array(goldObservationSchema).default([]),
  claims: z.array(goldClaimSchema).default([]),
  itineraries: z.array(goldItinerarySchema).default([]),
});

export type GoldTimex = z.infer<typeof goldTimexSchema>;
export type GoldPlace = z.infer<typeof goldPlaceSchema>;
export type GoldEvent = z.infer<typeof goldEventSchema>;
export type GoldObservation = z.infer<typeof goldObservationSchema>;
export type GoldClaim = z.infer<typeof goldClaimSchema>;
export type GoldStop = z.infer<typeof goldStopSchema>;
export type GoldItinerary = z.infer<typeof goldItinerarySchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;
/** What a scorer reads: the same shape whether it came from a gold file or from Dyad's findings. */
export type GoldInput = z.input<typeof goldFileSchema>;
export type GoldLikelihood = GoldClaim['likelihood'];

/** Parses a gold (or prediction) file; a bad item fails with the file and the item's path, e.g. `events[12].date`. */
export function parseGoldFile(json: unknown, fileLabel: string): GoldFile {
  const result = goldFileSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${fileLabel}: ${issuePath(issue.path)}: ${issueText(issue)}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw invalidInput(`${problems.join('; ')}${more}`);
}

/** Reads JSON text and parses it as a gold file, naming the file on a syntax error. */
export function parseGoldJson(text: string, fileLabel: string): GoldFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidInput(
      `${fileLabel}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseGoldFile(json, fileLabel);
}

function issuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

function issueText(issue: z.ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const expected = acceptsNull(goldFileSchema, issue.path) ? `${issue.expected} or null` : issue.expected;
  return issue.received === 'undefined'
    ? `${expected} is required`
    : `expected ${expected}, got ${issue.received}`;
}

/** Whether the schema at `path` accepts null, so a message can say "expected string or null". */
function acceptsNull(schema: z.ZodTypeAny, path: readonly (string | number)[]): boolean {
  let current: z.ZodTypeAny | undefined = schema;
  let nullable = false;
  for (let i = 0; i <= path.length && current; i++) {
    nullable = false;
    for (;;) {
      if (current instanceof z.ZodNullable) nullable = true;
      if (current instanceof z.ZodNullable || current instanceof z.ZodOptional) current = current.unwrap();
      else if (current instanceof z.ZodDefault) current = current.removeDefault();
      else break;
    }
    if (i === path.length) break;
    const part = path[i];
    if (current instanceof z.ZodArray && typeof part === 'number') current = current.element;
    else if (current instanceof z.ZodObject && typeof part === 'string') current = current.shape[part];
    else current = undefined;
  }
  return nullable;
}
