import { expect, it } from 'vitest';
import { datasetJson, datasetJsonl } from './serialize.js';

const record = (id: string, extra = '') => ({
  id,
  question: `问题${extra}？`,
  number: '',
  aliases: [],
  status: 'answered' as const,
  answer: `答案\u2028${extra}`,
  answerText: '答案',
  breadcrumb: ['标题'],
  tags: ['a', 'b'],
  references: [{ title: 't', url: '' }],
  source: { path: 'a.md', line: 1, endLine: 2 },
  hash: 'a'.repeat(64),
});
const meta = { name: 'n', version: '1.0.0', license: 'MIT', language: 'zh', schemaVersion: '1.0.0' as const, count: 2, answered: 2 };

it('writes dataset.json piece by piece with the bytes of JSON.stringify(…, null, 2)', () => {
  for (const questions of [[], [record('a/x')], [record('a/x'), record('a/y', '\n"多行"')]]) {
    const dataset = { meta, questions };
    expect(datasetJson(dataset)).toBe(`${JSON.stringify(dataset, null, 2).replace(/\u2028/g, '\\u2028')}\n`);
    expect(JSON.parse(datasetJson(dataset))).toEqual(dataset);
  }
});

it('escapes U+2028/U+2029 so line readers see one record per line', () => {
  const text = datasetJsonl({ meta, questions: [record('a/x'), record('a/y')] });
  expect(text.split(/\r?\n|\u2028|\u2029/)).toHaveLength(3);
});
