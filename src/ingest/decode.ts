import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { hasReplacedCharacter, type KnownText } from './normalize.js';

/** How a file's bytes were turned into a string. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeOutcome =
  | {
      readonly kind: 'ok';
      readonly text: string;
      readonly encoding: TextEncoding;
      /** What decoding proved of the text, for normalizeText; absent when it proved nothing. */
      readonly known?: KnownText;
    }
  | { readonly kind: 'failed'; readonly reason: string };

// Magic numbers of common binary formats, so the reason names what the file actually is.
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF media file' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive (or an Office document)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'an empty zip archive' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x42, 0x5a, 0x68], name: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'an xz archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
  { bytes: [0x4d, 0x5a], name: 'a Windows executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'a legacy Office document' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: 'a SQLite database' },
];

/** Names the binary format the bytes start with, or null when they carry no known signature. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) return signature.name;
  }
  return null;
}

const SAMPLE = 8192;

/**
 * Decodes text bytes: UTF-16 by BOM or by its NUL-byte pattern, then strict UTF-8, then Windows-1252 when the
 * bytes look like Western text. Binary content fails with a reason; the BOM never reaches the text.
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  const signature = binarySignature(bytes);
  if (signature) return { kind: 'failed', reason: `binary file (${signature}), not text` };
  return plainUtf8(bytes) ?? decodeChecked(bytes);
}

/** decodeText without its fast path (exported for the test that holds the two to the same answers). */
export function decodeChecked(bytes: Uint8Array): DecodeOutcome {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const bomless = utf16ByNulPattern(bytes);
  if (bomless) return utf16(bytes, bomless);
  if (looksBinary(bytes)) return { kind: 'failed', reason: 'binary file (NUL or control bytes), not text' };
  const decoded = utf8(bytes);
  if (decoded.kind === 'ok') return decoded;
  if (looksLikeWindows1252(bytes)) {
    return { kind: 'ok', text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  return { kind: 'failed', reason: 'not valid UTF-8, UTF-16 or Windows-1252 text' };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The common case in native calls and one scan: no BOM, ASCII or valid UTF-8, and no character that
 * normalisation would replace (so no NUL, which rules out UTF-16, and no control character, which rules out
 * looksBinary). Null sends the bytes down the full checks below, which give the same answer for everything this
 * accepts (decode.test.ts); their JavaScript byte loops were most of decoding's cost.
 */
function plainUtf8(bytes: Uint8Array): DecodeOutcome | null {
  if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = isAscii(buffer);
  if (!ascii && !isUtf8(buffer)) return null;
  const text = buffer.toString('utf8');
  if (hasReplacedCharacter(text)) return null;
  return { kind: 'ok', text, encoding: 'utf-8', known: ascii ? 'ascii' : 'clean' };
}

function utf8(bytes: Uint8Array): DecodeOutcome {
  try {
    return { kind: 'ok', text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { kind: 'failed', reason: 'not valid UTF-8 text' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeOutcome {
  if (bytes.byteLength % 2 !== 0)
    return { kind: 'failed', reason: `not valid ${encoding} text (odd length)` };
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    // UTF-16 that decodes to control characters is binary data that happened to have a NUL pattern.
    if (controlRatio(text) > 0.1)
      return { kind: 'failed', reason: 'binary file (NUL or control bytes), not text' };
    return { kind: 'ok', text, encoding };
  } catch {
    return { kind: 'failed', reason: `not valid ${encoding} text` };
  }
}

/** UTF-16 without BOM: Western text has a NUL in every other byte, on the odd side for LE and even for BE. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.byteLength, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  if (oddNuls / pairs > 0.5 && evenNuls / pairs < 0.05) return 'utf-16le';
  if (evenNuls / pairs > 0.5 && oddNuls / pairs < 0.05) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.1;
}

function controlRatio(text: string): number {
  const sample = text.slice(0, SAMPLE);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const control = sample.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  return sample.length === 0 ? 0 : control / sample.length;
}

// Bytes Windows-1252 leaves undefined; their presence means the file is in some other encoding.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Western text in Windows-1252 is mostly ASCII; its high bytes are accented letters and typographic punctuation.
 * Text in other single-byte encodings or random bytes fails one of these tests.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    if (UNDEFINED_1252.has(b)) return false;
    high++;
  }
  if (high === 0 || high / bytes.byteLength > 0.3) return false;
  const text = decodeWindows1252(bytes);
  let letters = 0;
  let odd = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if (/\p{L}/u.test(ch)) letters++;
      continue;
    }
    if (/\p{L}/u.test(ch)) letters++;
    else if (
      !/[\u00A0\u00A3\u00A7\u00A9\u00AB\u00AE\u00B0\u00B7\u00BB\u20AC\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022]/.test(
        ch,
      )
    )
      odd++;
  }
  return letters / text.length > 0.5 && odd / high < 0.2;
}

// Windows-1252's 0x80–0x9F; Node's TextDecoder treats the label as ISO-8859-1 and yields C1 controls there.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.byteLength; start += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(start, start + CHUNK)) {
      codes.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
