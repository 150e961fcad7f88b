import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '@mianjing/schema';

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

// Pieces are encoded into one buffer of this many bytes, written each time it fills: few system calls, bounded
// memory. Joining them into one string instead would make a string of this size per write, too big for V8's young
// generation: the dead ones pile up in the old generation until its next full collection.
const BATCH = 1 << 20;

async function writeData(path: string, data: OutputFile['data']): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return writeFile(path, data);
  const handle = await open(path, 'w');
  try {
    const buffer = Buffer.allocUnsafe(BATCH);
    let used = 0;
    for (const piece of data) {
      if (piece instanceof Uint8Array) {
        // Bytes are written as they are, after the text before them.
        await writeAll(handle, buffer, used);
        used = 0;
        await writeAll(handle, piece, piece.length);
        continue;
      }
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + piece.length * 3 > BATCH) {
        await writeAll(handle, buffer, used);
        used = 0;
        if (piece.length * 3 > BATCH) {
          await handle.write(piece);
          continue;
        }
      }
      used += buffer.write(piece, used);
    }
    await writeAll(handle, buffer, used);
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, buffer: Uint8Array, length: number): Promise<void> {
  for (let offset = 0; offset < length; ) offset += (await handle.write(buffer, offset, length - offset)).bytesWritten;
}

/** Remove the temporary files of writes still in flight (call it from a signal handler before exiting). */
export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
