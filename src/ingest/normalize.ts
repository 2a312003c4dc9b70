// Characters normalizeText removes or rewrites. Most text has none of them, and one scan then skips four passes.
// A single character class keeps the scan native-fast; an alternation with the blank-line sequences made it cost
// more than the rest of reading a file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const REPLACED_CHARACTER = /[\uFEFF\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether normalisation would remove or rewrite a character of `text` (decoding asks, to share the scan). */
export function hasReplacedCharacter(text: string): boolean {
  return REPLACED_CHARACTER.test(text);
}

/**
 * What a caller already knows of a text: `clean`, that hasReplacedCharacter is false for it; `ascii`, that and
 * that it is ASCII, so already in NFC. Each spares normalizeText a scan of the whole text.
 */
export type KnownText = 'clean' | 'ascii';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * The one normalisation every text goes through before offsets are taken: Unicode NFC,
 * line endings to \n, no NUL or other control characters except tab and newline, no trailing spaces,
 * at most one blank line in a row.
 */
export function normalizeText(text: string, known?: KnownText): string {
  let normal = known === 'ascii' ? text : text.normalize('NFC');
  if (known === undefined && REPLACED_CHARACTER.test(normal)) {
    normal = normal
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(CONTROL_CHARACTERS, '');
  }
  // Checked after the replacements, which can make these sequences ("a \r\n" becomes "a \n"). With \n the
  // only line end left, "[ \t]+\n" is every trailing blank but the text's last, which trim() removes; it scans
  // a few times faster than the multiline "[ \t]+$".
  if (normal.includes(' \n') || normal.includes('\t\n') || normal.includes('\n\n\n')) {
    normal = normal.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  }
  return normal.trim();
}
