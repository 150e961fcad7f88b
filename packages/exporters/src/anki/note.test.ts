import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { fieldChecksum, formatTags, noteGuid } from './note.js';

it('derives GUIDs from the record id only, in Anki base91', () => {
  expect(noteGuid('cnn/conv')).toBe(noteGuid('cnn/conv'));
  expect(noteGuid('cnn/conv')).not.toBe(noteGuid('cnn/pool'));
  expect(noteGuid('cnn/conv')).toMatch(/^[a-zA-Z0-9!#$%&()*+,\-./:;<=>?@[\]^_`{|}~]{1,10}$/);
});

it('writes the first 64 bits of SHA-256 in base91, as genanki does', () => {
  const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';
  const reference = (id: string) => {
    let value = createHash('sha256').update(`mianjing:${id}`).digest().readBigUInt64BE(0);
    let guid = '';
    do {
      guid = BASE91[Number(value % 91n)] + guid;
      value /= 91n;
    } while (value > 0n);
    return guid;
  };
  for (let i = 0; i < 2000; i++) {
    const id = `q-${i}-${'中'.repeat(i % 7)}`;
    expect(noteGuid(id)).toBe(reference(id));
  }
});

it('checksums like Anki: the first 8 hex digits of SHA-1', () => {
  // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
  expect(fieldChecksum('abc')).toBe(0xa9993e36);
});

it.each([
  [[], ''],
  [['CNN'], ' CNN '],
  [['deep learning', '机器\u3000学习', 'a \t b'], ' deep_learning 机器_学习 a_b '],
  [['ML::CNN', '::a::::b::'], ' ML::CNN a::b '],
  [['CNN', 'cnn', ' ', '"x"'], ' CNN x '],
])('formats tags %j as %j', (tags, stored) => {
  expect(formatTags(tags)).toBe(stored);
});
