import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Relative to the output folder, "/"-separated. */
  path: string;
  data: string | Uint8Array;
}

/**
 * Write each file to a temporary name in its own folder, then rename it over the target: a reader (or a build
 * killed half-way) sees the old file or the new one, never a partial one.
 */
export async function writeFilesAtomic(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, file.data);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    written.push(target);
  }
  return written;
}
