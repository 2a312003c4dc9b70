import { type DragEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { FindingKind } from '../../domain/model.js';
import { FINDING_KINDS } from '../../domain/model.js';
import type { UploadResult } from '../../server/api-client.js';
import type { DocumentSummary } from '../../store/store.js';
import { api } from '../api.js';
import { Empty, ErrorNote, ExportButtons, Loading } from '../components/common.js';
import { invalidateWorkspace } from '../data.js';
import { href } from '../router.js';

const COUNTED: readonly FindingKind[] = FINDING_KINDS.filter((k) => k !== 'sentence');

export default function Library() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<UploadResult[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.documents({ limit: 100_000 }).then(setDocuments, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const finish = (promise: Promise<UploadResult[]>) => {
    setBusy(true);
    setError(null);
    promise
      .then((r) => {
        setResults(r);
        invalidateWorkspace();
        load();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <div className="upload-row">
        <Upload
          busy={busy}
          onFiles={(files) => finish(api.uploadFiles(files.map((f) => ({ name: f.name, data: f }))))}
        />
        <Paste busy={busy} onPaste={(pasted) => finish(api.pasteText(pasted))} />
      </div>
      {results.length > 0 && (
        <section aria-label="Upload results" className="upload-results">
          <h2>Upload results</h2>
          <ul>
            {results.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two uploads may share a name
              <li key={i} className={`status-${r.status}`}>
                <strong>{r.name}</strong>: {r.status}
                {r.docId && (
                  <>
                    {' '}
                    — <a href={href('reader', [r.docId])}>{r.title ?? r.docId}</a>, {r.findings} findings
                  </>
                )}
                {r.reason && <> — {r.reason}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <ErrorNote error={error} />}
      {documents === null ? (
        !error && <Loading what="documents" />
      ) : documents.length === 0 ? (
        <Empty>No documents yet. Drop files above, pick them, or paste text.</Empty>
      ) : (
        <DocumentTable documents={documents} />
      )}
    </section>
  );
}

function DocumentTable({ documents }: { documents: readonly DocumentSummary[] }) {
  return (
    <>
      <div className="toolbar">
        <span>{documents.length} documents</span>
        <ExportButtons name="dyad-documents" rows={documents} />
      </div>
      <div className="table-scroll">
        <table className="documents">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Published</th>
              <th scope="col">Publisher</th>
              <th scope="col">Format</th>
              <th scope="col">Characters</th>
              {COUNTED.map((k) => (
                <th scope="col" key={k}>
                  {k}s
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={href('reader', [d.id])}>{d.title ?? d.id}</a>
                  {d.source && <div className="muted small">{d.source}</div>}
                </td>
                <td>{d.published ?? '—'}</td>
                <td>{d.publisher ?? '—'}</td>
                <td>{d.format}</td>
                <td className="num">{d.chars.toLocaleString('en')}</td>
                {COUNTED.map((k) => (
                  <td className="num" key={k}>
                    {d.findingCounts[k] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Upload({ busy, onFiles }: { busy: boolean; onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <section
      className={`dropzone${over ? ' over' : ''}`}
      aria-label="Upload files"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>Drop text, Markdown, HTML or PDF files here</p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Ingesting…' : 'Choose files…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Files to ingest"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </section>
  );
}

function Paste({
  busy,
  onPaste,
}: {
  busy: boolean;
  onPaste: (pasted: { text: string; title?: string; published?: string }) => void;
}) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onPaste({ text, ...(title ? { title } : {}), ...(published ? { published } : {}) });
    setText('');
  };
  return (
    <form className="paste" onSubmit={submit} aria-label="Paste text">
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Published <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} />
      </label>
      <label className="block">
        Text
        <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        Ingest pasted text
      </button>
    </form>
  );
}
