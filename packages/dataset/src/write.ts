import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Relative to the output folder, "/"-separated. */
  path: string;
  /** Bytes, text, or text in pieces written as they are produced (so big outputs never sit in memory whole). */
  data: string | Uint8Array | Iterable<string>;
}

/** Temporary files being written right now, so an interrupted process can remove them on its way out. */
const pending = new Set<string>();

/**
 * Write each file to a temporary name in its own folder, then rename it over the target: a reader (or a build
 * killed half-way) sees the old file or the new one, never a partial one.
 */
export async function writeFilesAtomic(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.mianjing-${randomBytes(6).toString('hex')}.tmp`);
    pending.add(temp);
    try {
      await writeData(temp, file.data);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    } finally {
      pending.delete(temp);
    }
    written.push(target);
  }
  return written;
}

// Pieces are gathered up to this size before each write: few system calls, bounded memory.
const BATCH = 1 << 20;

async function writeData(path: string, data: OutputFile['data']): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return writeFile(path, data);
  const handle = await open(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of data) {
      batch.push(piece);
      size += piece.length;
      if (size >= BATCH) {
        await handle.write(batch.join(''));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) await handle.write(batch.join(''));
  } finally {
    await handle.close();
  }
}

/** Remove the temporary files of writes still in flight (call it from a signal handler before exiting). */
export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
