import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DyadDocument, Finding, Timex } from '../../src/domain/model.js';
import { documentId } from '../../src/orchestrate/ingest.js';
import { sentenceStage } from '../../src/pipeline/sentences.js';
import type { Store } from '../../src/store/store.js';

/** The behaviour every Store adapter must have; each adapter's test file runs it against a real database. */
export function describeStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${adapter}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores a document with its findings and reads them back in span order', async () => {
      const doc = makeDocument('Kim met Putin on 13 September. The talks lasted four hours.');
      const findings = [...sentences(doc), timex(doc, 'on 13 September', '2023-09-13')];
      expect(await store.writeDocument(doc, findings, 'p@1')).toBe('inserted');
      expect(await store.getDocument(doc.id)).toEqual(doc);
      expect(await store.documentPipelines([doc.id, 'not-stored'])).toEqual(new Map([[doc.id, 'p@1']]));
      const stored = await store.findings({ docId: doc.id });
      expect(stored).toHaveLength(findings.length);
      expect(stored.map((f) => f.evidence[0]?.start)).toEqual([0, 14, 31]);
      expect(await store.findings({ docId: doc.id, kinds: ['timex'] })).toEqual([findings[2]]);
    });

    it('reports unchanged for a stored document and replaces findings only when asked', async () => {
      const doc = makeDocument('A first sentence. A second sentence.');
      await store.writeDocument(doc, sentences(doc), 'p@1');
      expect(await store.writeDocument(doc, [], 'p@2')).toBe('unchanged');
      expect((await store.documentPipelines([doc.id])).get(doc.id)).toBe('p@1');
      expect(await store.writeDocument(doc, sentences(doc).slice(0, 1), 'p@2', { replace: true })).toBe(
        'replaced',
      );
      expect((await store.documentPipelines([doc.id])).get(doc.id)).toBe('p@2');
      expect(await store.findings({ docId: doc.id })).toHaveLength(1);
      // Search covers the whole text, whatever findings the document has.
      expect((await store.search('second')).map((hit) => hit.sentence)).toEqual(['A second sentence.']);
    });

    it('writes nothing when a write fails part-way', async () => {
      const doc = makeDocument('One sentence here. Another one there.');
      const [first] = sentences(doc);
      // Two findings with the same id violate uniqueness after the document row is written.
      await expect(store.writeDocument(doc, [first as Finding, first as Finding], 'p@1')).rejects.toThrow();
      expect(await store.getDocument(doc.id)).toBeNull();
      expect(await store.countDocuments()).toBe(0);
      expect(await store.search('sentence')).toEqual([]);
    });

    it('writes a group of documents in one commit, and only a failing one is left out', async () => {
      const [a, b, c] = ['Alpha met Beta.', 'Gamma met Delta.', 'Epsilon met Zeta.'].map((text) =>
        makeDocument(text),
      ) as [DyadDocument, DyadDocument, DyadDocument];
      const [first] = sentences(b);
      expect(
        await store.writeDocuments([
          { document: a, findings: sentences(a), pipeline: 'p@1' },
          // A finding twice violates uniqueness: this document fails and is rolled back alone.
          { document: b, findings: [first as Finding, first as Finding], pipeline: 'p@1' },
          { document: c, findings: sentences(c), pipeline: 'p@1' },
          { document: a, findings: sentences(a), pipeline: 'p@1' },
        ]),
      ).toEqual([
        { ok: true, outcome: 'inserted' },
        { ok: false, reason: expect.stringMatching(/UNIQUE/) },
        { ok: true, outcome: 'inserted' },
        { ok: true, outcome: 'unchanged' },
      ]);
      expect(await store.countDocuments()).toBe(2);
      expect(await store.getDocument(b.id)).toBeNull();
      expect((await store.search('Epsilon')).map((hit) => hit.docId)).toEqual([c.id]);
    });

    it('finds sentences by full-text search with offsets and highlighted matches', async () => {
      const doc = makeDocument(
        'The train crossed the border at dawn.\n\nHe then visited the Baikonur cosmodrome.',
      );
      await store.writeDocument(doc, sentences(doc), 'p@1');
      const [hit, ...rest] = await store.search('cosmodrome');
      expect(rest).toEqual([]);
      expect(hit).toMatchObject({ docId: doc.id, start: 39, end: doc.text.length });
      expect(doc.text.slice(hit?.start, hit?.end)).toBe(hit?.sentence);
      expect(hit?.snippet).toContain('[cosmodrome]');
      expect(hit?.matches).toEqual([{ start: 29, end: 39 }]);
      expect(await store.search('cosmo')).toHaveLength(1); // prefixes match
      expect(await store.search('"unbalanced (quotes')).toEqual([]);
    });

    it('matches words whatever their case and accents, and marks each matching word of the sentence', async () => {
      const doc = makeDocument('Talks in Zürich ended. The ZURICH round and the Zurichsee meeting followed.');
      await store.writeDocument(doc, sentences(doc), 'p@1');
      const hits = await store.search('zurich', { highlight: ['<', '>'] });
      expect(hits.map((hit) => hit.snippet)).toEqual([
        'Talks in <Zürich> ended.',
        'The <ZURICH> round and the <Zurichsee> meeting followed.',
      ]);
      expect(hits[1]?.matches).toEqual([
        { start: 4, end: 10 },
        { start: 25, end: 34 },
      ]);
      // Every word must be in the same sentence.
      expect((await store.search('talks round')).map((hit) => hit.sentence)).toEqual([]);
    });

    it('keeps one Admiralty grade per document or holder, replaced on regrade and removed with null', async () => {
      await store.setGrade({ kind: 'holder', id: 'USA' }, { reliability: 'C', credibility: 3 });
      await store.setGrade({ kind: 'holder', id: 'USA' }, { reliability: 'B', credibility: 2 });
      await store.setGrade({ kind: 'document', id: 'abcd1234' }, { reliability: 'A', credibility: 1 });
      expect(await store.grades()).toEqual({
        byDocument: { abcd1234: { reliability: 'A', credibility: 1 } },
        byHolder: { USA: { reliability: 'B', credibility: 2 } },
      });
      await store.setGrade({ kind: 'holder', id: 'USA' }, null);
      expect((await store.grades()).byHolder).toEqual({});
    });

    it('lists documents with finding counts and resolves id prefixes', async () => {
      const a = makeDocument('Alpha text here.', '2024-01-02');
      const b = makeDocument('Beta text here.', '2023-05-06');
      await store.writeDocument(a, sentences(a), 'p@1');
      await store.writeDocument(b, sentences(b), 'p@1');
      const list = await store.listDocuments();
      expect(list.map((d) => d.id)).toEqual([a.id, b.id]);
      expect(list[0]?.findingCounts).toEqual({ sentence: 1 });
      expect(await store.countDocuments()).toBe(2);
      expect((await store.getDocument(a.id.slice(0, 8)))?.id).toBe(a.id);
      expect(await store.getDocument('ffffffff')).toBeNull();
    });
  });
}

function makeDocument(text: string, published = '2023-11-05'): DyadDocument {
  return {
    kind: 'document',
    id: documentId(text),
    title: text.slice(0, 10),
    source: null,
    publisher: null,
    published,
    retrieved: '2026-01-01T00:00:00.000Z',
    format: 'text',
    language: 'en',
    text,
  };
}

function sentences(doc: DyadDocument): Finding[] {
  return [...sentenceStage.run(doc, [], { dct: doc.published })];
}

function timex(doc: DyadDocument, text: string, value: string): Timex {
  const start = doc.text.indexOf(text);
  return {
    kind: 'timex',
    id: `timex:${doc.id}:${start}`,
    docId: doc.id,
    evidence: [{ docId: doc.id, start, end: start + text.length }],
    extractor: { name: 'test', version: '1' },
    text,
    type: 'DATE',
    value,
    mod: null,
    anchor: null,
    interval: { earliest: value, latest: value },
  };
}
