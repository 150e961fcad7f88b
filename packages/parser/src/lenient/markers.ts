import type { Paragraph } from 'mdast';
import { isQuestionLike } from '../question-like.js';
import { answerMarker, cleanInline, questionMarker, type Marker } from './inline.js';
import type { Line, SourceText } from './source.js';
import type { Claim, ReaderView, Step } from './types.js';

/**
 * Marked questions, line by line: hand-typed bullets (`●`, `①`), `Q:`/`Q1：`/`问：`/`问题：`/`题目：`, and the
 * speaker labels of an interview dialogue (`**Interviewer:**`, and `I:` where `C:` answers too). Each marked line
 * opens a question; the lines after it, up to the next marked line, are its answer, without an `A:`/`答：`/
 * `Candidate:` marker. `问题：`/`题目：` are also plain labels ("问题：上下文太长"), so they mark a question only
 * when what follows reads as one. A bold marker (`**Q：问题？** 答案`) ends the question where the bold ends.
 */
export function markers(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'paragraph') return undefined;
  const lines = view.text.lines(node);
  if (!markedQuestion(lines[0]!.text, view.shape.dialogue)) return undefined;
  const steps: Step[] = [];
  const end = node.position!.end.offset!;
  let answerFrom: number | undefined;
  const flushAnswer = (to: number) => {
    if (answerFrom !== undefined && view.text.value.slice(answerFrom, to).trim()) steps.push({ type: 'answer', nodes: [view.text.fragment(answerFrom, to)] });
    answerFrom = undefined;
  };
  lines.forEach((line, i) => {
    const marker = markedQuestion(line.text, view.shape.dialogue);
    if (!marker) {
      if (answerFrom === undefined) answerFrom = line.start + (i > 0 ? (answerMarker(line.text, view.shape.dialogue)?.length ?? 0) : 0);
      return;
    }
    flushAnswer(line.start - 1);
    const { question, answerStart } = splitMarkedLine(line, marker);
    steps.push({ type: 'question', question: { kind: 'marker', text: question, start: view.text.point(line.start), open: { scope: 'block', depth: 7, form: 'question' } } });
    if (answerStart !== undefined) answerFrom = answerStart;
  });
  flushAnswer(end);
  return { take: 1, steps };
}

/** The question marker of a line, when it marks a question (for `问题：`, only before something that reads as one). */
export function markedQuestion(line: string, dialogue: boolean): Marker | undefined {
  const marker = questionMarker(line, dialogue);
  if (!marker) return undefined;
  if (marker.weak && !isQuestionLike(cleanInline(line.slice(marker.text.length)))) return undefined;
  return marker;
}

function splitMarkedLine(line: Line, marker: Marker): { question: string; answerStart?: number } {
  const afterMarker = line.text.slice(marker.text.length);
  if (marker.bold) {
    const close = afterMarker.search(/\*\*|__/);
    if (close >= 0) {
      const rest = afterMarker.slice(close + 2);
      const restStart = line.start + marker.text.length + close + 2;
      const skipped = rest.search(/\S/);
      return { question: cleanInline(afterMarker.slice(0, close)), ...(skipped >= 0 ? { answerStart: restStart + skipped } : {}) };
    }
  }
  return { question: cleanInline(afterMarker) };
}

/**
 * A paragraph that opens with an answer marker (`A:`, `答：`, `**A2：**`, `Candidate:`). Right after its question
 * the marker is dropped and the paragraph is the answer. Anywhere else it is an orphan, reported as
 * `orphan-answer-marker`: it is kept out of the answer above (which ends there, since an answer is one stretch of
 * the note) and belongs to no question.
 */
export function answerMarkers(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'paragraph') return undefined;
  const marker = answerMarker(view.text.firstLine(node), view.shape.dialogue);
  if (!marker) return undefined;
  const current = view.current;
  if (current && !current.hasAnswer) return { take: 1, steps: [{ type: 'answer', nodes: [stripMarker(node, marker, view.text)] }] };
  const { start, end } = node.position!;
  const problem: Step = {
    type: 'problem',
    ruleId: 'orphan-answer-marker',
    reason: current
      ? `Unexpected answer marker “${marker.trim()}” after an answer has started, expected it right after its question; the answer above ends before it`
      : `Unexpected answer marker “${marker.trim()}” without a question, expected a \`Q:\`/\`问：\` line before it; the text belongs to no question`,
    start,
    end,
  };
  return { take: 1, steps: [problem, { type: 'close' }, { type: 'outside', start, end, reason: 'answer without a question' }] };
}

function stripMarker(node: Paragraph, marker: string, text: SourceText): Paragraph {
  return text.fragment(node.position!.start.offset! + marker.length, node.position!.end.offset!);
}
