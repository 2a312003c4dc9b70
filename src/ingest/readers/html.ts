import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeText } from '../normalize.js';
import type { ReadDocument, ReadMetadata } from '../reader.js';
import { withDateline } from './text.js';

// Minimal structural views of the DOM nodes linkedom gives us; only what the walker reads.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);
/** Page furniture, dropped only when falling back to the whole body (Readability drops it itself). */
const FURNITURE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG']);
const PARAGRAPH_BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FORM',
  'FIELDSET',
]);
const LINE_BLOCKS = new Set(['LI', 'TR', 'DT', 'DD', 'CAPTION', 'BR']);
const CELLS = new Set(['TD', 'TH']);

/** HTML: main text by Readability (linkedom DOM), falling back to the body's text; metadata from the head. */
export function readHtml(decoded: string): ReadDocument | { readonly failed: string } {
  let document: Document;
  try {
    ({ document } = parseHTML(wrapFragment(decoded)));
  } catch (error) {
    return { failed: `HTML could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Readability rewrites the DOM, so read metadata and the fallback text first.
  const metadata = htmlMetadata(document);
  const bodyText = document.body
    ? normalizeBlockText(blockText(document.body as unknown as DomNode, true))
    : '';
  let articleText = '';
  // What Readability found besides the text (it also reads JSON-LD), used where the head said nothing.
  let found: Record<string, string | null> = {};
  try {
    const article = new Readability<DomNode>(document, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
    if (article?.content) articleText = normalizeBlockText(blockText(article.content, false));
    found = {
      title: article?.title?.trim() || null,
      published: article?.publishedTime?.trim() || null,
      publisher: article?.siteName?.trim() || null,
      author: article?.byline?.trim() || null,
    };
  } catch {
    // Readability gives up on some malformed pages; the body text still serves.
  }
  // Readability can pick a fragment (a caption, a comment box); trust it only when it holds a fair share. When
  // it selects nothing narrower than the page (it returns the whole body for short pages), the body text without
  // page furniture is the better reading.
  const useArticle =
    articleText.length > 0 &&
    articleText.length >= Math.min(200, bodyText.length * 0.3) &&
    (bodyText.length === 0 || articleText.length < bodyText.length);
  const text = normalizeText(useArticle ? articleText : bodyText);
  const merged: Record<string, string | null | undefined> = { ...metadata };
  for (const [key, value] of Object.entries(found)) {
    if (value && !merged[key]) merged[key] = value;
  }
  return { format: 'html', text, metadata: withDateline(text, merged as ReadMetadata) };
}

/** linkedom needs a document; a bare fragment gets one. */
function wrapFragment(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

function htmlMetadata(document: Document): ReadMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element =
        document.querySelector(`meta[property="${key}"]`) ??
        document.querySelector(`meta[name="${key}"]`) ??
        document.querySelector(`meta[itemprop="${key}"]`);
      const content = element?.getAttribute('content')?.trim();
      if (content) return content;
    }
    return null;
  };
  const titleElement = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const language = document.documentElement?.getAttribute('lang')?.trim() || meta('og:locale', 'language');
  const metadata: Record<string, string | null> = {
    title: meta('og:title', 'twitter:title') ?? titleElement,
    source: meta('og:url') ?? canonical,
    publisher: meta('og:site_name', 'application-name'),
    published:
      meta('article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued') ??
      timeElement,
    language: language ? language.replace('_', '-') : null,
    author: meta('author', 'article:author'),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value)) as ReadMetadata;
}

// Placeholders for breaks while inline whitespace is collapsed; private-use characters never occur in markup text.
const PARAGRAPH = '\uE010';
const LINE = '\uE011';

/** Text of a DOM subtree with paragraph and line breaks where the blocks are. */
function blockText(root: DomNode, dropFurniture: boolean): string {
  const parts: string[] = [];
  const walk = (node: DomNode, preformatted: boolean): void => {
    if (node.nodeType === TEXT) {
      const text = node.textContent ?? '';
      parts.push(preformatted ? text.replace(/\n/g, LINE) : text.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT) return; // comments, processing instructions
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || (dropFurniture && FURNITURE.has(name))) return;
    if (name === 'BR') {
      parts.push(LINE);
      return;
    }
    const breakMark = PARAGRAPH_BLOCKS.has(name) ? PARAGRAPH : LINE_BLOCKS.has(name) ? LINE : null;
    if (breakMark) parts.push(breakMark);
    if (CELLS.has(name)) parts.push('\t');
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child, preformatted || name === 'PRE');
    }
    if (breakMark) parts.push(breakMark);
  };
  walk(root, false);
  return parts.join('');
}

function normalizeBlockText(marked: string): string {
  return marked
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' '))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
