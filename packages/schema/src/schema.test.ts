import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset, SCHEMA_VERSION, datasetJsonSchemaText, schemaPath, validateDatasetAsJson, validateRecord, validateWithJsonSchema } from './index.js';
import { splitSchema, type DatasetSchema } from './validate.js';

const record = {
  id: 'cnn/conv-essence',
  question: '卷积层的本质是什么？',
  number: '2.1',
  aliases: [],
  lang: 'zh',
  summary: '卷积是局部线性变换。',
  answer: '卷积是局部连接、权值共享的线性变换。',
  answerText: '卷积是局部连接、权值共享的线性变换。',
  related: ['cnn/conv-vs-fc'],
  status: 'answered',
  breadcrumb: ['卷积神经网络', '卷积层'],
  tags: ['CNN'],
  references: [{ title: 'Deep Learning', url: 'https://www.deeplearningbook.org/' }],
  source: { path: 'cnn.md', line: 10, endLine: 12 },
  hash: 'a'.repeat(64),
};
const { summary: _summary, ...withoutSummary } = record;
const meta = { name: 'x', version: '1.0.0', license: 'CC-BY-SA-4.0', languages: ['zh'], schemaVersion: SCHEMA_VERSION, count: 1, answered: 1 };
const notes = [{ id: 'cnn', path: 'cnn.md', title: '卷积神经网络', references: [{ title: 'Deep Learning', url: 'https://www.deeplearningbook.org/' }] }];
const retired = [{ id: 'cnn/old', mergedInto: 'cnn/conv-essence' }, { id: 'cnn/gone' }];
const dataset = (q: object) => ({ meta, notes, retired, questions: [q] });

const cases: Array<[string, unknown, boolean]> = [
  ['a valid answered record', dataset(record), true],
  ['a valid unanswered record', dataset({ ...withoutSummary, status: 'unanswered', answer: '' }), true],
  ['an answered record without a summary', dataset(withoutSummary), true],
  ['an empty summary', dataset({ ...record, summary: '' }), false],
  ['an unanswered record with a summary', dataset({ ...record, status: 'unanswered', answer: '' }), false],
  ['a related id that is not an id', dataset({ ...record, related: ['Not An Id'] }), false],
  ['a missing lang', dataset({ ...record, lang: undefined }), false],
  ['a lang that is not a language tag', dataset({ ...record, lang: 'Chinese' }), false],
  ['a retired entry with an unknown key', { meta, notes, retired: [{ id: 'a/b', into: 'c/d' }], questions: [] }, false],
  ['a note without a title', { meta, notes: [{ ...notes[0], title: '' }], retired, questions: [] }, false],
  ['no notes key', { meta, retired, questions: [] }, false],
  ['an unanswered record with an answer', dataset({ ...record, status: 'unanswered' }), false],
  ['an answered record with an empty answer', dataset({ ...record, answer: '' }), false],
  ['an upper-case id', dataset({ ...record, id: 'CNN/conv' }), false],
  ['an id with a trailing slash', dataset({ ...record, id: 'cnn/' }), false],
  ['an id with Chinese', dataset({ ...record, id: 'cnn/卷积' }), false],
  ['a short hash', dataset({ ...record, hash: 'abc' }), false],
  ['an upper-case hash', dataset({ ...record, hash: 'A'.repeat(64) }), false],
  ['an unknown key', dataset({ ...record, extra: 1 }), false],
  ['a missing key', dataset({ ...record, aliases: undefined }), false],
  ['an empty breadcrumb', dataset({ ...record, breadcrumb: [] }), false],
  ['a line of 0', dataset({ ...record, source: { path: 'a.md', line: 0, endLine: 1 } }), false],
  ['a fractional line', dataset({ ...record, source: { path: 'a.md', line: 1.5, endLine: 2 } }), false],
  ['an unknown status', dataset({ ...record, status: 'draft' }), false],
  ['a wrong schema version', { meta: { ...meta, schemaVersion: '1.0.0' }, notes, retired, questions: [] }, false],
  ['meta with an unknown key', { meta: { ...meta, built: 'now' }, notes, retired, questions: [] }, false],
  ['meta with the old single language', { meta: { ...meta, languages: undefined, language: 'zh' }, notes, retired, questions: [] }, false],
  ['no questions', { meta, notes: [], retired: [], questions: [] }, true],
];

describe('zod and ajv agree', () => {
  it.each(cases)('%s', (_name, data, valid) => {
    expect(Dataset.safeParse(data).success).toBe(valid);
    expect(validateWithJsonSchema(data).length === 0).toBe(valid);
  });

  it('points ajv problems at the offending value', () => {
    const problems = validateWithJsonSchema(dataset({ ...record, id: 'Bad Id' }));
    expect(problems.map((p) => p.pointer)).toContain('/questions/0/id');
  });
});

describe('validateDatasetAsJson', () => {
  const asJson = (data: unknown) => validateWithJsonSchema(JSON.parse(JSON.stringify(data)));

  it.each(cases)('gives the same problems as the whole JSON text for %s', (_name, data) => {
    expect(validateDatasetAsJson(data as Dataset)).toEqual(asJson(data));
  });

  it('gives the same problems, in the same order, for problems in several places', () => {
    const data = {
      meta: { ...meta, schemaVersion: '0.1.0', built: 'now' },
      notes,
      retired,
      questions: [record, { ...record, id: 'Bad Id', hash: 'x' }, undefined, { ...record, aliases: undefined, source: { path: 'a.md', line: Number.NaN, endLine: 1 } }],
      extra: true,
    };
    const problems = validateDatasetAsJson(data as unknown as Dataset);
    expect(problems.map((p) => p.pointer)).toContain('/questions/1/id');
    expect(problems).toEqual(asJson(data));
  });
});

describe('validateRecord', () => {
  const records = cases.flatMap(([name, data]) => ((data as { questions?: unknown[] }).questions ?? []).map((q) => [name, q] as const));

  it.each(records)('gives the problems its JSON text gets within a dataset, for %s', (_name, q) => {
    const inDataset = validateWithJsonSchema(JSON.parse(JSON.stringify({ meta, notes, retired, questions: [q] })));
    expect(validateRecord(q, '/questions/0')).toEqual(inDataset);
    expect(validateRecord(q).map((p) => p.pointer)).toEqual(inDataset.map((p) => p.pointer.slice('/questions/0'.length)));
  });

  it('gives a key set to undefined the verdict of its JSON text, where the key is absent', () => {
    expect(validateRecord({ ...record, summary: undefined })).toEqual([]);
    expect(validateRecord({ ...record, hash: undefined })[0]).toEqual({ pointer: '', message: "must have required property 'hash'" });
  });

  it('rejects what JSON would turn into null', () => {
    expect(validateRecord({ ...record, source: { path: 'a.md', line: Number.NaN, endLine: 1 } })[0]).toEqual({ pointer: '/source/line', message: 'must be integer' });
  });
});

describe('splitSchema', () => {
  const published = () => JSON.parse(readFileSync(schemaPath, 'utf8')) as DatasetSchema & { properties: { questions: { items: { oneOf: Array<Record<string, unknown>> } } } };
  const statuses = (schema: DatasetSchema) => [...splitSchema(schema, 'test').byStatus.keys()];

  it('tells the published record branches apart by status, and each branch checks its own records', () => {
    const parts = splitSchema(published(), 'schema.json');
    expect([...parts.byStatus.keys()]).toEqual(['answered', 'unanswered']);
    expect(parts.byStatus.get('answered')!(record)).toBe(true);
    expect(parts.byStatus.get('unanswered')!(record)).toBe(false);
    expect(parts.byStatus.get('unanswered')!({ ...withoutSummary, status: 'unanswered', answer: '' })).toBe(true);
  });

  it('uses no branch shortcut when the branches are not told apart by a required status', () => {
    const optional = published();
    const branch = optional.properties.questions.items.oneOf[1]!;
    branch.required = (branch.required as string[]).filter((key) => key !== 'status');
    expect(statuses(optional)).toEqual([]);

    const same = published();
    (same.properties.questions.items.oneOf[1]!.properties as { status: { const: string } }).status.const = 'answered';
    expect(statuses(same)).toEqual([]);

    for (const bare of [{ type: 'object' }, { type: 'object', properties: {} }, { type: 'object', properties: { status: { const: 'draft' } } }]) {
      const other = published();
      other.properties.questions.items.oneOf[1] = bare;
      expect(statuses(other)).toEqual([]);
    }

    const more = published();
    Object.assign(more.properties.questions.items, { type: 'object', minProperties: 1 });
    expect(statuses(more)).toEqual([]);
  });

  it('refuses a schema whose records cannot be checked one at a time', () => {
    const unique = published();
    (unique.properties.questions as Record<string, unknown>).uniqueItems = true;
    expect(() => splitSchema(unique, 'x.json')).toThrow('x.json has no $id, or keywords on `questions` that look at its records');
    const { $id: _id, ...anonymous } = published();
    expect(() => splitSchema(anonymous, 'y.json')).toThrow('y.json has no $id');
    expect(() => splitSchema({ ...published(), properties: {} }, 'z.json')).toThrow('z.json has no $id');
  });
});

describe('schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `pnpm --filter @mianjing/schema generate` after a change)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(datasetJsonSchemaText());
  });

  it('is draft 2020-12', () => {
    expect(JSON.parse(readFileSync(schemaPath, 'utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
