/**
 * Actors stage throughput on the TimeBank/AQUAINT training texts, against a plain dictionary lookup of the same names
 * (a Map from lower-cased name to id, scanned greedily over word tokens) in the same process. Warm (one warm-up pass).
 *   npx tsx bench/actors.ts [tempeval3 train dir]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DyadDocument, Finding } from '../src/domain/model.js';
import { FACILITIES, ORGANISATIONS, PEOPLE, REGIONS, STATES } from '../src/pipeline/actors/data.js';
import { actorStage, bundledGazetteer } from '../src/pipeline/actors/index.js';

const DEFAULT_DIR = fileURLToPath(new URL('../../shared/data/tempeval3/train', import.meta.url));
const dir = process.argv[2] ?? DEFAULT_DIR;
if (!existsSync(dir)) {
  console.log(`bench/actors: ${dir} not found; nothing to measure.`);
  process.exit(0);
}

function listTml(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listTml(join(root, entry.name))
      : entry.name.endsWith('.tml')
        ? [join(root, entry.name)]
        : [],
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function readTml(path: string, n: number): DyadDocument {
  const xml = readFileSync(path, 'utf8');
  const dct = /functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)
    ? /value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1]
    : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const text = body.replace(/<[^>]+>/g, '').replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
  return {
    kind: 'document',
    id: `tb${n}`,
    title: null,
    source: path,
    publisher: null,
    published: dct ?? null,
    retrieved: '2026-01-01T00:00:00Z',
    format: 'text',
    language: 'en',
    text,
  };
}

const documents = listTml(dir).map(readTml);
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
