import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['什么是过拟合？训练误差小而测试误差大。', 'zh'],
    // One Han character in ten letters is enough: technical terms stay in English in Chinese notes.
    ['Transformer 的注意力', 'zh'], // 4 Han of 15 letters
    ['Transformer 的 attention', 'en'], // 1 Han of 21 letters

    ['What is overfitting? The training error is low.', 'en'],
    ['過学習とは何ですか', 'ja'],
    ['ｶﾀｶﾅ halfwidth', 'ja'], // halfwidth katakana is Katakana
    ['과적합이란 무엇인가', 'ko'],
    ['Что такое переобучение', 'ru'],
    ['Что такое overfitting and regularization here', 'en'], // Cyrillic under half of the letters
    ['', 'und'],
    ['123 + 456 = 579', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('leaves formulas, code and URLs out of the count', () => {
    expect(detectLanguage('损失 $\\mathcal{L} = \\sum_i \\ell(y_i, \\hat{y}_i)$ `loss.backward()` https://example.com/very/long/english/path')).toBe('zh');
    expect(detectLanguage('结果\n```python\nprint("a long line of English words in code")\n```')).toBe('zh');
    expect(detectLanguage('$$\\frac{a}{b}$$')).toBe('und');
  });

  it('counts characters beyond the BMP and Han characters outside the main block once each', () => {
    // 𠀀 (U+20000) and 〇 (U+3007) are Han; 'a'.repeat(18) makes 20 letters, so 2 Han are exactly 1 in 10.
    expect(detectLanguage(`𠀀〇${'a'.repeat(18)}`)).toBe('zh');
    expect(detectLanguage(`𠀀${'a'.repeat(19)}`)).toBe('en');
    // Punctuation of CJK text is not a letter.
    expect(detectLanguage(`，。、「」${'a'.repeat(10)}`)).toBe('en');
  });

  it('counts exactly the ASCII letters A–Z and a–z as Latin', () => {
    // Ten Latin letters beside one Han character make it English; ten non-letters leave the Han character alone.
    for (const letter of ['A', 'Z', 'a', 'z']) expect(detectLanguage(`${letter.repeat(10)}中`), letter).toBe('en');
    for (const other of ['@', '[', '{', '0']) expect(detectLanguage(`${other.repeat(10)}中`), other).toBe('zh');
  });

  it('reads every character after a character outside ASCII', () => {
    // Five Cyrillic then five Latin letters: half are Cyrillic.
    expect(detectLanguage('абвгдabcde')).toBe('ru');
    // U+FFFF is the last character of the BMP: one code unit, so the letter after it counts.
    expect(detectLanguage(`\uffff${'a'.repeat(10)}中`)).toBe('en');
  });

  it('takes one letter in ten of kana or hangul as Japanese or Korean', () => {
    expect(detectLanguage(`あ${'a'.repeat(9)}`)).toBe('ja');
    expect(detectLanguage(`한${'a'.repeat(9)}`)).toBe('ko');
    expect(detectLanguage(`한${'a'.repeat(10)}`)).toBe('en');
  });
});
