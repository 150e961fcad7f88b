import type { Blockquote } from 'mdast';
import type { Point } from 'unist';
import { inlineText } from '@mianjing/markdown';
import { splitHeading } from '../heading.js';
import { isLabel, isQuestionLike } from '../question-like.js';
import type { SourceText } from './source.js';
import type { Claim, ReaderView } from './types.js';

/**
 * A question written as a one-line blockquote (`> 1、LayerNorm 和 BatchNorm 分别在哪个维度上做归一化？`), answered by
 * the blocks after it (often a `<details><summary>答案</summary>` block). It must read as a question or be numbered;
 * a quoted remark or citation (`> 参考：…`) is not one.
 */
export function quotedQuestions(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'blockquote' || (view.current && view.current.scope !== 'block')) return undefined;
  const question = quotedQuestion(node, view.text);
  if (!question) return undefined;
  return { take: 1, steps: [{ type: 'question', question: { kind: 'quote', text: question.text, start: question.start, open: { scope: 'block', depth: 7, form: 'question' } } }] };
}

/** The question a one-line blockquote asks, or undefined. */
export function quotedQuestion(node: Blockquote, source: SourceText): { text: string; start: Point } | undefined {
  const [paragraph, ...rest] = node.children;
  if (paragraph?.type !== 'paragraph' || rest.length > 0 || source.lines(paragraph).length > 1) return undefined;
  const text = inlineText(paragraph).trim();
  const parts = splitHeading(text);
  if (!parts.text || isLabel(text) || /^(?:参考|来源|出处|引用|注|note|source|see)\b/i.test(parts.text)) return undefined;
  if (!isQuestionLike(parts.text) && !parts.number) return undefined;
  return { text, start: paragraph.position!.start };
}
