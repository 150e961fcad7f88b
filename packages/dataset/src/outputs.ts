import { readFileSync } from 'node:fs';
import { schemaPath, type Dataset, type OutputFile } from '@mianjing/schema';
import { datasetJsonChunks, datasetJsonlChunks } from './serialize.js';

/** The three files of a built dataset: `dataset.json`, `dataset.jsonl` and the JSON Schema they follow. */
export function datasetFiles(dataset: Dataset): OutputFile[] {
  return [
    { path: 'dataset.json', data: datasetJsonChunks(dataset) },
    { path: 'dataset.jsonl', data: datasetJsonlChunks(dataset) },
    { path: 'schema.json', data: readFileSync(schemaPath, 'utf8') },
  ];
}
