import { describe, expect, it } from 'vitest';
import { highlightRanges, queryTerms, shardOf } from './search-core.js';
import { tokenize, tokens } from './tokenize.js';

describe('tokenize', () => {
  it('cuts Han text into overlapping bigrams and Latin into lower-case words', () => {
    expect(tokenize('梯度消失')).toEqual(['梯度', '度消', '消失']);
    expect(tokenize('BN 在训练和测试时')).toEqual(['bn', '在训', '训练', '练和', '和测', '测试', '试时']);
    expect(tokenize('KV-Cache 与 GPT-4')).toEqual(['kv', 'cache', '与', 'gpt', '4']);
  });

  it('keeps a lone Han character as itself, and splits at punctuation', () => {
    expect(tokenize('LoRA 的秩 r')).toEqual(['lora', '的秩', 'r']);
    expect(tokenize('秩，矩阵')).toEqual(['秩', '矩阵']);
  });

  it('folds full-width letters and digits to ASCII, keeping offsets', () => {
    expect(tokenize('ＬｏＲＡ１２')).toEqual(['lora12']);
    expect(tokens('用ＢＮ层')).toEqual([
      { term: '用', start: 0, end: 1 },
      { term: 'bn', start: 1, end: 3 },
      { term: '层', start: 3, end: 4 },
    ]);
  });

  it('counts characters outside the BMP as one character', () => {
    expect(tokens('𠀀字')).toEqual([{ term: '𠀀字', start: 0, end: 3 }]);
  });
});

describe('queries', () => {
  it('match the word still being typed, and a lone Han character, as a prefix', () => {
    expect(queryTerms('LoRA 秩')).toEqual([
      { term: 'lora', prefix: false },
      { term: '秩', prefix: true },
    ]);
    expect(queryTerms('kv ca')).toEqual([
      { term: 'kv', prefix: false },
      { term: 'ca', prefix: true },
    ]);
    expect(queryTerms('kv ca ')).toEqual([
      { term: 'kv', prefix: false },
      { term: 'ca', prefix: false },
    ]);
  });

  it('put a term and every longer term it starts in one shard', () => {
    expect(shardOf('lo', 33)).toBe(shardOf('lora', 33));
    expect(shardOf('秩', 33)).toBe(shardOf('秩分', 33));
    expect(new Set(['梯度', '注意', '训练', '位置', 'adam', 'bn', 'kv'].map((t) => shardOf(t, 33))).size).toBeGreaterThan(4);
  });

  it('highlight the characters of each matched bigram or word', () => {
    expect(highlightRanges('为什么会梯度消失？', ['梯度', '度消', '消失'])).toEqual([[4, 8]]);
    expect(highlightRanges('BN 训练和测试', ['bn', '测试'])).toEqual([
      [0, 2],
      [6, 8],
    ]);
  });
});
