export { AnsweredRecord, LanguageTag, QuestionRecord, RecordId, Reference, SourceLocation, UnansweredRecord } from './record.js';
export type { RecordStatus } from './record.js';
export { Dataset, DatasetMeta, NoteInfo, RetiredId, SCHEMA_VERSION } from './dataset.js';
export type { ReadonlyDataset } from './dataset.js';
export { SCHEMA_ID, datasetJsonSchema, datasetJsonSchemaText } from './json-schema.js';
export { datasetValidator, schemaPath, validateDatasetAsJson, validateRecord, validateWithJsonSchema } from './validate.js';
export type { SchemaProblem } from './validate.js';
export { escapeLineSeparators } from './json-text.js';
export type { OutputFile, RecordWarning } from './output.js';
