import type { MediaFile } from './media.js';
import { zip } from './zip.js';

/**
 * The legacy `.apkg` package: `collection.anki2`, the `media` map (`{"0":"name.png",…}`, always
 * present) and the media files named "0", "1", …, in pieces (see zip).
 */
export async function packageApkg(collection: Uint8Array, media: readonly MediaFile[], compress: boolean): Promise<Uint8Array[]> {
  const mediaMap: Record<string, string> = {};
  media.forEach((file, index) => {
    mediaMap[index] = file.name;
  });
  return zip([
    { name: 'collection.anki2', data: collection, deflate: compress },
    { name: 'media', data: Buffer.from(JSON.stringify(mediaMap)), deflate: compress },
    // Images are compressed already.
    ...media.map((file, index) => ({ name: String(index), data: file.data, deflate: false })),
  ]);
}
