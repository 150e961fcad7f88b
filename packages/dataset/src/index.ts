import { readFileSync } from 'node:fs';
import type { Dataset, DatasetMeta, NoteInfo, QuestionRecord, RetiredId } from '@mianjing/schema';
import { dataDir } from './paths.js';

export type { Dataset, DatasetMeta, NoteInfo, QuestionRecord, RetiredId };

const data = JSON.parse(readFileSync(`${dataDir}dataset.json`, 'utf8')) as Dataset;

/** Every question of the dataset, in source order. */
export const questions: readonly QuestionRecord[] = data.questions;

/** Name, version, license, languages, schema version and counts of the dataset. */
export const meta: DatasetMeta = data.meta;

/** Every note the records come from, with the references that apply to all of its questions. */
export const notes: readonly NoteInfo[] = data.notes;

/** Ids that were merged into another record (`mergedInto`) or deleted: never reused, so they can be redirected. */
export const retired: readonly RetiredId[] = data.retired;

/** The dataset file as a whole (`{ meta, questions }`). */
export const dataset: Dataset = data;

/** Absolute path of `dataset.json`, for tools that want the file itself. */
export const datasetPath = `${dataDir}dataset.json`;
