import { createHash, hash } from 'node:crypto';

// crypto.hash is one call instead of three, and a digest as a string comes out several times faster
// than as a Buffer (for the short ids hashed per note, the Buffer is most of the cost): it matters
// at 100k notes with several hashes each.
export function sha1Hex(data: string | Uint8Array | Iterable<string>): string {
  if (typeof data === 'string' || data instanceof Uint8Array) return hash('sha1', data, 'hex');
  const incremental = createHash('sha1');
  for (const piece of data) incremental.update(piece);
  return incremental.digest('hex');
}

export function sha256(data: string | Uint8Array, encoding: 'hex' | 'base64url' = 'hex'): string {
  return hash('sha256', data, encoding);
}

/** The number the first `bytes` bytes (at most 6) of a hex digest spell, big-endian. */
export function leadingNumber(hex: string, bytes: number): number {
  return Number.parseInt(hex.slice(0, 2 * bytes), 16);
}
