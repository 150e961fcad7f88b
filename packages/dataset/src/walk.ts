import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface NoteFile {
  /** Path relative to the root, "/"-separated. */
  path: string;
  absolute: string;
  /** Size in bytes when listed, to share the work between threads. */
  size: number;
}

export interface WalkProblem {
  path: string;
  reason: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Every Markdown file under `root`, sorted by path (the same order on every OS) so builds are deterministic.
 * Hidden entries and `ignore`d names are skipped; symlinks are followed only when they stay inside the root,
 * and each real folder is read once, so link loops end.
 */
export async function listNotes(root: string, ignore: readonly string[] = []): Promise<{ notes: NoteFile[]; problems: WalkProblem[] }> {
  const realRoot = await realpath(root);
  const ignored = new Set(ignore);
  const notes: NoteFile[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();

  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: toPosix(relative(root, dir)) || '.', reason: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) || ignored.has(entry.name)) continue;
      const absolute = join(dir, entry.name);
      const path = toPosix(relative(root, absolute));
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(absolute);
          if (target !== realRoot && !target.startsWith(realRoot + sep)) {
            problems.push({ path, reason: 'symlink points outside the content folder; not followed' });
            continue;
          }
          const info = await stat(target);
          isDir = info.isDirectory();
          isFile = info.isFile();
          size = info.size;
        } catch (error) {
          problems.push({ path, reason: `broken symlink: ${(error as Error).message}` });
          continue;
        }
      }
      if (isDir) await visit(absolute);
      else if (isFile && /\.(md|markdown)$/i.test(entry.name)) notes.push({ path, absolute, size: size || (await stat(absolute).catch(() => ({ size: 0 }))).size });
    }
  };

  await visit(root);
  notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { notes, problems };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
