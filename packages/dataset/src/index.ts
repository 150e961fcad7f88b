import { readFileSync } from 'node:fs';
import type { Dataset, DatasetMeta, QuestionRecord } from '@mianjing/schema';
import { dataDir } from './paths.js';

export type { Dataset, DatasetMeta, QuestionRecord };

const data = JSON.parse(readFileSync(`${dataDir}dataset.json`, 'utf8')) as Dataset;

/** Every question of the dataset, in source order. */
export const questions: readonly QuestionRecord[] = data.questions;

/** Name, version, license, language, schema version and counts of the dataset. */
export const meta: DatasetMeta = data.meta;

/** The dataset file as a whole (`{ meta, questions }`). */
export const dataset: Dataset = data;

/** Absolute path of `dataset.json`, for tools that want the file itself. */
export const datasetPath = `${dataDir}dataset.json`;
