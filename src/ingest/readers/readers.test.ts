import { describe, expect, it } from 'vitest';
import { decodeText } from '../decode.js';
import { normalizeText } from '../normalize.js';
import { readBytes, sniffTextFormat, splitHeaderLines } from './index.js';
import { markdownToText } from './markdown.js';
import { pageText, pdfDate } from './pdf.js';
import { datelineDate } from './text.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array, name = 'file.txt', maxBytes = 1_000_000) =>
  readBytes(bytes, name, { maxBytes });

describe('decodeText', () => {
  it('rejects binary content with a reason naming it', () => {
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      kind: 'failed',
      reason: 'binary file (a PNG image), not text',
    });
    expect(decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ kind: 'failed' });
    expect(decodeText(Uint8Array.from([65, 66, 0, 67, 68, 69, 70, 71]))).toMatchObject({
      kind: 'failed',
      reason: 'binary file (NUL or control bytes), not text',
    });
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeText(controls).kind).toBe('failed');
  });

  it('reads Windows-1252 only when it looks like Western text', () => {
    const cp1252 = (text: string) =>
      Uint8Array.from(text, (ch) => ({ '“': 0x93, '”': 0x94 })[ch] ?? ch.charCodeAt(0));
    expect(decodeText(cp1252('Le café est “prêt” à Genève.'))).toEqual({
      kind: 'ok',
      text: 'Le café est “prêt” à Genève.',
      encoding: 'windows-1252',
    });
    // Mostly high bytes: not Western text in any single-byte encoding we can vouch for.
    const random = Uint8Array.from({ length: 64 }, (_, i) => 0xa0 + ((i * 37) % 90));
    expect(decodeText(random)).toEqual({
      kind: 'failed',
      reason: 'not valid UTF-8, UTF-16 or Windows-1252 text',
    });
  });

  it('detects UTF-16 big-endian without a BOM by its NUL pattern', () => {
    const bytes = new Uint8Array([0, 0x48, 0, 0x69, 0, 0x21, 0, 0x0a]);
    expect(decodeText(bytes)).toEqual({ kind: 'ok', text: 'Hi!\n', encoding: 'utf-16be' });
  });
});

describe('readBytes', () => {
  it('fails empty, oversized and text-free files', async () => {
    expect(await read(new Uint8Array())).toEqual({ kind: 'failed', reason: 'empty file' });
    expect(await read(utf8('x'.repeat(101)), 'big.txt', 100)).toEqual({
      kind: 'failed',
      reason: 'file is 101 bytes, over the limit of 100',
    });
    expect(await read(utf8(' \n\t\n'), 'blank.txt')).toEqual({
      kind: 'failed',
      reason: 'no text in blank.txt',
    });
    expect(await read(utf8('<html><body><script>x()</script></body></html>'), 'a.html')).toEqual({
      kind: 'failed',
      reason: 'no text in a.html',
    });
    expect(await read(utf8('just text'), 'fake.pdf')).toEqual({
      kind: 'failed',
      reason: 'not a PDF (no %PDF- header)',
    });
  });

  it('sniffs HTML and front matter regardless of the extension', async () => {
    const html = await read(utf8('<!DOCTYPE html><html><body><p>Hello there.</p></body></html>'), 'page.txt');
    expect(html).toMatchObject({ kind: 'ok', document: { format: 'html', text: 'Hello there.' } });
    const md = await read(utf8('---\ntitle: T\n---\n**Bold** text.'), 'note.txt');
    expect(md).toMatchObject({
      kind: 'ok',
      document: { format: 'markdown', text: 'Bold text.', metadata: { title: 'T' } },
    });
    expect(sniffTextFormat('plain words', 'txt')).toBe('text');
    expect(sniffTextFormat('# heading', 'md')).toBe('markdown');
  });

  it('prefers header metadata over a dateline but keeps the dateline in the text', async () => {
    const outcome = await read(utf8('Published: 2020-01-02\n\n5 November 2023\nText.'));
    expect(outcome).toMatchObject({
      kind: 'ok',
      document: { text: '5 November 2023\nText.', metadata: { published: '2020-01-02' } },
    });
  });
});

describe('datelines and header lines', () => {
  it('recognises date-only first lines and nothing else', () => {
    expect(datelineDate('5 November 2023\nText')).toBe('2023-11-05');
    expect(datelineDate('November 5, 2023')).toBe('2023-11-05');
    expect(datelineDate('2023-11-05')).toBe('2023-11-05');
    expect(datelineDate('Sunday, 5 November 2023')).toBe('2023-11-05');
    expect(datelineDate('On 5 November 2023 the talks ended.')).toBeNull();
    expect(datelineDate('31 February 2023')).toBeNull();
    expect(datelineDate('Report 2023')).toBeNull();
  });

  it('splits only leading header lines', () => {
    expect(splitHeaderLines('Title: A\r\nSource: B\r\n\r\nBody: not a header\r\n')).toEqual({
      text: 'Body: not a header',
      metadata: { title: 'A', source: 'B' },
    });
    expect(splitHeaderLines('Body first\nTitle: late')).toEqual({
      text: 'Body first\nTitle: late',
      metadata: {},
    });
  });
});

describe('markdown and pdf helpers', () => {
  it('turns markdown into text without syntax', () => {
    expect(normalizeText(markdownToText('## A *b* [c](http://x "t") `d*e*`\n\n~~~\n# kept\n~~~'))).toBe(
      'A b c d*e*\n\n# kept',
    );
    expect(markdownToText('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4');
  });

  it('reads PDF dates and rebuilds lines from positioned items', () => {
    expect(pdfDate("D:20230913101500+02'00'")).toBe('2023-09-13');
    expect(pdfDate('D:2023')).toBe('2023-01-01');
    expect(pdfDate('garbage')).toBeNull();
    const item = (str: string, x: number, y: number, width: number) => ({
      str,
      transform: [12, 0, 0, 12, x, y],
      width,
      height: 12,
    });
    expect(
      pageText([
        item('Hello', 72, 720, 30),
        item('world.', 106, 720, 35),
        item('Next', 72, 705, 25),
        item('Far', 72, 650, 20),
      ]),
    ).toBe('Hello world.\nNext\n\nFar');
  });
});

describe('format sniffing', () => {
  it('takes %PDF- at the start as a PDF, and only within the first kilobyte for a .pdf name', async () => {
    const mention = await read(utf8('Notes about the %PDF- header.\n'), 'notes.txt');
    expect(mention).toMatchObject({ kind: 'ok', document: { format: 'text' } });
    const junkFirst = await read(utf8('junk\n%PDF-1.4 but broken'), 'broken.pdf');
    expect(junkFirst).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^not a valid PDF|^PDF could not be read/),
    });
    const nulFirst = await read(Uint8Array.from([0, 0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.txt');
    expect(nulFirst).toMatchObject({
      kind: 'failed',
      reason: 'binary file (NUL or control bytes), not text',
    });
  });
});

describe('html fallback', () => {
  it('reads the body when Readability finds no article, still without navigation or scripts', async () => {
    const page =
      '<html><body><nav>Menu Home</nav><span>Short note on the talks.</span><br><span>Second line.</span>' +
      '<script>track()</script><footer>Legal</footer></body></html>';
    expect(await read(utf8(page), 'note.html')).toMatchObject({
      kind: 'ok',
      document: { format: 'html', text: 'Short note on the talks.\nSecond line.' },
    });
  });
});
