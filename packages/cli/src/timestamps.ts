import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * When each note last changed, in seconds: Anki only updates a note whose `mod` is newer, so an edited note
 * must get a later time and an untouched one the same time on every run. SOURCE_DATE_EPOCH wins when set;
 * otherwise a file's last commit time, or its mtime when it has uncommitted changes or no git history.
 */
export function noteTimes(contentRoot: string, paths: readonly string[], env: Record<string, string | undefined>): (path: string) => number {
  const epoch = Number.parseInt(env.SOURCE_DATE_EPOCH ?? '', 10);
  if (Number.isFinite(epoch) && epoch >= 0) return () => epoch;
  const committed = gitCommitTimes(contentRoot);
  const dirty = gitDirtyFiles(contentRoot);
  const times = new Map<string, number>();
  for (const path of paths) {
    const commit = committed.get(path);
    times.set(path, commit !== undefined && !dirty.has(path) ? commit : mtime(join(contentRoot, path)));
  }
  return (path) => times.get(path) ?? 0;
}

/** For a built `--dataset` file: SOURCE_DATE_EPOCH, or the file's own mtime, so a newer build gives newer notes. */
export function datasetFileTime(path: string | undefined, env: Record<string, string | undefined>): () => number {
  const epoch = Number.parseInt(env.SOURCE_DATE_EPOCH ?? '', 10);
  const time = Number.isFinite(epoch) && epoch >= 0 ? epoch : path ? mtime(path) : 0;
  return () => time;
}

function mtime(path: string): number {
  try {
    return Math.floor(statSync(path).mtimeMs / 1000);
  } catch {
    return 0;
  }
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Newest commit time of every file under `root`, from one `git log` (paths relative to root). */
function gitCommitTimes(root: string): Map<string, number> {
  const times = new Map<string, number>();
  const log = git(root, ['log', '--format=@%ct', '--name-only', '--relative', '--no-renames', '--', '.']);
  if (!log) return times;
  let current = 0;
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) current = Number(line.slice(1));
    else if (line && !times.has(line)) times.set(line, current);
  }
  return times;
}

function gitDirtyFiles(root: string): Set<string> {
  const status = git(root, ['status', '--porcelain', '--no-renames', '--untracked-files=all', '--', '.']);
  const prefix = git(root, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const dirty = new Set<string>();
  for (const line of status?.split('\n') ?? []) {
    const path = line.slice(3);
    if (path) dirty.add(path.startsWith(prefix) ? path.slice(prefix.length) : path);
  }
  return dirty;
}
