import { type ReactNode, useId, useRef, useState } from 'react';
import { downloadCsv, downloadJson, downloadPng, downloadSvg, findingRow } from '../lib/export.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
  grey: '#8c8c8c',
} as const;

type Row = Readonly<Record<string, unknown>>;

export function ExportButtons({
  name,
  rows,
  json,
  asFindings = false,
}: {
  name: string;
  /** Records (findings, summaries, rows); interfaces are accepted as they are. */
  rows: readonly object[];
  /** What the JSON export writes; defaults to the rows. */
  json?: unknown;
  /** Rows are findings: flatten the first evidence span into CSV columns. */
  asFindings?: boolean;
}) {
  const records = rows as readonly Row[];
  const csvRows = asFindings
    ? records.map((r) => findingRow(r as Row & { evidence: { start: number; end: number }[] }))
    : records;
  return (
    <span className="exports">
      <button type="button" onClick={() => downloadCsv(`${name}.csv`, csvRows)} disabled={rows.length === 0}>
        CSV
      </button>
      <button
        type="button"
        onClick={() => downloadJson(`${name}.json`, json ?? rows)}
        disabled={rows.length === 0}
      >
        JSON
      </button>
    </span>
  );
}

export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * A chart with its text alternative: the SVG carries an aria-label summary, a toggle shows the same
 * numbers as a table, and the chart exports as SVG or PNG.
 */
export function ChartFrame({
  title,
  exportName,
  table,
  actions,
  children,
}: {
  title: string;
  exportName: string;
  table: DataTable;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const figure = useRef<HTMLElement>(null);
  const tableId = useId();
  const svg = () => figure.current?.querySelector('svg') ?? null;
  return (
    <figure className="chart" ref={figure}>
      <figcaption>
        <h3>{title}</h3>
        <span className="chart-actions">
          {actions}
          <button
            type="button"
            onClick={() => {
              const s = svg();
              if (s) downloadSvg(`${exportName}.svg`, s);
            }}
          >
            SVG
          </button>
          <button
            type="button"
            onClick={() => {
              const s = svg();
              if (s) void downloadPng(`${exportName}.png`, s);
            }}
          >
            PNG
          </button>
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide data table' : 'Show data table'}
          </button>
        </span>
      </figcaption>
      {children}
      {showTable && (
        <div className="table-scroll" id={tableId}>
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: table rows have no identity beyond position
                <tr key={i}>
                  {row.map((value, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={j}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ error }: { error: string }) {
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
