import type { Dataset } from '@mianjing/schema';
import { expect, it } from 'vitest';
import { exportWarningLines } from './diagnostics.js';

// Only the records' ids and places matter here.
const dataset = {
  questions: [
    { id: 'cv/conv/what-is-it', source: { path: 'cv/conv.md', line: 7, endLine: 9 } },
    { id: 'nlp/bert/mask', source: { path: 'nlp/bert.md', line: 12, endLine: 20 } },
  ],
} as unknown as Dataset;
const warnings = [
  { recordId: 'nlp/bert/mask', ruleId: 'table-truncated', message: 'Unexpected table' },
  { recordId: 'cv/conv/what-is-it', ruleId: 'image-not-found', message: 'Cannot find image' },
  { recordId: 'gone/record', ruleId: 'image-type', message: 'Unexpected image' },
];

it('places each warning at its question, the path relative to the working folder when the notes folder is known', () => {
  expect(exportWarningLines(warnings, dataset, '/home/me/notes', '/home/me/work')).toEqual([
    '../notes/nlp/bert.md:12:1: warning Unexpected table (question `nlp/bert/mask`) [table-truncated]',
    '../notes/cv/conv.md:7:1: warning Cannot find image (question `cv/conv/what-is-it`) [image-not-found]',
    'gone/record: warning Unexpected image [image-type]',
  ]);
});

it('keeps the paths stored in a dataset read from a file', () => {
  expect(exportWarningLines(warnings.slice(0, 1), dataset, undefined, '/home/me/work')).toEqual(['nlp/bert.md:12:1: warning Unexpected table (question `nlp/bert/mask`) [table-truncated]']);
});
