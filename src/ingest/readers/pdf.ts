import { normalizeText } from '../normalize.js';
import type { ReadDocument, ReadMetadata } from '../reader.js';
import { withDateline } from './text.js';

// The parts of a pdfjs text item the line reconstruction reads.
interface PositionedText {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL?: boolean;
}

/** PDF via pdfjs: the text layer, lines rebuilt from positioned items, pages joined by blank lines. */
export async function readPdf(bytes: Uint8Array): Promise<ReadDocument | { readonly failed: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and may detach) the buffer it is given, so hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      return { failed: describePdfError(error) };
    }
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) if ('str' in item) items.push(item);
      pages.push(pageText(items));
      page.cleanup();
    }
    const text = normalizeText(pages.filter((p) => p.trim() !== '').join('\n\n'));
    if (!text) return { failed: 'PDF has no text layer (scanned?)' };
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    return { format: 'pdf', text, metadata: withDateline(text, pdfMetadata(info)) };
  } catch (error) {
    return { failed: describePdfError(error) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function describePdfError(error: unknown): string {
  const name = (error as { name?: string })?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'PDF is encrypted';
  if (name === 'InvalidPDFException') return `not a valid PDF (${message})`;
  return `PDF could not be read: ${message}`;
}

function pdfMetadata(info: unknown): ReadMetadata {
  const dict = (info ?? {}) as Record<string, unknown>;
  const string = (key: string): string | null => {
    const value = dict[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const metadata: Record<string, string | null> = {
    title: string('Title'),
    published: pdfDate(string('CreationDate')),
    author: string('Author'),
    language: string('Language'),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value)) as ReadMetadata;
}

/** A PDF date `D:YYYYMMDDHHmmSS+HH'mm'` as an ISO date (the day only: creation times are rarely meaningful). */
export function pdfDate(value: string | null): string | null {
  const match = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return null;
  const year = match[1] ?? '';
  const month = match[2] ?? '01';
  const day = match[3] ?? '01';
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}

/**
 * Rebuilds a page's lines from positioned items: a new line where the baseline moves, a space where items on one
 * line leave a gap, and a blank line where the vertical gap is clearly larger than the line spacing.
 */
export function pageText(items: readonly PositionedText[]): string {
  const lines: { y: number; size: number; text: string }[] = [];
  let current: { y: number; size: number; text: string; endX: number } | null = null;
  let breakAfter = false;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? 0) || item.height || 10;
    if (item.str === '') {
      if (item.hasEOL) breakAfter = true;
      continue;
    }
    const sameLine = current !== null && !breakAfter && Math.abs(y - current.y) < size * 0.5;
    if (current && sameLine) {
      const gap = x - current.endX;
      const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.endX = x + item.width;
    } else {
      if (current) lines.push(current);
      current = { y, size, text: item.str, endX: x + item.width };
    }
    breakAfter = Boolean(item.hasEOL);
  }
  if (current) lines.push(current);
  const out: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous) {
      const gap = previous.y - line.y;
      const spacing = Math.max(previous.size, line.size) * 1.25;
      out.push(gap > spacing * 1.5 || gap < -spacing ? '\n\n' : '\n');
    }
    out.push(line.text);
  });
  return out.join('');
}
