// Anything the replacements below would change. Most text has none of it, and one scan then skips six passes.
const NEEDS_REPLACING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  /[\uFEFF\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[ \t]\n|[ \t]$|\n\n\n/;

/**
 * The one normalisation every text goes through before offsets are taken: Unicode NFC,
 * line endings to \n, no NUL or other control characters except tab and newline, no trailing spaces.
 */
export function normalizeText(text: string): string {
  if (!NEEDS_REPLACING.test(text)) return text.normalize('NFC').trim();
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
