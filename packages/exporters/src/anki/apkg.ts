import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { MediaFile } from './media.js';

const deflatePiece = promisify(deflateRaw);

// Pieces deflated at once on libuv's threads: every core works on a large collection. Each piece ends with a sync
// flush, which byte-aligns it without ending the stream, so the pieces join into one valid deflate stream; piece
// bounds follow from the data's length alone, so the bytes are the same on every run.
const PIECE = 1 << 20;
const LANES = 8;

/** Level-1 raw deflate of `data` (most of the size gain for a fraction of the time), in pieces to join. */
async function deflate(data: Uint8Array): Promise<Uint8Array[]> {
  const count = Math.max(1, Math.ceil(data.length / PIECE));
  const pieces: Uint8Array[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++) {
      const finishFlush = index === count - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
      pieces[index] = await deflatePiece(data.subarray(index * PIECE, (index + 1) * PIECE), { level: 1, finishFlush });
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, count) }, lane));
  return pieces;
}

/**
 * A zip entry compressed before it is added, through fflate's ZipInputFile interface for compression done elsewhere:
 * size and CRC of the original data, then the compressed pieces.
 */
function compressedEntry(filename: string, size: number, crc: number, pieces: Uint8Array[], mtime: Date): { file: ZipInputFile; write(): void } {
  const file: ZipInputFile = { filename, size, crc, compression: 8, mtime, ondata: () => {} };
  return {
    file,
    // zip.add() sets ondata to where the archive takes the pieces.
    write: () => {
      for (const [index, piece] of pieces.entries()) file.ondata!(null, piece as Uint8Array<ArrayBuffer>, index === pieces.length - 1);
    },
  };
}

/**
 * The legacy `.apkg` package: `collection.anki2`, the `media` map (`{"0":"name.png",…}`, always present) and the
 * media files named "0", "1", …, as pieces to write one after another. `compress` deflates the collection and the map;
 * images are stored, being compressed already.
 */
export async function packageApkg(collection: Uint8Array, media: readonly MediaFile[], compress: boolean): Promise<Uint8Array[]> {
  const mediaMap: Record<string, string> = {};
  media.forEach((file, index) => {
    mediaMap[index] = file.name;
  });
  const entries: Array<[string, Uint8Array, boolean]> = [
    ['collection.anki2', collection, compress],
    ['media', new TextEncoder().encode(JSON.stringify(mediaMap)), compress],
    ...media.map((file, index): [string, Uint8Array, boolean] => [String(index), file.data, false]),
  ];
  const deflating = Promise.all(entries.map(([, data, deflated]) => (deflated ? deflate(data) : undefined)));
  // The checksums are worked out here while libuv's threads deflate.
  const crcs = entries.map(([, data, deflated]) => (deflated ? crc32(data) : 0));
  const compressed = await deflating;
  const out: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.push(data);
  });
  // Zip stores local date and time fields: a Date made from local parts now gives the same fields in any time zone,
  // so the same deck gives the same bytes everywhere (1980-01-01 12:00, the first day zip can express).
  const mtime = new Date(1980, 0, 1, 12, 0, 0);
  entries.forEach(([name, data], index) => {
    const pieces = compressed[index];
    if (pieces) {
      const entry = compressedEntry(name, data.length, crcs[index]!, pieces, mtime);
      zip.add(entry.file);
      entry.write();
    } else {
      const entry = new ZipPassThrough(name);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(data as Uint8Array<ArrayBuffer>, true);
    }
  });
  zip.end();
  return out;
}
