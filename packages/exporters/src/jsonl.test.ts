import { expect, it } from 'vitest';
import { jsonLine, jsonl } from './jsonl.js';

it('writes one compact object per line with U+2028/U+2029 escaped', () => {
  const line = jsonLine({ a: '行\u2028分\u2029隔', b: [1, { c: '"\n' }] });
  expect(line).toBe('{"a":"行\\u2028分\\u2029隔","b":[1,{"c":"\\"\\n"}]}\n');
  expect(JSON.parse(line)).toEqual({ a: '行\u2028分\u2029隔', b: [1, { c: '"\n' }] });
});

it('ends every line with LF and writes nothing for no values', () => {
  expect(jsonl([{ a: 1 }, { b: 2 }])).toBe('{"a":1}\n{"b":2}\n');
  expect(jsonl([])).toBe('');
});
