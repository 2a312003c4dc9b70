import { useEffect, useMemo, useRef, useState } from 'react';
import type { DyadDocument, Finding, FindingKind } from '../../domain/model.js';
import { FINDING_KINDS } from '../../domain/model.js';
import type { DocumentSummary } from '../../store/store.js';
import { api } from '../api.js';
import { Empty, ErrorNote, ExportButtons, Loading } from '../components/common.js';
import { describeFinding } from '../lib/describe.js';
import { rangeLabel } from '../lib/export.js';
import { type Highlight, segmentText } from '../lib/segments.js';
import { href, navigate } from '../router.js';

export const KIND_LABELS: Record<FindingKind, string> = {
  sentence: 'Sentences',
  timex: 'Time expressions',
  mention: 'Actors and places',
  event: 'Events',
  observation: 'Figures',
  claim: 'Claims',
  itinerary: 'Itineraries',
};

export default function Reader({ docId, findingId }: { docId: string | null; findingId: string | null }) {
  if (!docId) return <DocumentPicker />;
  return <DocumentReader key={docId} docId={docId} findingId={findingId} />;
}

function DocumentPicker() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.documents({ limit: 1000 }).then(setDocuments, (e: Error) => setError(e.message));
  }, []);
  if (error) return <ErrorNote error={error} />;
  if (!documents) return <Loading what="documents" />;
  return (
    <section>
      <h1>Reader</h1>
      {documents.length === 0 ? (
        <Empty>No documents yet; add some in the Library.</Empty>
      ) : (
        <>
          <p>Pick a document to read:</p>
          <ul className="plain">
            {documents.map((d) => (
              <li key={d.id}>
                <a href={href('reader', [d.id])}>{d.title ?? d.id}</a>{' '}
                <span className="muted">{d.published}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function highlightsOf(finding: Finding): Highlight[] {
  const spans =
    finding.kind === 'itinerary'
      ? [...finding.evidence, ...finding.stops.map((s) => s.evidence)]
      : finding.evidence;
  return spans.map((s) => ({ findingId: finding.id, kind: finding.kind, start: s.start, end: s.end }));
}

function DocumentReader({ docId, findingId }: { docId: string; findingId: string | null }) {
  const [document, setDocument] = useState<DyadDocument | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<FindingKind>>(
    () => new Set(FINDING_KINDS.filter((k) => k !== 'sentence')),
  );
  const selectedMark = useRef<HTMLElement | null>(null);

  useEffect(() => {
    Promise.all([api.document(docId), api.documentFindings(docId)]).then(
      ([d, f]) => {
        setDocument(d);
        setFindings(f);
      },
      (e: Error) => setError(e.message),
    );
  }, [docId]);

  const selected = findings.find((f) => f.id === findingId) ?? null;
  const byKind = useMemo(() => {
    const groups = new Map<FindingKind, Finding[]>();
    for (const f of findings) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
    for (const list of groups.values())
      list.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
    return groups;
  }, [findings]);
  const segments = useMemo(() => {
    if (!document) return [];
    const visible = findings.filter((f) => shown.has(f.kind) || f.id === findingId);
    return segmentText(document.text, visible.flatMap(highlightsOf));
  }, [document, findings, shown, findingId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever the selection or the text changes
  useEffect(() => {
    selectedMark.current?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [findingId, segments]);

  if (error) return <ErrorNote error={error} />;
  if (!document) return <Loading what="document" />;

  const select = (id: string) => navigate(href('reader', [docId], { f: id }));
  const visibleFindings = findings.filter((f) => shown.has(f.kind));
  let firstSelected = true;

  return (
    <section className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        <h1 id="reader-title">{document.title ?? document.id}</h1>
        <p className="muted">
          {[document.publisher, document.published, document.source].filter(Boolean).join(' · ')}
        </p>
        <fieldset className="kind-toggles">
          <legend>Highlight</legend>
          {FINDING_KINDS.map((kind) => (
            <label key={kind} className={`swatch-label hl-${kind}`}>
              <input
                type="checkbox"
                checked={shown.has(kind)}
                onChange={() => {
                  const next = new Set(shown);
                  if (next.has(kind)) next.delete(kind);
                  else next.add(kind);
                  setShown(next);
                }}
              />
              {KIND_LABELS[kind]} ({byKind.get(kind)?.length ?? 0})
            </label>
          ))}
        </fieldset>
        <ExportButtons name={`dyad-${document.id}-findings`} rows={visibleFindings} asFindings />
      </header>
      <div className="reader-body">
        <article className="doc-text" aria-label="Document text">
          {segments.map((segment) => {
            const top = segment.covering[0];
            if (!top) return <span key={segment.start}>{segment.text}</span>;
            const isSelected = segment.covering.some((h) => h.findingId === findingId);
            const ref =
              isSelected && firstSelected
                ? (el: HTMLElement | null) => {
                    selectedMark.current = el;
                  }
                : undefined;
            if (isSelected) firstSelected = false;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut; keyboard users select the same findings in the side list
              <mark
                key={segment.start}
                ref={ref}
                className={`hl hl-${top.kind}${isSelected ? ' selected' : ''}`}
                data-finding={isSelected ? (findingId ?? undefined) : undefined}
                title={segment.covering.map((h) => h.kind).join(', ')}
                onClick={() => select(top.findingId)}
              >
                {segment.text}
              </mark>
            );
          })}
        </article>
        <aside className="finding-list" aria-label="Findings">
          {selected && <FindingDetail finding={selected} text={document.text} />}
          {visibleFindings.length === 0 && <Empty>No findings of the shown kinds.</Empty>}
          {FINDING_KINDS.filter((k) => shown.has(k) && byKind.has(k)).map((kind) => (
            <section key={kind}>
              <h2 className={`swatch-label hl-${kind}`}>{KIND_LABELS[kind]}</h2>
              <ul className="plain">
                {(byKind.get(kind) ?? []).map((f) => (
                  <li key={f.id}>
                    <button
                      type="button"
                      className={`finding-button${f.id === findingId ? ' active' : ''}`}
                      aria-pressed={f.id === findingId}
                      onClick={() => select(f.id)}
                    >
                      {describeFinding(f, document.text)}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </aside>
      </div>
    </section>
  );
}

function FindingDetail({ finding, text }: { finding: Finding; text: string }) {
  const evidence = finding.evidence.map((s) => text.slice(s.start, s.end));
  return (
    <section className="finding-detail" aria-live="polite" aria-label="Selected finding">
      <h2>{describeFinding(finding, text)}</h2>
      <dl>
        <dt>Evidence</dt>
        {evidence.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence spans are positional
          <dd key={i}>“{e}”</dd>
        ))}
        <dt>Extractor</dt>
        <dd>
          {finding.extractor.name} {finding.extractor.version}
        </dd>
        <KindDetail finding={finding} />
      </dl>
    </section>
  );
}

function KindDetail({ finding }: { finding: Finding }) {
  switch (finding.kind) {
    case 'timex':
      return (
        <>
          <dt>Value</dt>
          <dd>
            <code>{finding.value}</code> ({finding.type}
            {finding.mod ? `, ${finding.mod}` : ''})
          </dd>
          {finding.interval && (
            <>
              <dt>Denotes</dt>
              <dd>
                {finding.interval.earliest} – {finding.interval.latest}
              </dd>
            </>
          )}
          <dt>Why</dt>
          <dd>
            {finding.anchor
              ? `resolved against ${finding.anchor.basis === 'dct' ? 'the publication date' : 'the last date mentioned'} (${finding.anchor.value}) by rule ${finding.anchor.rule}`
              : 'an absolute expression; no anchor needed'}
          </dd>
        </>
      );
    case 'event':
      return (
        <>
          <dt>When</dt>
          <dd>{rangeLabel(finding.date)}</dd>
          <dt>Where</dt>
          <dd>{finding.location?.name ?? '—'}</dd>
          <dt>Factuality</dt>
          <dd>
            {finding.factuality}
            {finding.claimedBy ? ` (by ${finding.claimedBy})` : ''}
          </dd>
          <dt>Origin</dt>
          <dd>{finding.origin}</dd>
        </>
      );
    case 'mention':
      return (
        <>
          <dt>Resolved</dt>
          <dd>
            {finding.entityId ?? 'unresolved'}
            {finding.resolution ? ` by ${finding.resolution}` : ''}
            {finding.country ? `, country ${finding.country}` : ''}
          </dd>
        </>
      );
    case 'claim':
      return (
        <>
          <dt>Holder</dt>
          <dd>
            {finding.holder}
            {finding.holderText ? ` (“${finding.holderText}”)` : ''}
          </dd>
          <dt>Likelihood</dt>
          <dd>{finding.likelihood.replace(/_/g, ' ')}</dd>
        </>
      );
    case 'itinerary':
      return (
        <>
          <dt>Stops</dt>
          <dd>
            <ol>
              {finding.stops.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: stops are ordered
                <li key={i}>
                  {s.date ?? 'undated'} {s.what} {s.place.name}
                </li>
              ))}
            </ol>
          </dd>
        </>
      );
    case 'observation':
    case 'sentence':
      return null;
    default: {
      const unreachable: never = finding;
      return unreachable;
    }
  }
}
