import { expect, it } from 'vitest';
import { jsonLine, jsonl } from './jsonl.js';
import { outputText } from './output.js';

it('writes one compact object per line with U+2028/U+2029 escaped', () => {
  const line = jsonLine({ a: '行\u2028分\u2029隔', b: [1, { c: '"\n' }] });
  expect(line).toBe('{"a":"行\\u2028分\\u2029隔","b":[1,{"c":"\\"\\n"}]}\n');
  expect(JSON.parse(line)).toEqual({ a: '行\u2028分\u2029隔', b: [1, { c: '"\n' }] });
});

it('ends every line with LF and writes nothing for no values', () => {
  expect(outputText(jsonl([{ a: 1 }, { b: 2 }]))).toBe('{"a":1}\n{"b":2}\n');
  expect(outputText(jsonl([]))).toBe('');
});

it('produces its lines lazily, the same on every pass', () => {
  let made = 0;
  const lines = jsonl([1, 2, 3], (n) => {
    made++;
    return { n };
  });
  expect(made).toBe(0);
  const iterator = lines[Symbol.iterator]();
  iterator.next();
  expect(made).toBe(1);
  expect(outputText(lines)).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
  expect(outputText(lines)).toBe(outputText(lines));
});
