import { markdownProcessor } from '@mianjing/markdown';
import { describe, expect, it } from 'vitest';
import { countSentences, findSummary } from './summary.js';

/** The text findSummary finds in `markdown` (from where it starts to the end of its paragraph), or undefined. */
function summaryOf(markdown: string, lenient: boolean, alone = false): string | undefined {
  const root = markdownProcessor().parse(markdown);
  const place = findSummary(root.children, markdown, lenient, alone);
  return place && markdown.slice(place.start, place.paragraph.position!.end.offset!);
}

describe('findSummary', () => {
  it('finds the canonical 结论 paragraph, label bold with the colon outside or inside', () => {
    expect(summaryOf('**结论**：卷积是线性运算。\n\n展开。', false)).toBe('卷积是线性运算。');
    expect(summaryOf('**结论：** 卷积是线性运算。\n\n展开。', false)).toBe('卷积是线性运算。');
    expect(summaryOf('**结论**: BN normalizes.\n\nMore.', false)).toBe('BN normalizes.');
  });

  it('needs a colon and some text after the label, and more answer after the paragraph', () => {
    expect(summaryOf('**结论** 卷积是线性运算。\n\n展开。', false)).toBeUndefined();
    expect(summaryOf('**结论**：   \n\n展开。', false)).toBeUndefined();
    expect(summaryOf('**结论**：卷积是线性运算。', false)).toBeUndefined();
    expect(summaryOf('**结论**：卷积是线性运算。', false, true)).toBe('卷积是线性运算。');
    expect(summaryOf('正文。\n\n**结论**：不在开头。', false)).toBeUndefined();
  });

  it('takes only 结论 in canonical notes, and the labels people write in lenient ones', () => {
    expect(summaryOf('**答**：是。\n\n展开。', false)).toBeUndefined();
    expect(summaryOf('**答**：是。\n\n展开。', true)).toBe('是。');
    expect(summaryOf('结论：卷积是线性运算。\n\n展开。', true)).toBe('卷积是线性运算。');
    expect(summaryOf('结论：卷积是线性运算。\n\n展开。', false)).toBeUndefined();
    expect(summaryOf('TL;DR: attention is a weighted sum.\n\nMore.', true)).toBe('attention is a weighted sum.');
    expect(summaryOf('**Short answer:** yes.\n\nMore.', true)).toBe('yes.');
    expect(summaryOf('注意：不是标签。\n\n展开。', true)).toBeUndefined();
    expect(summaryOf('这是一个长于十六个字符的开头而不是标签：内容。\n\n展开。', true)).toBeUndefined();
    expect(summaryOf('> 结论：在引用里。\n\n展开。', true)).toBeUndefined();
  });
});

describe('countSentences', () => {
  it('counts Chinese and English sentence ends, closing quotes included', () => {
    expect(countSentences('一句。')).toBe(1);
    expect(countSentences('一句。两句！三句？')).toBe(3);
    expect(countSentences('他说：“好。”然后走了。')).toBe(2);
    expect(countSentences('One. Two! Three?')).toBe(3);
  });

  it('does not end a sentence inside a number or a name, and counts an unfinished last one', () => {
    expect(countSentences('Llama 2.5 is out.')).toBe(1);
    expect(countSentences('没有句号')).toBe(1);
    expect(countSentences('一句。没有句号的第二句')).toBe(2);
    expect(countSentences('First. Second')).toBe(2);
    expect(countSentences('Wait...')).toBe(1);
  });
});
