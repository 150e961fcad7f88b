// Shared by the build (index) and the browser (queries): both must cut text into the same terms.

// Han characters, or a word: letters (other than Han), digits and combining marks.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const HAN = /^\p{Script=Han}/u;

/** A term and where it came from in the text (UTF-16 offsets), for highlighting. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * Terms of a text: Han characters as overlapping bigrams (a lone character as itself), other letters and digits as
 * lower-cased words. Full-width forms fold to ASCII first (`ＬｏＲＡ` is `lora`). Chinese has no spaces, and
 * bigrams find any word of two or more characters without a dictionary that the build and the browser might
 * disagree on.
 */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const folded = fold(text);
  for (const match of folded.matchAll(RUN)) {
    const run = match[0];
    const at = match.index;
    if (!HAN.test(run)) {
      out.push({ term: run.toLowerCase(), start: at, end: at + run.length });
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      out.push({ term: run, start: at, end: at + run.length });
      continue;
    }
    let offset = at;
    for (let i = 0; i + 1 < chars.length; i++) {
      const first = chars[i]!;
      out.push({ term: first + chars[i + 1]!, start: offset, end: offset + first.length + chars[i + 1]!.length });
      offset += first.length;
    }
  }
  return out;
}

/** The terms of a text, in order, repeated as often as they occur. */
export function tokenize(text: string): string[] {
  return tokens(text).map((token) => token.term);
}

/** Whether a term is Han (a bigram or a lone character) rather than a word. */
export function isHanTerm(term: string): boolean {
  return HAN.test(term);
}

// NFKC would also fold full-width forms, but it changes lengths (ligatures, ㎏), and highlighting needs the
// offsets of the original text: fold only the full-width ASCII block, one UTF-16 unit for one.
function fold(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
