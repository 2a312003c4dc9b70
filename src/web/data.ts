import { useCallback, useEffect, useState } from 'react';
import { formatGrade, type GradeAssignments } from '../analysis/reliability.js';
import type { Claim, DyadEvent, Itinerary, Observation } from '../domain/model.js';
import type { PairSummary } from '../store/coded.js';
import type { DocumentSummary } from '../store/store.js';
import { api } from './api.js';
import { type DatedEvent, dateEvents } from './lib/analysis.js';

/** Everything the dashboard, map and network draw from, loaded once and shared between views. */
export interface Workspace {
  readonly events: readonly DatedEvent[];
  readonly itineraries: readonly Itinerary[];
  readonly claims: readonly Claim[];
  readonly observations: readonly Observation[];
}

// Stores hold at most a few hundred thousand analytic findings; one request keeps the views consistent.
const ALL = 10_000_000;

let pending: Promise<Workspace> | null = null;

async function fetchWorkspace(): Promise<Workspace> {
  const findings = await api.findings({ kinds: ['event', 'itinerary', 'claim', 'observation'], limit: ALL });
  const events: DyadEvent[] = [];
  const itineraries: Itinerary[] = [];
  const claims: Claim[] = [];
  const observations: Observation[] = [];
  for (const finding of findings) {
    switch (finding.kind) {
      case 'event':
        events.push(finding);
        break;
      case 'itinerary':
        itineraries.push(finding);
        break;
      case 'claim':
        claims.push(finding);
        break;
      case 'observation':
        observations.push(finding);
        break;
      case 'sentence':
      case 'timex':
      case 'mention':
        break;
      default: {
        const unreachable: never = finding;
        return unreachable;
      }
    }
  }
  return {
    events: dateEvents(events),
    itineraries,
    claims,
    observations,
  };
}

/** Starts loading the workspace before React renders, so data and view code arrive together. */
export function prefetchWorkspace(): void {
  pending ??= fetchWorkspace();
}

/** Drops the cached workspace, titles and pairs, e.g. after an upload. */
export function invalidateWorkspace(): void {
  pending = null;
  titles = null;
  topPairs = null;
}

let titles: Promise<ReadonlyMap<string, string>> | null = null;

/** Document titles by id, loaded apart from the workspace so the charts need not wait for them. */
export function useTitles(): ReadonlyMap<string, string> {
  const [map, setMap] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    titles ??= api
      .documents({ limit: ALL })
      .then((docs: DocumentSummary[]) => new Map(docs.map((d) => [d.id, d.title ?? d.id])));
    titles.then(
      (m) => live && setMap(m),
      () => {
        titles = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return map;
}

/** The workspace, loaded once `enabled` (the dashboard waits for its first chart: the server answers in order). */
export function useWorkspace(enabled = true): {
  workspace: Workspace | null;
  error: string | null;
  reload: () => void;
} {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    pending ??= fetchWorkspace();
    pending.then(
      (w) => live && setWorkspace(w),
      (e: unknown) => {
        pending = null;
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [generation, enabled]);
  const reload = useCallback(() => {
    invalidateWorkspace();
    setError(null);
    setGeneration((g) => g + 1);
  }, []);
  return { workspace, error, reload };
}

const texts = new Map<string, Promise<string | null>>();

/** The texts of the given documents (loaded once each, at most `limit` of them), for comparing claims. */
export function useDocumentTexts(docIds: readonly string[], limit = 100): ReadonlyMap<string, string> {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(docIds)].sort().slice(0, limit).join(',');
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    Promise.all(
      ids.map(async (id) => {
        let pending = texts.get(id);
        if (!pending) {
          pending = api.document(id).then(
            (d) => d.text,
            () => null,
          );
          texts.set(id, pending);
        }
        return [id, await pending] as const;
      }),
    ).then((pairs) => {
      if (live) setLoaded(new Map(pairs.filter((p): p is readonly [string, string] => p[1] !== null)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

/**
 * Admiralty grades the analyst gives claim holders (e.g. `{"KOR": "B2"}`), stored on the server so that
 * `dyad show`, `dyad export` and the API carry the same grades.
 */
export function useHolderGrades(): [
  Readonly<Record<string, string>>,
  (holder: string, grade: string | null) => void,
] {
  const [grades, setGrades] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    api
      .grades()
      .then((all) => {
        if (live) setGrades(holderCodes(all));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const setGrade = useCallback((holder: string, grade: string | null) => {
    api
      .setGrade({ kind: 'holder', id: holder }, grade)
      .then((all) => setGrades(holderCodes(all)))
      .catch(() => {});
  }, []);
  return [grades, setGrade];
}

function holderCodes(all: GradeAssignments): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all.byHolder ?? {}).map(([holder, g]) => [holder, formatGrade(g)]),
  );
}

let topPairs: Promise<PairSummary[]> | null = null;

/** Starts loading the busiest pairs (a fast server rollup) before the dashboard's code has arrived. */
export function prefetchTopPairs(): void {
  topPairs ??= api.pairs({ limit: 200 }).catch(() => []);
}

/** The busiest pairs from the server's pair analytics (coded and extracted events); [] when unavailable. */
export function useTopPairs(): PairSummary[] | null {
  const [pairs, setPairs] = useState<PairSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    prefetchTopPairs();
    topPairs?.then((p) => live && setPairs(p));
    return () => {
      live = false;
    };
  }, []);
  return pairs;
}
