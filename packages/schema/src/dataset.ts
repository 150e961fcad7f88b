import { z } from 'zod';
import { QuestionRecord } from './record.js';

/** Version of the record and dataset shapes. A change here is a major release of the dataset. */
export const SCHEMA_VERSION = '1.0.0';

export const DatasetMeta = z
  .object({
    name: z.string().min(1).describe('Dataset name, e.g. "@mianjing/dataset".'),
    version: z.string().min(1).describe('Dataset version (semver).'),
    license: z.string().min(1).describe('SPDX license of the content.'),
    language: z.string().min(2).describe('BCP 47 language of the content, e.g. "zh".'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of this schema.'),
    count: z.int().min(0).describe('Number of records.'),
    answered: z.int().min(0).describe('Number of records with status "answered".'),
  })
  .strict();

export const Dataset = z
  .object({
    meta: DatasetMeta,
    questions: z.array(QuestionRecord).describe('Records in source order (file path, then line).'),
  })
  .strict()
  .describe('The mianjing interview Q&A dataset.');

export type DatasetMeta = z.infer<typeof DatasetMeta>;
export type Dataset = z.infer<typeof Dataset>;
