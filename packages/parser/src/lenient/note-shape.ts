import type { Heading, Root, RootContent } from 'mdast';
import { inlineText } from '@mianjing/markdown';
import { isReferenceTitle, splitHeading, type HeadingParts } from '../heading.js';
import {
  answerLabel,
  DIALOGUE_ANSWER,
  DIALOGUE_QUESTION,
  endsAsQuestion,
  isLabel,
  isMetaHeading,
  QUESTION_MARKER,
  isQuestionLike,
  isRelatedTitle,
  isSectionLabel,
  isTocTitle,
  questionLabel,
  withoutSymbols,
} from '../question-like.js';
import { readsAsBoldQuestion } from './bold-questions.js';
import { opensQuestionsInDetails } from './details.js';
import { linkOnlyTarget } from './inline.js';
import { isQuestionList } from './list-outline.js';
import { markedQuestion } from './markers.js';
import { isFencedQuestionList } from './fences.js';
import { asksInNumberedLine } from './numbered-items.js';
import { quotedQuestion } from './quoted-questions.js';
import type { SourceText } from './source.js';

/**
 * What a heading is, read on its own: the note's `title`; a `question`; a `topic` (a name that may or may not carry
 * an answer, decided by the note); a `label` that only names a part (`一、动机篇`, `Question 7`, `优点：`, or a
 * question-like name over a question list such as `手撕 / 编码题`); a `toc`, `meta` (README: usage, license) or
 * `references` heading; or the `question-label`/`answer-label` of a `# Question (EN)` / `## Answer (EN)` note.
 */
export type HeadingForm = 'title' | 'question' | 'topic' | 'label' | 'toc' | 'meta' | 'references' | 'question-label' | 'answer-label';

export interface HeadingInfo {
  depth: number;
  text: string;
  parts: HeadingParts;
  form: HeadingForm;
  /** Answer-like blocks before the next heading: not only links, citations, comments or breaks. */
  ownContent: boolean;
  /** Blocks before the next heading open questions (bold questions, `Q:` lines, question lists). */
  groupsQuestions: boolean;
  /** The first block under it opens a question (a section of questions rather than a part of an answer). */
  opensWithQuestion: boolean;
  /** The next heading is deeper. */
  hasChildren: boolean;
  /** The depth of its shallowest sub-heading (7 without any). */
  childDepth: number;
  /** Its sub-headings are all topics that carry text and group no questions (`### BPE` under `## 主流子词算法`). */
  plainChildren: boolean;
  /** `question-label`/`answer-label`: the language tag (`en`, `zh`, '' without one). */
  tag?: string;
  /**
   * One of a numbered run of sibling headings that mostly do not ask anything (`### 1. 核心公式`, `### 2. 为什么除以
   * √dk？`, `### 3. 计算复杂度`): the parts of an answer, even the one phrased as a question.
   */
  numberedPart: boolean;
}

/** What the lenient reader decides once for the whole note, before reading it block by block. */
export interface NoteShape {
  titleHeading: Heading | undefined;
  /** Every heading, by its index among the note's blocks. */
  headings: ReadonlyMap<number, HeadingInfo>;
  /**
   * A note of questions: at least a fifth of the headings that carry an answer read as questions, or some do and
   * the title frames the note as interview questions. Only there do topic headings with their own text count as
   * questions; a long article with topic headings and no interview framing is not a question list.
   */
  questionNote: boolean;
  /** The depths at which question headings occur: topic headings are questions only at one of them. */
  questionDepths: ReadonlySet<number>;
  deepestQuestionDepth: number;
  /** The note is an interview dialogue (`I:` lines answered by `C:` lines), so one-letter speaker labels mark turns. */
  dialogue: boolean;
}

const FRAMING = /面试|面经|八股|题库|真题|问答|interview|q\s*&\s*a|\bfaq\b/i;

export function readNoteShape(tree: Root, blocks: readonly RootContent[], text: SourceText, title: string): NoteShape {
  const titleHeading = findTitleHeading(tree);
  const dialogue = isDialogue(blocks, text);
  const headings = new Map<number, HeadingInfo>();
  blocks.forEach((node, index) => {
    if (node.type === 'heading') headings.set(index, readHeading(blocks, index, text, dialogue, node === titleHeading));
  });
  markNumberedParts(headings);
  markPlainChildren(headings);
  const infos = [...headings.values()];
  // The numbered parts of an answer ("### 2. 为什么除以 √dk？") are not where the note's questions are.
  const questions = infos.filter((h) => h.form === 'question' && !h.numberedPart);
  const topics = infos.filter((h) => h.form === 'topic' && h.ownContent && !h.groupsQuestions);
  const share = questions.length / Math.max(1, questions.length + topics.length);
  const framed = FRAMING.test(title) || FRAMING.test(titleHeading ? inlineText(titleHeading) : '');
  const questionDepths = new Set(questions.map((h) => h.depth));
  return {
    titleHeading,
    headings,
    questionNote: share >= 0.2 || (questions.length > 0 && framed),
    questionDepths,
    deepestQuestionDepth: Math.max(0, ...questionDepths),
    dialogue,
  };
}

/** A heading that asks something: it reads as a question or is marked as one (see marksQuestion). */
export function isQuestionHeading(text: string): boolean {
  const parts = splitHeading(text);
  return marksQuestion(parts) || isQuestionLike(parts.text);
}

/** A heading marked as a question whatever its words: an explicit `{#id}`, a `Q1` number, or a `Q:`/`问：` marker. */
function marksQuestion(parts: HeadingParts): boolean {
  return parts.id !== undefined || /^Q\d+$/i.test(parts.number) || QUESTION_MARKER.test(parts.text);
}

/**
 * The note's title heading: the first heading, when it is a `#` that is not itself a question, and every other `#`
 * heading is a question (a note of `#` questions under a `#` title).
 */
export function findTitleHeading(tree: Root): Heading | undefined {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const first = headings[0];
  if (first?.depth !== 1 || isQuestionHeading(inlineText(first))) return undefined;
  return headings.every((h) => h === first || h.depth > 1 || isQuestionHeading(inlineText(h))) ? first : undefined;
}

/** Whether a block below a heading is itself a question (so the heading only groups questions). */
export function opensQuestion(node: RootContent, text: SourceText, dialogue: boolean, next: RootContent | undefined): boolean {
  switch (node.type) {
    case 'paragraph':
      return markedQuestion(text.firstLine(node), dialogue) !== undefined || readsAsBoldQuestion(node, true, next, text) !== undefined || asksInNumberedLine(node, text);
    case 'list':
      return isQuestionList(node, text);
    case 'html':
      return opensQuestionsInDetails(node.value);
    case 'blockquote':
      return quotedQuestion(node, text) !== undefined;
    case 'code':
      return isFencedQuestionList(node, text);
    default:
      return false;
  }
}

function readHeading(blocks: readonly RootContent[], index: number, text: SourceText, dialogue: boolean, isTitle: boolean): HeadingInfo {
  const heading = blocks[index] as Heading;
  const raw = inlineText(heading);
  const parts = splitHeading(raw);
  let hasChildren = false;
  let childDepth = 7;
  let end = index + 1;
  while (end < blocks.length && blocks[end]!.type !== 'heading') end++;
  let ownContent = false;
  for (let i = index + 1; i < end && !ownContent; i++) ownContent = answerLike(blocks[i]!, text);
  // Whether the blocks open questions is read only when asked: most headings are settled by their form first, and
  // reading every list under them as a possible outline of questions is the costly part.
  const opens = (i: number) => opensQuestion(blocks[i]!, text, dialogue, blocks[i + 1]);
  let opensWithQuestion: boolean | undefined;
  let groupsQuestions: boolean | undefined;
  const firstOpens = () => {
    for (let i = index + 1; i < end; i++) {
      if (opens(i)) return true;
      if (answerLike(blocks[i]!, text)) return false;
    }
    return false;
  };
  const opensAny = () => {
    for (let i = index + 1; i < end; i++) if (opens(i)) return true;
    return false;
  };
  const next = blocks[end] as Heading | undefined;
  if (next && next.depth > heading.depth) {
    hasChildren = true;
    for (let j = end; j < blocks.length; j++) {
      const node = blocks[j]!;
      if (node.type !== 'heading') continue;
      if (node.depth <= heading.depth) break;
      childDepth = Math.min(childDepth, node.depth);
    }
  }
  const info: HeadingInfo = {
    depth: heading.depth,
    text: raw,
    parts,
    form: 'topic',
    ownContent,
    get groupsQuestions() {
      groupsQuestions ??= opensAny();
      return groupsQuestions;
    },
    get opensWithQuestion() {
      opensWithQuestion ??= firstOpens();
      return opensWithQuestion;
    },
    hasChildren,
    childDepth,
    plainChildren: false,
    numberedPart: false,
  };
  info.form = isTitle ? 'title' : formOf(info);
  if (info.form === 'question-label') info.tag = questionLabel(parts.text);
  if (info.form === 'answer-label') info.tag = answerLabel(parts.text);
  return info;
}

function formOf(info: HeadingInfo): HeadingForm {
  const { parts, text } = info;
  if (questionLabel(parts.text) !== undefined) return 'question-label';
  if (answerLabel(parts.text) !== undefined) return 'answer-label';
  if (isReferenceTitle(withoutSymbols(parts.text)) || isRelatedTitle(parts.text)) return 'references';
  if (isTocTitle(parts.text)) return 'toc';
  if (isMetaHeading(parts.text)) return 'meta';
  if (isQuestionHeading(text)) {
    // "手撕 / 编码题", "为什么这样设计：重点追问": a name over a list of questions, not a question of its own.
    const explicit = marksQuestion(parts) || endsAsQuestion(parts.text);
    const names = /(?:题|题目|问题|追问|questions?)$/i.test(parts.text) || info.opensWithQuestion;
    return !explicit && names && info.groupsQuestions ? 'label' : 'question';
  }
  if (!parts.text || isLabel(text) || isSectionLabel(parts.text)) return 'label';
  return 'topic';
}

/** Marks the headings whose sub-headings are all plain topics with text of their own. */
function markPlainChildren(headings: ReadonlyMap<number, HeadingInfo>): void {
  const infos = [...headings.values()];
  infos.forEach((info, i) => {
    if (!info.hasChildren) return;
    let plain = true;
    for (let j = i + 1; plain && j < infos.length && infos[j]!.depth > info.depth; j++) {
      const child = infos[j]!;
      plain = child.form === 'topic' && child.ownContent && !child.groupsQuestions;
    }
    info.plainChildren = plain;
  });
}

/** Marks the numbered sibling headings (same parent, same depth) of which fewer than half are questions. */
function markNumberedParts(headings: ReadonlyMap<number, HeadingInfo>): void {
  const runs = new Map<string, HeadingInfo[]>();
  const parents: HeadingInfo[] = [];
  let order = 0;
  const ids = new Map<HeadingInfo, number>();
  for (const info of headings.values()) {
    ids.set(info, order++);
    while (parents.length > 0 && parents.at(-1)!.depth >= info.depth) parents.pop();
    const parent = parents.at(-1);
    if (info.parts.number !== '' && !/^Q\d+$/i.test(info.parts.number)) {
      const key = `${parent ? ids.get(parent) : -1}:${info.depth}`;
      runs.set(key, [...(runs.get(key) ?? []), info]);
    }
    parents.push(info);
  }
  for (const run of runs.values()) {
    if (run.length < 2 || run.filter((h) => h.form === 'question' && endsAsQuestion(h.parts.text)).length * 2 >= run.length) continue;
    for (const info of run) info.numberedPart = true;
  }
}

/** Text that can be an answer: not a comment, a break, a citation quote (`> 参考：…`) or a list of links. */
function answerLike(node: RootContent, text: SourceText): boolean {
  switch (node.type) {
    case 'thematicBreak':
    case 'definition':
      return false;
    case 'html':
      return (
        /<(?:img|table|pre|details)\b/i.test(node.value) ||
        node.value
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/<[^>]+>/g, '')
          .trim() !== ''
      );
    case 'blockquote':
      return !/^\s*>?\s*(?:参考|来源|出处|引用|摘自|reference|source|via)/i.test(text.of(node));
    case 'list':
      return !node.children.every((item) => item.children.length === 0 || (item.children[0]?.type === 'paragraph' && linkOnlyTarget(item.children[0]) !== undefined && item.children.length === 1));
    case 'paragraph':
      return linkOnlyTarget(node) === undefined;
    default:
      return true;
  }
}

/** An interview dialogue: some paragraph line starts with `I:` and some with `C:` (each possibly in bold). */
function isDialogue(blocks: readonly RootContent[], text: SourceText): boolean {
  let asks = false;
  let answers = false;
  for (const node of blocks) {
    if (node.type !== 'paragraph') continue;
    for (const line of text.lines(node)) {
      const bare = line.text.replace(/\*\*|__/g, '');
      if (DIALOGUE_QUESTION.test(bare)) asks = true;
      if (DIALOGUE_ANSWER.test(bare)) answers = true;
    }
    if (asks && answers) return true;
  }
  return false;
}
