import type { OutputFile, RecordWarning } from '@mianjing/schema';

export type { OutputFile };

/**
 * Text produced piece by piece when it is written, so a large export never sits in memory whole. It can be
 * iterated again (each pass produces the same pieces).
 */
export type TextChunks = Iterable<string>;

/** A re-iterable sequence of text pieces made lazily from `items`. */
export function chunks<T>(items: Iterable<T>, piece: (item: T) => string | Iterable<string>, prefix = ''): TextChunks {
  return {
    *[Symbol.iterator]() {
      if (prefix) yield prefix;
      for (const item of items) {
        const text = piece(item);
        if (typeof text === 'string') yield text;
        else yield* text;
      }
    },
  };
}

/** The whole text of an output (for tests and small files): pieces joined, bytes decoded as UTF-8. */
export function outputText(data: OutputFile['data']): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return new TextDecoder().decode(data);
  const pieces = [...data];
  // A byte piece may end inside a character that the next one finishes: decode the bytes joined.
  if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
  return new TextDecoder().decode(outputBytes(pieces));
}

/** The whole output as bytes (for tests and small files): pieces joined, text encoded as UTF-8. */
export function outputBytes(data: OutputFile['data']): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return Buffer.from(data);
  return Buffer.concat([...data].map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
}

/** Something an exporter skipped or changed in one record. */
export type ExportWarning = RecordWarning;

/** What every exporter returns. */
export interface ExportResult {
  files: OutputFile[];
  summary: Record<string, number>;
  warnings: ExportWarning[];
}
