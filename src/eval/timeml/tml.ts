/** Reading and writing TimeML (.tml) files: the raw TEXT content, the DCT and TIMEX3 annotations. */

export interface TimemlTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod: string | null;
}

export interface TimemlDocument {
  readonly docId: string;
  /** The DCT's TIMEX3 value (date part), or null. */
  readonly dct: string | null;
  /** The original DCT element, kept verbatim in output. */
  readonly dctElement: string | null;
  readonly title: string | null;
  /** TEXT content with every tag removed and entities decoded; timex offsets point into it. */
  readonly text: string;
  readonly timexes: readonly TimemlTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? decodeEntities(match[1] ?? '') : null;
}

export function parseTimeml(xml: string): TimemlDocument {
  const docId = /<DOCID>([\s\S]*?)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? '';
  const dctElement = /<DCT>[\s\S]*?<\/DCT>/.exec(xml)?.[0] ?? null;
  const dctValue = dctElement ? attribute(/<TIMEX3([^>]*)>/.exec(dctElement)?.[1] ?? '', 'value') : null;
  const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const timexes: TimemlTimex[] = [];
  let text = '';
  let open: { start: number; attributes: string } | null = null;
  const token = /<(\/?)([A-Za-z0-9_]+)([^>]*?)\/?>|([^<]+)/g;
  for (const match of body.matchAll(token)) {
    const [, closing, tag, attributes, chars] = match;
    if (chars !== undefined) {
      text += decodeEntities(chars);
      continue;
    }
    if (tag !== 'TIMEX3') continue;
    if (!closing) open = { start: text.length, attributes: attributes ?? '' };
    else if (open) {
      timexes.push({
        start: open.start,
        end: text.length,
        text: text.slice(open.start, text.length),
        type: attribute(open.attributes, 'type') ?? 'DATE',
        value: attribute(open.attributes, 'value') ?? '',
        mod: attribute(open.attributes, 'mod') || null,
      });
      open = null;
    }
  }
  return {
    docId,
    dct: dctValue ? (/^\d{4}-\d{2}-\d{2}/.exec(dctValue)?.[0] ?? dctValue) : null,
    dctElement,
    title: title ? decodeEntities(title) : null,
    text,
    timexes,
  };
}

/** A TimeML document with the given timexes inside TEXT, the DCT kept, for the TempEval-3 toolkit. */
export function writeTimeml(document: TimemlDocument, timexes: readonly TimemlTimex[]): string {
  const sorted = [...timexes].sort((a, b) => a.start - b.start);
  let body = '';
  let at = 0;
  let id = 1;
  for (const timex of sorted) {
    if (timex.start < at) continue;
    body += escapeXml(document.text.slice(at, timex.start));
    const mod = timex.mod ? ` mod="${timex.mod}"` : '';
    body += `<TIMEX3 tid="t${id++}" type="${timex.type}" value="${escapeXml(timex.value)}"${mod}>`;
    body += `${escapeXml(document.text.slice(timex.start, timex.end))}</TIMEX3>`;
    at = timex.end;
  }
  body += escapeXml(document.text.slice(at));
  return [
    '<?xml version="1.0" ?>',
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
    '',
    `<DOCID>${escapeXml(document.docId)}</DOCID>`,
    '',
    document.dctElement ?? '',
    '',
    document.title !== null ? `<TITLE>${escapeXml(document.title)}</TITLE>\n` : '',
    `<TEXT>${body}</TEXT>`,
    '',
    '</TimeML>',
    '',
  ].join('\n');
}
