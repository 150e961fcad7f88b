import { describe, expect, it } from 'vitest';
import { parseNote } from './index.js';

const recordsOf = (value: string) => parseNote({ path: 'n.md', value }, { mode: 'lenient' }).data.records!;
const questionsOf = (value: string) => recordsOf(value).map((record) => [record.question, record.answer]);

// What the note's shape reads about each heading: whether its text opens with a question, and whether any block under
// it opens one (read only when a decision needs it).
describe('the shape of a heading', () => {
  it.each([
    [
      'a question-like heading that a list of questions opens is a label over them',
      '# 笔记\n\n## 如何理解注意力机制\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [
        ['什么是 Q、K、V？', ''],
        ['为什么要除以根号 d？', ''],
      ],
    ],
    [
      'the same heading opened by text is a question, the list being part of its answer',
      '# 笔记\n\n## 如何理解注意力机制\n\n注意力按相关性加权求和。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [['如何理解注意力机制', '注意力按相关性加权求和。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？']],
    ],
    [
      'a sub-heading with questions further down its text ends the answer above it',
      '# 笔记\n\n## 什么是注意力？\n\n注意力按相关性加权求和。\n\n### 延伸\n\n下面几个也常被问到。\n\n- 什么是自注意力？\n- 什么是交叉注意力？\n',
      [
        ['什么是注意力？', '注意力按相关性加权求和。'],
        ['什么是自注意力？', ''],
        ['什么是交叉注意力？', ''],
      ],
    ],
    [
      'under a bold question, a heading opened by text is a part of its answer',
      '# 笔记\n\n**什么是注意力？**\n\n注意力按相关性加权求和。\n\n### 计算步骤\n\n先算相似度，再归一化。\n\n**什么是多头注意力？**\n\n多组投影并行计算注意力。\n',
      [
        ['什么是注意力？', '注意力按相关性加权求和。\n\n### 计算步骤\n\n先算相似度，再归一化。'],
        ['什么是多头注意力？', '多组投影并行计算注意力。'],
      ],
    ],
    [
      'a rule before the list of questions does not make the heading above them a question',
      '# 笔记\n\n## 如何理解注意力机制\n\n---\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [
        ['什么是 Q、K、V？', ''],
        ['为什么要除以根号 d？', ''],
      ],
    ],
    [
      'a bold name that text answers opens a question, so the heading above it is a label',
      '# 笔记\n\n## 如何理解注意力机制\n\n**缩放点积注意力**\n\n按相关性加权求和，再除以根号 d。\n',
      [['缩放点积注意力', '按相关性加权求和，再除以根号 d。']],
    ],
    [
      'in a question note, a topic heading with only a link under it carries no answer and is no question',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n## 注意力的原始论文\n\n[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n## 什么是多头注意力？\n\n多组投影并行。\n',
      [
        ['什么是注意力？', '按相关性加权求和。'],
        ['什么是多头注意力？', '多组投影并行。'],
      ],
    ],
    [
      'a question-like heading at the end of the note with only a link under it is a question without an answer',
      '# 笔记\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n## 如何理解注意力机制\n\n[原文](https://arxiv.org/abs/1706.03762)\n',
      [
        ['什么是注意力？', '按相关性加权求和。'],
        ['如何理解注意力机制', ''],
      ],
    ],
    [
      'in a question note, a topic heading whose sub-headings are all plain topics is a question answered by them',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n## Transformer\n\n### 编码器\n\n编码器堆叠自注意力层。\n\n### 解码器\n\n解码器多一层交叉注意力。\n',
      [
        ['什么是注意力？', '按相关性加权求和。'],
        ['Transformer', '### 编码器\n\n编码器堆叠自注意力层。\n\n### 解码器\n\n解码器多一层交叉注意力。'],
      ],
    ],
    [
      'one sub-heading with no text of its own, even after a plain topic, makes the topic heading a section',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n## Transformer\n\n### 编码器\n\n编码器堆叠自注意力层。\n\n### 解码器\n\n[代码](https://github.com/huggingface/transformers)\n',
      [['什么是注意力？', '按相关性加权求和。']],
    ],
    [
      'a sub-heading that is a label, text and all, makes the topic heading above it a section',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n## Transformer\n\n### 编码器\n\n编码器堆叠自注意力层。\n\n### 一、结构篇\n\n编码器与解码器各六层。\n',
      [['什么是注意力？', '按相关性加权求和。']],
    ],
    [
      'a topic heading whose sub-headings all sit below the deepest question heading is a question answered by them',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n### 为什么要缩放？\n\n防止点积过大。\n\n## Transformer\n\n#### 细节\n\n残差与层归一化。\n\n#### 编码器\n\n编码器堆叠自注意力层。\n',
      [
        ['什么是注意力？', '按相关性加权求和。'],
        ['为什么要缩放？', '防止点积过大。'],
        ['Transformer', '#### 细节\n\n残差与层归一化。\n\n#### 编码器\n\n编码器堆叠自注意力层。'],
      ],
    ],
    [
      'one sub-heading at a question depth, even after a deeper one, makes the topic heading a section',
      '# 面试题\n\n## 什么是注意力？\n\n按相关性加权求和。\n\n### 为什么要缩放？\n\n防止点积过大。\n\n## Transformer\n\n#### 细节\n\n残差与层归一化。\n\n### 编码器\n\n编码器堆叠自注意力层。\n',
      [
        ['什么是注意力？', '按相关性加权求和。'],
        ['为什么要缩放？', '防止点积过大。'],
        ['编码器', '编码器堆叠自注意力层。'],
      ],
    ],
    [
      'a heading that ends as a question stays one over a list of questions, the list being its answer',
      '# 笔记\n\n## 什么是注意力？\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [['什么是注意力？', '- 什么是 Q、K、V？\n- 为什么要除以根号 d？']],
    ],
    ['so does a heading with an explicit id', '# 笔记\n\n## 注意力机制 {#attention}\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n', [['注意力机制', '- 什么是 Q、K、V？\n- 为什么要除以根号 d？']]],
    [
      'a question-like heading whose name ends in 问题 is a label over the questions below its text',
      '# 笔记\n\n## 注意力相关问题\n\n先看定义。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [
        ['什么是 Q、K、V？', ''],
        ['为什么要除以根号 d？', ''],
      ],
    ],
    [
      'but not when 问题 only occurs inside the name',
      '# 笔记\n\n## 如何理解问题里的注意力\n\n先看定义。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n',
      [['如何理解问题里的注意力', '先看定义。\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？']],
    ],
    [
      'a question-like heading named … Question is a label over the questions below its text',
      '# Notes\n\n## Which Attention Question\n\nFirst the definition.\n\n- What is self-attention?\n- Why scale by sqrt(d)?\n',
      [
        ['What is self-attention?', ''],
        ['Why scale by sqrt(d)?', ''],
      ],
    ],
    [
      'an `Answer (tag)` heading answers the `Question (tag)` of its own tag, whatever their order',
      '# Question (EN)\n\n> What is attention?\n\n# Question (ZH)\n\n> 什么是注意力？\n\n## Answer (ZH)\n\n按相关性加权求和。\n\n## Answer (EN)\n\nA weighted sum of values.\n',
      [
        ['What is attention?', 'A weighted sum of values.'],
        ['什么是注意力？', '按相关性加权求和。'],
      ],
    ],
  ] as Array<[string, string, string[][]]>)('%s', (_name, note, expected) => {
    expect(questionsOf(note)).toEqual(expected);
  });

  it('a heading about the note itself (使用说明) is not part of the breadcrumb of the questions under it', () => {
    const records = recordsOf('# 笔记\n\n## 使用说明\n\n- 什么是 Q、K、V？\n- 为什么要除以根号 d？\n');
    expect(records.map((record) => record.breadcrumb)).toEqual([['笔记'], ['笔记']]);
  });
});
