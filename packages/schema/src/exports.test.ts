import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'AnsweredRecord',
    'Dataset',
    'DatasetMeta',
    'LanguageTag',
    'NoteInfo',
    'QuestionRecord',
    'RecordId',
    'Reference',
    'RetiredId',
    'SCHEMA_ID',
    'SCHEMA_VERSION',
    'SourceLocation',
    'UnansweredRecord',
    'datasetJsonSchema',
    'datasetJsonSchemaText',
    'datasetValidator',
    'escapeLineSeparators',
    'schemaPath',
    'validateDatasetAsJson',
    'validateRecord',
    'validateWithJsonSchema',
  ]);
});
