import { QuestionRecord } from '@mianjing/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from './index.js';

// Random notes built from every layout the lenient reader knows, mixed with prose. Whatever the mix, parsing
// never throws, every generated question is either a record or a dropped-candidate message, and every record
// passes the dataset schema.

const safeText = fc
  .array(fc.constantFrom(...'卷积注意力梯度模型训练数据层参数分布优化的是在和了 abcXYZ0123，。、（）'.split('')), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join('').trim() || '文本');

const inlineAnswer = fc.oneof(safeText, fc.constant('Todo'), fc.constant('待补充'), safeText.map((t) => `${t} $x^2$`));
const answer = fc.oneof(inlineAnswer, fc.constant('```python\nprint(1)\n```'));

type Block = (q: string) => fc.Arbitrary<string>;
const layouts: Block[] = [
  (q) => fc.tuple(fc.integer({ min: 1, max: 6 }), answer).map(([depth, a]) => `${'#'.repeat(depth)} ${q}\n\n${a}`),
  (q) => fc.tuple(fc.constantFrom('1.', '2.1', '一、', 'Q1', '1-1'), answer).map(([n, a]) => `### ${n} ${q}\n\n${a}`),
  (q) => answer.map((a) => `**${q}**\n\n${a}`),
  (q) => fc.constant(`● ${q}`),
  (q) => fc.constant(`① ${q}`),
  (q) => inlineAnswer.map((a) => `Q: ${q}\nA: ${a}`),
  (q) => inlineAnswer.map((a) => `问：${q}\n\n答：${a}`),
  // An outline of questions is read as questions at section level; under a question heading it is an answer.
  (q) => fc.constant(`## 清单\n\n- ${q}`),
  (q) => fc.constant(`## 清单\n\n1. [E] ${q}`),
  (q) => answer.map((a) => `<details>\n<summary>${q}</summary>\n\n${a}\n\n</details>`),
];

const note = fc
  .array(fc.tuple(fc.integer({ min: 0, max: layouts.length - 1 }), fc.option(safeText, { nil: undefined })), { minLength: 1, maxLength: 12 })
  .chain((parts) =>
    fc.tuple(
      ...parts.map(([layout, prose], i) => layouts[layout]!(`为什么第${i}号问题会这样？`).map((block) => (prose ? `${prose}\n\n${block}` : block))),
    ).map((blocks) => ({ count: parts.length, text: `# 随机笔记\n\n## 一、随机篇\n\n${blocks.join('\n\n')}\n` })),
  );

describe('lenient reading of mixed layouts', () => {
  it('accounts for every question and produces only valid records', () => {
    fc.assert(
      fc.property(note, ({ count, text }) => {
        const file = parseNote({ path: 'random.md', value: text }, { mode: 'lenient' });
        const records = file.data.records;
        const dropped = file.data.accounting.dropped.map((d) => d.question);
        for (let i = 0; i < count; i++) {
          const marker = `第${i}号问题`;
          const found = records.some((r) => r.question.includes(marker)) || dropped.some((q) => q.includes(marker));
          expect(found, `question ${i} lost in:\n${text}`).toBe(true);
        }
        for (const record of records) expect(QuestionRecord.safeParse(record).success).toBe(true);
        expect(file.data.accounting.records).toBe(records.length);
        expect(file.data.accounting.candidates).toBe(records.length + dropped.length);
      }),
      { numRuns: 300 },
    );
  });
});
