import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFilesAtomic } from '@mianjing/dataset/build';
import type { RenderCache, RenderedAnswer } from '@mianjing/exporters';

const HEADER = 'mianjing render cache 1\n';
const CACHE_FILE = /^anki-[0-9a-f]{16}\.cache$/;
// The cache file of a folder that is no longer exported is deleted after this long without use.
const UNUSED_FOR_MS = 60 * 24 * 60 * 60 * 1000;
const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Rendered Anki answers kept on disk between runs: one file per notes folder (or dataset file), so
 * a rebuild renders only new and edited answers. Lines are `key TAB json`; an entry is decoded only
 * when it is asked for. Saving keeps only the entries this run used, so the file never outgrows
 * the notes. A missing, foreign or damaged file is an empty cache: the deck is the same either way.
 */
export class FileRenderCache implements RenderCache {
  private readonly stored = new Map<string, Buffer>();
  private readonly used = new Map<string, Buffer>();
  private added = false;

  private constructor(readonly path: string) {}

  /** The cache for `source` (the notes folder or dataset file) under `dir`. */
  static async open(dir: string, source: string): Promise<FileRenderCache> {
    const name = `anki-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.cache`;
    const cache = new FileRenderCache(join(dir, name));
    let data: Buffer;
    try {
      data = await readFile(cache.path);
    } catch {
      return cache;
    }
    if (!data.subarray(0, HEADER.length).equals(Buffer.from(HEADER))) return cache;
    for (let start = HEADER.length, end: number; start < data.length; start = end + 1) {
      end = data.indexOf(NEWLINE, start);
      if (end === -1) break; // a line cut short
      const tab = data.indexOf(TAB, start);
      if (tab !== -1 && tab < end) cache.stored.set(data.toString('latin1', start, tab), data.subarray(tab + 1, end));
    }
    return cache;
  }

  get(key: string): RenderedAnswer | undefined {
    const raw = this.used.get(key) ?? this.stored.get(key);
    if (raw === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      return undefined;
    }
    if (!isRendered(value)) return undefined;
    this.used.set(key, raw);
    return value;
  }

  set(key: string, rendered: RenderedAnswer): void {
    this.used.set(key, Buffer.from(JSON.stringify(rendered)));
    this.added = true;
  }

  /**
   * Writes the entries used by this run if that changes the file (otherwise marks the file used
   * now), and deletes the other folders' cache files that have not been used for 60 days.
   */
  async save(): Promise<void> {
    const dir = dirname(this.path);
    if (!this.added && this.used.size === this.stored.size) {
      const now = new Date();
      if (this.stored.size > 0) await utimes(this.path, now, now);
    } else {
      const keys = [...this.used.keys()].sort();
      const lines = function* (used: Map<string, Buffer>) {
        yield HEADER;
        for (const key of keys) yield `${key}\t${used.get(key)!.toString('utf8')}\n`;
      };
      await writeFilesAtomic(dir, [{ path: basename(this.path), data: lines(this.used) }]);
    }
    await deleteUnused(dir, basename(this.path));
  }
}

async function deleteUnused(dir: string, keep: string): Promise<void> {
  const now = Date.now();
  // Nothing was written when the run used no answers: the directory may not exist.
  for (const name of await readdir(dir).catch(() => [])) {
    if (name === keep || !CACHE_FILE.test(name)) continue;
    const path = join(dir, name);
    // Another run may be using or deleting it at the same moment: a file that is gone is fine.
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > UNUSED_FOR_MS) await rm(path, { force: true });
  }
}

function isRendered(value: unknown): value is RenderedAnswer {
  const candidate = value as Partial<RenderedAnswer> | null;
  // An entry written before renderings said what they cut has no `cut`: render it again.
  return typeof candidate?.html === 'string' && Array.isArray(candidate.images) && Array.isArray(candidate.cut?.tables) && typeof candidate.cut.nestedLines === 'number';
}

/** `--cache-dir`, else `$XDG_CACHE_HOME/mianjing`, else `~/.cache/mianjing`; none with `--no-cache` or no home. */
export function renderCacheDir(cwd: string, env: Record<string, string | undefined>, values: { 'cache-dir'?: string; 'no-cache'?: boolean }): string | undefined {
  if (values['no-cache']) return undefined;
  if (values['cache-dir'] !== undefined) return resolve(cwd, values['cache-dir']);
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'mianjing');
  if (env['HOME']) return join(env['HOME'], '.cache', 'mianjing');
  return undefined;
}
