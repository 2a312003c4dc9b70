import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';

/** A file that cannot be read as what it claims to be (truncated zip, binary data, ...). */
export class FileFormatError extends Error {}

export interface TextStreamProgress {
  /** Bytes of the file (compressed, for archives) read so far, and the file's size. */
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const GZIP_MAGIC = [0x1f, 0x8b];
const READ_CHUNK = 1 << 20;
const BINARY_CHECK_BYTES = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Streams a plain, zipped or gzipped file's (decompressed) bytes, in constant memory.
 * `onBytes` runs synchronously for each chunk (so work done there applies back-pressure naturally); a chunk's
 * memory may be reused after the call. Every entry of a zip is read in order; a zip whose entries do not end
 * cleanly is a FileFormatError, and so is a file whose first 4 KiB hold a NUL byte (binary data).
 */
export async function streamBytes(
  path: string,
  onBytes: (bytes: Uint8Array) => void,
  onProgress?: (progress: TextStreamProgress) => void,
): Promise<void> {
  const bytesTotal = (await stat(path)).size;
  let bytesRead = 0;
  let checked = 0;
  const emit = (bytes: Uint8Array, _final: boolean) => {
    if (checked < BINARY_CHECK_BYTES && bytes.length > 0) {
      const head = bytes.subarray(0, BINARY_CHECK_BYTES - checked);
      if (head.includes(0)) throw new FileFormatError('binary data, not a text file');
      checked += head.length;
    }
    if (bytes.length > 0) onBytes(bytes);
  };

  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  let mode: 'unknown' | 'plain' | 'zip' | 'gzip' = 'unknown';
  let unzip: Unzip | null = null;
  let zipError: Error | null = null;
  let entriesStarted = 0;
  let entriesFinished = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytesRead += bytes.byteLength;
      if (mode === 'unknown') {
        if (startsWith(bytes, ZIP_MAGIC)) {
          mode = 'zip';
          unzip = new Unzip((file) => {
            if (file.name.endsWith('/')) return;
            entriesStarted++;
            file.ondata = (error, data, final) => {
              if (error) {
                zipError = error;
                return;
              }
              emit(data, final);
              if (final) entriesFinished++;
            };
            file.start();
          });
          unzip.register(UnzipInflate);
        } else if (startsWith(bytes, GZIP_MAGIC)) {
          mode = 'gzip';
          stream.destroy();
          await streamGzip(path, emit, (n) => onProgress?.({ bytesRead: n, bytesTotal }));
          return;
        } else mode = 'plain';
      }
      if (unzip) {
        try {
          unzip.push(bytes, false);
        } catch (error) {
          if (error instanceof FileFormatError) throw error;
          throw new FileFormatError(`corrupt zip: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (zipError) throw new FileFormatError(`corrupt zip: ${(zipError as Error).message}`);
      } else emit(bytes, false);
      onProgress?.({ bytesRead, bytesTotal });
    }
    if (unzip) {
      try {
        unzip.push(new Uint8Array(0), true);
      } catch (error) {
        if (error instanceof FileFormatError) throw error;
        throw new FileFormatError(`corrupt zip: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (zipError) throw new FileFormatError(`corrupt zip: ${(zipError as Error).message}`);
      if (entriesStarted === 0) throw new FileFormatError('zip archive holds no file (truncated or empty)');
      if (entriesFinished < entriesStarted) throw new FileFormatError('truncated zip: an entry ends early');
    } else emit(new Uint8Array(0), true);
  } finally {
    stream.destroy();
  }
}

/** `streamBytes` decoded as UTF-8 text chunks. */
export async function streamText(
  path: string,
  onText: (text: string) => void,
  onProgress?: (progress: TextStreamProgress) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  await streamBytes(
    path,
    (bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) onText(text);
    },
    onProgress,
  );
  const rest = decoder.decode();
  if (rest.length > 0) onText(rest);
}

async function streamGzip(
  path: string,
  emit: (bytes: Uint8Array, final: boolean) => void,
  onBytes: (n: number) => void,
): Promise<void> {
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK });
  let read = 0;
  raw.on('data', (chunk) => {
    read += chunk.length;
  });
  try {
    for await (const chunk of raw.pipe(createGunzip()) as AsyncIterable<Buffer>) {
      emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), false);
      onBytes(read);
    }
  } catch (error) {
    throw new FileFormatError(`corrupt gzip: ${error instanceof Error ? error.message : String(error)}`);
  }
  emit(new Uint8Array(0), true);
}

/** Splits streamed text into lines (LF or CRLF), numbering them from 1. */
export class LineSplitter {
  private rest = '';
  private lineNumber = 0;
  private stopped = false;
  constructor(private readonly onLine: (line: string, lineNumber: number) => void) {}

  /** Called from `onLine`: deliver no further lines; the unread text stays for `takeRest`. */
  stop(): void {
    this.stopped = true;
  }

  takeRest(): string {
    const rest = this.rest;
    this.rest = '';
    return rest;
  }

  push(text: string): void {
    const buffer = this.rest.length > 0 ? this.rest + text : text;
    let start = 0;
    let newline = buffer.indexOf('\n', start);
    while (newline !== -1 && !this.stopped) {
      const end = newline > start && buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.onLine(buffer.slice(start, end), ++this.lineNumber);
      start = newline + 1;
      if (this.stopped) break;
      newline = buffer.indexOf('\n', start);
    }
    this.rest = buffer.slice(start);
  }

  end(): void {
    if (this.rest.length > 0) {
      const line = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
      this.rest = '';
      this.onLine(line, ++this.lineNumber);
    }
  }
}

/**
 * Splits streamed text into RFC 4180 records (quoted fields may hold the delimiter, quotes and newlines).
 * `lineNumber` is the line a record starts on.
 */
export class CsvSplitter {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private pendingCr = false;
  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (fields: string[], lineNumber: number) => void,
  ) {}

  push(text: string): void {
    const delimiter = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      if (this.inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the end of a chunk: decide when the next chunk comes.
            this.inQuotes = false;
            this.quoteSeen = true;
          } else this.inQuotes = false;
        } else {
          if (ch === '\n') this.line++;
          this.field += ch;
        }
        continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === '"') {
          this.field += '"';
          this.inQuotes = true;
          continue;
        }
      }
      if (ch === delimiter) {
        this.fields.push(this.field);
        this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (ch === '\r') this.pendingCr = true;
      } else if (ch === '"' && this.field.length === 0) this.inQuotes = true;
      else this.field += ch;
    }
  }

  private endRecord(): void {
    this.fields.push(this.field);
    this.field = '';
    const fields = this.fields;
    this.fields = [];
    if (fields.length === 1 && fields[0] === '') return;
    this.onRecord(fields, this.recordLine);
  }

  end(): void {
    if (this.inQuotes)
      throw new FileFormatError(`unterminated quoted field starting on line ${this.recordLine}`);
    if (this.field.length > 0 || this.fields.length > 0) this.endRecord();
  }
}
