import { describe, expect, it } from 'vitest';
import { hasReplacedCharacter, normalizeText } from './normalize.js';

/** The normalisation written plainly, pass after pass: the fast paths must give exactly this. */
function reference(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

// Characters and pieces that each rule acts on, and plain ones between them.
const PIECES = [' ', '\t', '\n', '\r', '\r\n', '\u2028', '\uFEFF', '\u0007', '\f', '\u0000', 'a', 'Z', '.'];
const PIECES_WITH_UNICODE = [...PIECES, 'e\u0301', 'é', '\u00A0', 'ß'];

function randomTexts(pieces: readonly string[], count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 24);
    return Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join('');
  });
}

describe('normalizeText', () => {
  it('gives the plain pass-by-pass result for any mix of line ends, blanks, controls and accents', () => {
    for (const text of randomTexts(PIECES_WITH_UNICODE, 5000, 7)) {
      expect(normalizeText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('gives the same result when told the text is clean, or clean and ASCII', () => {
    let clean = 0;
    let ascii = 0;
    for (const text of randomTexts(PIECES_WITH_UNICODE, 5000, 11)) {
      if (hasReplacedCharacter(text)) continue;
      clean++;
      expect(normalizeText(text, 'clean'), JSON.stringify(text)).toBe(reference(text));
      if (!/^[\x20-\x7E\t\n]*$/.test(text)) continue;
      ascii++;
      expect(normalizeText(text, 'ascii'), JSON.stringify(text)).toBe(reference(text));
    }
    // The random texts must reach both fast paths for the test to mean anything.
    expect(clean).toBeGreaterThan(100);
    expect(ascii).toBeGreaterThan(20);
  });

  it('composes accents, ends lines with \\n and keeps one blank line at most', () => {
    expect(normalizeText('\uFEFFCafe\u0301 \r\nnext\r\r\r\rlast\u2028line\u0007  ')).toBe(
      'Café\nnext\n\nlast\nline',
    );
  });
});
