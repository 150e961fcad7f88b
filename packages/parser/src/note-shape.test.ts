import { describe, expect, it } from 'vitest';
import { parseNote } from './index.js';

const questionsOf = (value: string) => parseNote({ path: 'n.md', value }, { mode: 'lenient' }).data.records!.map((record) => [record.question, record.answer]);

// What the note's shape reads about each heading: whether its text opens with a question, and whether any block under
// it opens one (read only when a decision needs it).
describe('the shape of a heading', () => {
  it('a question-like heading that a list of questions opens is a label over them', () => {
    expect(questionsOf('# 笔记\n\n## 如何理解注意力机制\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n')).toEqual([
      ['什么是 Q、K、V？', ''],
      ['为什么要除以根号 d？', ''],
    ]);
  });

  it('the same heading opened by text is a question, the list being part of its answer', () => {
    expect(questionsOf('# 笔记\n\n## 如何理解注意力机制\n\n注意力按相关性加权求和。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n')).toEqual([
      ['如何理解注意力机制', '注意力按相关性加权求和。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？'],
    ]);
  });

  it('a sub-heading with questions further down its text ends the answer above it', () => {
    expect(questionsOf('# 笔记\n\n## 什么是注意力？\n\n注意力按相关性加权求和。\n\n### 延伸\n\n下面几个也常被问到。\n\n- 什么是自注意力？\n- 什么是交叉注意力？\n')).toEqual([
      ['什么是注意力？', '注意力按相关性加权求和。'],
      ['什么是自注意力？', ''],
      ['什么是交叉注意力？', ''],
    ]);
  });

  it('under a bold question, a heading opened by text is a part of its answer', () => {
    expect(questionsOf('# 笔记\n\n**什么是注意力？**\n\n注意力按相关性加权求和。\n\n### 计算步骤\n\n先算相似度，再归一化。\n\n**什么是多头注意力？**\n\n多组投影并行计算注意力。\n')).toEqual([
      ['什么是注意力？', '注意力按相关性加权求和。\n\n### 计算步骤\n\n先算相似度，再归一化。'],
      ['什么是多头注意力？', '多组投影并行计算注意力。'],
    ]);
  });
});
