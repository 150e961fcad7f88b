/**
 * Text produced piece by piece when it is written, so a large export never sits in memory whole. It can be
 * iterated again (each pass produces the same pieces).
 */
export type TextChunks = Iterable<string>;

/** A file an exporter produces; the CLI writes it (atomically) under its output directory. */
export interface OutputFile {
  /** Relative path with `/` separators. */
  path: string;
  /** Bytes, text the CLI writes as UTF-8, or text in chunks written as they are produced. */
  data: Uint8Array | string | TextChunks;
}

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

/** The whole text of an output (for tests and small files): chunks joined, bytes decoded as UTF-8. */
export function outputText(data: OutputFile['data']): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return new TextDecoder().decode(data);
  return [...data].join('');
}

/** Something an exporter skipped or changed in one record. */
export interface ExportWarning {
  recordId: string;
  /** kebab-case, e.g. `image-not-found`. */
  ruleId: string;
  message: string;
}

/** What every exporter returns. */
export interface ExportResult {
  files: OutputFile[];
  summary: Record<string, number>;
  warnings: ExportWarning[];
}
