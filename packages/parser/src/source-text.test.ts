import { describe, expect, it } from 'vitest';
import { SourceText } from './lenient/source.js';

describe('SourceText.firstLine', () => {
  it('is the first of the lines of a block, its CR dropped', () => {
    const text = new SourceText('intro\r\nQ: 什么是 BPE？\r\n答：按频率合并。\r\n');
    const node = text.fragment(7, text.value.length - 2);
    expect(text.firstLine(node)).toBe('Q: 什么是 BPE？');
    expect(text.firstLine(node)).toBe(text.lines(node)[0]!.text);
  });

  it('stops where the block ends when the block ends before its line does', () => {
    const text = new SourceText('- Q: 梯度消失 | 表格后文\nnext');
    const node = text.fragment(2, 9);
    expect(text.firstLine(node)).toBe('Q: 梯度消失');
    expect(text.firstLine(node)).toBe(text.lines(node)[0]!.text);
  });

  it('is the whole block on the note’s last line, with no line break after it', () => {
    const text = new SourceText('a\n问：为什么除以根号 d？');
    const node = text.fragment(2, text.value.length);
    expect(text.firstLine(node)).toBe('问：为什么除以根号 d？');
  });
});
