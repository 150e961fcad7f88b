// The writer's guarantees, with failures injected through its file-system seam at exact points (no timing): after any
// failure every previous output is byte-identical and no temporary file is left.
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic, type WriteSystem } from './write.js';

async function outputsWithOldFiles(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mianjing-write-'));
  await writeFile(join(dir, 'dataset.json'), 'old json');
  await writeFile(join(dir, 'dataset.jsonl'), 'old jsonl');
  return dir;
}

async function expectUntouched(dir: string): Promise<void> {
  expect((await readdir(dir)).sort()).toEqual(['dataset.json', 'dataset.jsonl']);
  expect(await readFile(join(dir, 'dataset.json'), 'utf8')).toBe('old json');
  expect(await readFile(join(dir, 'dataset.jsonl'), 'utf8')).toBe('old jsonl');
}

/** node:fs/promises, with `fail` deciding per call whether to throw instead. */
function failing(fail: (call: string, path: string) => NodeJS.ErrnoException | undefined): WriteSystem {
  let writes = 0;
  return {
    mkdir: (path, options) => fs.mkdir(path, options),
    rm: (path, options) => fs.rm(path, options),
    rename: async (from, to) => {
      const error = fail('rename', to);
      if (error) throw error;
      return fs.rename(from, to);
    },
    open: async (path, flags) => {
      const error = fail('open', path);
      if (error) throw error;
      const handle = await fs.open(path, flags);
      return {
        close: () => handle.close(),
        write: async (data, offset, length) => {
          const failure = fail(`write ${++writes}`, path);
          if (failure) throw failure;
          return handle.write(data, offset, length);
        },
      };
    },
  };
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('writeFilesAtomic', () => {
  it('replaces every file whole and leaves no temporary file', async () => {
    const dir = await outputsWithOldFiles();
    await writeFilesAtomic(dir, [
      { path: 'dataset.json', data: 'new' },
      { path: 'nested/x.bin', data: new Uint8Array([1, 2]) },
    ]);
    expect(await readFile(join(dir, 'dataset.json'), 'utf8')).toBe('new');
    expect(await readFile(join(dir, 'nested/x.bin'))).toEqual(Buffer.from([1, 2]));
    expect((await readdir(dir)).sort()).toEqual(['dataset.json', 'dataset.jsonl', 'nested']);
  });

  it('keeps the old files when a data source throws partway, even after an earlier file was written', async () => {
    const dir = await outputsWithOldFiles();
    function* broken() {
      yield 'first piece\n';
      throw new Error('the exporter failed');
    }
    await expect(
      writeFilesAtomic(dir, [
        { path: 'dataset.json', data: 'complete' },
        { path: 'dataset.jsonl', data: broken() },
      ]),
    ).rejects.toThrow('the exporter failed');
    await expectUntouched(dir);
  });

  it('keeps the old files when the disk fills up on the second write', async () => {
    const dir = await outputsWithOldFiles();
    const big = 'x'.repeat(3 << 20);
    const system = failing((call) => (call === 'write 2' ? errno('ENOSPC') : undefined));
    await expect(
      writeFilesAtomic(
        dir,
        [
          { path: 'dataset.json', data: [big, big] },
          { path: 'dataset.jsonl', data: 'y' },
        ],
        system,
      ),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    await expectUntouched(dir);
  });

  it('keeps the old files when the target cannot be opened for writing (read-only)', async () => {
    const dir = await outputsWithOldFiles();
    const system = failing((call, path) => (call === 'open' && path.includes('nested') ? errno('EROFS') : undefined));
    await expect(
      writeFilesAtomic(
        dir,
        [
          { path: 'dataset.json', data: 'new' },
          { path: 'nested/dataset.jsonl', data: 'new' },
        ],
        system,
      ),
    ).rejects.toMatchObject({ code: 'EROFS' });
    expect((await readdir(dir)).sort()).toEqual(['dataset.json', 'dataset.jsonl', 'nested']);
    expect(await readdir(join(dir, 'nested'))).toEqual([]);
    expect(await readFile(join(dir, 'dataset.json'), 'utf8')).toBe('old json');
  });

  it('writes pieces of text and bytes one after another, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-write-'));
    const large = new Uint8Array(3 << 20).map((_, i) => i % 251);
    const pieces = ['头', new Uint8Array([0xe5, 0x8d]), new Uint8Array([0xb7]), '积', large, 'x'.repeat(2 << 20), '尾'];
    await writeFilesAtomic(dir, [{ path: 'mixed.bin', data: pieces }]);
    const expected = Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
    expect((await readFile(join(dir, 'mixed.bin'))).equals(expected)).toBe(true);
  });
});
