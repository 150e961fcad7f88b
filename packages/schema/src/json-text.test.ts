import { describe, expect, it } from 'vitest';
import { escapeLineSeparators } from './json-text.js';

describe('escapeLineSeparators', () => {
  it('escapes each separator, also when it is the only one in the text', () => {
    expect(escapeLineSeparators('"a\u2028b"')).toBe('"a\\u2028b"');
    expect(escapeLineSeparators('"a\u2029b"')).toBe('"a\\u2029b"');
    expect(escapeLineSeparators('"\u2029\u2028\u2029"')).toBe('"\\u2029\\u2028\\u2029"');
  });

  it('leaves text without them as it is', () => {
    expect(escapeLineSeparators('{"问题":"为什么？\\n"}')).toBe('{"问题":"为什么？\\n"}');
  });
});
