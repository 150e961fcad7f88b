import { writeFile, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { outputBytes, outputText } from './output.js';

// 卷 is E5 8D B7 in UTF-8: split across two byte pieces here.
const mixed = ['头', new Uint8Array([0xe5, 0x8d]), new Uint8Array([0xb7]), '积'];

it('joins pieces of text and bytes, also a character split between byte pieces', () => {
  expect(outputText(mixed)).toBe('头卷积');
  expect(Buffer.from(outputBytes(mixed)).equals(Buffer.from('头卷积'))).toBe(true);
  expect(outputText(['a', 'b'])).toBe('ab');
  expect(outputText(new Uint8Array([0x61]))).toBe('a');
  expect(Buffer.from(outputBytes('头')).equals(Buffer.from('头'))).toBe(true);
  const bytes = new Uint8Array([1, 2]);
  expect(outputBytes(bytes)).toBe(bytes);
});

it('is what fs.promises.writeFile writes for every form of data', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mianjing-output-'));
  try {
    for (const data of [
      '文本',
      new Uint8Array([0xe5, 0x8d, 0xb7]),
      mixed,
      {
        *[Symbol.iterator]() {
          yield* mixed;
        },
      },
    ]) {
      await writeFile(join(dir, 'f'), data);
      expect((await readFile(join(dir, 'f'))).equals(Buffer.from(outputBytes(data)))).toBe(true);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
