import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DyadError, type DyadErrorCode } from '../domain/errors.js';

/** The one JSON envelope of every API route. */
export type Envelope<T> =
  | { readonly ok: true; readonly data: T; readonly meta?: Record<string, unknown> }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

// One place maps typed errors to HTTP statuses (cli/main.ts maps them to exit codes).
export const HTTP_STATUS: Record<DyadErrorCode, ContentfulStatusCode> = {
  usage: 400,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  unauthorized: 401,
};

export function success<T>(data: T, meta?: Record<string, unknown>): Envelope<T> {
  return meta ? { ok: true, data, meta } : { ok: true, data };
}

export function failure(error: unknown): { status: ContentfulStatusCode; body: Envelope<never> } {
  if (error instanceof DyadError) {
    return {
      status: HTTP_STATUS[error.code],
      body: { ok: false, error: { code: error.code, message: error.message } },
    };
  }
  return { status: 500, body: { ok: false, error: { code: 'internal', message: 'internal error' } } };
}
