import { escapeLineSeparators, type Dataset } from '@mianjing/schema';

/**
 * `dataset.json` in pieces, one record at a time: the same bytes as `JSON.stringify(dataset, null, 2)` plus a
 * trailing newline, keys in schema order.
 */
export function datasetJsonChunks(dataset: Dataset): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      // Everything before the records is small: written as JSON.stringify writes it, indented one level.
      const head = (['meta', 'notes', 'retired'] as const).map((key) => `  "${key}": ${JSON.stringify(dataset[key], null, 2).replace(/\n/g, '\n  ')},\n`).join('');
      if (dataset.questions.length === 0) {
        yield escapeLineSeparators(`{\n${head}  "questions": []\n}\n`);
        return;
      }
      yield escapeLineSeparators(`{\n${head}  "questions": [\n`);
      const last = dataset.questions.length - 1;
      for (const [index, record] of dataset.questions.entries()) {
        // Inside two arrays JSON.stringify indents the record as deep as it sits in the file ("[\n  [\n" + record +
        // "\n  ]\n]"), so its lines need no second pass to be indented.
        const json = JSON.stringify([[record]], null, 2).slice(6, -6);
        yield escapeLineSeparators(`${json}${index === last ? '\n' : ',\n'}`);
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
