import type { Html } from 'mdast';
import { stripTags } from './inline.js';
import type { Claim, ReaderView, Step } from './types.js';

// What a `<summary>` says when it hides an answer rather than asking a question.
const ANSWER_SUMMARY = /^(?:(?:点击)?(?:查看|展开|显示)?(?:参考)?(?:答案|解答|解析|回答)|answer|show answer|view answer|solution|reveal)$/i;
// What it says when it hides a list of questions.
const QUESTIONS_SUMMARY = /^(?:(?:点击)?(?:查看|展开|显示)(?:全部)?(?:问题|题目)?|问题列表|题目列表|点击展开|展开|(?:view|show|see|expand)(?: all)? questions|questions)$/i;

/**
 * `<details>` blocks, by what their `<summary>` says. A question (`<summary>什么是量化？</summary>`): the summary is
 * the question and the rest of the block its answer. An answer label (`答案`, `Answer`): the block answers the
 * question just before it (`> 1、问题？` then `<details><summary>答案</summary>…`). A question-list label (`查看问题`,
 * `View Questions`, `点击展开`): every item of the list inside is a question, and the label is not.
 */
export function details(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'html') return undefined;
  const region = view.region?.kind === 'details' ? view.region : undefined;
  if (region && /<\/details>/i.test(node.value) && !/<details/i.test(node.value)) {
    return { take: 1, steps: [{ type: 'region', region: undefined }, ...(region.role === 'answer' ? [{ type: 'close' } satisfies Step] : [])] };
  }
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(node.value);
  if (!/<details/i.test(node.value) || !summary) return undefined;
  const label = stripTags(summary[1]!);
  const closed = /<\/details>/i.test(node.value);
  const inner = innerRange(node, summary);
  const steps: Step[] = [];
  const content = view.text.value.slice(inner.start, inner.end).trim() ? [view.text.fragment(inner.start, inner.end)] : [];

  if (ANSWER_SUMMARY.test(label)) {
    const current = view.current;
    if (current && !current.hasAnswer) {
      steps.push({ type: 'answer', nodes: content });
      steps.push(closed ? { type: 'close' } : { type: 'region', region: { kind: 'details', role: 'answer' } });
      return { take: 1, steps };
    }
    const { start, end } = node.position!;
    steps.push({
      type: 'problem',
      ruleId: 'orphan-answer-marker',
      reason: `Unexpected answer block “${label}” without a question before it, expected a question right above it; the text belongs to no question`,
      start,
      end,
    });
    steps.push({ type: 'close' }, { type: 'outside', start, end, reason: 'answer without a question' });
    if (!closed) steps.push({ type: 'region', region: { kind: 'details', role: 'answer' } });
    return { take: 1, steps };
  }

  if (QUESTIONS_SUMMARY.test(label)) {
    steps.push({ type: 'close' });
    if (content.length > 0) steps.push({ type: 'outside', start: content[0]!.position!.start, end: content[0]!.position!.end, reason: 'text in a collapsed question list' });
    if (!closed) steps.push({ type: 'region', region: { kind: 'details', role: 'questions' } });
    return { take: 1, steps };
  }

  const start = view.text.point(node.position!.start.offset! + summary.index);
  steps.push({ type: 'question', question: { kind: 'details', text: label, start, answer: content, ...(closed ? {} : { open: { scope: 'block', depth: 7, form: 'question' } }) } });
  if (!closed) steps.push({ type: 'region', region: { kind: 'details', role: 'answer' } });
  return { take: 1, steps };
}

/** Inside a `<details>` block that hides an answer: every block is part of it, up to `</details>`. */
export function detailsAnswer(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (view.region?.kind !== 'details' || view.region.role !== 'answer' || !node || node.type === 'heading') return undefined;
  if (node.type === 'html' && /<\/details>/i.test(node.value)) return undefined;
  return { take: 1, steps: [{ type: 'answer', nodes: [node] }] };
}

/** The text between `</summary>` and `</details>` (or the end of the block). */
function innerRange(node: Html, summary: RegExpExecArray): { start: number; end: number } {
  const base = node.position!.start.offset!;
  const close = node.value.search(/<\/details>/i);
  return { start: base + summary.index + summary[0].length, end: close >= 0 ? base + close : node.position!.end.offset! };
}

/** A `<summary>` label that hides a list of questions (`查看问题`, `View Questions`): structure, not a question. */
export function isQuestionListSummary(label: string): boolean {
  return QUESTIONS_SUMMARY.test(stripTags(label));
}

/** A `<details>` block whose summary asks a question or hides a question list (for the note's shape). */
export function opensQuestionsInDetails(value: string): boolean {
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(value);
  return /<details/i.test(value) && summary !== null && !ANSWER_SUMMARY.test(stripTags(summary[1]!));
}
