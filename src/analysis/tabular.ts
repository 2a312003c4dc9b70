import type { Finding, FindingKind } from '../domain/model.js';
import { primarySpan } from '../domain/model.js';

/** Flat rows of one finding kind, for CSV and tables: nested values become JSON, evidence its first span. */
export function findingRows(findings: readonly Finding[], kind: FindingKind): Record<string, unknown>[] {
  return findings
    .filter((f) => f.kind === kind)
    .map((f) => {
      const span = primarySpan(f);
      const { evidence, extractor, kind: _kind, ...rest } = f;
      const row: Record<string, unknown> = {
        id: f.id,
        doc_id: f.docId,
        start: span.start,
        end: span.end,
        extractor: extractor.name,
        extractor_version: extractor.version,
      };
      for (const [key, value] of Object.entries(rest)) {
        if (key === 'id' || key === 'docId') continue;
        row[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
      }
      if (evidence.length > 1) row.evidence = JSON.stringify(evidence);
      return row;
    });
}

/** RFC 4180 CSV with a header row taken from the union of the rows' keys. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}
