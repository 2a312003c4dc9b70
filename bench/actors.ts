/**
 * Actors stage throughput on the TimeBank/AQUAINT training texts, against a plain dictionary lookup of the same names
 * (a Map from lower-cased name to id, scanned greedily over word tokens) in the same process. Warm (one warm-up pass).
 *   npx tsx bench/actors.ts [tempeval3 train dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DyadDocument, Finding } from '../src/domain/model.js';
import { decodeEntities, type TimemlDocument } from '../src/eval/timeml/tml.js';
import { FACILITIES, ORGANISATIONS, PEOPLE, REGIONS, STATES } from '../src/pipeline/actors/data.js';
import { actorStage, bundledGazetteer } from '../src/pipeline/actors/index.js';
import { listFiles, loadTimeml, TIMEBANK_DIR } from './timebank.js';

const dir = process.argv[2] ?? TIMEBANK_DIR;
if (!existsSync(dir)) {
  console.log(`bench/actors: ${dir} not found; nothing to measure.`);
  process.exit(0);
}

function toDocument(tml: TimemlDocument, n: number): DyadDocument {
  return {
    kind: 'document',
    id: `tb${n}`,
    title: null,
    source: tml.docId,
    publisher: null,
    published: tml.dct,
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text: tml.text,
  };
}

const documents = loadTimeml(dir).map(toDocument);
const chars = documents.reduce((n, d) => n + d.text.length, 0);

// The peer: the same names, lower-cased, in one Map; greedy longest match over word tokens.
const peer = new Map<string, string>();
const addPeer = (name: string, id: string): void => {
  const key = (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  if (key && !peer.has(key)) peer.set(key, id);
};
for (const p of PEOPLE) for (const n of [p.name, ...p.aliases, ...p.surnames]) addPeer(n, p.id);
for (const o of ORGANISATIONS) for (const n of o.aliases) addPeer(n, o.id);
for (const s of STATES) for (const n of [...s.aliases, ...s.demonyms, ...s.metonyms]) addPeer(n, s.id);
for (const { record, names } of [...FACILITIES, ...REGIONS]) for (const n of names) addPeer(n, record.id);
for (const [, places] of bundledGazetteer().byKey) for (const p of places) addPeer(p.name, p.id);

function peerScan(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let found = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let key = '';
    for (let j = i; j < words.length && j < i + 7; j++) {
      key = j === i ? (words[j] as string) : `${key} ${words[j]}`;
      if (peer.has(key)) matched = j - i + 1;
    }
    if (matched > 0) {
      found++;
      i += matched;
    } else i++;
  }
  return found;
}

function runOurs(): { mentions: number; resolved: number; ms: number } {
  const t0 = performance.now();
  let mentions = 0;
  let resolved = 0;
  for (const d of documents) {
    const out: readonly Finding[] = actorStage.run(d, [], { dct: d.published });
    for (const f of out) {
      if (f.kind !== 'mention') continue;
      mentions++;
      if (f.entityId !== null) resolved++;
    }
  }
  return { mentions, resolved, ms: performance.now() - t0 };
}

function runPeer(): { mentions: number; ms: number } {
  const t0 = performance.now();
  let mentions = 0;
  for (const d of documents) mentions += peerScan(d.text);
  return { mentions, ms: performance.now() - t0 };
}

runOurs();
runPeer();
const ours = runOurs();
const base = runPeer();
const rate = (n: number, ms: number): string => ((n / ms) * 1000).toFixed(0);
console.log(`bench/actors: ${documents.length} TimeBank documents, ${(chars / 1000).toFixed(0)}k characters`);
console.log(
  `  actors stage     : ${ours.mentions} mentions (${ours.resolved} resolved) in ${ours.ms.toFixed(0)} ms = ${rate(ours.mentions, ours.ms)} mentions/s, ${rate(chars / 1000, ours.ms)} kchar/s`,
);
console.log(
  `  dictionary lookup: ${base.mentions} matches in ${base.ms.toFixed(0)} ms = ${rate(base.mentions, base.ms)} matches/s, ${rate(chars / 1000, base.ms)} kchar/s`,
);
console.log(
  `  ratio (stage time / lookup time): ${(ours.ms / base.ms).toFixed(2)}x; mentions/s ratio ${(ours.mentions / ours.ms / (base.mentions / base.ms)).toFixed(2)}`,
);

// ---------------------------------------------------------------------------------------------------------------
// Recognition recall on MEANTIME (English Wikinews; named mentions of LOC and PER entities), when it is there.

const MEANTIME = fileURLToPath(
  new URL('../../shared/data/meantime_en/intra-doc_annotation', import.meta.url),
);

interface NamedMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

function readMeantime(path: string, n: number): { document: DyadDocument; gold: NamedMention[] } {
  const xml = readFileSync(path, 'utf8');
  const offsets = new Map<string, { start: number; end: number }>();
  let text = '';
  for (const m of xml.matchAll(/<token [^>]*t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const word = decodeEntities(m[2] as string);
    if (text.length > 0) text += ' ';
    offsets.set(m[1] as string, { start: text.length, end: text.length + word.length });
    text += word;
  }
  const entityType = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY [^>]*?ent_type="([A-Z]+)"[^>]*?m_id="(\d+)"/g))
    entityType.set(m[2] as string, m[1] as string);
  const mentionType = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1] as string)?.[1];
    const type = target ? entityType.get(target) : undefined;
    if (!type) continue;
    for (const s of (m[1] as string).matchAll(/<source m_id="(\d+)"/g)) mentionType.set(s[1] as string, type);
  }
  const gold: NamedMention[] = [];
  for (const m of xml.matchAll(
    /<ENTITY_MENTION [^>]*m_id="(\d+)"[^>]*syntactic_type="NAM"[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g,
  )) {
    const type = mentionType.get(m[1] as string);
    const anchors = [...(m[2] as string).matchAll(/t_id="(\d+)"/g)].map((a) => offsets.get(a[1] as string));
    const first = anchors[0];
    const last = anchors[anchors.length - 1];
    if (type && first && last) gold.push({ start: first.start, end: last.end, type });
  }
  const dct = /(\d{4})(\d{2})(\d{2})/.exec(xml)?.slice(1, 4).join('-') ?? null;
  return {
    document: {
      kind: 'document',
      id: `mt${n}`,
      title: null,
      source: path,
      publisher: null,
      published: dct,
      retrieved: '2026-01-01T00:00:00Z',
      format: 'text',
      language: 'en',
      text,
    },
    gold,
  };
}

if (existsSync(MEANTIME)) {
  const tally = new Map<string, { gold: number; found: number; resolved: number }>();
  for (const [n, path] of listFiles(MEANTIME, '.xml').entries()) {
    const { document, gold } = readMeantime(path, n);
    const found = actorStage
      .run(document, [], { dct: null })
      .flatMap((f) => (f.kind === 'mention' && f.mentionType !== 'pronoun' ? [f] : []));
    for (const g of gold) {
      if (g.type !== 'LOC' && g.type !== 'PER') continue;
      const hit = found.find((f) => {
        const span = f.evidence[0];
        return span !== undefined && span.start < g.end && g.start < span.end;
      });
      const t = tally.get(g.type) ?? { gold: 0, found: 0, resolved: 0 };
      tally.set(g.type, {
        gold: t.gold + 1,
        found: t.found + (hit ? 1 : 0),
        resolved: t.resolved + (hit?.entityId ? 1 : 0),
      });
    }
  }
  for (const [type, t] of tally) {
    console.log(
      `  MEANTIME named ${type}: ${t.found}/${t.gold} recognised (${((t.found / t.gold) * 100).toFixed(0)}%), ${t.resolved} resolved to an id`,
    );
  }
}
