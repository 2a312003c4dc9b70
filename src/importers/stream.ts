import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { createGunzip, createInflateRaw } from 'node:zlib';
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

/** Bytes [start, end) of a plain file, read alone (one part of a file parsed on several threads). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Streams a plain, zipped or gzipped file's (decompressed) bytes, in constant memory; with `range`, only those
 * bytes of a plain file.
 * `onBytes` runs synchronously for each chunk (so work done there applies back-pressure naturally); a chunk's
 * memory may be reused after the call. A zip of one file goes through Node's native inflate; any other zip is read
 * entry by entry, in order. A zip whose entries do not end cleanly is a FileFormatError, and so is a file whose
 * first 4 KiB hold a NUL byte (binary data).
 */
export async function streamBytes(
  path: string,
  onBytes: (bytes: Uint8Array) => void,
  onProgress?: (progress: TextStreamProgress) => void,
  range?: ByteRange,
): Promise<void> {
  const bytesTotal = range ? range.end - range.start : (await stat(path)).size;
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

  const stream = createReadStream(path, {
    highWaterMark: READ_CHUNK,
    ...(range && { start: range.start, end: range.end - 1 }),
  });
  let mode: 'unknown' | 'plain' | 'zip' | 'gzip' = range ? 'plain' : 'unknown';
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
          const entry = await singleEntry(path, bytesTotal);
          if (entry) {
            stream.destroy();
            await streamSingleEntry(path, entry, emit, (n) => onProgress?.({ bytesRead: n, bytesTotal }));
            return;
          }
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

/** Where the one file of a single-entry zip is stored, read from the archive's central directory. */
interface SingleEntry {
  readonly method: 0 | 8;
  readonly dataStart: number;
  readonly compressedSize: number;
  readonly size: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
// The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
const EOCD_SEARCH = 22 + 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The entry of a zip that holds exactly one file (what GDELT, ICEWS and ACLED publish), stored or deflated, without
 * ZIP64 sizes; null for anything else (read then by the general streaming reader, which also names what is wrong).
 */
async function singleEntry(path: string, fileSize: number): Promise<SingleEntry | null> {
  const handle = await open(path, 'r');
  try {
    const tailStart = Math.max(0, fileSize - EOCD_SEARCH);
    const tail = await readAt(handle, tailStart, fileSize - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0 || tail.readUInt16LE(eocd + 10) !== 1) return null;
    const central = await readAt(handle, tail.readUInt32LE(eocd + 16), 46);
    if (central.length < 46 || central.readUInt32LE(0) !== CENTRAL_SIGNATURE) return null;
    const method = central.readUInt16LE(10);
    const compressedSize = central.readUInt32LE(20);
    const size = central.readUInt32LE(24);
    const localOffset = central.readUInt32LE(42);
    if ((method !== 0 && method !== 8) || compressedSize === 0xffffffff || size === 0xffffffff) return null;
    const local = await readAt(handle, localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
    const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + compressedSize > fileSize) return null;
    return { method, dataStart, compressedSize, size };
  } finally {
    await handle.close();
  }
}

/** Streams a single-entry zip's file through Node's native inflate (several times faster than a JavaScript one). */
async function streamSingleEntry(
  path: string,
  entry: SingleEntry,
  emit: (bytes: Uint8Array, final: boolean) => void,
  onBytes: (n: number) => void,
): Promise<void> {
  const raw = createReadStream(path, {
    start: entry.dataStart,
    end: entry.dataStart + entry.compressedSize - 1,
    highWaterMark: READ_CHUNK,
  });
  let read = 0;
  let produced = 0;
  raw.on('data', (chunk) => {
    read += chunk.length;
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      produced += chunk.length;
      emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), false);
      onBytes(entry.dataStart + read);
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    throw new FileFormatError(`corrupt zip: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
  }
  if (produced !== entry.size)
    throw new FileFormatError(
      `corrupt zip: the entry gives ${produced} bytes, its directory says ${entry.size}`,
    );
  emit(new Uint8Array(0), true);
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
