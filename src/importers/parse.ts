/**
 * Parses one coded event file into batches of events (or Mentions rows): bad rows counted with line numbers
 * (the first 20 kept), never aborting unless `strict`. Runs on the import's worker thread; writing is the
 * caller's (see import.ts).
 */
import type { CodedDataset, CodedEventBatch, CodedEventRow, CodedMentionRow } from '../store/coded.js';
import { BATCH_ROWS, CodedEventBatchBuilder } from './batch.js';
import { type CodeTables, codeTables } from './codes.js';
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  GdeltEventScanner,
  parseGdeltMention,
  type RowResult,
  tabFieldCount,
  tabFields,
} from './gdelt.js';
import {
  type ByteRange,
  CsvSplitter,
  FileFormatError,
  LineSplitter,
  streamBytes,
  type TextStreamProgress,
} from './stream.js';
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

/** Stops the parse: a --strict bad row, or a file that is not what it should be. */
export class FileFailure extends Error {}

/**
 * Why a file failed, when the error is the file's fault (a bad row under --strict, a wrong or broken format, an
 * unreadable path: the import goes on with the next file); null for an error that is a bug.
 */
export function fileFailureReason(error: unknown): string | null {
  if (error instanceof FileFailure || error instanceof FileFormatError) return error.message;
  const fileSystem =
    error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E');
  return fileSystem ? error.message : null;
}

export interface ParseOutput {
  content(content: 'events' | 'mentions'): void;
  events(batch: CodedEventBatch): void;
  mentions(rows: CodedMentionRow[]): void;
  progress(progress: TextStreamProgress, rows: number): void;
}

export interface ParseSummary {
  readonly rows: number;
  readonly badRows: number;
  readonly firstBadRows: readonly BadRow[];
  /** Lines read, for GDELT event files (whose parts may be parsed apart: see `mergeSummaries`); else 0. */
  readonly lines: number;
}

interface Counters {
  rows: number;
  badRows: number;
  firstBadRows: BadRow[];
  lines: number;
}

/**
 * Parses a file, or with `range` the lines of a plain GDELT events file that start in it; throws FileFailure or
 * FileFormatError (nothing of the file should then be kept). Line numbers count from the range's start.
 */
export async function parseCodedFile(
  path: string,
  dataset: CodedDataset,
  strict: boolean,
  out: ParseOutput,
  range?: ByteRange,
): Promise<ParseSummary> {
  const tables = codeTables();
  const counters: Counters = { rows: 0, badRows: 0, firstBadRows: [], lines: 0 };
  const bad = (line: number, reason: string) => {
    counters.rows++;
    counters.badRows++;
    if (counters.firstBadRows.length < BAD_ROWS_KEPT) counters.firstBadRows.push({ line, reason });
    if (strict) throw new FileFailure(`line ${line}: ${reason} (--strict)`);
  };
  const builder = new CodedEventBatchBuilder();
  const flushEvents = () => {
    if (builder.length > 0) out.events(builder.take());
  };
  const mentions: CodedMentionRow[] = [];
  const flushMentions = () => {
    if (mentions.length > 0) out.mentions(mentions.splice(0));
  };
  const addRow = (parsed: RowResult<CodedEventRow>, line: number) => {
    if (!parsed.ok) return bad(line, parsed.reason);
    counters.rows++;
    builder.add(parsed.row);
    if (builder.full) flushEvents();
  };
  const addMention = (fields: readonly string[], line: number) => {
    const parsed = parseGdeltMention(fields);
    if (!parsed.ok) return bad(line, parsed.reason);
    counters.rows++;
    mentions.push(parsed.row);
    if (mentions.length === BATCH_ROWS) flushMentions();
  };

  let sink: ByteSink;
  switch (dataset) {
    case 'gdelt':
      sink = gdeltSink(tables, builder, counters, out, flushEvents, addMention, bad);
      break;
    case 'icews':
    case 'acled': {
      // Delimited files with a header row, mapped by column name.
      const [name, required, parseRow] =
        dataset === 'icews'
          ? (['ICEWS', ICEWS_REQUIRED, parseIcewsRow] as const)
          : (['ACLED', ACLED_REQUIRED, parseAcledRow] as const);
      out.content('events');
      sink = textSink(
        headerSink(name, required, (fields, header, line) => addRow(parseRow(fields, header, tables), line)),
      );
      break;
    }
  }
  await streamBytes(path, sink.push, (progress) => out.progress(progress, counters.rows), range);
  sink.end();
  flushEvents();
  flushMentions();
  counters.lines = sink.lines?.() ?? 0;
  return counters;
}

/** The summary of a file parsed in parts, in file order: line numbers of later parts follow the earlier parts'. */
export function mergeSummaries(parts: readonly ParseSummary[]): ParseSummary {
  let lines = 0;
  const merged: Counters = { rows: 0, badRows: 0, firstBadRows: [], lines: 0 };
  for (const part of parts) {
    merged.rows += part.rows;
    merged.badRows += part.badRows;
    for (const bad of part.firstBadRows)
      if (merged.firstBadRows.length < BAD_ROWS_KEPT)
        merged.firstBadRows.push({ ...bad, line: bad.line + lines });
    lines += part.lines;
  }
  merged.lines = lines;
  return merged;
}

/** Why a whole file fails when it held no row, or no good one; else null. */
export function wholeFileFailure(summary: ParseSummary): string | null {
  if (summary.rows === 0) return 'no data rows';
  if (summary.badRows < summary.rows) return null;
  const first = summary.firstBadRows[0];
  return `every row is bad (first: line ${first?.line}: ${first?.reason})`;
}

interface ByteSink {
  readonly push: (bytes: Uint8Array) => void;
  readonly end: () => void;
  /** Lines read, when the sink counts them. */
  readonly lines?: () => number;
}

interface TextSink {
  readonly push: (text: string) => void;
  readonly end: () => void;
}

function textSink(sink: TextSink): ByteSink {
  const decoder = new TextDecoder('utf-8');
  return {
    push: (bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) sink.push(text);
    },
    end: () => {
      const rest = decoder.decode();
      if (rest.length > 0) sink.push(rest);
      sink.end();
    },
  };
}

const LF = 10;

/**
 * GDELT files carry no header: the first line decides whether this is an events file (57, 58 or 61
 * tab-separated fields, read as bytes by GdeltEventScanner) or a Mentions file (16 tab-separated fields,
 * or a CSV with a header row).
 */
function gdeltSink(
  tables: CodeTables,
  builder: CodedEventBatchBuilder,
  counters: Counters,
  out: ParseOutput,
  flushEvents: () => void,
  addMention: (fields: readonly string[], line: number) => void,
  bad: (line: number, reason: string) => void,
): ByteSink {
  let chosen: ByteSink | null = null;
  const head: Uint8Array[] = [];
  let headLength = 0;

  const choose = (firstLine: string): ByteSink => {
    const columns = tabFieldCount(firstLine);
    if ((GDELT_EVENT_COLUMNS as readonly number[]).includes(columns)) {
      out.content('events');
      const scanner = new GdeltEventScanner(tables, {
        row(key, day, source, target, cameo, plover, goldstein, detail) {
          counters.rows++;
          builder.addColumns(key, day, source, target, cameo, plover, goldstein, detail);
          if (builder.full) flushEvents();
        },
        bad,
      });
      return { push: (bytes) => scanner.push(bytes), end: () => scanner.end(), lines: () => scanner.lines };
    }
    if (columns === GDELT_MENTION_COLUMNS) {
      out.content('mentions');
      const lines = new LineSplitter((line, n) => {
        if (line.length > 0) addMention(tabFields(line), n);
      });
      return textSink({ push: (text) => lines.push(text), end: () => lines.end() });
    }
    if (/^globaleventid,/i.test(firstLine)) {
      // gdeltPyR-style Mentions CSV with a header row: the rest is parsed as CSV.
      out.content('mentions');
      let header = true;
      const csv = new CsvSplitter(',', (fields, n) => {
        if (header) header = false;
        else addMention(fields, n);
      });
      return textSink({ push: (text) => csv.push(text), end: () => csv.end() });
    }
    throw new FileFailure(
      `not a GDELT file: line 1 has ${columns} tab-separated fields (events have 57, 58 or 61; mentions 16)`,
    );
  };

  // Bytes are held until the first line is whole; then every byte so far goes to the chosen parser.
  const start = (final: boolean): void => {
    const joined = new Uint8Array(headLength);
    let offset = 0;
    for (const part of head) {
      joined.set(part, offset);
      offset += part.length;
    }
    const newline = joined.indexOf(LF);
    if (newline === -1 && !final) return;
    const firstLine = new TextDecoder('utf-8')
      .decode(joined.subarray(0, newline === -1 ? joined.length : newline))
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
    chosen = choose(firstLine);
    head.length = 0;
    chosen.push(joined);
  };
  return {
    push: (bytes) => {
      if (chosen) return chosen.push(bytes);
      head.push(bytes.slice());
      headLength += bytes.length;
      start(false);
    },
    end: () => {
      if (!chosen && headLength > 0) start(true);
      chosen?.end();
    },
    lines: () => chosen?.lines?.() ?? 0,
  };
}

function headerSink(
  name: string,
  required: readonly string[],
  onRow: (fields: readonly string[], header: HeaderIndex, line: number) => void,
): TextSink {
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
