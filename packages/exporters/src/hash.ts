import { createHash } from 'node:crypto';

export function sha1Hex(data: string | Uint8Array | Iterable<string>): string {
  const hash = createHash('sha1');
  if (typeof data === 'string' || data instanceof Uint8Array) hash.update(data);
  else for (const piece of data) hash.update(piece);
  return hash.digest('hex');
}

export function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}
