import type { DocumentFormat } from '../../domain/model.js';
import { binarySignature, decodeText } from '../decode.js';
import type { ReadDocument, ReadOptions, ReadOutcome } from '../reader.js';
import { hasFrontMatter, readMarkdown } from './markdown.js';
import { readPlainText } from './text.js';

export { splitHeaderLines } from './text.js';

/**
 * Reads one file's bytes into normalised text and metadata. Never throws: bad input is a `failed` outcome
 * with a one-line reason. The format comes from content sniffing first, then the file name's extension.
 */
export async function readBytes(bytes: Uint8Array, name: string, options: ReadOptions): Promise<ReadOutcome> {
  try {
    return await readChecked(bytes, name, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed(`could not read ${name}: ${message.split('\n', 1)[0]}`);
  }
}

async function readChecked(bytes: Uint8Array, name: string, options: ReadOptions): Promise<ReadOutcome> {
  if (bytes.byteLength === 0) return failed('empty file');
  if (bytes.byteLength > options.maxBytes) {
    return failed(`file is ${bytes.byteLength} bytes, over the limit of ${options.maxBytes}`);
  }
  const extension = extensionOf(name);
  if (isPdf(bytes, extension === 'pdf')) {
    // The PDF and HTML readers load large libraries: only when a file needs them.
    const { readPdf } = await import('./pdf.js');
    const read = await readPdf(bytes);
    return 'failed' in read ? failed(read.failed) : withText(read, name);
  }
  if (extension === 'pdf') {
    const binary = binarySignature(bytes);
    return failed(binary ? `binary file (${binary}), not a PDF` : 'not a PDF (no %PDF- header)');
  }
  const decoded = decodeText(bytes);
  if (decoded.kind === 'failed') return failed(decoded.reason);
  const format = sniffTextFormat(decoded.text, extension);
  switch (format) {
    case 'html': {
      const { readHtml } = await import('./html.js');
      const read = readHtml(decoded.text);
      return 'failed' in read ? failed(read.failed) : withText(read, name);
    }
    case 'markdown':
      return withText(readMarkdown(decoded.text), name);
    case 'text':
      return withText(readPlainText(decoded.text, decoded.known), name);
    case 'pdf':
      return failed('not a PDF (no %PDF- header)');
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

function failed(reason: string): ReadOutcome {
  return { kind: 'failed', reason };
}

function withText(document: ReadDocument, name: string): ReadOutcome {
  if (!document.text) return failed(`no text in ${name}`);
  return { kind: 'ok', document };
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** `%PDF-` at the start (after whitespace); for a `.pdf` name anywhere in the first kilobyte (some generators put junk first). */
function isPdf(bytes: Uint8Array, namedPdf: boolean): boolean {
  let first = 0;
  const isSpace = (b: number | undefined) => b === 0x20 || (b !== undefined && b >= 0x09 && b <= 0x0d);
  while (first < bytes.length && isSpace(bytes[first])) first++;
  const limit = namedPdf ? Math.min(bytes.length, 1024) - PDF_MAGIC.length : first;
  for (let at = first; at <= limit; at++) {
    if (PDF_MAGIC.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match ? (match[1] ?? '').toLowerCase() : '';
}

/** Content decides when it is unambiguous (markup, front matter); otherwise the extension; otherwise text. */
export function sniffTextFormat(text: string, extension: string): DocumentFormat {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  // Every markup test wants a leading '<': plain text skips lower-casing its head.
  const markup = head.startsWith('<') ? head.toLowerCase() : '';
  if (
    markup.startsWith('<!doctype html') ||
    markup.startsWith('<html') ||
    (markup.startsWith('<?xml') && markup.includes('<html')) ||
    (markup.startsWith('<!--') && /<html[\s>]/.test(markup))
  ) {
    return 'html';
  }
  if (['html', 'htm', 'xhtml'].includes(extension)) return 'html';
  if (['md', 'markdown', 'mdown', 'mkd'].includes(extension)) return 'markdown';
  if (hasFrontMatter(text)) return 'markdown';
  if (markup && /<(head|body|article|p|div)[\s>]/.test(markup)) return 'html';
  return 'text';
}
