import { leadingNumber, sha1Hex, sha256 } from '../hash.js';
import { cleanText } from '../text.js';

// Anki's base91 alphabet for note GUIDs (as in Anki's guid64 and genanki's guid_for).
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

const GUID_PREFIX = Buffer.from('mianjing:');

/**
 * Note GUID from the record id (or its UTF-8 bytes) alone: a later build with an edited answer keeps the GUID, so
 * Anki updates the note instead of adding a duplicate.
 */
export function noteGuid(recordId: string | Uint8Array): string {
  // The first 64 bits of the hash in base91, by long division in two 32-bit halves (BigInt is
  // several times slower, and this runs once per note).
  const digest = sha256(Buffer.concat([GUID_PREFIX, typeof recordId === 'string' ? Buffer.from(recordId) : recordId]));
  let high = leadingNumber(digest, 4);
  let low = leadingNumber(digest.slice(8), 4);
  let guid = '';
  do {
    const highRest = high % 91;
    high = (high - highRest) / 91;
    // Below 91 × 2^32: exact in a double.
    const rest = highRest * 2 ** 32 + low;
    const digit = rest % 91;
    low = (rest - digit) / 91;
    guid = BASE91[digit] + guid;
  } while (high > 0 || low > 0);
  return guid;
}

/** Anki's duplicate checksum: the first 8 hex digits of SHA-1 of the HTML-stripped first field. */
export function fieldChecksum(strippedFirstField: string | Uint8Array): number {
  return leadingNumber(sha1Hex(strippedFirstField), 4);
}

/**
 * Tags as Anki stores them: no whitespace or `"` inside a tag (whitespace becomes `_`),
 * `::` levels without empty ones, duplicates dropped case-insensitively, joined with spaces
 * with a leading and trailing space ("" when there are none).
 */
export function formatTags(tags: readonly string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const normalized = cleanText(tag)
      .trim()
      .replace(/\s+/gu, '_')
      .replace(/"/g, '')
      .split('::')
      .filter((level) => level !== '')
      .join('::');
    const key = normalized.toLowerCase();
    if (normalized === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(normalized);
  }
  return out.length === 0 ? '' : ` ${out.join(' ')} `;
}
