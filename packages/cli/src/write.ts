import { removePendingWrites, writeFilesAtomic } from '@mianjing/dataset/build';
import type { OutputFile } from '@mianjing/schema';
import { PathError } from './errors.js';
import { shown } from './inputs.js';

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/**
 * Writes files atomically under `dir`. Only while writing does the process catch Ctrl-C and SIGTERM, to remove the
 * temporary files before it exits (the previous outputs stay whole); at any other time the default action stops it
 * at once, whatever it is computing.
 */
export async function writeOutputs(cwd: string, dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const handlers = SIGNALS.map(([signal, code]) => {
    const handler = () => {
      removePendingWrites();
      process.exit(code);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  try {
    return await writeFilesAtomic(dir, files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new PathError(`Cannot write into ${shown(cwd, dir)}: the disk is full; free some space (the previous outputs are unchanged)`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new PathError(`Cannot write into ${shown(cwd, dir)} (${code}): choose another --out or fix its permissions (the previous outputs are unchanged)`);
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST')
      throw new PathError(`Cannot write into ${shown(cwd, dir)} (${code}): a file stands where a folder must be, or the other way round; choose another --out`);
    throw error;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}
