import { relative, resolve, sep } from 'node:path';
import { bundledContentDir, bundledDatasetInfo } from '@mianjing/dataset/build';
import { UsageError } from './io.js';

export function contentDir(cwd: string, dir: string | undefined): string {
  return dir === undefined ? bundledContentDir.replace(/[\\/]$/, '') : resolve(cwd, dir);
}

export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Outputs never go into the notes folder: a later build would read them back as notes, or overwrite a note. */
export function outputDir(cwd: string, out: string | undefined, content: string | undefined): string {
  if (!out) throw new UsageError('Missing --out, expected the folder to write to, e.g. `--out dist`');
  const dir = resolve(cwd, out);
  if (content && isInside(content, dir)) {
    throw new UsageError(`Refusing to write into the content folder (${out}), expected --out outside ${relative(cwd, content) || '.'}`);
  }
  return dir;
}

/** The bundled notes are published as @mianjing/dataset: builds of them carry its name and version. */
export function datasetIdentity(dir: string | undefined, name: string | undefined, version: string | undefined): { name?: string; version?: string } {
  const bundled: { name?: string; version?: string } = dir === undefined ? bundledDatasetInfo() : {};
  return { name: name ?? bundled.name, version: version ?? bundled.version };
}
