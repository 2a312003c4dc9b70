/** Parsing of pair-question parameters, shared by `dyad pair` and `/api/pair`. */
import { usageError } from '../domain/errors.js';
import type { EventOrigin, PairRollupQuery } from '../store/coded.js';
import type { PeriodUnit } from './pair.js';

export function choice<T extends string>(
  value: string | undefined,
  name: string,
  options: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if (!(options as readonly string[]).includes(value))
    throw usageError(`${name} must be ${options.join(', ')}`);
  return value as T;
}

/** yyyymmdd bound of YYYY, YYYY-MM or YYYY-MM-DD; a `to` bound covers the whole month or year. */
function dayBound(value: string | undefined, name: 'from' | 'to'): number | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) throw usageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const end = name === 'to';
  return (
    Number(match[1]) * 10000 + Number(match[2] ?? (end ? 99 : 0)) * 100 + Number(match[3] ?? (end ? 99 : 0))
  );
}

const ACTOR = /^[A-Z0-9]{2,12}$/;

export interface PairParams {
  readonly a?: string | undefined;
  readonly b?: string | undefined;
  readonly direction?: string | undefined;
  readonly source?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly by?: string | undefined;
}

export function parsePairParams(params: PairParams): { query: PairRollupQuery; by: PeriodUnit } {
  const a = params.a?.trim().toUpperCase();
  const b = params.b?.trim().toUpperCase();
  if (!a || !b) throw usageError('a pair needs two actors, e.g. PRK RUS');
  for (const actor of [a, b]) if (!ACTOR.test(actor)) throw usageError(`'${actor}' is not an actor id`);
  const from = dayBound(params.from, 'from');
  const to = dayBound(params.to, 'to');
  const by = choice(params.by, 'by', ['day', 'month', 'year'] as const, 'month');
  return {
    query: {
      a,
      b,
      direction: choice(params.direction, 'direction', ['both', 'ab', 'ba'] as const, 'both'),
      origin: choice<EventOrigin | 'all'>(params.source, 'source', ['all', 'coded', 'extracted'], 'all'),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      granularity: by === 'day' ? 'day' : 'month',
    },
    by,
  };
}
