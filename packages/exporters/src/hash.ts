import { createHash, hash } from 'node:crypto';

// crypto.hash is one call instead of three: it matters at 100k notes with several hashes each.
export function sha1Hex(data: string | Uint8Array | Iterable<string>): string {
  if (typeof data === 'string' || data instanceof Uint8Array) return hash('sha1', data, 'hex');
  const incremental = createHash('sha1');
  for (const piece of data) incremental.update(piece);
  return incremental.digest('hex');
}

export function sha256(data: string | Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

export function sha1(data: string | Uint8Array): Buffer {
  return hash('sha1', data, 'buffer');
}
