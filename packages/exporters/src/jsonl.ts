/**
 * One compact JSON object and `\n`. JSON allows U+2028/U+2029 raw in strings, but JavaScript-style
 * line readers split on them, so they are escaped.
 */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}

/** JSON Lines text: one line per value, each ending with `\n` ("" when there are none). */
export function jsonl(values: readonly unknown[]): string {
  return values.map(jsonLine).join('');
}
