import { sha1Hex, sha256 } from '../hash.js';
import { cleanText } from '../text.js';

// Anki's base91 alphabet for note GUIDs (as in Anki's guid64 and genanki's guid_for).
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * Note GUID from the record id alone: a later build with an edited answer keeps the GUID, so
 * Anki updates the note instead of adding a duplicate.
 */
export function noteGuid(recordId: string): string {
  let value = sha256(`mianjing:${recordId}`).readBigUInt64BE(0);
  let guid = '';
  do {
    guid = BASE91[Number(value % 91n)] + guid;
    value /= 91n;
  } while (value > 0n);
  return guid;
}

/** Anki's duplicate checksum: the first 8 hex digits of SHA-1 of the HTML-stripped first field. */
export function fieldChecksum(strippedFirstField: string): number {
  return Number.parseInt(sha1Hex(strippedFirstField).slice(0, 8), 16);
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
