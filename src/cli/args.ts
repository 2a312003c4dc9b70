import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from '../domain/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with Dyad's conventions: strict, positionals allowed, errors become usage errors. */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw usageError(`--${name} must be a positive whole number`);
  return n;
}
