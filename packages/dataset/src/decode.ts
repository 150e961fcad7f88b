/** Why a file's bytes are not a note, with the place to point at. */
export interface DecodeProblem {
  reason: string;
  line: number;
  column: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode a note's bytes as UTF-8 (a BOM is dropped). UTF-16 files, binary files (NUL bytes) and invalid UTF-8
 * are refused with the byte offset and line of the first bad byte, instead of being read as replacement
 * characters.
 */
export function decodeNote(bytes: Uint8Array): { text: string } | { problem: DecodeProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { reason: 'Unexpected UTF-16 text (byte order mark at byte 0), expected UTF-8: re-save the file as UTF-8', line: 1, column: 1 } };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { problem: { reason: `Unexpected NUL byte at byte ${nul}, expected UTF-8 text: this looks like a binary file or UTF-16 without a byte order mark`, ...placeOf(bytes, nul) } };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { problem: { reason: `Unexpected invalid UTF-8 at byte ${bad}, expected UTF-8 text: re-save the file as UTF-8`, ...placeOf(bytes, bad) } };
  }
}

/** Line (1-based) of a byte offset, and the column counted in bytes from the line start. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong 3/4-byte forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
