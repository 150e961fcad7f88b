import { z } from 'zod';
import { LanguageTag, QuestionRecord, RecordId, Reference } from './record.js';

/** Version of the record and dataset shapes. A change here is a major release of the dataset. */
export const SCHEMA_VERSION = '2.0.0';

export const DatasetMeta = z
  .object({
    name: z.string().min(1).describe('Dataset name, e.g. "@mianjing/dataset".'),
    version: z.string().min(1).describe('Dataset version (semver).'),
    license: z.string().min(1).describe('SPDX license of the content.'),
    languages: z.array(LanguageTag).describe('Languages of the records, most frequent first.'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of this schema.'),
    count: z.int().min(0).describe('Number of records.'),
    answered: z.int().min(0).describe('Number of records with status "answered".'),
  })
  .strict();

/** What every record of one note shares: kept once here instead of in each record. */
export const NoteInfo = z
  .object({
    id: z.string().min(1).describe("The note id, the first part of its records' ids in canonical notes."),
    path: z.string().min(1).describe("Path of the note, relative to the content root (the records' `source.path`)."),
    title: z.string().min(1).describe('The note title, the first breadcrumb entry of its records.'),
    references: z.array(Reference).describe('References that apply to every question of the note.'),
  })
  .strict();

/** A record id that no longer exists: never reused, so links and study progress keyed on it can be redirected. */
export const RetiredId = z
  .object({
    id: RecordId,
    mergedInto: RecordId.optional().describe('The record that now answers this question, when it was merged.'),
  })
  .strict();

export const Dataset = z
  .object({
    meta: DatasetMeta,
    notes: z.array(NoteInfo).describe('One entry per note that has records, in source order.'),
    retired: z.array(RetiredId).describe('Record ids that were merged or deleted, sorted by id.'),
    questions: z.array(QuestionRecord).describe('Records in source order (file path, then line).'),
  })
  .strict()
  .describe('The mianjing interview Q&A dataset.');

export type DatasetMeta = z.infer<typeof DatasetMeta>;
export type NoteInfo = z.infer<typeof NoteInfo>;
export type RetiredId = z.infer<typeof RetiredId>;
export type Dataset = z.infer<typeof Dataset>;

/** A dataset as exporters take it: any of its lists may be readonly (as `@mianjing/dataset` gives them). */
export type ReadonlyDataset = { readonly [K in keyof Dataset]: Dataset[K] extends Array<infer T> ? readonly T[] : Dataset[K] };
