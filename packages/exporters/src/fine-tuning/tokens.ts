// Han, kana, Hangul, CJK symbols and punctuation, full-width forms.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * Token count estimated without a tokenizer: each CJK character ≈ 1 token, other text ≈ 1 token
 * per 4 code points (rounded up). Close enough for current BPE tokenizers to flag examples that
 * may exceed a training context, not to bill by.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const char of text) {
    if (CJK.test(char)) cjk++;
    else other++;
  }
  return cjk + Math.ceil(other / 4);
}

// Chat formats add a few tokens of framing per message (role markers, separators).
const MESSAGE_OVERHEAD = 4;

/** Estimated tokens of a chat example: its messages' text plus framing. */
export function estimateChatTokens(contents: readonly string[]): number {
  return contents.reduce((sum, content) => sum + estimateTokens(content) + MESSAGE_OVERHEAD, 0);
}
