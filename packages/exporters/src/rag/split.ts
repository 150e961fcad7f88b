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
 * Splits text longer than `maxChars` code points into parts of at most `maxChars`: at blank lines between paragraphs
 * first, inside a too-long paragraph at sentence ends, and only a sentence longer than `maxChars` at grapheme
 * boundaries. Linear in the length of the text.
 */
export function splitText(text: string, maxChars: number): string[] {
  if (codePointLength(text) <= maxChars) return [text];
  const units = text
    .split(/\n[ \t]*\n\s*/)
    .filter((paragraph) => paragraph.trim() !== '')
    .flatMap((paragraph) => paragraphUnits(paragraph, maxChars));
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const unit of units) {
    const unitLength = codePointLength(unit.text);
    const separatorLength = codePointLength(unit.separator);
    if (current.length > 0 && length + separatorLength + unitLength <= maxChars) {
      current.push(unit.separator, unit.text);
      length += separatorLength + unitLength;
    } else {
      if (current.length > 0) parts.push(current.join(''));
      current = [unit.text];
      length = unitLength;
    }
  }
  parts.push(current.join(''));
  return parts;
}

function paragraphUnits(paragraph: string, maxChars: number): Unit[] {
  const pieces = codePointLength(paragraph) <= maxChars ? [paragraph] : paragraph.split(SENTENCE_END).flatMap((sentence) => hardSplit(sentence, maxChars));
  return pieces.map((text, index) => ({ text, separator: index === 0 ? '\n\n' : '' }));
}

/**
 * Cuts text into pieces of at most `maxChars` code points. Each cut is moved back to the nearest grapheme boundary,
 * found by segmenting only a short window before it, so the whole text is never segmented.
 */
function hardSplit(text: string, maxChars: number): string[] {
  if (codePointLength(text) <= maxChars) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    for (let count = 0; count < maxChars && end < text.length; count++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    if (end < text.length) end = graphemeBoundaryAtOrBefore(text, end, start);
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

// Longer than any grapheme cluster met in practice (emoji ZWJ sequences, stacked combining marks).
const WINDOW = 64;

function graphemeBoundaryAtOrBefore(text: string, at: number, floor: number): number {
  const from = Math.max(floor, at - WINDOW);
  let boundary = from;
  for (const { index } of graphemes.segment(text.slice(from, Math.min(text.length, at + WINDOW)))) {
    if (from + index > at) break;
    boundary = from + index;
  }
  // A cluster longer than the window is cut where the count ends rather than not at all.
  return boundary > floor ? boundary : at;
}
