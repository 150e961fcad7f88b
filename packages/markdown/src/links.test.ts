import { expect, it } from 'vitest';
import { linkedRecordId, replaceQuestionLinks } from './links.js';

it('reads record ids out of `#note/question` links only', () => {
  expect(linkedRecordId('#cnn/conv-essence')).toBe('cnn/conv-essence');
  expect(linkedRecordId('#a/b/c')).toBe('a/b/c');
  for (const url of ['#conv-essence', '#Cnn/x', 'cnn/conv-essence', 'https://e.com/#cnn/x', '#cnn/', '#cnn//x']) expect(linkedRecordId(url)).toBeUndefined();
});

it('replaces links to questions, and only those, keeping code as written', () => {
  const markdown = '见[**卷积**](#cnn/conv-essence)、[](#rnn/why-rnn)和[外部](https://e.com)。\n\n`[假链接](#cnn/x)`';
  const replaced = replaceQuestionLinks(markdown, (id, text) => `<${id}|${text}>`);
  expect(replaced).toBe('见<cnn/conv-essence|**卷积**>、<rnn/why-rnn|>和[外部](https://e.com)。\n\n`[假链接](#cnn/x)`');
  expect(replaceQuestionLinks('没有链接', () => 'x')).toBe('没有链接');
});
