import { strToU8, zipSync, type Zippable } from 'fflate';
import type { MediaFile } from './media.js';

/**
 * The legacy `.apkg` package: `collection.anki2`, the `media` map (`{"0":"name.png",…}`, always
 * present) and the media files named "0", "1", ….
 */
export function packageApkg(collection: Uint8Array, media: readonly MediaFile[]): Uint8Array {
  const mediaMap: Record<string, string> = {};
  const entries: Zippable = { 'collection.anki2': collection };
  media.forEach((file, index) => {
    mediaMap[index] = file.name;
    // Images are compressed already.
    entries[index] = [file.data, { level: 0 }];
  });
  entries['media'] = strToU8(JSON.stringify(mediaMap));
  // Zip entries carry DOS local-time stamps and fflate reads a Date's local fields: a date built
  // from local fields (now, not at load time) gives the same bytes in every time zone.
  return zipSync(entries, { level: 6, mtime: new Date(1980, 0, 1, 12, 0, 0) });
}
