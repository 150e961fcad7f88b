import type { Paragraph } from 'mdast';
import { inlineText } from '@mianjing/markdown';
import { endsAsQuestion, isQuestionLike } from '../question-like.js';
import type { SourceText } from './source.js';
import type { Claim, OpenQuestion, ReaderView } from './types.js';

const NUMBERED_LINE = /^\s*(\d{1,3})\s*[.、．](?!\d)\s*\S/;

/**
 * Numbered questions outside lists: a paragraph opening with `9.大模型为什么都使用decoder-only` (no space, so not
 * a list) or `1、…`, and a one-item ordered list (`2. LLMs 复读机问题`) that continues the numbering of the
 * question before it. Such a line is a question when it reads as one or continues the sequence (`9.` right after
 * question `8.`); its first line is the question and the blocks after it are its answer.
 */
export function numberedItems(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  const current = view.current;
  if (current && current.scope !== 'block') return undefined;
  if (node?.type === 'paragraph') {
    const lines = view.text.lines(node);
    const match = NUMBERED_LINE.exec(lines[0]!.text);
    if (!match) return undefined;
    const ordinal = Number(match[1]);
    const first = lines[0]!;
    const question = lines.length > 1 ? view.text.value.slice(first.start, view.text.lineEnd(first.start)).trim() : inlineText(node);
    // Inside an answer, a numbered paragraph is a new question only when it is a line that plainly asks one.
    if (!continues(current, ordinal) && !(asksInNumberedLine(node, view.text) && (!current || current.hasAnswer))) return undefined;
    const answer = lines.length > 1 ? [view.text.fragment(lines[1]!.start, node.position!.end.offset!)] : [];
    return {
      take: 1,
      steps: [
        {
          type: 'question',
          question: { kind: 'numbered', text: question.replace(/\*\*|__/g, ''), start: node.position!.start, answer, ordinal, open: { scope: 'block', depth: 7, form: 'question' } },
        },
      ],
    };
  }
  if (node?.type === 'list' && node.ordered && node.children.length === 1 && current) {
    const ordinal = node.start ?? 1;
    const [head, ...body] = node.children[0]!.children;
    if (head?.type !== 'paragraph' || !continues(current, ordinal)) return undefined;
    return {
      take: 1,
      steps: [{ type: 'question', question: { kind: 'numbered', text: inlineText(head), start: head.position!.start, answer: body, ordinal, open: { scope: 'block', depth: 7, form: 'question' } } }],
    };
  }
  return undefined;
}

/** A paragraph whose first line is numbered (`9.问题？`) and plainly asks a question (for the note's shape too). */
export function asksInNumberedLine(node: Paragraph, text: SourceText): boolean {
  const lines = text.lines(node);
  if (!NUMBERED_LINE.test(lines[0]!.text)) return false;
  const first = text.value.slice(lines[0]!.start, text.lineEnd(lines[0]!.start)).trim();
  return isQuestionLike(first.replace(/\*\*|__/g, '').replace(/^\s*\d{1,3}\s*[.、．]\s*/, '')) && (lines.length === 1 || endsAsQuestion(first));
}

/** Whether a number continues the numbering of the open question (`9.` after `8.`). */
function continues(current: OpenQuestion | undefined, ordinal: number): boolean {
  const previous = current?.ordinal ?? (current?.number && /^\d+$/.test(current.number) ? Number(current.number) : undefined);
  return previous !== undefined && ordinal === previous + 1;
}
