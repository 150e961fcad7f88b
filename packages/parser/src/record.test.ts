import { describe, expect, it } from 'vitest';
import { parseNote } from './processor.js';

const front = '---\nid: attention\ntitle: 注意力\ntags: [示例]\n---\n\n';
const recordsOf = (value: string, mode: 'canonical' | 'lenient') => parseNote({ path: 'n.md', value }, { mode }).data.records!;

describe('toRecord', () => {
  it('reads the summary with the labels of the note’s mode: only 结论 in a canonical note, 简答 too in a lenient one', () => {
    const summaryAndAnswer = (value: string, mode: 'canonical' | 'lenient') => recordsOf(value, mode).map((record) => [record.status === 'answered' ? record.summary : undefined, record.answer]);
    expect(summaryAndAnswer(`${front}### 什么是注意力？ {#what}\n\n**简答**：按相关性加权求和。\n\n展开说明。\n`, 'canonical')).toEqual([[undefined, '**简答**：按相关性加权求和。\n\n展开说明。']]);
    expect(summaryAndAnswer('# 笔记\n\n## 什么是注意力？\n\n简答：按相关性加权求和。\n\n展开说明。\n', 'lenient')).toEqual([['按相关性加权求和。', '展开说明。']]);
  });

  it('keeps an answer that only points elsewhere in a canonical note, and makes it unanswered in a lenient one', () => {
    const pointer = '具体可参考：https://example.com/attention';
    expect(recordsOf(`${front}### 什么是注意力？ {#what}\n\n${pointer}\n`, 'canonical').map((r) => [r.status, r.answer])).toEqual([['answered', pointer]]);
    expect(recordsOf(`# 笔记\n\n## 什么是注意力？\n\n${pointer}\n`, 'lenient').map((r) => [r.status, r.answer])).toEqual([['unanswered', '']]);
  });

  it('lists the questions an answer links to in related, but not the record itself', () => {
    const note = `${front}### 什么是注意力？ {#what}\n\n**结论**：按相关性加权求和。\n\n本题即[注意力](#what)的定义，另见[多头](#heads)。\n\n### 什么是多头注意力？ {#heads}\n\n**结论**：多组投影并行。\n\n展开。\n`;
    expect(recordsOf(note, 'canonical').map((r) => [r.id, r.related])).toEqual([
      ['attention/what', ['attention/heads']],
      ['attention/heads', []],
    ]);
  });
});
