import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from './zip.js';

// 9 MiB of text that compresses, so the deflated entry spans several pieces.
const large = Buffer.from(Array.from({ length: 9 * 2 ** 16 }, (_, i) => `第${i}行：卷积 ${(i * 7919) % 1000}\n`).join('').slice(0, 9 * 2 ** 20));
// Over 16 MiB, so it is deflated in the larger pieces.
const larger = Buffer.concat([large, large.subarray(0, 8 * 2 ** 20)]);
const entries = [
  { name: 'collection.anki2', data: large, deflate: true },
  { name: 'larger', data: larger, deflate: true },
  { name: 'media', data: Buffer.from('{"0":"a.png"}'), deflate: true },
  { name: '0', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), deflate: false },
  { name: 'empty', data: new Uint8Array(0), deflate: true },
];

describe('zip', () => {
  it('writes entries any unzip reads back whole, large ones deflated in pieces', async () => {
    const archive = Buffer.concat(await zip(entries));
    expect(archive.length).toBeLessThan((large.length + larger.length) / 2);
    const read = unzipSync(archive);
    expect(Object.keys(read).sort()).toEqual(entries.map((e) => e.name).sort());
    for (const entry of entries) expect(Buffer.from(read[entry.name]!).equals(Buffer.from(entry.data))).toBe(true);

    // Info-ZIP's unzip checks every CRC and the central directory.
    const dir = mkdtempSync(join(tmpdir(), 'mianjing-zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), archive);
      expect(execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores the CRC-32 of each entry and deflates only where asked', async () => {
    const archive = Buffer.concat(await zip(entries));
    let at = 0;
    for (const entry of entries) {
      expect(archive.readUInt32LE(at)).toBe(0x04034b50);
      expect(archive.readUInt16LE(at + 8)).toBe(entry.deflate ? 8 : 0);
      expect(archive.readUInt32LE(at + 14)).toBe(crc32(entry.data));
      expect(archive.readUInt32LE(at + 22)).toBe(entry.data.length);
      at += 30 + entry.name.length + archive.readUInt32LE(at + 18);
    }
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
  });

  it('gives the same bytes for the same entries', async () => {
    expect(Buffer.concat(await zip(entries)).equals(Buffer.concat(await zip(entries)))).toBe(true);
  });
});
