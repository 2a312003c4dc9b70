import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvSplitter, FileFormatError, LineSplitter, streamBytes } from './stream.js';

function csvRecords(chunks: readonly string[]): [string[], number][] {
  const records: [string[], number][] = [];
  const splitter = new CsvSplitter(',', (fields, line) => records.push([fields, line]));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return records;
}

describe('CsvSplitter', () => {
  const text = 'id,notes\r\n1,"said ""no"", then left"\r\n2,"two\nlines"\n3,plain';
  const expected: [string[], number][] = [
    [['id', 'notes'], 1],
    [['1', 'said "no", then left'], 2],
    [['2', 'two\nlines'], 3],
    [['3', 'plain'], 5],
  ];

  it('parses quotes, escaped quotes, CRLF and newlines inside fields', () => {
    expect(csvRecords([text])).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(csvRecords(chunks)).toEqual(expected);
    }
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => csvRecords(['a,"open\n'])).toThrow(FileFormatError);
  });
});

describe('LineSplitter', () => {
  it('numbers lines across chunks and stops on request, keeping the rest', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line, n) => {
      lines.push(`${n}:${line}`);
      if (line === 'stop') splitter.stop();
    });
    splitter.push('a\r\nb');
    splitter.push('c\nstop\nrest\n');
    expect(lines).toEqual(['1:a', '2:bc', '3:stop']);
    expect(splitter.takeRest()).toBe('rest\n');
  });
});

describe('streamBytes on zips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = Array.from({ length: 5000 }, (_, i) => `row ${i}\tsome\tfields\t${i * 7}`).join('\n');
  const read = async (name: string, bytes: Uint8Array): Promise<string> => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const chunks: Uint8Array[] = [];
    await streamBytes(path, (chunk) => chunks.push(chunk.slice()));
    return Buffer.concat(chunks).toString('utf8');
  };

  it('reads a one-file zip, deflated or stored', async () => {
    expect(await read('one.zip', zipSync({ 'a.csv': strToU8(text) }))).toBe(text);
    expect(await read('stored.zip', zipSync({ 'a.csv': strToU8(text) }, { level: 0 }))).toBe(text);
  });

  it('reads every file of a zip of several, in order', async () => {
    const zip = zipSync({ 'a.csv': strToU8('first\n'), 'b.csv': strToU8('second\n') });
    expect(await read('two.zip', zip)).toBe('first\nsecond\n');
  });

  it('fails a one-file zip whose compressed data is damaged', async () => {
    const zip = zipSync({ 'a.csv': strToU8(text) });
    const damaged = zip.slice();
    for (let i = 60; i < 120; i++) damaged[i] = (damaged[i] as number) ^ 0xff;
    await expect(read('damaged.zip', damaged)).rejects.toThrow(FileFormatError);
  });
});
