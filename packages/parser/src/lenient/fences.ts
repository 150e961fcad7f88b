import type { Code } from 'mdast';
import { isQuestionLike } from '../question-like.js';
import type { Line, SourceText } from './source.js';
import type { Claim, ReaderView, Step } from './types.js';

const NUMBERED = /^\s*(\d{1,3})\s*[.、．)）]\s*\S/;
const NUMBERED_PREFIX = /^\s*\d{1,3}\s*[.、．)）]\s*/;
const PLAIN_LANGUAGES = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'markdown', 'md']);

/**
 * A question list people pasted into a plain fence (```` ```text ```` whose lines are `1.…`, `2.…`, …): each numbered
 * line is an unanswered question, and other lines in it are text outside any question. Only outside an answer: a
 * fence under a question is its answer, whatever it holds.
 */
export function fencedList(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'code' || view.current) return undefined;
  const content = questionListLines(node, view.text);
  if (!content) return undefined;
  const steps: Step[] = [];
  for (const line of content) {
    const start = view.text.point(line.start + (line.text.length - line.text.trimStart().length));
    const end = view.text.point(view.text.lineEnd(line.start));
    if (NUMBERED.test(line.text)) steps.push({ type: 'question', question: { kind: 'fence', text: line.text.trim(), start } });
    else steps.push({ type: 'outside', start, end, reason: 'line of a pasted question list that is not a question' });
  }
  return { take: 1, steps };
}

/** Whether a fence holds a pasted question list (for the note's shape). */
export function isFencedQuestionList(node: Code, text: SourceText): boolean {
  return questionListLines(node, text) !== undefined;
}

/**
 * The non-blank lines of a plain fence that starts with `1.` and in which at least 3 lines, and two thirds of all,
 * are numbered in sequence, and at least a third of the numbered lines ask something (numbered steps do not).
 */
function questionListLines(node: Code, text: SourceText): Line[] | undefined {
  if (!PLAIN_LANGUAGES.has(node.lang ?? '') || !isFenced(node, text)) return undefined;
  const lines = text.lines(node).slice(1);
  if (closesFence(node, text)) lines.pop();
  const content = lines.filter((line) => line.text.trim());
  // The list starts the fence: numbered steps after an instruction ("请先给出方案，然后：") are a template.
  if (!content[0] || !NUMBERED.test(content[0].text)) return undefined;
  const numbered = content
    .map((line) => NUMBERED.exec(line.text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  const inSequence = numbered.filter((n, i) => (i === 0 ? n === 1 : n === numbered[i - 1]! + 1)).length;
  if (numbered.length < 3 || numbered.length * 3 < content.length * 2 || inSequence * 3 < numbered.length * 2) return undefined;
  const asking = content.filter((line) => NUMBERED.test(line.text) && isQuestionLike(line.text.replace(NUMBERED_PREFIX, ''))).length;
  return asking * 3 >= numbered.length ? content : undefined;
}

/**
 * A fence that never closes swallows the rest of the note (and any question in it): it is reported as
 * `unclosed-fence`, and stays where it is (in the answer it started in, or outside any question).
 */
export function unclosedFence(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'code' || closesFence(node, view.text)) return undefined;
  const { start, end } = node.position!;
  const swallowed = view.text
    .lines(node)
    .slice(1)
    .find((line) => /^\s{0,3}#{1,6}\s+\S/.test(line.text));
  const what = swallowed ? `, swallowing the heading “${swallowed.text.trim()}” at line ${view.text.point(swallowed.start).line}` : '';
  const steps: Step[] = [
    {
      type: 'problem',
      ruleId: 'unclosed-fence',
      reason: `Unexpected code fence left open from line ${start.line} to the end of its block (line ${end.line})${what}, expected a closing “${fenceOf(node, view.text)}”`,
      start,
      end,
    },
  ];
  steps.push(view.current ? { type: 'answer', nodes: [node] } : { type: 'outside', start, end, reason: 'unclosed code fence outside any question' });
  return { take: 1, steps };
}

function isFenced(node: Code, text: SourceText): boolean {
  return /^\s*(?:`{3,}|~{3,})/.test(text.of(node));
}

function fenceOf(node: Code, text: SourceText): string {
  return /^\s*(`{3,}|~{3,})/.exec(text.of(node))?.[1] ?? '```';
}

/**
 * Whether a code block is closed: indented code always is; a fence must end with its closing fence (CommonMark runs
 * it to the end of the note otherwise).
 */
export function closesFence(node: Code, text: SourceText): boolean {
  if (!isFenced(node, text)) return true;
  const lines = text.lines(node);
  if (lines.length < 2) return false;
  const fence = fenceOf(node, text);
  const last = lines.at(-1)!.text.trim();
  return last.length >= fence.length && new RegExp(`^\\${fence[0]}{${fence.length},}$`).test(last);
}
