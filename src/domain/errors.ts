/**
 * The few typed errors Dyad raises. Each maps to one HTTP status (server/envelope.ts)
 * and one exit code (cli/main.ts); everything else is an internal error.
 */
export type DyadErrorCode = 'usage' | 'not_found' | 'invalid_input' | 'conflict' | 'unauthorized';

export class DyadError extends Error {
  readonly code: DyadErrorCode;
  constructor(code: DyadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DyadError';
    this.code = code;
  }
}

export const usageError = (message: string) => new DyadError('usage', message);
export const notFound = (message: string) => new DyadError('not_found', message);
export const invalidInput = (message: string) => new DyadError('invalid_input', message);

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
