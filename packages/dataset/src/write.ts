import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '@mianjing/schema';

/** The file-system calls the writer makes: node:fs/promises, or a stand-in that fails on purpose in tests. */
export interface WriteSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'w'): Promise<{ write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

/** Temporary files being written right now, so an interrupted process can remove them on its way out. */
const pending = new Set<string>();

/**
 * Write every file to a temporary name beside its target, and only when all of them are written, rename each over its
 * target. A failure while writing (a data source that throws, a full disk, a read-only folder) removes the
 * temporary files and leaves every previous output as it was; a reader never sees a partial file.
 */
export async function writeFilesAtomic(outDir: string, files: readonly OutputFile[], system: WriteSystem = fs): Promise<string[]> {
  const written: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = join(outDir, ...file.path.split('/'));
      await system.mkdir(dirname(target), { recursive: true });
      const temp = join(dirname(target), `.mianjing-${randomBytes(6).toString('hex')}.tmp`);
      pending.add(temp);
      written.push({ temp, target });
      await writeData(system, temp, file.data);
    }
    for (const { temp, target } of written) {
      await system.rename(temp, target);
      pending.delete(temp);
    }
  } catch (error) {
    for (const { temp } of written) {
      if (!pending.has(temp)) continue;
      await system.rm(temp, { force: true }).catch(() => {});
      pending.delete(temp);
    }
    throw error;
  }
  return written.map(({ target }) => target);
}

// Text pieces are encoded into one buffer of this size, written whenever it fills: few system calls, bounded memory.
const BATCH = 1 << 20;

async function writeData(system: WriteSystem, path: string, data: OutputFile['data']): Promise<void> {
  const handle = await system.open(path, 'w');
  try {
    const pieces = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    const buffer = Buffer.allocUnsafe(BATCH);
    let used = 0;
    const flush = async () => {
      await writeAll(handle, buffer, used);
      used = 0;
    };
    for (const piece of pieces) {
      if (piece instanceof Uint8Array) {
        await flush();
        await writeAll(handle, piece, piece.length);
        continue;
      }
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + piece.length * 3 > BATCH) await flush();
      if (piece.length * 3 > BATCH) await writeAll(handle, Buffer.from(piece), Buffer.byteLength(piece));
      else used += buffer.write(piece, used);
    }
    await flush();
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: Awaited<ReturnType<WriteSystem['open']>>, bytes: Uint8Array, length: number): Promise<void> {
  for (let offset = 0; offset < length; ) offset += (await handle.write(bytes, offset, length - offset)).bytesWritten;
}

/** Remove the temporary files of writes still in flight (call it from a signal handler before exiting). */
export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
