import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageApkg } from './apkg.js';

/** Bytes a deflater has work on: letters with a pseudo-random byte every seventh place (seeded, so fixed). */
function bytesOf(size: number): Uint8Array {
  const data = new Uint8Array(size);
  let state = 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    data[i] = i % 7 === 0 ? state >>> 24 : 65 + (i % 26);
  }
  return data;
}

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The entry's data as stored in the archive (compressed or not). */
  stored: Uint8Array;
}

/** The archive's entries as its central directory records them, read by hand (the zip format, APPNOTE 4.3.12, 4.3.16). */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const compressedSize = view.getUint32(at + 20, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: view.getUint32(at + 24, true),
      stored: zip.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const join = (parts: readonly Uint8Array[]) => Buffer.concat(parts);

describe('packageApkg', () => {
  // Two and a half pieces of 1 MiB: the collection is deflated piece by piece and the pieces joined.
  const collection = bytesOf(5 * 2 ** 19);
  const image = bytesOf(3000);

  it('deflates a collection of several pieces into one stream that inflates to the same bytes, with its CRC and sizes', async () => {
    const zip = join(await packageApkg(collection, [{ name: 'figure.png', data: image }], true));
    const entries = centralDirectory(zip);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['collection.anki2', 8],
      ['media', 8],
      ['0', 0],
    ]);
    const [deflated, media, stored] = entries as [CentralEntry, CentralEntry, CentralEntry];
    // One raw deflate stream, read with zlib rather than the zip library that wrote it.
    expect(inflateRawSync(deflated.stored).equals(collection)).toBe(true);
    expect(deflated.size).toBe(collection.length);
    expect(deflated.crc).toBe(crc32(collection));
    expect(deflated.compressedSize).toBeLessThan(collection.length * 0.7);
    expect(new TextDecoder().decode(inflateRawSync(media.stored))).toBe('{"0":"figure.png"}');
    expect(Buffer.from(stored.stored).equals(image)).toBe(true);
    expect(stored.crc).toBe(crc32(image));
    // And as an unzipper reads it.
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['0', 'collection.anki2', 'media']);
    expect(Buffer.from(files['collection.anki2']!).equals(collection)).toBe(true);
  });

  it('stores every entry as is without compression, and gives the same bytes on every run', async () => {
    const once = join(await packageApkg(collection, [{ name: 'figure.png', data: image }], false));
    const entries = centralDirectory(once);
    expect(entries.map((e) => [e.name, e.method, e.size, e.compressedSize])).toEqual([
      ['collection.anki2', 0, collection.length, collection.length],
      ['media', 0, 18, 18],
      ['0', 0, image.length, image.length],
    ]);
    expect(Buffer.from(entries[0]!.stored).equals(collection)).toBe(true);
    expect(entries[0]!.crc).toBe(crc32(collection));
    expect(join(await packageApkg(collection, [{ name: 'figure.png', data: image }], false)).equals(once)).toBe(true);
    const deflated = join(await packageApkg(collection, [], true));
    expect(join(await packageApkg(collection, [], true)).equals(deflated)).toBe(true);
  });
});
