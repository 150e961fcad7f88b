import { escapeLineSeparators } from '@mianjing/schema';
import { chunks, type TextChunks } from './output.js';

/** One compact JSON object and `\n`, line separators escaped. */
export function jsonLine(value: unknown): string {
  return `${escapeLineSeparators(JSON.stringify(value))}\n`;
}

/** JSON Lines, one line per value, each ending with `\n`, produced as it is written. */
export function jsonl<T>(values: Iterable<T>, toJson: (value: T) => unknown = (value) => value): TextChunks {
  return chunks(values, (value) => jsonLine(toJson(value)));
}
