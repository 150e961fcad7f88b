// `@mianjing/dataset/build`: turn a folder of notes into a dataset. Kept apart from the runtime entry so that
// importing the data never loads the parser.
export { buildDataset, DatasetInvariantError } from './build.js';
export type { BuildOptions, BuildResult, BuildSummary } from './build.js';
export { CollectionConfig, ConfigError, CONFIG_FILE, readConfig } from './config.js';
export { datasetFiles } from './outputs.js';
export { datasetJson, datasetJsonl } from './serialize.js';
export { escapeLineSeparators } from '@mianjing/schema';
export { removePendingWrites, writeFilesAtomic } from './write.js';
export type { OutputFile } from '@mianjing/schema';
export { bundledContentDir, bundledDatasetInfo } from './paths.js';
export { DATASET_RULES } from './rules.js';
