import { describe, expect, it } from 'vitest';
import { CsvSplitter, FileFormatError, LineSplitter } from './stream.js';

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
