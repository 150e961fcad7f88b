import { expect, it } from 'vitest';
import { SCHEMA_VERSION, type Dataset } from '@mianjing/schema';
import { datasetJson, datasetJsonl } from './serialize.js';

const record = (id: string, extra = '') => ({
  id,
  question: `问题${extra}？`,
  number: '',
  aliases: [],
  lang: 'zh',
  status: 'answered' as const,
  summary: `短答\u2029${extra}`,
  answer: `答案\u2028${extra}`,
  answerText: '答案',
  related: [],
  breadcrumb: ['标题'],
  tags: ['a', 'b'],
  references: [{ title: 't', url: '' }],
  source: { path: 'a.md', line: 1, endLine: 2 },
  hash: 'a'.repeat(64),
});
const meta: Dataset['meta'] = { name: 'n', version: '1.0.0', license: 'MIT', languages: ['zh'], schemaVersion: SCHEMA_VERSION, count: 2, answered: 2 };
const notes = [{ id: 'a', path: 'a.md', title: '标题\u2028', references: [{ title: '书\u2029', url: '' }] }];
const retired = [{ id: 'a/old', mergedInto: 'a/x' }];
const escaped = (json: string) => json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

it('writes dataset.json piece by piece with the bytes of JSON.stringify(…, null, 2), line separators escaped', () => {
  for (const questions of [[], [record('a/x')], [record('a/x'), record('a/y', '\n"多行"')]]) {
    const dataset = { meta, notes, retired, questions };
    expect(datasetJson(dataset)).toBe(`${escaped(JSON.stringify(dataset, null, 2))}\n`);
    expect(datasetJson(dataset)).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(datasetJson(dataset))).toEqual(dataset);
  }
});

it('escapes U+2028/U+2029 in dataset.jsonl so line readers see one record per line', () => {
  const text = datasetJsonl({ meta, notes, retired, questions: [record('a/x'), record('a/y')] });
  expect(text).not.toMatch(/[\u2028\u2029]/);
  expect(text.split(/\r?\n|\u2028|\u2029/)).toHaveLength(3);
  expect(
    text
      .split('\n')
      .slice(0, 2)
      .map((line) => JSON.parse(line).summary),
  ).toEqual(['短答\u2029', '短答\u2029']);
});
