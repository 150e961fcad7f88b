import { QuestionRecord } from '@mianjing/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReferenceTitle, splitHeading } from './heading.js';
import { parseNote } from './index.js';
import { isTocTitle } from './question-like.js';
import { isQuestionListSummary } from './lenient/details.js';

// Random notes built from every layout the lenient reader knows, mixed with prose, breaks and section headings.
// Whatever the mix, parsing never throws, every record passes the dataset schema, every generated question is a
// record (a copy of it may be dropped, but only as a table-of-contents entry or a duplicate), every generated
// answer stays with its question, and every line with text is in a record or in a message: nothing is dropped
// silently.

const safeText = fc
  .array(fc.constantFrom(...'卷积注意力梯度模型训练数据层参数分布优化的是在和了 abcXYZ0123，。、（）'.split('')), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join('').trim() || '文本');

interface Generated {
  text: string;
  /** The questions the block asks, with the token their answer carries (none when it has no real answer). */
  questions: Array<{ id: number; token?: string }>;
}

const question = (id: number) => `为什么第${id}号问题会这样？`;
const token = (id: number) => `ANS${id}X`;
/** A real answer carrying the question's token, as prose, math or code. */
const answerOf = (id: number) =>
  fc.oneof(
    safeText.map((t) => `${token(id)} ${t}`),
    safeText.map((t) => `${t} ${token(id)} $x^2$`),
    fc.constant(`\`\`\`python\nprint("${token(id)}")\n\`\`\``),
  );
const placeholder = fc.constantFrom('Todo', '待补充', '*solution*');

type Layout = (id: number) => fc.Arbitrary<Generated>;
const asked = (text: string, id: number, answered = true): Generated => ({ text, questions: [{ id, ...(answered ? { token: token(id) } : {}) }] });

const layouts: Layout[] = [
  (id) => fc.tuple(fc.integer({ min: 2, max: 4 }), answerOf(id)).map(([depth, a]) => asked(`${'#'.repeat(depth)} ${question(id)}\n\n${a}`, id)),
  (id) => fc.tuple(fc.constantFrom('1.', '2.1', '一、', 'Q1', '1-1', 'Q07 ·'), answerOf(id)).map(([n, a]) => asked(`### ${n} ${question(id)}\n\n${a}`, id)),
  (id) => placeholder.map((p) => asked(`### ${question(id)}\n\n${p}`, id, false)),
  (id) => answerOf(id).map((a) => asked(`**${question(id)}**\n\n${a}`, id)),
  (id) => safeText.map((t) => asked(`---\n\n**${question(id)}** ${token(id)}${t}`, id)),
  (id) => fc.constantFrom('●', '①', '•').map((bullet) => asked(`${bullet} ${question(id)}`, id, false)),
  (id) => safeText.map((t) => asked(`Q: ${question(id)}\nA: ${token(id)}${t}`, id)),
  (id) => safeText.map((t) => asked(`问：${question(id)}\n\n答：${token(id)}${t}`, id)),
  (id) => safeText.map((t) => asked(`**Interviewer:** ${question(id)}\n\n**Candidate:** ${token(id)}${t}`, id)),
  (id) => safeText.map((t) => asked(`**I:** ${question(id)}\n**C:** ${token(id)}${t}`, id)),
  (id) => fc.constantFrom('- ', '1. [E] ', '- [ ] ', '- [x] ').map((marker) => asked(`## 清单\n\n${marker}${question(id)}`, id, false)),
  (id) => safeText.map((t) => asked(`## 清单\n\n- ${question(id)}\n\n  答：${token(id)}${t}`, id)),
  (id) => fc.constant(asked(`## 清单\n\n- 模型篇\n  - ${question(id)}\n- 一、动机篇`, id, false)),
  (id) => answerOf(id).map((a) => asked(`<details>\n<summary>${question(id)}</summary>\n\n${a}\n\n</details>`, id)),
  (id) => fc.constantFrom('查看问题', 'View Questions', '点击展开').map((label) => asked(`<details>\n<summary>${label}</summary>\n\n- **${question(id)}**\n\n</details>`, id, false)),
  (id) => safeText.map((t) => asked(`---\n\n> 1、${question(id)}\n<details>\n<summary>答案</summary>\n${token(id)}${t}\n</details>`, id)),
  (id) => answerOf(id).map((a) => asked(`---\n\n9.${question(id)}\n\n${a}`, id)),
  (id) =>
    fc.constant({
      text: `---\n\n\`\`\`text\n1.${question(id)}\n2.${question(id + 100)}\n3.${question(id + 200)}\n\`\`\``,
      questions: [{ id }, { id: id + 100 }, { id: id + 200 }],
    }),
  // A table of contents, then the answers it points at.
  (id) =>
    fc.tuple(answerOf(id), answerOf(id + 100)).map(([a, b]) => ({
      text: `## 目录\n\n- [${question(id)}](#q${id})\n- [${question(id + 100)}](#q${id}-b)\n\n### ${question(id)}\n\n${a}\n\n### ${question(id + 100)}\n\n${b}`,
      questions: [
        { id, token: token(id) },
        { id: id + 100, token: token(id + 100) },
      ],
    })),
  // A question list, then the same questions answered.
  (id) =>
    answerOf(id).map((a) => ({
      text: `## 问题列表\n\n1. ${question(id)}\n2. ${question(id + 100)}\n\n## 解答\n\n### ${question(id)}\n\n${a}`,
      questions: [{ id, token: token(id) }, { id: id + 100 }],
    })),
];

/** Prose, breaks and sections between the questions: text that belongs to no question must be reported. */
const filler = fc.oneof(
  safeText.map((t) => `${t}。`),
  fc.constant('---'),
  safeText.map((t) => `## ${t.replace(/[？?]/g, '')}篇`),
  fc.constant('<!-- 注释 -->'),
  fc.constant('## 参考\n\n- [一篇论文](https://example.com/paper)'),
);

// Question labels own everything up to the next label, so the `Question (EN)` layout closes a note.
const labelled = (id: number) => answerOf(id).map((a) => asked(`# Question (EN)\n> ${question(id)}\n\n## Answer (EN)\n\n${a}\n\n## Details\n\nMore of the same answer.`, id));

const note = fc.array(fc.tuple(fc.integer({ min: 0, max: layouts.length - 1 }), fc.option(filler, { nil: undefined })), { minLength: 1, maxLength: 12 }).chain((parts) =>
  fc
    .tuple(
      fc.tuple(...parts.map(([layout, prose], i) => layouts[layout]!(i).map((g) => ({ ...g, text: prose ? `${prose}\n\n${g.text}` : g.text })))),
      fc.option(labelled(parts.length), { nil: undefined }),
      fc.boolean(),
    )
    .map(([blocks, last, front]) => {
      const all = last ? [...blocks, last] : blocks;
      const head = front ? '---\ntitle: 随机笔记\ntags: [random]\n---\n' : '# 随机笔记\n\n';
      return { text: `${head}## 一、随机篇\n\n${all.map((b) => b.text).join('\n\n')}\n`, questions: all.flatMap((b) => b.questions) };
    }),
);

const DOCUMENTED_DROPS = /^(?:table-of-contents entry|duplicate of line \d+|listed again at line \d+)$/;

/** Lines the reader owes no record or message: blank or markup-only, the front matter, the title, used section names. */
function exempt(lines: string[], index: number, frontEnd: number, breadcrumbs: Set<string>, references: Set<string>): boolean {
  const line = lines[index]!;
  if (index <= frontEnd || index === 0) return true;
  const bare = line
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\])?\s*$/, '')
    .replace(/^\s*(?:(?:`{3,}|~{3,})[\w+#.-]*|-{3,})\s*$/, '');
  if (!/[\p{L}\p{N}]/u.test(bare)) return true;
  // The `<summary>查看问题</summary>` of a collapsed question list labels the questions inside it.
  const summary = /^\s*<summary>(.*)<\/summary>\s*$/.exec(line);
  if (summary && isQuestionListSummary(summary[1]!)) return true;
  // Section headings and the items of an outline that group questions are the breadcrumbs of their questions.
  const name = splitHeading(line.replace(/^\s*(?:#{1,6}|[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/, '').replace(/\*\*/g, '')).text;
  if (breadcrumbs.has(name)) return true;
  const heading = /^#{1,6}\s+(.*)$/.exec(line);
  // A references heading and its entries become the note's references; a `目录` heading names the table of
  // contents below it, whose entries are dropped candidates.
  if (heading && references.size > 0 && isReferenceTitle(heading[1]!)) return true;
  if (heading && isTocTitle(heading[1]!)) return true;
  return [...references].some((title) => line.includes(title));
}

describe('lenient reading of mixed layouts', () => {
  it('keeps every question and its answer, produces only valid records, and accounts for every line', () => {
    fc.assert(
      fc.property(note, ({ text, questions }) => {
        const file = parseNote({ path: 'random.md', value: text }, { mode: 'lenient' });
        const records = file.data.records ?? [];
        const accounting = file.data.accounting!;
        const context = `in:\n${text}`;

        for (const record of records) expect(QuestionRecord.safeParse(record).success).toBe(true);
        expect(accounting.records).toBe(records.length);
        expect(accounting.candidates).toBe(records.length + accounting.dropped.length);
        for (const drop of accounting.dropped) expect(drop.reason, `undocumented drop of “${drop.question}” ${context}`).toMatch(DOCUMENTED_DROPS);

        // Every generated question is a record, and a generated answer stays with its question.
        const tokens = questions.filter((q) => q.token).map((q) => q.token!);
        for (const { id, token: answerToken } of questions) {
          const record = records.find((r) => r.question === question(id));
          expect(record, `question ${id} is not a record ${context}`).toBeDefined();
          if (!answerToken) continue;
          expect(record!.status, `question ${id} lost its answer ${context}`).toBe('answered');
          expect(record!.answer, `question ${id} lost its answer ${context}`).toContain(answerToken);
        }
        for (const record of records) {
          for (const other of tokens) {
            if (record.answer.includes(other)) expect(record.question, `answer ${other} glued to another question ${context}`).toBe(question(Number(other.slice(3, -1))));
          }
        }

        // Every line with text is inside a record, a message, the title or front matter, a used section name or a
        // reference.
        const covered = new Set<number>();
        for (const record of records) for (let l = record.source.line; l <= record.source.endLine; l++) covered.add(l);
        for (const message of file.messages) {
          const place = message.place;
          const [start, end] = place && 'start' in place ? [place.start.line, place.end.line] : [message.line ?? 0, message.line ?? 0];
          for (let l = start; l <= end; l++) covered.add(l);
        }
        const lines = text.split('\n');
        const frontEnd = text.startsWith('---\n') ? lines.indexOf('---', 1) : -1;
        const breadcrumbs = new Set(records.flatMap((r) => r.breadcrumb));
        const references = new Set(file.data.note!.references.map((r) => r.title));
        lines.forEach((line, i) => {
          if (covered.has(i + 1) || exempt(lines, i, frontEnd, breadcrumbs, references)) return;
          expect.fail(`line ${i + 1} “${line}” is in no record and no message ${context}`);
        });
      }),
      { numRuns: 300 },
    );
  });
});
