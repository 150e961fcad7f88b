import { expect, it } from 'vitest';
import * as build from './build-entry.js';

it('exports exactly the build API from @mianjing/dataset/build', () => {
  expect(Object.keys(build).sort()).toEqual([
    'CONFIG_FILE',
    'CollectionConfig',
    'ConfigError',
    'DATASET_RULES',
    'DatasetInvariantError',
    'buildDataset',
    'bundledContentDir',
    'bundledDatasetInfo',
    'datasetFiles',
    'datasetJson',
    'datasetJsonl',
    'escapeLineSeparators',
    'readConfig',
    'removePendingWrites',
    'writeFilesAtomic',
  ]);
});

it('exports the data and its path from @mianjing/dataset', async () => {
  const runtime = await import('./index.js');
  expect(Object.keys(runtime).sort()).toEqual(['dataset', 'datasetPath', 'meta', 'notes', 'questions', 'retired']);
  expect(runtime.questions.length).toBe(runtime.meta.count);
  expect(runtime.meta.name).toBe('@mianjing/dataset');
});
