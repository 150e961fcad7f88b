// CommonJS entry of @mianjing/dataset: `require('@mianjing/dataset')` gets the same data as the ESM entry.
import fs = require('node:fs');
import path = require('node:path');
import type { Dataset, DatasetMeta, NoteInfo, QuestionRecord, RetiredId } from '@mianjing/schema';

interface DatasetModule {
  /** Every question of the dataset, in source order. */
  questions: readonly QuestionRecord[];
  /** Name, version, license, languages, schema version and counts of the dataset. */
  meta: DatasetMeta;
  /** Every note the records come from, with the references that apply to all of its questions. */
  notes: readonly NoteInfo[];
  /** Ids that were merged into another record (`mergedInto`) or deleted: never reused. */
  retired: readonly RetiredId[];
  /** The dataset file as a whole (`{ meta, questions }`). */
  dataset: Dataset;
  /** Absolute path of `dataset.json`. */
  datasetPath: string;
}

const datasetPath = path.join(__dirname, '..', 'data', 'dataset.json');
const dataset = JSON.parse(fs.readFileSync(datasetPath, 'utf8')) as Dataset;
const api: DatasetModule = { questions: dataset.questions, meta: dataset.meta, notes: dataset.notes, retired: dataset.retired, dataset, datasetPath };

export = api;
