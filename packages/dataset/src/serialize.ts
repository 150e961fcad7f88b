import type { Dataset } from '@mianjing/schema';

/**
 * JSON.stringify leaves U+2028/U+2029 raw; they are valid JSON but break line-oriented readers (and JS before
 * ES2019), so they are written escaped.
 */
export function escapeLineSeparators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * `dataset.json` in pieces, one record at a time: the same bytes as `JSON.stringify(dataset, null, 2)` plus a
 * trailing newline, keys in schema order.
 */
export function datasetJsonChunks(dataset: Dataset): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      const meta = JSON.stringify(dataset.meta, null, 2).replace(/\n/g, '\n  ');
      if (dataset.questions.length === 0) {
        yield escapeLineSeparators(`{\n  "meta": ${meta},\n  "questions": []\n}\n`);
        return;
      }
      yield escapeLineSeparators(`{\n  "meta": ${meta},\n  "questions": [\n`);
      const last = dataset.questions.length - 1;
      for (const [index, record] of dataset.questions.entries()) {
        const json = JSON.stringify(record, null, 2).replace(/\n/g, '\n    ');
        yield escapeLineSeparators(`    ${json}${index === last ? '\n' : ',\n'}`);
      }
      yield '  ]\n}\n';
    },
  };
}

/** `dataset.jsonl` in pieces: one compact record per line, `\n` line ends, trailing newline. */
export function datasetJsonlChunks(dataset: Dataset): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (const record of dataset.questions) yield `${escapeLineSeparators(JSON.stringify(record))}\n`;
    },
  };
}

export function datasetJson(dataset: Dataset): string {
  return [...datasetJsonChunks(dataset)].join('');
}

export function datasetJsonl(dataset: Dataset): string {
  return [...datasetJsonlChunks(dataset)].join('');
}
