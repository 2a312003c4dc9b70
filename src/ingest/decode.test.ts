import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeChecked, decodeText } from './decode.js';

// Byte pieces that each decoding rule acts on: BOMs, NUL, control bytes, UTF-8 sequences (good, cut short and
// overlong), Windows-1252 letters, and plain ASCII between them.
const PIECES: readonly (readonly number[])[] = [
  [0x61],
  [0x20],
  [0x0a],
  [0x0d],
  [0x09],
  [0x0c],
  [0x00],
  [0x07],
  [0x7f],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xc3, 0xa9],
  [0xe2, 0x80, 0xa8],
  [0xe2, 0x80, 0x94],
  [0xf0, 0x9f, 0x99, 0x82],
  [0xc3],
  [0xe9],
  [0x92],
  [0xc0, 0xaf],
];

function randomBytes(count: number, seed: number, plainWeight: number): Uint8Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const bytes: number[] = [];
    const length = 1 + Math.floor(next() * 40);
    for (let i = 0; i < length; i++) {
      // Mostly plain letters, as in real files, so that many texts take the fast path.
      const piece =
        next() < plainWeight ? [0x61 + Math.floor(next() * 26)] : PIECES[Math.floor(next() * PIECES.length)];
      bytes.push(...(piece ?? []));
    }
    return Uint8Array.from(bytes);
  });
}

describe('decodeText', () => {
  it('answers as the full checks do for any mix of BOMs, NULs, controls and UTF-8 or Windows-1252 bytes', () => {
    let fast = 0;
    const differ: string[] = [];
    for (const [seed, weight] of [
      [3, 0.3],
      [5, 0.8],
      [9, 0.95],
    ] as const) {
      for (const bytes of randomBytes(4000, seed, weight)) {
        const quick = decodeText(bytes);
        const full = decodeChecked(bytes);
        if (quick.kind === 'ok' && quick.known) fast++;
        const { known: _known, ...answer } = quick.kind === 'ok' ? quick : { ...quick, known: undefined };
        if (!isDeepStrictEqual(answer, full)) differ.push(Array.from(bytes).join(','));
      }
    }
    expect(differ).toEqual([]);
    expect(fast).toBeGreaterThan(1000);
  });

  it('marks plain ASCII as such, other clean UTF-8 as clean, and leaves the rest unmarked', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(decodeText(encode('Plain text.\n'))).toMatchObject({ text: 'Plain text.\n', known: 'ascii' });
    expect(decodeText(encode('Café au lait.\n'))).toMatchObject({ text: 'Café au lait.\n', known: 'clean' });
    expect(decodeText(encode('Windows\r\nline ends'))).toMatchObject({
      kind: 'ok',
      text: 'Windows\r\nline ends',
    });
    expect(decodeText(encode('Windows\r\nline ends'))).not.toHaveProperty('known');
  });
});
