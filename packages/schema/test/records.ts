// Record builders for the tests of the packages that take a dataset (exporters, site): a schema-valid record from
// the few fields a test cares about.
import { createHash } from 'node:crypto';
import type { QuestionRecord } from '../src/index.js';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface RecordInput {
  id: string;
  question: string;
  summary?: string;
  answer: string;
  answerText?: string;
  aliases?: string[];
  related?: string[];
  breadcrumb?: string[];
  tags?: string[];
  references?: Array<{ title: string; url: string }>;
  path?: string;
  line?: number;
}

/** A schema-valid record (unanswered when `answer` is empty); its hash changes with the question and the answer. */
export function testRecord(input: RecordInput, defaults: { breadcrumb: string[]; path: string }): QuestionRecord {
  const line = input.line ?? 1;
  const base = {
    id: input.id,
    question: input.question,
    number: '',
    aliases: input.aliases ?? [],
    lang: 'zh',
    answerText: input.answerText ?? input.answer,
    related: input.related ?? [],
    breadcrumb: input.breadcrumb ?? defaults.breadcrumb,
    tags: input.tags ?? [],
    references: input.references ?? [],
    source: { path: input.path ?? defaults.path, line, endLine: line + 2 },
    hash: createHash('sha256').update(`${input.question}\n${input.answer}`).digest('hex'),
  };
  return input.answer === ''
    ? { ...base, status: 'unanswered', answer: '' }
    : { ...base, status: 'answered', ...(input.summary === undefined ? {} : { summary: input.summary }), answer: input.answer };
}
