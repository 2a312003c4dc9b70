import { normalizeText } from '../normalize.js';
import type { ReadMetadata, ReadOptions, ReadOutcome } from '../reader.js';

/**
 * Reads one file's bytes into normalised text and metadata. Never throws: bad input is a `failed` outcome
 * with a one-line reason. (Minimal version: UTF-8 plain text with header lines.)
 */
export async function readBytes(bytes: Uint8Array, name: string, options: ReadOptions): Promise<ReadOutcome> {
  if (bytes.byteLength === 0) return { kind: 'failed', reason: 'empty file' };
  if (bytes.byteLength > options.maxBytes) {
    return {
      kind: 'failed',
      reason: `file is ${bytes.byteLength} bytes, over the limit of ${options.maxBytes}`,
    };
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'failed', reason: 'not valid UTF-8 text' };
  }
  const { text, metadata } = splitHeaderLines(normalizeText(decoded));
  if (!text) return { kind: 'failed', reason: `no text in ${name}` };
  return { kind: 'ok', document: { format: 'text', text, metadata } };
}

const HEADER = /^(Title|Source|Published|Publisher|Language):[ \t]*(.*)$/i;

/** Leading `Title:` / `Source:` / `Published:` lines are metadata, not text. */
export function splitHeaderLines(text: string): { text: string; metadata: ReadMetadata } {
  const lines = text.split('\n');
  const metadata: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const match = HEADER.exec(lines[i] ?? '');
    if (!match) break;
    metadata[(match[1] ?? '').toLowerCase()] = (match[2] ?? '').trim();
  }
  if (i === 0) return { text, metadata: {} };
  return { text: normalizeText(lines.slice(i).join('\n')), metadata };
}
