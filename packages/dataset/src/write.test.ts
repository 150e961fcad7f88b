// The writer's guarantees, with failures injected through its file-system seam at exact points (no timing): after any
// failure every previous output is byte-identical and no temporary file is left.
import { readdirSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removePendingWrites, writeFilesAtomic, type WriteSystem } from './write.js';

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
    const targets = await writeFilesAtomic(dir, [
      { path: 'dataset.json', data: 'new' },
      { path: 'nested/x.bin', data: new Uint8Array([1, 2]) },
    ]);
    expect(targets).toEqual([join(dir, 'dataset.json'), join(dir, 'nested', 'x.bin')]);
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

  it('finishes a file the disk accepts a few bytes at a time (short writes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-write-'));
    let calls = 0;
    const short: WriteSystem = {
      ...failing(() => undefined),
      open: async (path, flags) => {
        const handle = await fs.open(path, flags);
        return {
          close: () => handle.close(),
          write: (data, offset, length) => {
            calls++;
            return handle.write(data, offset, Math.min(length, 4096));
          },
        };
      },
    };
    const text = '短写'.repeat(10_000);
    await writeFilesAtomic(dir, [{ path: 'short.txt', data: [text, new Uint8Array(10_000).fill(7)] }], short);
    expect(await readFile(join(dir, 'short.txt'))).toEqual(Buffer.concat([Buffer.from(text), Buffer.alloc(10_000, 7)]));
    expect(calls).toBe(Math.ceil(60_000 / 4096) + Math.ceil(10_000 / 4096));
  });

  it('batches many small text pieces into few writes and loses none of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-write-'));
    const pieces = Array.from({ length: 30_000 }, (_, i) => `{"id":"q-${i}","answer":"${'答'.repeat(i % 50)}"}\n`);
    let writes = 0;
    const counting = failing((call) => {
      if (call.startsWith('write')) writes++;
      return undefined;
    });
    await writeFilesAtomic(dir, [{ path: 'many.jsonl', data: pieces }], counting);
    expect(await readFile(join(dir, 'many.jsonl'), 'utf8')).toBe(pieces.join(''));
    // 1 MiB batches, each flushed when the next piece might not fit: one more write than full batches at most.
    const full = Math.ceil(Buffer.byteLength(pieces.join('')) / 2 ** 20);
    expect(writes).toBeGreaterThanOrEqual(full);
    expect(writes).toBeLessThanOrEqual(full + 1);
  });

  it('closes every file it opened, also when a write fails', async () => {
    const dir = await outputsWithOldFiles();
    const open = new Set<string>();
    const base = failing((call) => (call === 'write 1' ? errno('EIO') : undefined));
    const tracking: WriteSystem = {
      ...base,
      open: async (path, flags) => {
        const handle = await base.open(path, flags);
        open.add(path);
        return {
          write: handle.write,
          close: async () => {
            open.delete(path);
            await handle.close();
          },
        };
      },
    };
    await expect(writeFilesAtomic(dir, [{ path: 'dataset.json', data: 'new' }], tracking)).rejects.toMatchObject({ code: 'EIO' });
    expect([...open]).toEqual([]);
    await expectUntouched(dir);
  });

  it('removes the temporary files of an interrupted write on request, as the signal handler does', async () => {
    const dir = await outputsWithOldFiles();
    let seen: string[] = [];
    let left: string[] = [];
    function* interrupted() {
      yield 'partial';
      // The process is being stopped here: the handler removes what is in flight, then exits.
      seen = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
      removePendingWrites();
      // Gone at once, not only by the writer's own clean-up when this error reaches it: a handler exits right away.
      left = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
      throw new Error('stopped');
    }
    await expect(
      writeFilesAtomic(dir, [
        { path: 'dataset.json', data: 'x' },
        { path: 'dataset.jsonl', data: interrupted() },
      ]),
    ).rejects.toThrow('stopped');
    expect(seen).toHaveLength(2);
    expect(left).toEqual([]);
    await expectUntouched(dir);
  });
});
