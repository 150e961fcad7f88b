import { expect, it } from 'vitest';
import { estimateChatTokens, estimateTokens } from './tokens.js';

it.each([
  ['', 0],
  ['卷积', 2],
  ['，。！？', 4],
  ['abcd', 1],
  ['abcde', 2],
  ['卷积 conv', 2 + 2],
  ['かなカナ한글', 6],
  ['🙂', 1],
])('estimates %j as %i tokens', (text, tokens) => {
  expect(estimateTokens(text)).toBe(tokens);
});

it('adds framing per chat message', () => {
  expect(estimateChatTokens(['卷积', 'abcd'])).toBe(2 + 1 + 2 * 4);
});
