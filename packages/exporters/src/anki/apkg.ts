import { zipSync, type Zippable } from 'fflate';
import type { MediaFile } from './media.js';

/**
 * The legacy `.apkg` package: `collection.anki2`, the `media` map (`{"0":"name.png",…}`, always present) and the
 * media files named "0", "1", …. `compress` deflates the collection and the map (level 1: most of the size gain for
 * little time); images are stored, being compressed already.
 */
export function packageApkg(collection: Uint8Array, media: readonly MediaFile[], compress: boolean): Uint8Array {
  const level = compress ? 1 : 0;
  // Zip stores local date and time fields: a Date made from local parts now gives the same fields in any time zone,
  // so the same deck gives the same bytes everywhere (1980-01-01 12:00, the first day zip can express).
  const FIXED_TIME = new Date(1980, 0, 1, 12, 0, 0);
  const mediaMap: Record<string, string> = {};
  const files: Zippable = {
    'collection.anki2': [collection, { level, mtime: FIXED_TIME }],
    media: [new Uint8Array(), { level, mtime: FIXED_TIME }],
  };
  media.forEach((file, index) => {
    mediaMap[index] = file.name;
    files[String(index)] = [file.data, { level: 0, mtime: FIXED_TIME }];
  });
  files['media'] = [new TextEncoder().encode(JSON.stringify(mediaMap)), { level, mtime: FIXED_TIME }];
  return zipSync(files);
}
