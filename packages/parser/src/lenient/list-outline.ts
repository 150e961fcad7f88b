import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Point } from 'unist';
import { inlineText, plainText } from '@mianjing/markdown';
import { isPlaceholder, splitHeading } from '../heading.js';
import { endsAsQuestion, isLabel, isPointerOnly, isQuestionLike, isSectionLabel } from '../question-like.js';
import { closesFence } from './fences.js';
import { answerMarker, linkOnlyTarget, questionMarker, trailingPointer } from './inline.js';
import type { SourceText } from './source.js';
import type { Claim, ReaderView, Step } from './types.js';

/**
 * Lists of questions: outlines whose leaves are questions and whose inner items group them (`- 模型篇` over
 * `  - 什么是残差连接？`), `- [ ]` checklists, numbered lists, tables of contents (every entry a link to a heading
 * of this note: dropped and accounted), lists of links to questions answered in other notes, and the list inside a
 * collapsed `<details><summary>查看问题</summary>`. An item's first line is its question; what follows it (the rest
 * of the item, after `答：`/`A:`) is its answer. Labels (`…篇`, `模型层面：`), `...` and links to answers elsewhere
 * are not questions; they are reported as text outside any question.
 */
export function listOutline(view: ReaderView, index: number): Claim | undefined {
  const list = view.blocks[index];
  if (list?.type !== 'list') return undefined;
  const current = view.current;
  // Inside a heading's answer, lists are part of the answer; so is a list under a label in any answer
  // ("**Key Differences:**" over its points).
  if (current && current.scope !== 'block') return undefined;
  const before = view.blocks[index - 1];
  if (current && before?.type === 'paragraph' && isLabel(inlineText(before))) return undefined;
  const inToc = view.region?.kind === 'toc';
  const collapsed = view.region?.kind === 'details' && view.region.role === 'questions';
  const outline = readOutline(list, view.text, { inToc, collapsed, atSectionLevel: !current });
  if (!outline) return undefined;
  // A lone item right under a question that has no answer yet is that answer ("**问题？**" then "- 答案"), unless it
  // is itself plainly a question.
  const questions = outline.leaves.filter((leaf) => !leaf.notQuestion);
  if (current && !current.hasAnswer && !outline.toc && questions.length === 1 && !endsAsQuestion(questions[0]!.text)) return undefined;

  const steps: Step[] = [{ type: 'close' }];
  for (const leaf of outline.leaves) {
    if (leaf.notQuestion) {
      if (leaf.hasText) steps.push({ type: 'outside', start: leaf.start, end: leaf.end, reason: leaf.notQuestion });
      continue;
    }
    steps.push({
      type: 'question',
      question: {
        kind: 'list-item',
        text: leaf.text,
        start: leaf.start,
        answer: leaf.answer,
        breadcrumb: leaf.ancestors,
        ...(outline.toc ? { dropped: 'table-of-contents entry' } : {}),
        endLine: leaf.end.line,
        ...(leaf.ordinal === undefined ? {} : { ordinal: leaf.ordinal }),
      },
    });
  }
  // A fence or table written right under the list (no blank line) cannot be inside its last item in CommonMark,
  // but that is where its author put it.
  const last = steps.at(-1);
  const next = view.blocks[index + 1];
  let take = 1;
  const adjacent = next && next.position!.start.line === list.position!.end.line + 1 && (next.type === 'table' || next.type === 'math' || (next.type === 'code' && closesFence(next, view.text)));
  if (!outline.toc && last?.type === 'question' && adjacent) {
    last.question.answer = [...(last.question.answer ?? []), next!];
    take = 2;
  }
  // A list of one question ("- 什么是GPT？" then paragraphs) is a question line: what follows answers it.
  if (!outline.toc && questions.length === 1 && outline.leaves.length === 1 && last?.type === 'question' && (last.question.answer?.length ?? 0) === 0) {
    last.question.open = { scope: 'block', depth: 7, form: 'question' };
  }
  return { take, steps };
}

interface Leaf {
  text: string;
  start: Point;
  end: Point;
  ancestors: string[];
  answer: RootContent[];
  ordinal?: number;
  /** Why this item is not a question (a label, a pointer, `...`), or undefined for a question. */
  notQuestion?: string;
  hasText: boolean;
}

interface Outline {
  leaves: Leaf[];
  toc: boolean;
}

interface OutlineContext {
  inToc: boolean;
  collapsed: boolean;
  atSectionLevel: boolean;
}

/** Whether a list reads as questions (so the heading above it only groups them). */
export function isQuestionList(list: List, text: SourceText): boolean {
  const outline = readOutline(list, text, { inToc: false, collapsed: false, atSectionLevel: true });
  return outline !== undefined && !outline.toc;
}

// The note's shape asks whether a list holds questions before the reader reads the list: each list is read once per
// context. Outlines are not changed after they are read.
const outlines = new WeakMap<List, Map<string, Outline | undefined>>();

function readOutline(list: List, text: SourceText, context: OutlineContext): Outline | undefined {
  const key = `${context.inToc} ${context.collapsed} ${context.atSectionLevel}`;
  let byContext = outlines.get(list);
  if (!byContext) outlines.set(list, (byContext = new Map()));
  if (!byContext.has(key)) byContext.set(key, outlineOf(list, text, context));
  return byContext.get(key);
}

function outlineOf(list: List, text: SourceText, context: OutlineContext): Outline | undefined {
  const leaves: Leaf[] = [];
  const targets: Array<ReturnType<typeof linkOnlyTarget>> = [];
  let task = true;
  const visit = (items: readonly ListItem[], ancestors: string[], parent: List) => {
    const groups = items.map((item) => groupOf(item, text));
    const groupCount = groups.filter(Boolean).length;
    items.forEach((item, i) => {
      if (item.checked === null || item.checked === undefined) task = false;
      const head = item.children[0];
      // "- 1. 问题" is a bullet holding an ordered list: its items stand where the bullet does.
      if (head?.type === 'list' && item.children.length === 1) {
        visit(head.children, ancestors, head);
        return;
      }
      if (head?.type !== 'paragraph') {
        const start = item.position!.start;
        const hasText = plainText(item.children).trim() !== '';
        leaves.push({ text: '', start, end: item.position!.end, ancestors, answer: [], notQuestion: 'list item that is not a question', hasText });
        return;
      }
      targets.push(linkOnlyTarget(head));
      const group = groups[i];
      if (group) {
        // "3 指令数据怎么构造？" over "3.1 如何…？": a question of its own, and the name of its follow-ups.
        if (isQuestionLike(splitHeading(group.label).text))
          leaves.push({
            text: group.label,
            start: head.position!.start,
            end: head.position!.end,
            ancestors,
            answer: [],
            hasText: true,
            ...(parent.ordered ? { ordinal: (parent.start ?? 1) + i } : {}),
          });
        visit(group.items, [...ancestors, splitHeading(group.label).text], parent);
        return;
      }
      const leaf = readLeaf(item, head, text, ancestors, context.collapsed);
      if (parent.ordered) leaf.ordinal = (parent.start ?? 1) + i;
      // Beside items that group questions, a plain item numbered like a chapter is one more section name ("一、动机"
      // beside "二、卷积层篇").
      const parts = splitHeading(leaf.text);
      if (!leaf.notQuestion && groupCount > 0 && /^[一二三四五六七八九十百]+$/.test(parts.number) && !isQuestionLike(parts.text)) leaf.notQuestion = 'section name with no question under it';
      leaves.push(leaf);
    });
  };
  visit(list.children, [], list);
  const entries = leaves.filter((leaf) => leaf.text);
  const questionLike = (of: Leaf[]) => of.filter((leaf) => isQuestionLike(splitHeading(leaf.text).text)).length;
  // Links to web pages are resources, not entries of a table of contents.
  const allLinks = targets.length > 0 && targets.every((target) => target === 'anchor' || target === 'note');
  // Links to the headings of this note are a table of contents; links to other notes are questions answered there
  // when they read as questions, and a table of contents otherwise. Every entry of a table of contents is dropped
  // as such (and so accounted), whatever it says.
  const toc = entries.length > 0 && (context.inToc || (allLinks && (targets.every((t) => t === 'anchor') || questionLike(entries) * 2 < entries.length)));
  if (toc) return { leaves: entries.map(({ notQuestion: _, ...leaf }) => leaf), toc: true };
  const candidates = leaves.filter((leaf) => !leaf.notQuestion);
  // A list of links to web pages is a reading list, whatever its titles say.
  if (candidates.length === 0 || (targets.length > 0 && targets.every((t) => t === 'web'))) return undefined;
  const accepted = context.collapsed || questionLike(candidates) * 2 >= candidates.length || (task && context.atSectionLevel);
  return accepted ? { leaves, toc: false } : undefined;
}

/** An item that groups a sub-outline: its label and the items below it, or undefined for a leaf. */
function groupOf(item: ListItem, text: SourceText): { label: string; items: ListItem[] } | undefined {
  const [head, ...body] = item.children;
  if (head?.type !== 'paragraph') return undefined;
  const subLists = body.filter((n): n is List => n.type === 'list');
  if (subLists.length === 0 || subLists.length !== body.length) return undefined;
  const label = itemText(head);
  // A question's sub-list is its answer, unless it is a list of questions too ("3 指令怎么构造？" over "3.1 如何…？").
  const groups = isQuestionLike(splitHeading(label).text) && !isLabel(label) ? subLists.every((sub) => mostlyQuestions(sub, text)) : subLists.every((sub) => isOutline(sub));
  return groups ? { label, items: subLists.flatMap((sub) => sub.children) } : undefined;
}

/** A list whose items are questions, or group questions of their own. */
function mostlyQuestions(list: List, text: SourceText): boolean {
  const asks = list.children.filter((item) => {
    const head = item.children[0];
    if (head?.type !== 'paragraph') return false;
    return isQuestionLike(splitHeading(readLeaf(item, head, text, []).text).text) || groupOf(item, text) !== undefined;
  });
  return asks.length * 2 >= list.children.length;
}

/** A sub-list that continues an outline (its items read as questions or group further), not an answer's bullets. */
function isOutline(list: List): boolean {
  const texts = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? itemText(item.children[0]) : ''));
  const questionish = texts.filter((t) => isQuestionLike(splitHeading(t).text)).length;
  const nested = list.children.filter((item) => item.children.some((n) => n.type === 'list')).length;
  const numbered = texts.filter((t) => splitHeading(t).number !== '').length;
  return (
    questionish * 2 >= texts.length ||
    nested * 2 >= texts.length ||
    numbered * 2 >= texts.length ||
    list.children.every((item) => item.children[0]?.type === 'paragraph' && linkOnlyTarget(item.children[0]) !== undefined)
  );
}

function itemText(head: Paragraph): string {
  return inlineText(head).replace(/^\[[^\]]{1,3}\]\s*/, '');
}

/**
 * A leaf item's question and answer. The question is the item's first line: a bold run (`**问题？** 答案`), the
 * part before a line break (`01. 问题？  ⏎答案`), or the whole text. A `Q：` marker is dropped, a trailing pointer
 * (`→ [详解](…)`) is not part of it, and an `A：`/`答：` marker before the answer is dropped.
 */
function readLeaf(item: ListItem, head: Paragraph, text: SourceText, ancestors: string[], collapsed = false): Leaf {
  const [, ...body] = item.children;
  const start = head.position!.start;
  const headEnd = head.position!.end.offset!;
  const pointer = trailingPointer(head.children);
  const questionEnd = pointer ?? headEnd;
  const leaf = (question: string, answerStart?: number): Leaf => {
    const answer: RootContent[] = [];
    if (answerStart !== undefined && answerStart < questionEnd) {
      const from = skipAnswerMarker(text, answerStart, questionEnd);
      if (text.value.slice(from, questionEnd).trim()) answer.push(text.fragment(from, questionEnd));
    }
    answer.push(...body.flatMap((n, i) => (i === 0 && answer.length === 0 ? unmarkAnswer(n, text) : [n])));
    const clean = question.replace(/^\[[^\]]{1,3}\]\s*/, '').trim();
    const end = (answer.at(-1) ?? head).position!.end;
    const result: Leaf = { text: clean, start, end: { ...end }, ancestors, answer, hasText: true };
    const reason = notAQuestion(clean, head, text, collapsed);
    if (reason) result.notQuestion = reason;
    if (end.line < head.position!.end.line) result.end = head.position!.end;
    return result;
  };

  const first = head.children[0];
  const lines = text.lines(head);
  const marker = questionMarker(lines[0]!.text, false);
  if (first?.type === 'strong') {
    const strongEnd = first.position!.end.offset!;
    const bold = inlineText(first).replace(/^\s*(?:Q\s*\d*|问|问题|题目)\s*[:：]\s*/i, '');
    const rest = text.value.slice(strongEnd, questionEnd);
    const colon = /^\s*[：:]\s*/.exec(rest);
    if (colon) {
      const after = text.value.slice(strongEnd + colon[0].length, questionEnd).trim();
      // "**设计一个网关**：如何做限流和计费？" asks one question in two parts; "**Spring AI**：相比封装 HTTP 有什么收益？"
      // is a topic label then the question. Either way the whole line is the question.
      if (!/\n/.test(after) && (endsAsQuestion(after) || (isQuestionLike(after) && !isQuestionLike(bold)))) return leaf(textBefore(head.children, questionEnd));
      if (isLabel(`${bold}：`) && !after) return leaf(`${bold}：`);
      return leaf(bold, strongEnd + colon[0].length);
    }
    if (!rest.trim() || /^[ \t]*(?:\\)?\r?\n/.test(rest) || /^\s*[*_]+\s*$/.test(rest)) return leaf(bold, rest.trim() ? strongEnd : undefined);
    if (isQuestionLike(bold)) return leaf(bold, strongEnd);
    return leaf(textBefore(head.children, questionEnd));
  }
  const withoutMarker = (question: string) => (marker && !/^[●•◆◇■□▪○◦►▶➤★☆①-⑳]/.test(marker.text.trim()) ? question.replace(/^\s*(?:Q\s*\d*|问|问题|题目)\s*[:：]\s*/i, '') : question);
  // A parenthesis on the next line ("问题？⏎（和上一题的侧重点不同）") still belongs to the question.
  const rest = lines.length > 1 ? text.value.slice(lines[1]!.start, questionEnd).trim() : '';
  if (lines.length > 1 && !/^[（(][^）)]*[）)]$/.test(rest)) {
    const plainFirst = withoutMarker(textBefore(head.children, lines[1]!.start));
    if (endsAsQuestion(plainFirst) || (isQuestionLike(plainFirst) && /(?: {2,}|\\)$/.test(lines[0]!.text)) || answerMarker(lines[1]!.text, false)) return leaf(plainFirst, lines[1]!.start);
  }
  return leaf(withoutMarker(textBefore(head.children, questionEnd)));
}

/**
 * Why a leaf is not a question: a label, a section name, a placeholder, a pointer to answers elsewhere. In a
 * collapsed question list every item is a question, whatever it is named ("LLM 评估指标大全").
 */
function notAQuestion(question: string, head: Paragraph, text: SourceText, collapsed: boolean): string | undefined {
  const bare = splitHeading(question).text;
  if (!bare) return question ? 'list item with only numbering' : 'empty list item';
  if (/^(?:\.{2,}|…+|etc\.?|等等?)$/i.test(bare)) return 'ellipsis in a question list';
  if (isPlaceholder(bare)) return 'placeholder in a question list';
  if (isLabel(bare)) return 'label in a question list';
  if (!collapsed && isSectionLabel(bare) && !isQuestionLike(bare)) return 'section name with no question under it';
  if (!isQuestionLike(bare) && isPointerOnly(text.of(head))) return 'link to answers elsewhere';
  return undefined;
}

/** The plain text of inline content up to `end` (a trailing pointer or the end of the first line excluded). */
function textBefore(children: readonly PhrasingContent[], end: number): string {
  const kept: PhrasingContent[] = [];
  for (const child of children) {
    const start = child.position!.start.offset!;
    if (start >= end) break;
    if (child.type === 'text' && child.position!.end.offset! > end) kept.push({ ...child, value: child.value.slice(0, end - start) });
    else kept.push(child);
  }
  return inlineText({ type: 'paragraph', children: kept }).trim();
}

function skipAnswerMarker(text: SourceText, from: number, end: number): number {
  const slice = text.value.slice(from, end);
  const lead = /^[ \t]*(?:\\)?\r?\n?/.exec(slice)![0].length;
  const marker = answerMarker(slice.slice(lead), false);
  return from + lead + (marker?.length ?? 0);
}

/**
 * The first block of an item's answer without its `答：`/`A:` marker, also when the answer is a nested bullet of
 * its own (`- *A:* (to be added)`).
 */
function unmarkAnswer(node: RootContent, text: SourceText): RootContent[] {
  if (node.type === 'paragraph') return [stripAnswerMarker(node, text)];
  const item = node.type === 'list' && node.children.length === 1 ? node.children[0]! : undefined;
  const head = item?.children[0];
  if (head?.type === 'paragraph' && answerMarker(text.firstLine(head), false)) return [stripAnswerMarker(head, text), ...item!.children.slice(1)];
  return [node];
}

function stripAnswerMarker(node: Paragraph, text: SourceText): Paragraph {
  const start = node.position!.start.offset!;
  const marker = answerMarker(text.of(node), false);
  return marker ? text.fragment(start + marker.length, node.position!.end.offset!) : node;
}

const LIST_LINE = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(\S.*)$/;

/**
 * A name followed by indented list lines that CommonMark reads as one paragraph (`一、LoRA篇` then
 * `    - 1.1 LoRA 的低秩假设是什么？`, the lines being lazy continuations): the first line names a section, and each
 * list line that reads as a question is one. Only at section level, and only when most list lines are questions.
 */
export function lazyListLines(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'paragraph' || view.current) return undefined;
  const [first, ...rest] = view.text.lines(node);
  if (rest.length === 0 || !rest.every((line) => LIST_LINE.test(line.text))) return undefined;
  const items = rest.map((line) => ({
    line,
    text: LIST_LINE.exec(line.text)![1]!
      .replace(/\*\*|__/g, '')
      .trim(),
  }));
  if (items.filter((item) => isQuestionLike(splitHeading(item.text).text)).length * 2 < items.length) return undefined;
  const label = splitHeading(first!.text.replace(/\*\*|__/g, '')).text;
  const steps: Step[] = [{ type: 'close' }];
  for (const { line, text } of items) {
    const start = view.text.point(line.start + line.text.search(/\S/));
    if (isQuestionLike(splitHeading(text).text)) steps.push({ type: 'question', question: { kind: 'list-item', text, start, breadcrumb: label ? [label] : [] } });
    else steps.push({ type: 'outside', start, end: view.text.point(view.text.lineEnd(line.start)), reason: 'list line that is not a question' });
  }
  return { take: 1, steps };
}
