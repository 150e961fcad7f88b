import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { inlineText, plainText } from '@mianjing/markdown';
import { isPlaceholder, splitHeading } from '../heading.js';
import { isLabel, isQuestionLike, isTopicLine } from '../question-like.js';
import { isQuestionList } from './list-outline.js';
import type { SourceText } from './source.js';
import type { Claim, ReaderView, Step } from './types.js';

/**
 * Bold-paragraph questions: `**1x1 卷积有什么作用？**` with the answer in the same paragraph or in the blocks after
 * it. A parenthetical after the bold part (`**…？**（以 3×3 为例）`) joins the question. A short bold topic line is a
 * question when a placeholder follows it (`**空洞卷积的原理** TODO`), or, at section level, when an answer follows
 * it. A paragraph of several lines that are each a bold question (`**10. …?**⏎*solution*⏎**11. …?**`) holds several
 * questions. Inside a heading's answer only a paragraph that is nothing but a bold question starts a new one.
 */
export function boldQuestions(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'paragraph') return undefined;
  const current = view.current;
  const inAnswer = current !== undefined && current.scope !== 'block';
  const split = boldLines(node, view.text);
  if (split) return { take: 1, steps: [{ type: 'close' }, ...split] };
  const bold = boldQuestion(node, current === undefined, view.blocks[index + 1], view.text);
  if (!bold || (inAnswer && bold.answerStart !== undefined)) return undefined;
  const answer: RootContent[] = bold.answerStart === undefined ? [] : [view.text.fragment(bold.answerStart, node.position!.end.offset!)];
  return {
    take: 1,
    steps: [{ type: 'question', question: { kind: 'bold', text: bold.question, start: node.position!.start, answer, open: { scope: 'block', depth: 7, form: 'question' } } }],
  };
}

/** A paragraph that is nothing but a bold question, or a bold question and its answer (for the note's shape). */
export function readsAsBoldQuestion(node: Paragraph, atSectionLevel: boolean, next: RootContent | undefined, text: SourceText): { alone: boolean } | undefined {
  const bold = boldQuestion(node, atSectionLevel, next, text);
  return bold && { alone: bold.answerStart === undefined };
}

const WHOLE_LINE_BOLD = /^\s*(\*\*|__)(.+?)\1[\s*_]*$/;

/** Lines that are each a whole bold question, splitting one paragraph into several questions. */
function boldLines(node: Paragraph, text: SourceText): Step[] | undefined {
  const lines = text.lines(node);
  if (lines.length < 2) return undefined;
  const isQuestionLine = (line: string) => {
    const match = WHOLE_LINE_BOLD.exec(line);
    return match !== null && isQuestionLike(splitHeading(match[2]!.replace(/\*\*|__/g, '')).text);
  };
  const starts = lines.map((line, i) => (isQuestionLine(line.text) ? i : -1)).filter((i) => i >= 0);
  if (starts.length < 2 || starts[0] !== 0) return undefined;
  const end = node.position!.end.offset!;
  return starts.map((at, k) => {
    const line = lines[at]!;
    const next = starts[k + 1];
    const answerStart = lines[at + 1] && (next === undefined || at + 1 < next) ? lines[at + 1]!.start : undefined;
    const answerEnd = next === undefined ? end : lines[next]!.start - 1;
    const question = WHOLE_LINE_BOLD.exec(line.text)![2]!
      .replace(/\*\*|__/g, '')
      .trim();
    const answer = answerStart !== undefined && text.value.slice(answerStart, answerEnd).trim() ? [text.fragment(answerStart, answerEnd)] : [];
    const last = next === undefined;
    return {
      type: 'question',
      question: { kind: 'bold', text: question, start: text.point(line.start), answer, ...(last ? { open: { scope: 'block', depth: 7, form: 'question' } } : {}) },
    } satisfies Step;
  });
}

/**
 * `**问题？**` then text: a question when the bold text reads as one, or when it is a short topic line followed
 * by a placeholder (`**图卷积的基本原理** Todo`) or, at section level, standing alone above an answer. A parenthesis
 * after the bold part (`**1.2 问题？**（补充说明）`) belongs to the question. Labels (`**优点：**`) never are.
 */
function boldQuestion(node: Paragraph, atSectionLevel: boolean, next: RootContent | undefined, text: SourceText): { question: string; answerStart?: number } | undefined {
  const [strong, ...rest] = node.children;
  if (strong?.type !== 'strong') return undefined;
  const boldText = inlineText(strong);
  if (isLabel(boldText)) return undefined;
  const restText = plainText(rest as Nodes[]).trim();
  const parenthetical = /^[（(][^）)]*[）)]$/.test(restText);
  // Stray emphasis markers after the bold text ("**问题？****") are not an answer.
  const bare = restText === '' || /^[*_\s]+$/.test(restText);
  const standalone = bare || parenthetical || isPlaceholder(restText);
  const topic = isTopicLine(boldText) && (isPlaceholder(restText) || (atSectionLevel && standalone && answersFollow(next, text)));
  const isQuestion = (isQuestionLike(splitHeading(boldText).text) && (standalone || !/^[：:]/.test(restText))) || topic;
  if (!isQuestion) return undefined;
  if (parenthetical) return { question: `${boldText}${restText}` };
  if (bare) return { question: boldText };
  const first = rest.find((child: PhrasingContent) => child.type !== 'break' && !(child.type === 'text' && child.value.trim() === ''));
  return { question: boldText, answerStart: first?.position?.start.offset };
}

/**
 * Whether the block after a bold topic line can be its answer: not a heading, a break or another bold line, nor a
 * list of questions (then the bold line names them: `**業務與項目落地**` over `* …？` items).
 */
function answersFollow(next: RootContent | undefined, text: SourceText): boolean {
  if (!next || next.type === 'heading' || next.type === 'thematicBreak' || next.type === 'html') return false;
  if (next.type === 'paragraph' && next.children[0]?.type === 'strong') return false;
  return !(next.type === 'list' && isQuestionList(next, text));
}
