/**
 * Imports coded event files into a CodedEventStore: one transaction per file, bad rows counted and
 * reported with line numbers (first 20 kept), never aborting unless `strict`.
 */
import type { CodedDataset, CodedEventRow, CodedEventStore, CodedImportBatch } from '../store/coded.js';
import { type CodeTables, codeTables } from './codes.js';
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  parseGdeltEvent,
  parseGdeltMention,
  type RowResult,
  tabFieldCount,
  tabFields,
} from './gdelt.js';
import { CsvSplitter, FileFormatError, LineSplitter, streamText, type TextStreamProgress } from './stream.js';
import {
  ACLED_REQUIRED,
  type HeaderIndex,
  headerIndex,
  ICEWS_REQUIRED,
  missingColumns,
  parseAcledRow,
  parseIcewsRow,
} from './tabular.js';

export const BAD_ROWS_KEPT = 20;

export interface BadRow {
  readonly line: number;
  readonly reason: string;
}

export interface ImportFileResult {
  readonly path: string;
  readonly dataset: CodedDataset;
  readonly status: 'ok' | 'failed';
  /** Why the file failed; nothing of it was stored. */
  readonly reason: string | null;
  /** What the file held: `events` or `mentions`. */
  readonly content: 'events' | 'mentions' | null;
  readonly rows: number;
  readonly inserted: number;
  /** Rows whose (dataset, id) was already stored. */
  readonly duplicates: number;
  readonly badRows: number;
  readonly firstBadRows: readonly BadRow[];
  readonly seconds: number;
}

export interface ImportOptions {
  readonly strict?: boolean;
  readonly onProgress?: (path: string, progress: TextStreamProgress, rows: number) => void;
}

/** Stops the stream: a --strict bad row, or a file that is not what it should be. */
class FileFailure extends Error {}

interface Counters {
  rows: number;
  inserted: number;
  duplicates: number;
  badRows: number;
  firstBadRows: BadRow[];
  content: 'events' | 'mentions' | null;
}

export async function importFiles(
  store: CodedEventStore,
  dataset: CodedDataset,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  for (const path of paths) results.push(await importFile(store, dataset, path, options));
  return results;
}

export async function importFile(
  store: CodedEventStore,
  dataset: CodedDataset,
  path: string,
  options: ImportOptions = {},
): Promise<ImportFileResult> {
  const started = performance.now();
  const tables = codeTables();
  const counters: Counters = {
    rows: 0,
    inserted: 0,
    duplicates: 0,
    badRows: 0,
    firstBadRows: [],
    content: null,
  };
  const result = (status: 'ok' | 'failed', reason: string | null): ImportFileResult => ({
    path,
    dataset,
    status,
    reason,
    content: counters.content,
    rows: counters.rows,
    inserted: status === 'ok' ? counters.inserted : 0,
    duplicates: status === 'ok' ? counters.duplicates : 0,
    badRows: counters.badRows,
    firstBadRows: counters.firstBadRows,
    seconds: (performance.now() - started) / 1000,
  });

  let batch: CodedImportBatch;
  try {
    batch = store.beginImport();
  } catch (error) {
    return result('failed', error instanceof Error ? error.message : String(error));
  }
  const bad = (line: number, reason: string) => {
    counters.badRows++;
    if (counters.firstBadRows.length < BAD_ROWS_KEPT) counters.firstBadRows.push({ line, reason });
    if (options.strict) throw new FileFailure(`line ${line}: ${reason} (--strict)`);
  };
  const addEvent = (parsed: RowResult<CodedEventRow>, line: number) => {
    counters.rows++;
    if (!parsed.ok) return bad(line, parsed.reason);
    if (batch.addEvent(parsed.row)) counters.inserted++;
    else counters.duplicates++;
  };

  const sink = makeSink(dataset, tables, counters, batch, addEvent, bad);
  try {
    await streamText(path, sink.push, (progress) => options.onProgress?.(path, progress, counters.rows));
    sink.end();
    if (counters.rows === 0) throw new FileFailure('no data rows');
    if (counters.badRows === counters.rows) {
      throw new FileFailure(
        `every row is bad (first: line ${counters.firstBadRows[0]?.line}: ${counters.firstBadRows[0]?.reason})`,
      );
    }
    batch.commit();
    return result('ok', null);
  } catch (error) {
    batch.rollback();
    if (error instanceof FileFailure || error instanceof FileFormatError)
      return result('failed', error.message);
    if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('E')
    ) {
      return result('failed', error.message);
    }
    throw error;
  }
}

interface Sink {
  readonly push: (text: string) => void;
  readonly end: () => void;
}

function makeSink(
  dataset: CodedDataset,
  tables: CodeTables,
  counters: Counters,
  batch: CodedImportBatch,
  addEvent: (parsed: RowResult<CodedEventRow>, line: number) => void,
  bad: (line: number, reason: string) => void,
): Sink {
  switch (dataset) {
    case 'gdelt':
      return gdeltSink(tables, counters, batch, addEvent, bad);
    case 'icews':
      return headerSink('ICEWS', ICEWS_REQUIRED, (fields, header, line) =>
        addEvent(parseIcewsRow(fields, header, tables), line),
      );
    case 'acled':
      return headerSink('ACLED', ACLED_REQUIRED, (fields, header, line) =>
        addEvent(parseAcledRow(fields, header, tables), line),
      );
  }
}

/**
 * GDELT files carry no header: the first line decides whether this is an events file (57, 58 or 61
 * tab-separated fields) or a Mentions file (16 tab-separated fields, or a CSV with a header row).
 */
function gdeltSink(
  tables: CodeTables,
  counters: Counters,
  batch: CodedImportBatch,
  addEvent: (parsed: RowResult<CodedEventRow>, line: number) => void,
  bad: (line: number, reason: string) => void,
): Sink {
  let handle: ((line: string, lineNumber: number) => void) | null = null;
  let csv: CsvSplitter | null = null;
  const addMention = (fields: readonly string[], line: number) => {
    counters.rows++;
    const parsed = parseGdeltMention(fields);
    if (!parsed.ok) return bad(line, parsed.reason);
    if (batch.addMention(parsed.row)) counters.inserted++;
    else counters.duplicates++;
  };
  const lines = new LineSplitter((line, lineNumber) => {
    if (line.length === 0) return;
    if (!handle) {
      const columns = tabFieldCount(line);
      if ((GDELT_EVENT_COLUMNS as readonly number[]).includes(columns)) {
        counters.content = 'events';
        handle = (text, n) => addEvent(parseGdeltEvent(text, tables), n);
      } else if (columns === GDELT_MENTION_COLUMNS) {
        counters.content = 'mentions';
        handle = (text, n) => addMention(tabFields(text), n);
      } else if (/^globaleventid,/i.test(line)) {
        // gdeltPyR-style Mentions CSV with a header row: the rest is parsed as CSV.
        counters.content = 'mentions';
        csv = new CsvSplitter(',', (fields, n) => addMention(fields, n + 1));
        lines.stop();
        return;
      } else {
        throw new FileFailure(
          `not a GDELT file: line ${lineNumber} has ${columns} tab-separated fields (events have 57, 58 or 61; mentions 16)`,
        );
      }
    }
    handle(line, lineNumber);
  });
  return {
    push: (text) => {
      if (csv) csv.push(text);
      else {
        lines.push(text);
        // Once a CSV header was seen, the splitter's remainder belongs to the CSV parser.
        if (csv) {
          const rest = lines.takeRest();
          if (rest) (csv as CsvSplitter).push(rest);
        }
      }
    },
    end: () => {
      if (csv) csv.end();
      else lines.end();
    },
  };
}

function headerSink(
  name: string,
  required: readonly string[],
  onRow: (fields: readonly string[], header: HeaderIndex, line: number) => void,
): Sink {
  let header: HeaderIndex | null = null;
  let splitter: CsvSplitter | null = null;
  let pending = '';
  const start = (text: string): CsvSplitter => {
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    const delimiter = firstLine.split('\t').length > firstLine.split(',').length ? '\t' : ',';
    return new CsvSplitter(delimiter, (fields, line) => {
      if (!header) {
        header = headerIndex(fields);
        const missing = missingColumns(header, required);
        if (missing.length > 0) {
          throw new FileFailure(`not an ${name} file: header lacks ${missing.join(', ')}`);
        }
        return;
      }
      onRow(fields, header, line);
    });
  };
  return {
    push: (text) => {
      if (splitter) return splitter.push(text);
      // Wait for the whole header line before choosing the delimiter.
      pending += text;
      if (!pending.includes('\n') && pending.length < 1 << 16) return;
      splitter = start(pending.replace(/^\uFEFF/, ''));
      splitter.push(pending.replace(/^\uFEFF/, ''));
      pending = '';
    },
    end: () => {
      if (!splitter && pending) {
        splitter = start(pending);
        splitter.push(pending);
      }
      splitter?.end();
      if (!header) throw new FileFailure(`not an ${name} file: no header row`);
    },
  };
}
