import { codePointLength } from '../text.js';

// After 。！？ (and any closing quotes or brackets right after them), unless another one follows.
const SENTENCE_END = /(?<=[。！？][”’」』）)]*)(?![。！？”’」』）)])/u;

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

interface Unit {
  text: string;
  /** What joins it to the unit before it in the same part. */
  separator: string;
}

/**
 * Splits text longer than `maxChars` code points into parts of at most `maxChars`: at blank lines
 * between paragraphs first, inside a too-long paragraph at sentence ends, and only a sentence
 * longer than `maxChars` at grapheme boundaries.
 */
export function splitText(text: string, maxChars: number): string[] {
  if (codePointLength(text) <= maxChars) return [text];
  const units = text
    .split(/\n[ \t]*\n\s*/)
    .filter((paragraph) => paragraph.trim() !== '')
    .flatMap((paragraph) => paragraphUnits(paragraph, maxChars));
  const parts: string[] = [];
  let current = '';
  let length = 0;
  for (const unit of units) {
    const unitLength = codePointLength(unit.text);
    const separatorLength = codePointLength(unit.separator);
    if (current !== '' && length + separatorLength + unitLength <= maxChars) {
      current += unit.separator + unit.text;
      length += separatorLength + unitLength;
    } else {
      if (current !== '') parts.push(current);
      current = unit.text;
      length = unitLength;
    }
  }
  parts.push(current);
  return parts;
}

function paragraphUnits(paragraph: string, maxChars: number): Unit[] {
  const pieces =
    codePointLength(paragraph) <= maxChars
      ? [paragraph]
      : paragraph.split(SENTENCE_END).flatMap((sentence) => hardSplit(sentence, maxChars));
  return pieces.map((text, index) => ({ text, separator: index === 0 ? '\n\n' : '' }));
}

function hardSplit(text: string, maxChars: number): string[] {
  if (codePointLength(text) <= maxChars) return [text];
  const pieces: string[] = [];
  let current = '';
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    const segmentLength = codePointLength(segment);
    if (current !== '' && length + segmentLength > maxChars) {
      pieces.push(current);
      current = '';
      length = 0;
    }
    current += segment;
    length += segmentLength;
  }
  pieces.push(current);
  return pieces;
}
