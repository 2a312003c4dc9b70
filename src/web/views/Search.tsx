import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { Finding, FindingKind } from '../../domain/model.js';
import type { SearchHit } from '../../store/store.js';
import { api } from '../api.js';
import { Empty, ErrorNote, ExportButtons, Loading } from '../components/common.js';
import { href, navigate } from '../router.js';

type FacetName = 'document' | 'actor' | 'kind' | 'year';
const FACETS: readonly { name: FacetName; label: string }[] = [
  { name: 'document', label: 'Document' },
  { name: 'actor', label: 'Actor' },
  { name: 'kind', label: 'Finding kind' },
  { name: 'year', label: 'Year' },
];

interface FacetedHit {
  readonly hit: SearchHit;
  readonly values: Record<FacetName, readonly string[]>;
}

/** The sentence as text nodes with <mark> around each match: never parsed as HTML. */
export function Snippet({ hit }: { hit: Pick<SearchHit, 'sentence' | 'matches'> }) {
  const parts: { text: string; match: boolean; at: number }[] = [];
  let at = 0;
  for (const m of [...hit.matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > hit.sentence.length) continue;
    if (m.start > at) parts.push({ text: hit.sentence.slice(at, m.start), match: false, at });
    parts.push({ text: hit.sentence.slice(m.start, m.end), match: true, at: m.start });
    at = m.end;
  }
  if (at < hit.sentence.length) parts.push({ text: hit.sentence.slice(at), match: false, at });
  return (
    <span className="snippet">
      {parts.map((p) => (p.match ? <mark key={p.at}>{p.text}</mark> : <span key={p.at}>{p.text}</span>))}
    </span>
  );
}

function overlapsHit(finding: Finding, hit: SearchHit): boolean {
  return finding.evidence.some((s) => s.start < hit.end && s.end > hit.start);
}

function actorsIn(finding: Finding): string[] {
  switch (finding.kind) {
    case 'mention':
      return finding.mentionType === 'place' ? [] : [finding.entityId ?? finding.text];
    case 'event':
      return [finding.source, finding.target].filter((x): x is string => Boolean(x));
    case 'claim':
      return [finding.holder];
    case 'observation':
      return [finding.subject, finding.partner].filter((x): x is string => Boolean(x));
    case 'itinerary':
      return [finding.traveller];
    case 'sentence':
    case 'timex':
      return [];
    default: {
      const unreachable: never = finding;
      return unreachable;
    }
  }
}

const FACET_KINDS: readonly FindingKind[] = [
  'timex',
  'mention',
  'event',
  'observation',
  'claim',
  'itinerary',
];

export default function Search({ initialQuery }: { initialQuery: string }) {
  const [input, setInput] = useState(initialQuery);
  const [hits, setHits] = useState<FacetedHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Partial<Record<FacetName, string>>>({});

  useEffect(() => {
    setInput(initialQuery);
    setChosen({});
    if (!initialQuery.trim()) {
      setHits(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    (async () => {
      const [found, documents] = await Promise.all([
        api.search(initialQuery, { limit: 200 }),
        api.documents({ limit: 100_000 }),
      ]);
      const docIds = [...new Set(found.map((h) => h.docId))];
      const findingsByDoc = new Map(
        await Promise.all(
          docIds.map(async (id) => [id, await api.documentFindings(id, FACET_KINDS)] as const),
        ),
      );
      const docs = new Map(documents.map((d) => [d.id, d]));
      return found.map((hit) => {
        const inside = (findingsByDoc.get(hit.docId) ?? []).filter((f) => overlapsHit(f, hit));
        const published = docs.get(hit.docId)?.published;
        return {
          hit,
          values: {
            document: [hit.title ?? hit.docId],
            actor: [...new Set(inside.flatMap(actorsIn))],
            kind: [...new Set(inside.map((f) => f.kind))],
            year: published ? [published.slice(0, 4)] : [],
          },
        };
      });
    })()
      .then(
        (result) => live && setHits(result),
        (e: Error) => live && setError(e.message),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [initialQuery]);

  const visible = useMemo(
    () =>
      (hits ?? []).filter((h) =>
        FACETS.every(({ name }) => !chosen[name] || h.values[name].includes(chosen[name] as string)),
      ),
    [hits, chosen],
  );
  const counts = useMemo(() => {
    const result = new Map<FacetName, Map<string, number>>();
    for (const { name } of FACETS) {
      const map = new Map<string, number>();
      for (const h of visible) for (const v of h.values[name]) map.set(v, (map.get(v) ?? 0) + 1);
      result.set(name, map);
    }
    return result;
  }, [visible]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('search', [], input.trim() ? { q: input.trim() } : {}));
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <search>
        <form onSubmit={submit} className="search-form">
          <label>
            Words <input type="search" value={input} onChange={(e) => setInput(e.target.value)} />
          </label>
          <button type="submit">Search</button>
        </form>
      </search>
      {error && <ErrorNote error={error} />}
      {busy && <Loading what="results" />}
      {hits && !busy && (
        <div className="search-layout">
          <aside aria-label="Facets" className="facets">
            {FACETS.map(({ name, label }) => {
              const values = [...(counts.get(name) ?? new Map<string, number>()).entries()].sort(
                (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
              );
              return (
                <fieldset key={name}>
                  <legend>{label}</legend>
                  {values.length === 0 && <span className="muted">none</span>}
                  {values.slice(0, 15).map(([value, count]) => (
                    <label key={value}>
                      <input
                        type="checkbox"
                        checked={chosen[name] === value}
                        onChange={() =>
                          setChosen({ ...chosen, [name]: chosen[name] === value ? undefined : value })
                        }
                      />
                      {value} ({count})
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </aside>
          <div className="results">
            <div className="toolbar">
              <span aria-live="polite">{visible.length} matching sentences</span>
              <ExportButtons
                name="dyad-search"
                rows={visible.map(({ hit, values }) => ({
                  docId: hit.docId,
                  title: hit.title,
                  start: hit.start,
                  end: hit.end,
                  sentence: hit.sentence,
                  actors: values.actor.join(' '),
                  kinds: values.kind.join(' '),
                }))}
              />
            </div>
            {visible.length === 0 ? (
              <Empty>No sentences match.</Empty>
            ) : (
              <ol className="hits">
                {visible.map(({ hit }) => (
                  <li key={`${hit.docId}-${hit.start}`}>
                    <a
                      href={href('reader', [hit.docId], {
                        f: `sentence:${hit.docId}:${hit.start}-${hit.end}`,
                      })}
                      className="hit-title"
                    >
                      {hit.title ?? hit.docId}
                    </a>
                    <p>
                      <Snippet hit={hit} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
