import { constants, type Dirent, statSync } from 'node:fs';
import { access, readdir, stat, statfs } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { bundledContentDir } from '@mianjing/dataset/build';
import { isWithin } from '@mianjing/markdown';
import { PathError, UsageError } from './errors.js';

/** How a path appears in messages: relative to where the user is, unless that climbs out of it. */
export function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * The notes folder: DIR resolved against the user's directory (or the bundled notes), checked to exist, to be a
 * folder, and to hold at least one Markdown note.
 */
export async function notesFolder(cwd: string, dir: string | undefined): Promise<string> {
  const folder = dir === undefined ? bundledContentDir.replace(/[\\/]$/, '') : resolve(cwd, dir);
  const name = dir ?? folder;
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new PathError(`No folder ${name}: give a folder of Markdown notes (relative paths start at ${cwd})`);
    if (error.code === 'ENOTDIR') throw new PathError(`No folder ${name}: ${shown(cwd, fileAbove(folder))} is a file, not a folder; give the folder that holds your notes`);
    throw new PathError(`Cannot read ${name} (${error.code ?? error.message}): check its permissions`);
  });
  if (!info.isDirectory())
    throw new PathError(`${name} is a file, not a folder: give the folder that holds your notes${/\.(md|markdown)$/i.test(folder) ? ` (e.g. ${shown(cwd, dirname(folder))})` : ''}`);
  if (!(await holdsNotes(folder))) throw new PathError(`No Markdown notes (.md files) in ${name}: give the folder that holds your notes`);
  return folder;
}

/** The nearest ancestor of `path` that exists as a file (the reason for ENOTDIR). */
function fileAbove(path: string): string {
  let current = dirname(path);
  while (dirname(current) !== current && !statSync(current, { throwIfNoEntry: false })?.isFile()) current = dirname(current);
  return current;
}

/** Whether a Markdown file lies anywhere under `dir` (hidden and node_modules folders aside, as the build skips them). */
async function holdsNotes(dir: string): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new PathError(`Cannot read ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check its permissions`);
  }
  if (entries.some((entry) => !entry.isDirectory() && /\.(md|markdown)$/i.test(entry.name) && entry.name.toLowerCase() !== 'readme.md')) return true;
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && (await holdsNotes(join(dir, entry.name)).catch(() => false))) return true;
  }
  return entries.some((entry) => /\.(md|markdown)$/i.test(entry.name));
}

// Linux pseudo file systems: nothing written there is a file, and Node's recursive mkdir can loop there for ever.
const PSEUDO_FILE_SYSTEMS = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
]);

/**
 * An output path: resolved, outside the notes folder, and writable: the nearest folder that exists is a folder we may
 * write into and not on a pseudo file system. Nothing is created yet, so a failed check leaves no trace.
 */
export async function outputPath(cwd: string, out: string | undefined, notes: string | undefined, what = 'output folder'): Promise<string> {
  if (!out) throw new UsageError(`Missing --out, expected the ${what} to write to, e.g. \`--out dist\``);
  const path = resolve(cwd, out);
  if (notes && isWithin(notes, path)) throw new UsageError(`Refusing to write into the notes folder (${out}): give --out a path outside ${shown(cwd, notes)}`);
  let existing = path;
  for (;;) {
    const info = await stat(existing).catch(() => undefined);
    if (info) {
      if (!info.isDirectory() && existing !== path) throw new PathError(`Cannot write ${out}: ${shown(cwd, existing)} is a file, not a folder; choose another --out`);
      break;
    }
    if (dirname(existing) === existing) break;
    existing = dirname(existing);
  }
  const folder = (await stat(existing)).isDirectory() ? existing : dirname(existing);
  const fileSystem = PSEUDO_FILE_SYSTEMS.get(Number((await statfs(folder).catch(() => undefined))?.type ?? 0));
  if (fileSystem) throw new PathError(`Cannot write ${out}: ${shown(cwd, folder)} is on the ${fileSystem} pseudo file system; choose a folder on a real disk`);
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new PathError(`Cannot write ${out}: no permission to write in ${shown(cwd, folder)}; choose another --out or fix the folder's permissions`);
  }
  return path;
}

/** A `--dataset` file: it must exist and be a file; its content is checked when it is read. */
export async function datasetFile(cwd: string, file: string): Promise<string> {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new PathError(`No file ${file}: give a dataset.json written by \`mianjing build\``);
  if (!info.isFile()) throw new PathError(`${file} is not a file: give a dataset.json written by \`mianjing build\``);
  if (extname(path) !== '.json') throw new UsageError(`Unexpected --dataset ${file}, expected dataset.json (dataset.jsonl has no meta)`);
  return path;
}
