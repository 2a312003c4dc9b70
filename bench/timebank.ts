/** The TimeBank/AQUAINT training texts that several benchmarks measure on. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeml, type TimemlDocument } from '../src/eval/timeml/tml.js';

export const TIMEBANK_DIR = fileURLToPath(new URL('../../shared/data/tempeval3/train', import.meta.url));

/** Every file below `root` whose name ends with `extension`, in directory order. */
export function listFiles(root: string, extension: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(root, entry.name), extension)
      : entry.name.endsWith(extension)
        ? [join(root, entry.name)]
        : [],
  );
}

/** The parsed TimeML documents below `root`: raw text, DCT and gold timexes. */
export function loadTimeml(root: string): TimemlDocument[] {
  return listFiles(root, '.tml').map((path) => parseTimeml(readFileSync(path, 'utf8')));
}
