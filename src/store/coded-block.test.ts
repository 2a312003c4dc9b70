import { describe, expect, it } from 'vitest';
import {
  CodedBlock,
  type CodedBlockRow,
  codedBlockBounds,
  codedBlockOfRows,
  encodeCodedBlock,
} from './coded-block.js';

const ROWS: CodedBlockRow[] = [
  {
    key: 2 ** 48 + 7,
    day: 20240619,
    goldstein: 1.9,
    source: 'RUS',
    target: 'PRK',
    cameo: '042',
    plover: 'CONSULT',
    detail: '{"quad":1}',
  },
  {
    key: 2 ** 48 + 3,
    day: 20231113,
    goldstein: null,
    source: 'PRK',
    target: null,
    cameo: null,
    plover: null,
    detail: '{"sourceName":"Yonhap — 연합뉴스"}',
  },
  {
    key: 2 ** 48 + 9,
    day: 20240101,
    goldstein: -10,
    source: 'RUS',
    target: 'RUS',
    cameo: '190',
    plover: 'ASSAULT',
    detail: '{"url":"https://example.org/ü"}',
  },
];

function readBack(block: CodedBlock) {
  return Array.from({ length: block.size }, (_, row) => ({
    key: block.keys[row],
    day: block.days[row],
    goldstein: block.goldstein(row),
    source: block.code(row, 0),
    target: block.code(row, 1),
    cameo: block.code(row, 2),
    plover: block.code(row, 3),
    detail: block.detail(row),
  }));
}

describe('coded event blocks', () => {
  it('give back every column of every row, non-ASCII details included', () => {
    const block = new CodedBlock(encodeCodedBlock(codedBlockOfRows(ROWS)));
    expect(readBack(block)).toEqual(ROWS);
    expect(block.strings).toEqual([null, 'RUS', 'PRK', '042', 'CONSULT', '190', 'ASSAULT']);
  });

  it('read bytes that start at an unaligned offset, as a database value may', () => {
    const encoded = encodeCodedBlock(codedBlockOfRows(ROWS));
    const shifted = new Uint8Array(encoded.length + 3);
    shifted.set(encoded, 3);
    expect(readBack(new CodedBlock(shifted.subarray(3)))).toEqual(ROWS);
  });

  it('select rows into a new block, and know their bounds', () => {
    const block = new CodedBlock(encodeCodedBlock(codedBlockOfRows(ROWS)));
    const picked = block.select([2, 1]);
    expect(readBack(new CodedBlock(encodeCodedBlock(picked)))).toEqual([ROWS[2], ROWS[1]]);
    expect(codedBlockBounds(picked)).toEqual({
      firstKey: 2 ** 48 + 3,
      lastKey: 2 ** 48 + 9,
      firstDay: 20231113,
      lastDay: 20240101,
    });
  });

  it('refuse bytes that are not a block, or a block cut short', () => {
    expect(() => new CodedBlock(new Uint8Array(8))).toThrow('not a coded event block');
    const encoded = encodeCodedBlock(codedBlockOfRows(ROWS));
    expect(() => new CodedBlock(encoded.subarray(0, encoded.length - 1))).toThrow('wrong length');
  });
});
