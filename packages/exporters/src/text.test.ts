import { expect, it } from 'vitest';
import { cleanText, codePointLength } from './text.js';

it('drops control characters but keeps TAB, LF and CR', () => {
  expect(cleanText('a\u0000b\u001fc\u0007d\u007f\te\nf\rg')).toBe('abcd\te\nf\rg');
});

it('replaces lone surrogates and keeps pairs', () => {
  expect(cleanText('x\ud800y\udc00z🙂\ud83d')).toBe('x\uFFFDy\uFFFDz🙂\uFFFD');
});

it('counts code points', () => {
  expect(codePointLength('卷积🙂a')).toBe(4);
  expect('卷积🙂a'.length).toBe(5);
});
