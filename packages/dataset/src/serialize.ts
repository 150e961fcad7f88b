import type { Dataset } from '@mianjing/schema';

/**
 * JSON.stringify leaves U+2028/U+2029 raw; they are valid JSON but break line-oriented readers (and JS before
 * ES2019), so they are written escaped.
 */
export function escapeLineSeparators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `dataset.json`: 2-space indented, keys in schema order, trailing newline. */
export function datasetJson(dataset: Dataset): string {
  return `${escapeLineSeparators(JSON.stringify(dataset, null, 2))}\n`;
}

/** `dataset.jsonl`: one compact record per line, `\n` line ends, trailing newline. */
export function datasetJsonl(dataset: Dataset): string {
  return dataset.questions.map((record) => `${escapeLineSeparators(JSON.stringify(record))}\n`).join('');
}
