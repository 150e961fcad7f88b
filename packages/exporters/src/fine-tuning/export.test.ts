import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ExportResult } from '../output.js';
import { dataset, record, records, testDataset } from '../../test/helpers/dataset.js';
import { outputText } from '../output.js';
import { DEFAULT_SYSTEM_PROMPTS, exportFineTuning } from './export.js';

// The prompt the Chinese test records get, written out: the export must pick it by the record's language.
const ZH_PROMPT = '你是一位经验丰富的技术面试官。请用中文准确、有条理地回答面试问题，需要时给出公式、代码或例子。';

const text = (result: ExportResult, path: string): string => {
  const file = result.files.find((f) => f.path === path);
  if (!file) throw new Error(`no file ${path}`);
  return outputText(file.data);
};
const lines = (result: ExportResult, path: string): Array<Record<string, unknown>> =>
  text(result, path)
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** OpenAI's chat fine-tuning format checks (as in its data preparation cookbook). */
function openAiFormatErrors(example: unknown): string[] {
  const errors: string[] = [];
  if (typeof example !== 'object' || example === null || Array.isArray(example)) return ['data_type'];
  const unknownKeys = Object.keys(example).filter((key) => key !== 'messages');
  if (unknownKeys.length) errors.push(`unknown_keys ${unknownKeys.join(',')}`);
  const { messages } = example as { messages?: unknown };
  if (!Array.isArray(messages) || messages.length === 0) return [...errors, 'missing_messages_list'];
  for (const message of messages as Array<Record<string, unknown>>) {
    if (!('role' in message) || !('content' in message)) errors.push('message_missing_key');
    if (Object.keys(message).some((key) => !['role', 'content', 'name', 'weight'].includes(key))) errors.push('message_unrecognized_key');
    if (!['system', 'user', 'assistant'].includes(message['role'] as string)) errors.push('unrecognized_role');
    if (typeof message['content'] !== 'string' || message['content'] === '') errors.push('missing_content');
  }
  if (!messages.some((m: { role?: unknown }) => m.role === 'assistant')) errors.push('example_missing_assistant_message');
  return errors;
}

const answered = records().filter((r) => r.status === 'answered');

describe('exportFineTuning', () => {
  // Exported in beforeEach, not while collecting the tests, so a mutation test's active mutant is in effect.
  let result: ReturnType<typeof exportFineTuning>;
  beforeEach(() => {
    result = exportFineTuning(testDataset());
  });

  it('writes every style, the LLaMA-Factory registry and a dataset card', () => {
    expect(result.files.map((f) => f.path)).toEqual(['openai.jsonl', 'alpaca.jsonl', 'sharegpt.jsonl', 'dataset_info.json', 'README.md']);
    expect(result.summary).toMatchObject({ examples: answered.length, unanswered: 1, tooManyTokens: 0 });
  });

  it('estimates the tokens of each example, framing included', () => {
    // 问 ？ and 答 。 are one token each, plus 4 of framing per message: (2 + 4) + (2 + 4).
    const tiny = exportFineTuning(dataset([record({ id: 'a/x', question: '问？', answer: '答。' })]), { systemPrompt: '' });
    expect(tiny.summary['estimatedTokens']).toBe(12);
    const withSystem = exportFineTuning(dataset([record({ id: 'a/x', question: '问？', answer: '答。' })]), { systemPrompt: 'abcd efgh' });
    // 9 other code points: ceil(9 / 4) = 3, plus 4 of framing.
    expect(withSystem.summary['estimatedTokens']).toBe(12 + 7);
  });

  it('writes UTF-8 JSON Lines: one compact object per line, LF, trailing newline', () => {
    for (const path of ['openai.jsonl', 'alpaca.jsonl', 'sharegpt.jsonl']) {
      const content = text(result, path);
      expect(content.endsWith('}\n')).toBe(true);
      expect(content).not.toContain('\r');
      expect(content.split('\n')).toHaveLength(answered.length + 1);
      for (const line of content.split('\n').slice(0, -1)) expect(JSON.stringify(JSON.parse(line))).toBe(line.replace(/\\u2028/g, '\u2028').replace(/\\u2029/g, '\u2029'));
    }
  });

  it('escapes U+2028/U+2029 so JavaScript line readers see one object per line', () => {
    for (const path of ['openai.jsonl', 'alpaca.jsonl', 'sharegpt.jsonl']) {
      const content = text(result, path);
      expect(content).toContain('\\u2028');
      expect(content).toContain('\\u2029');
      const split = content.split(/\r?\n|\u2028|\u2029/);
      expect(split).toHaveLength(answered.length + 1);
      expect(split.slice(0, -1).map((line) => typeof JSON.parse(line))).toEqual(answered.map(() => 'object'));
    }
  });

  it('passes OpenAI chat fine-tuning format checks', () => {
    for (const example of lines(result, 'openai.jsonl')) expect(openAiFormatErrors(example)).toEqual([]);
    expect(openAiFormatErrors({ messages: [{ role: 'user', content: 'x' }] })).toEqual(['example_missing_assistant_message']);
    expect(openAiFormatErrors({ messages: [{ role: 'bot', content: '' }], id: 1 })).toHaveLength(4);
  });

  it('holds the same records in the same order in every style', () => {
    const openai = lines(result, 'openai.jsonl').map((l) => l['messages'] as Array<{ role: string; content: string }>);
    const alpaca = lines(result, 'alpaca.jsonl');
    const sharegpt = lines(result, 'sharegpt.jsonl');
    for (const [i, r] of answered.entries()) {
      const question = r.question.replace(/[\u0000\u001f]/g, '');
      const answer = r.answer.replace(/[\u0000\u001f]/g, '').replace(/\ud800|\udc00/g, '\uFFFD');
      expect(openai[i]).toEqual([
        { role: 'system', content: ZH_PROMPT },
        { role: 'user', content: question },
        { role: 'assistant', content: answer },
      ]);
      expect(alpaca[i]).toEqual({ instruction: question, input: '', output: answer, system: ZH_PROMPT });
      expect(sharegpt[i]).toEqual({
        conversations: [
          { from: 'human', value: question },
          { from: 'gpt', value: answer },
        ],
        system: ZH_PROMPT,
      });
    }
    expect(JSON.stringify(alpaca)).toContain('```python');
  });

  it('takes a system prompt, and leaves the system message out when it is empty', () => {
    const custom = exportFineTuning(testDataset(), { styles: ['openai', 'alpaca'], systemPrompt: '你是助教。' });
    expect(custom.files.map((f) => f.path)).toEqual(['openai.jsonl', 'alpaca.jsonl', 'dataset_info.json', 'README.md']);
    expect(lines(custom, 'alpaca.jsonl')[0]?.['system']).toBe('你是助教。');
    const none = exportFineTuning(testDataset(), { styles: ['openai'], systemPrompt: '' });
    for (const example of lines(none, 'openai.jsonl')) {
      expect(openAiFormatErrors(example)).toEqual([]);
      expect((example['messages'] as Array<{ role: string }>).map((m) => m.role)).toEqual(['user', 'assistant']);
    }
  });

  it('picks the system prompt by each record’s language', () => {
    const mixed = dataset([
      record({ id: 'a/zh', question: '什么是过拟合？', answer: '训练误差小、测试误差大。' }),
      { ...record({ id: 'a/en', question: 'What is overfitting?', answer: 'Low training error, high test error.' }), lang: 'en' },
    ]);
    const systems = lines(exportFineTuning(mixed, { styles: ['alpaca'] }), 'alpaca.jsonl').map((l) => l['system']);
    expect(systems).toEqual([
      ZH_PROMPT,
      'You are an experienced technical interviewer. Answer interview questions in English, accurately and clearly, with formulas, code or examples where they help.',
    ]);
    expect(DEFAULT_SYSTEM_PROMPTS['zh']).toBe(ZH_PROMPT);
  });

  it('trains the full answer (summary first) or the summary alone, with question links as their text', () => {
    const linked = dataset([
      record({ id: 'a/x', question: '问题 X？', summary: '短答，见[Y](#a/y)。', answer: '详见[](#a/y)。', related: ['a/y'] }),
      record({ id: 'a/y', question: '问题 Y？', answer: '只有完整答案。' }),
    ]);
    const full = lines(exportFineTuning(linked, { styles: ['alpaca'] }), 'alpaca.jsonl').map((l) => l['output']);
    expect(full).toEqual(['短答，见Y。\n\n详见「问题 Y？」。', '只有完整答案。']);
    const concise = exportFineTuning(linked, { styles: ['alpaca'], answer: 'summary' });
    expect(lines(concise, 'alpaca.jsonl').map((l) => l['output'])).toEqual(['短答，见Y。']);
    expect(concise.summary).toMatchObject({ examples: 1, withoutSummary: 1 });
  });

  it('warns about examples estimated above maxTokens', () => {
    const tight = exportFineTuning(testDataset(), { styles: ['openai'], maxTokens: 1000 });
    expect(tight.warnings).toEqual([
      { recordId: 'cnn/pooling', ruleId: 'too-many-tokens', message: expect.stringMatching(/^Unexpected example of about \d{4,} tokens, expected at most 1000 \(maxTokens\): /) },
    ]);
    expect(tight.summary['tooManyTokens']).toBe(1);
  });
});

describe('split', () => {
  const many = dataset(Array.from({ length: 400 }, (_, i) => record({ id: `q/${i}`, question: `问题 ${i}？`, answer: `答案 ${i}。`, line: i + 1 })));
  const ids = (result: ExportResult, path: string) => lines(result, path).map((l) => (l['instruction'] as string).replace(/^问题 (\d+)？$/, 'q/$1'));

  it('is deterministic, disjoint and complete, in source order, for every style', () => {
    const first = exportFineTuning(many, { split: { validation: 0.2, seed: 's' } });
    const second = exportFineTuning(many, { split: { validation: 0.2, seed: 's' } });
    expect(first.files).toEqual(second.files);
    expect(first.files.map((f) => f.path)).toEqual([
      'openai.train.jsonl',
      'openai.validation.jsonl',
      'alpaca.train.jsonl',
      'alpaca.validation.jsonl',
      'sharegpt.train.jsonl',
      'sharegpt.validation.jsonl',
      'dataset_info.json',
      'README.md',
    ]);
    const train = ids(first, 'alpaca.train.jsonl');
    const validation = ids(first, 'alpaca.validation.jsonl');
    expect(train.filter((id) => validation.includes(id))).toEqual([]);
    expect([...train, ...validation].sort()).toEqual(many.questions.map((q) => q.id).sort());
    expect(validation).toHaveLength(80);
    const order = (list: string[]) => list.map((id) => Number(id.slice(2)));
    expect(order(train)).toEqual([...order(train)].sort((a, b) => a - b));
    expect(first.summary).toMatchObject({ train: train.length, validation: validation.length });
    const openaiValidation = lines(first, 'openai.validation.jsonl').map((l) => (l['messages'] as Array<{ content: string }>)[1]?.content);
    expect(openaiValidation).toEqual(lines(first, 'alpaca.validation.jsonl').map((l) => l['instruction']));
  });

  it('hits the requested fraction to within one example, for any size', () => {
    for (const [n, fraction] of [
      [101, 0.1],
      [7, 0.5],
      [3, 0.34],
      [400, 0.05],
    ] as const) {
      const examples = dataset(many.questions.slice(0, n));
      const result = exportFineTuning(examples, { styles: ['alpaca'], split: { validation: fraction } });
      expect(Math.abs((result.summary['validation'] ?? 0) - fraction * n)).toBeLessThanOrEqual(1);
      expect(result.summary['validation']! + result.summary['train']!).toBe(n);
    }
  });

  it('moves at most one record across when one is removed, and depends on the seed', () => {
    const base = ids(exportFineTuning(many, { styles: ['alpaca'], split: { validation: 0.2 } }), 'alpaca.validation.jsonl');
    const fewer = dataset(many.questions.filter((q) => q.id !== base[0]));
    const kept = ids(exportFineTuning(fewer, { styles: ['alpaca'], split: { validation: 0.2 } }), 'alpaca.validation.jsonl');
    expect(kept.filter((id) => !base.includes(id)).length).toBeLessThanOrEqual(1);
    expect(base.filter((id) => id !== base[0] && !kept.includes(id))).toEqual([]);
    const reseeded = ids(exportFineTuning(many, { styles: ['alpaca'], split: { validation: 0.2, seed: 'other' } }), 'alpaca.validation.jsonl');
    expect(reseeded).not.toEqual(base);
  });

  it('puts everything on one side at 0 and 1, and rejects other fractions', () => {
    const none = exportFineTuning(many, { styles: ['openai'], split: { validation: 0 } });
    expect(text(none, 'openai.validation.jsonl')).toBe('');
    expect(none.summary).toMatchObject({ train: 400, validation: 0 });
    const all = exportFineTuning(many, { styles: ['openai'], split: { validation: 1 } });
    expect(all.summary).toMatchObject({ train: 0, validation: 400 });
    expect(() => exportFineTuning(many, { split: { validation: 1.5 } })).toThrow(RangeError);
    expect(() => exportFineTuning(many, { split: { validation: Number.NaN } })).toThrow(RangeError);
  });
});

describe('dataset_info.json', () => {
  const info = (result: ExportResult) => JSON.parse(text(result, 'dataset_info.json')) as Record<string, Record<string, unknown>>;

  it('registers every data file with its format spelled out', () => {
    const result = exportFineTuning(testDataset());
    const registry = info(result);
    expect(Object.keys(registry)).toEqual(['mianjing_dataset_openai', 'mianjing_dataset_alpaca', 'mianjing_dataset_sharegpt']);
    for (const entry of Object.values(registry)) {
      const file = text(result, entry['file_name'] as string);
      expect(entry['file_sha1']).toBe(createHash('sha1').update(file).digest('hex'));
    }
    expect(registry['mianjing_dataset_openai']).toMatchObject({
      file_name: 'openai.jsonl',
      formatting: 'sharegpt',
      columns: { messages: 'messages' },
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
    });
    expect(registry['mianjing_dataset_alpaca']).toMatchObject({
      file_name: 'alpaca.jsonl',
      formatting: 'alpaca',
      columns: { prompt: 'instruction', query: 'input', response: 'output', system: 'system' },
    });
    expect(registry['mianjing_dataset_sharegpt']).toMatchObject({
      file_name: 'sharegpt.jsonl',
      formatting: 'sharegpt',
      columns: { messages: 'conversations', system: 'system' },
      tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', system_tag: 'system' },
    });
  });

  it('registers train and validation files separately', () => {
    const registry = info(exportFineTuning(testDataset(), { styles: ['sharegpt'], split: { validation: 0.5 } }));
    expect(Object.fromEntries(Object.entries(registry).map(([name, entry]) => [name, entry['file_name']]))).toEqual({
      mianjing_dataset_sharegpt_train: 'sharegpt.train.jsonl',
      mianjing_dataset_sharegpt_validation: 'sharegpt.validation.jsonl',
    });
  });
});

describe('README.md', () => {
  const frontMatter = (result: ExportResult) => {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text(result, 'README.md'));
    if (!match?.[1]) throw new Error('no front matter');
    return parseYaml(match[1]) as Record<string, unknown>;
  };

  it('has Hugging Face front matter with a config per style', () => {
    const yaml = frontMatter(exportFineTuning(testDataset(), { split: { validation: 0.3 } }));
    expect(yaml).toMatchObject({
      license: 'cc-by-sa-4.0',
      language: ['zh'],
      task_categories: ['question-answering', 'text-generation'],
      size_categories: ['n<1K'],
      pretty_name: '@mianjing/dataset',
    });
    expect(yaml['configs']).toEqual(
      ['openai', 'alpaca', 'sharegpt'].map((style, i) => ({
        config_name: style,
        ...(i === 0 ? { default: true } : {}),
        data_files: [
          { split: 'train', path: `${style}.train.jsonl` },
          { split: 'validation', path: `${style}.validation.jsonl` },
        ],
      })),
    );
  });

  it('lower-cases SPDX ids and calls other license expressions "other"', () => {
    const license = (spdx: string) => frontMatter(exportFineTuning({ ...testDataset(), meta: { ...testDataset().meta, license: spdx } }, { styles: ['alpaca'] }))['license'];
    expect(license('MIT')).toBe('mit');
    expect(license('Apache-2.0')).toBe('apache-2.0');
    expect(license('MIT OR Apache-2.0')).toBe('other');
    expect(license('LicenseRef-Proprietary')).toBe('other');
  });

  it('computes the size category from the number of examples', () => {
    const size = (n: number) =>
      frontMatter(
        exportFineTuning(dataset(Array.from({ length: n }, (_, i) => record({ id: `q/${i}`, question: '问？', answer: '答。' }))), {
          styles: ['alpaca'],
        }),
      )['size_categories'];
    expect(size(999)).toEqual(['n<1K']);
    expect(size(1000)).toEqual(['1K<n<10K']);
  });
});
