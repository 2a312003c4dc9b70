import { normalizePublished } from '../dates.js';
import { type KnownText, normalizeText } from '../normalize.js';
import type { ReadDocument, ReadMetadata } from '../reader.js';

const HEADER = /^(Title|Source|URL|Published|Date|Publisher|Language):[ \t]*(.*)$/i;

const HEADER_FIELDS: Record<string, keyof ReadMetadata> = {
  title: 'title',
  source: 'source',
  url: 'source',
  published: 'published',
  date: 'published',
  publisher: 'publisher',
  language: 'language',
};

/**
 * Leading `Title:` / `Source:` / `Published:` (also `URL:`, `Date:`, `Publisher:`, `Language:`) lines are
 * metadata, not text. Takes the decoded text and returns the rest normalised (the one call to `normalizeText`).
 */
export function splitHeaderLines(text: string, known?: KnownText): { text: string; metadata: ReadMetadata } {
  const source = text.replace(/^\uFEFF/, '');
  const metadata: Record<string, string> = {};
  // Walk line by line from the top only: documents can be large and headers are a few lines.
  const lineBreak = /\r\n?|\n/g;
  let bodyStart = 0;
  let headers = 0;
  let position = 0;
  while (position <= source.length) {
    lineBreak.lastIndex = position;
    const found = lineBreak.exec(source);
    const end = found ? found.index : source.length;
    const next = found ? end + found[0].length : source.length + 1;
    const line = source.slice(position, end).trim();
    if (line === '' && headers === 0) {
      position = next;
      continue;
    }
    const match = HEADER.exec(line);
    if (!match) break;
    const field = HEADER_FIELDS[(match[1] ?? '').toLowerCase()];
    const value = (match[2] ?? '').trim();
    if (field && value && metadata[field] === undefined) metadata[field] = value;
    headers++;
    position = next;
    bodyStart = Math.min(next, source.length);
  }
  // Part of a text keeps what was known of the whole.
  if (headers === 0) return { text: normalizeText(text, known), metadata: {} };
  return { text: normalizeText(source.slice(bodyStart), known), metadata };
}

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DATE_ONLY = [
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}$/,
  /^[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$/,
];

/**
 * A first line that is only a date ("5 November 2023", "2023-11-05", "November 5, 2023", optionally after a
 * weekday) is a dateline: it stays in the text, and gives the ISO date.
 */
export function datelineDate(text: string): string | null {
  const newline = text.indexOf('\n');
  const first = (newline < 0 ? text : text.slice(0, newline)).trim();
  if (first.length > 40) return null;
  const candidate = first.replace(WEEKDAY, '').replace(/(\d)(?:st|nd|rd|th)\b/, '$1');
  if (!DATE_ONLY.some((pattern) => pattern.test(candidate))) return null;
  return normalizePublished(candidate);
}

/** Plain text: header lines become metadata, a dateline gives the published date when nothing else does. */
export function readPlainText(decoded: string, known?: KnownText): ReadDocument {
  const { text, metadata } = splitHeaderLines(decoded, known);
  return { format: 'text', text, metadata: withDateline(text, metadata) };
}

export function withDateline(text: string, metadata: ReadMetadata): ReadMetadata {
  if (metadata.published) return metadata;
  const dateline = datelineDate(text);
  return dateline ? { ...metadata, published: dateline } : metadata;
}
