import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File extensions ingest reads; other files inside folders are reported as skipped. */
export const READABLE_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.pdf',
]);

export type SourceEntry =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** Expands files, folders (recursively, in name order) and `-` into entries. Never throws. */
export async function expandSources(inputs: readonly string[]): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const input of inputs) {
    if (input === '-') {
      entries.push({ kind: 'stdin' });
      continue;
    }
    await expand(input, true, entries);
  }
  return entries;
}

async function expand(path: string, explicit: boolean, entries: SourceEntry[]): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    entries.push({ kind: 'unreadable', path, reason: describeFsError(error) });
    return;
  }
  if (info.isDirectory()) {
    let children: Dirent[];
    try {
      children = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      entries.push({ kind: 'unreadable', path, reason: describeFsError(error) });
      return;
    }
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      const childPath = join(path, child.name);
      // Plain files need no stat of their own; folders, links and the rest go through the full check.
      if (child.isFile()) addFile(childPath, false, entries);
      else await expand(childPath, false, entries);
    }
    return;
  }
  if (!info.isFile()) {
    entries.push({ kind: 'skipped', path, reason: 'not a regular file' });
    return;
  }
  addFile(path, explicit, entries);
}

function addFile(path: string, explicit: boolean, entries: SourceEntry[]): void {
  // A file named explicitly is always tried (its content decides); inside folders only known types are.
  if (!explicit && !READABLE_EXTENSIONS.has(extname(path).toLowerCase())) {
    entries.push({ kind: 'skipped', path, reason: `unsupported file type '${extname(path) || '(none)'}'` });
    return;
  }
  entries.push({ kind: 'file', path });
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
