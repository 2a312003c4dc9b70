import { normalizeText } from '../normalize.js';
import type { ReadDocument, ReadMetadata } from '../reader.js';
import { withDateline } from './text.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const FRONT_MATTER_FIELDS: Record<string, keyof ReadMetadata> = {
  title: 'title',
  source: 'source',
  url: 'source',
  link: 'source',
  canonical_url: 'source',
  published: 'published',
  date: 'published',
  publication_date: 'published',
  publisher: 'publisher',
  site: 'publisher',
  site_name: 'publisher',
  language: 'language',
  lang: 'language',
  author: 'author',
};

/** True when the text opens with a YAML front matter block. */
export function hasFrontMatter(text: string): boolean {
  return FRONT_MATTER.test(text.replace(/^\uFEFF/, ''));
}

/** Splits YAML front matter (flat `key: value` pairs) from the Markdown body. */
export function splitFrontMatter(text: string): { body: string; metadata: ReadMetadata } {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source, metadata: {} };
  const metadata: Record<string, string> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!pair) continue;
    const field = FRONT_MATTER_FIELDS[(pair[1] ?? '').toLowerCase().replace(/-/g, '_')];
    const value = unquote((pair[2] ?? '').trim());
    if (field && value && metadata[field] === undefined) metadata[field] = value;
  }
  return { body: source.slice(match[0].length), metadata };
}

function unquote(value: string): string {
  const withoutComment = /^["']/.test(value) ? value : value.replace(/\s+#.*$/, '');
  const quoted = /^"(.*)"$/.exec(withoutComment) ?? /^'(.*)'$/.exec(withoutComment);
  if (!quoted) return withoutComment;
  return withoutComment.startsWith("'")
    ? (quoted[1] ?? '').replace(/''/g, "'")
    : (quoted[1] ?? '').replace(/\\"/g, '"');
}

/** Markdown with or without front matter, turned into readable plain text. */
export function readMarkdown(decoded: string): ReadDocument {
  const { body, metadata } = splitFrontMatter(decoded);
  const text = normalizeText(markdownToText(body));
  const title = metadata.title ?? firstHeading(body);
  const withTitle = title ? { ...metadata, title } : metadata;
  return { format: 'markdown', text, metadata: withDateline(text, withTitle) };
}

function firstHeading(body: string): string | null {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match ? inline(match[1] ?? '').trim() || null : null;
}

/**
 * Block-level conversion: headings, lists, quotes and tables lose their syntax, code stays as text, and every
 * heading, rule and code block stands as its own paragraph so sentence splitting never runs across them.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  const out: string[] = [];
  const paragraphBreak = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== null) {
      if (line.trim().startsWith(fence)) {
        fence = null;
        paragraphBreak();
      } else out.push(line);
      continue;
    }
    const fenceOpen = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1] ?? '```';
      paragraphBreak();
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (line.trim() !== '' && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[|>]/.test(line)) {
      // A setext heading: the text line, underlined.
      paragraphBreak();
      out.push(inline(line.trim()));
      paragraphBreak();
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      paragraphBreak();
      continue;
    }
    const heading = /^\s{0,3}#{1,6}(?:[ \t]+(.*?))?[ \t#]*$/.exec(line);
    if (heading) {
      paragraphBreak();
      out.push(inline(heading[1] ?? ''));
      paragraphBreak();
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // a link reference definition
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/.test(line)) continue; // a table's separator row
    let content = line.replace(/^(\s{0,3}>\s?)+/, '');
    if (/^\s*\|.*\|\s*$/.test(content)) {
      content = content
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => inline(cell.trim()))
        .join('\t');
      out.push(content);
      continue;
    }
    content = content.replace(/^(\s*)[-*+][ \t]+(\[[ xX]\][ \t]+)?/, '$1');
    out.push(inline(content));
  }
  return out.join('\n');
}

/** Inline syntax: code spans keep their text verbatim; images go; links keep their text; emphasis marks go. */
function inline(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/^`+\s?|\s?`+$/g, '') : inlineOutsideCode(part)))
    .join('');
}

// Escaped punctuation is parked on private-use characters so no later rule mistakes it for syntax.
const ESCAPE_BASE = 0xe100;

function inlineOutsideCode(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, ch: string) =>
      String.fromCharCode(ESCAPE_BASE + ch.charCodeAt(0)),
    )
    .replace(/ ?!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/ ?!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/[\uE100-\uE17F]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESCAPE_BASE));
}
