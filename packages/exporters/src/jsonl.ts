import { chunks, type TextChunks } from './output.js';

/**
 * One compact JSON object and `\n`. JSON allows U+2028/U+2029 raw in strings, but JavaScript-style
 * line readers split on them, so they are escaped.
 */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}

/** JSON Lines, one line per value, each ending with `\n`, produced as it is written. */
export function jsonl<T>(values: Iterable<T>, toJson: (value: T) => unknown = (value) => value): TextChunks {
  return chunks(values, (value) => jsonLine(toJson(value)));
}
