/**
 * A typed client for Dyad's HTTP API, shared by the web workbench and the CLI.
 * Browser-safe: fetch only, no Node APIs.
 */
import type { PairAnalysis, PeriodUnit } from '../analysis/pair.js';
import type { GradeAssignments } from '../analysis/reliability.js';
import type { DyadDocument, Finding, FindingKind } from '../domain/model.js';
import type { EventOrigin, PairSummary } from '../store/coded.js';
import type { DocumentSummary, GradeTarget, SearchHit } from '../store/store.js';
import type { Envelope } from './envelope.js';

/** What `POST /api/documents` reports for one uploaded file or pasted text. */
export interface UploadResult {
  readonly name: string;
  readonly status: 'inserted' | 'replaced' | 'unchanged' | 'failed' | 'skipped';
  readonly docId: string | null;
  readonly title: string | null;
  readonly reason: string | null;
  readonly findings: number;
}

export interface Health {
  readonly status: 'ok';
  readonly documents: number;
}

export interface PastedText {
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
}

/** An API answer with `ok: false`, or a transport failure, as one error type. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:8787`; empty for same-origin. */
  readonly baseUrl?: string;
  /** Sent as `Authorization: Bearer TOKEN` when set. */
  readonly token?: string | null;
  readonly fetch?: typeof fetch;
}

export interface ApiClient {
  health(): Promise<Health>;
  documents(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  document(id: string): Promise<DyadDocument>;
  documentFindings(id: string, kinds?: readonly FindingKind[]): Promise<Finding[]>;
  findings(options?: {
    kinds?: readonly FindingKind[];
    doc?: string;
    limit?: number;
    offset?: number;
  }): Promise<Finding[]>;
  search(q: string, options?: { limit?: number }): Promise<SearchHit[]>;
  uploadFiles(files: readonly { name: string; data: Blob }[]): Promise<UploadResult[]>;
  pasteText(pasted: PastedText): Promise<UploadResult[]>;
  /** Pair analytics over coded and extracted events, per day, month or year. */
  pair(options: {
    a: string;
    b: string;
    by?: PeriodUnit;
    from?: string;
    to?: string;
    source?: EventOrigin | 'all';
    direction?: 'both' | 'ab' | 'ba';
  }): Promise<PairAnalysis>;
  /** The pairs with most events. */
  pairs(options?: { limit?: number; source?: EventOrigin | 'all' }): Promise<PairSummary[]>;
  /** Admiralty grades given to documents and claim holders. */
  grades(): Promise<GradeAssignments>;
  /** Grades a document or holder (`B2`), or removes its grade with null; answers with every grade. */
  setGrade(target: GradeTarget, grade: string | null): Promise<GradeAssignments>;
  openapi(): Promise<unknown>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers });
    } catch (error) {
      throw new ApiError('network', `cannot reach the server: ${String(error)}`, 0);
    }
    let body: Envelope<T>;
    try {
      body = (await response.json()) as Envelope<T>;
    } catch {
      throw new ApiError('internal', `the server answered ${response.status} without JSON`, response.status);
    }
    if (!body.ok) throw new ApiError(body.error.code, body.error.message, response.status);
    return body.data;
  }

  return {
    health: () => call<Health>('/api/health'),
    documents: (o = {}) => call<DocumentSummary[]>(`/api/documents${query(o)}`),
    document: (id) => call<DyadDocument>(`/api/documents/${encodeURIComponent(id)}`),
    documentFindings: (id, kinds) =>
      call<Finding[]>(
        `/api/documents/${encodeURIComponent(id)}/findings${query({ kinds: kinds?.join(',') })}`,
      ),
    findings: (o = {}) =>
      call<Finding[]>(
        `/api/findings${query({ kinds: o.kinds?.join(','), doc: o.doc, limit: o.limit, offset: o.offset })}`,
      ),
    search: (q, o = {}) => call<SearchHit[]>(`/api/search${query({ q, limit: o.limit })}`),
    uploadFiles: (files) => {
      const form = new FormData();
      for (const file of files) form.append('files', file.data, file.name);
      return call<UploadResult[]>('/api/documents', { method: 'POST', body: form });
    },
    pasteText: (pasted) =>
      call<UploadResult[]>('/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(pasted),
      }),
    // The OpenAPI description is the one route served bare, as OpenAPI tools expect.
    pair: (o) => call<PairAnalysis>(`/api/pair${query({ ...o })}`),
    pairs: (o = {}) => call<PairSummary[]>(`/api/pairs${query({ ...o })}`),
    grades: () => call<GradeAssignments>('/api/grades'),
    setGrade: (target, grade) =>
      call<GradeAssignments>('/api/grades', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: target.kind, id: target.id, grade }),
      }),
    openapi: async () => {
      const headers = new Headers();
      if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
      const response = await doFetch(`${base}/api/openapi.json`, { headers });
      if (!response.ok)
        throw new ApiError('http', `openapi.json answered ${response.status}`, response.status);
      return (await response.json()) as unknown;
    },
  };
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
