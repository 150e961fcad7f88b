import type { Heading, Html, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { derivedQuestionId, type NoteInfo } from './canonical.js';
import { isPlaceholder, isReferenceTitle, QUESTION_ID, splitHeading } from './heading.js';
import { readMetaQuote } from './meta-quote.js';
import { inlineText, plainText } from '@mianjing/markdown';
import { ANSWER_MARKER, HAND_BULLET, isQuestionLike, isTopicLine, QUESTION_MARKER, TAG_LINE, TOC_MARKER } from './question-like.js';
import { collectReferences } from './references.js';
import { normalizeQuestion, toRecord, type BuiltRecord, type NoteContext, type QuestionDraft } from './record.js';
import { emit, report } from './rules.js';

/** How a question candidate was written, for the accounting report. */
export type CandidateKind = 'heading' | 'bold' | 'marker' | 'list-item' | 'details';

export interface DroppedCandidate {
  line: number;
  column: number;
  question: string;
  reason: string;
}

/** Every question candidate of a note: how many were seen, how many became records, why the rest did not. */
export interface Accounting {
  candidates: number;
  records: number;
  dropped: DroppedCandidate[];
}

interface Candidate {
  draft: QuestionDraft;
  kind: CandidateKind;
  column: number;
  dropped?: string;
  /** For heading questions: the heading's depth (deeper plain headings stay inside the answer). */
  depth?: number;
}

interface Section {
  depth: number;
  text: string;
}

/**
 * Other people's layouts: question headings at any level, bold-paragraph questions, hand-typed bullets (`●`,
 * `①`), `Q:`/`A:` and `问：`/`答：` pairs, outlines of questions in lists, `<details>` blocks. Every candidate
 * ends up a record or a `question-candidate-dropped` message (table-of-contents entries, duplicates).
 */
export function extractLenient(tree: Root, file: VFile, note: NoteInfo, context: NoteContext): { records: BuiltRecord[]; accounting: Accounting } {
  const source = context.source;
  const place = location(source);
  const point = (offset: number): Point => {
    const p = place.toPoint(offset);
    return { line: p?.line ?? 1, column: p?.column ?? 1, offset };
  };
  const folders = context.path.split('/').slice(0, -1);
  const blocks = tree.children.filter((node) => node.type !== 'yaml');
  const titleHeading = findTitleHeading(tree);

  const candidates: Candidate[] = [];
  const sections: Section[] = [];
  let current: Candidate | undefined;
  /** The question whose own reference list is being read (a `#### 参考` under its heading, or `**参考：**` in its answer). */
  let ownReferences: Candidate | undefined;
  let referencesDepth: number | undefined;
  let inToc = false;
  let inDetails = false;

  const breadcrumb = (extra: string[] = []) => [...folders, note.title, ...sections.map((s) => s.text), ...extra];
  const open = (kind: CandidateKind, text: string, start: Point, extra: Partial<QuestionDraft> = {}, breadcrumbExtra: string[] = []): Candidate => {
    const parts = splitHeading(text);
    const explicit = parts.id !== undefined && QUESTION_ID.test(parts.id) ? parts.id : undefined;
    const candidate: Candidate = {
      kind,
      column: start.column,
      draft: {
        id: `${note.id}/${explicit ?? derivedQuestionId(parts.text)}`,
        question: parts.text,
        number: parts.number,
        aliases: [],
        tags: [],
        breadcrumb: breadcrumb(breadcrumbExtra),
        line: start.line,
        answerNodes: [],
        references: [],
        ...extra,
      },
    };
    if (!parts.text) candidate.dropped = 'no question text besides the numbering';
    if (inToc) candidate.dropped = 'table-of-contents entry';
    candidates.push(candidate);
    return candidate;
  };

  /** A paragraph made from part of the source (after a marker, or after a bold question). */
  const fragment = (start: number, end: number): Paragraph => {
    const text = source.slice(start, end);
    return { type: 'paragraph', children: [{ type: 'text', value: text }], position: { start: point(start), end: point(end) } };
  };

  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index]!;

    if (node.type === 'heading') {
      const text = inlineText(node);
      ownReferences = undefined;
      if (current?.depth !== undefined && node.depth > current.depth && isReferenceTitle(splitHeading(text).text)) {
        ownReferences = current;
        continue;
      }
      // Sub-headings of a references section group its links ("### 论文"); a question among them ends the
      // section, or it would vanish into a list of links.
      if (referencesDepth !== undefined && node.depth > referencesDepth && !isQuestionHeading(text)) {
        continue;
      }
      referencesDepth = undefined;
      if (node === titleHeading) {
        current = undefined;
        continue;
      }
      const parts = splitHeading(text);
      const questionLike = isQuestionHeading(text);
      // A plain sub-heading ("#### 代码") inside a question's answer stays part of the answer, unless it groups
      // questions of its own.
      if (current?.depth !== undefined && node.depth > current.depth && !questionLike && !parts.number && !headingShape(blocks, index, source).groupsQuestions) {
        current.draft.answerNodes.push(node);
        continue;
      }
      current = undefined;
      inDetails = false;
      while (sections.length > 0 && sections.at(-1)!.depth >= node.depth) sections.pop();
      if (isReferenceTitle(parts.text)) {
        referencesDepth = node.depth;
        continue;
      }
      const { hasContent, hasChildren, groupsQuestions } = headingShape(blocks, index, source);
      // Numbered topic headings that carry their own text ("3.9.4 指数衰减") are questions too; headings that
      // only group others (child headings, or bold / bulleted / listed questions below them) are sections.
      if (questionLike || (parts.number !== '' && !hasChildren && !groupsQuestions)) {
        current = open('heading', text, node.position!.start);
        current.depth = node.depth;
        readMeta(blocks[index + 1], current);
        if (current.draft.aliases.length > 0 || current.draft.tags.length > 0) index++;
      } else if (parts.text && (hasContent || hasChildren || !parts.number)) {
        sections.push({ depth: node.depth, text: parts.text });
      }
      continue;
    }

    if (ownReferences) {
      // A question's references are lists and citation paragraphs; the next question ends them.
      if (node.type === 'list' || (node.type === 'paragraph' && !opensQuestion(node, source))) {
        ownReferences.draft.references.push(...collectReferences(node));
        continue;
      }
      ownReferences = undefined;
    }
    if (referencesDepth !== undefined) {
      context.references.push(...collectReferences(node));
      continue;
    }
    if (current && node.type === 'paragraph' && isReferenceLine(node)) {
      ownReferences = current;
      continue;
    }

    if (node.type === 'html') {
      if (/<!--\s*toc\s*-->/i.test(node.value)) inToc = true;
      if (/<!--\s*\/toc\s*-->/i.test(node.value)) inToc = false;
      const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(node.value);
      if (/<details/i.test(node.value) && summary) {
        const start = node.position!.start.offset! + summary.index;
        current = open('details', stripTags(summary[1]!), point(start));
        inDetails = !/<\/details>/i.test(node.value);
        const after = start + summary[0].length;
        const close = node.value.search(/<\/details>/i);
        const end = close >= 0 ? node.position!.start.offset! + close : node.position!.end.offset!;
        if (source.slice(after, end).trim()) current.draft.answerNodes.push(fragment(after, end));
        continue;
      }
      if (inDetails && /<\/details>/i.test(node.value)) {
        inDetails = false;
        current = undefined;
        continue;
      }
    }

    // Inside a heading's answer only explicit question markup starts a new question: a `●`/`Q:` line or a
    // paragraph that is nothing but a bold question. Lists and other bold text stay part of the answer.
    if (inDetails || (current?.kind === 'heading' && !(node.type === 'paragraph' && startsQuestionInAnswer(node, source)))) {
      current!.draft.answerNodes.push(node);
      continue;
    }

    if (node.type === 'paragraph') {
      const lines = paragraphLines(source, node);
      const first = lines[0]!;
      if (lines.length === 1 && TOC_MARKER.test(first.text.trim())) continue;
      if (lines.every((line) => TAG_LINE.test(line.text.trim()))) {
        context.tags.push(...lines.flatMap((line) => line.text.trim().split(/\s+/).map((tag) => tag.slice(1))));
        continue;
      }
      if (isReferenceLine(node)) {
        // A `**参考：**` line opens references that end at the next heading of any level.
        referencesDepth = 6;
        continue;
      }
      if (markerOf(first.text)) {
        // Line by line: each `●`/`Q:` line opens a question, an `A:`/`答：` line (or any other line) starts its answer.
        for (let l = 0; l < lines.length; l++) {
          const line = lines[l]!;
          const marker = markerOf(line.text);
          if (marker) {
            const question = cleanInline(line.text.slice(marker.length));
            current = open('marker', question, point(line.start));
            continue;
          }
          const answer = ANSWER_MARKER_RAW.exec(line.text);
          const start = line.start + (answer ? answer[0].length : 0);
          current!.draft.answerNodes.push(fragment(start, node.position!.end.offset!));
          break;
        }
        continue;
      }
      const bold = boldQuestion(node, current === undefined);
      if (bold) {
        current = open('bold', bold.question, node.position!.start);
        if (bold.answerStart !== undefined) current.draft.answerNodes.push(fragment(bold.answerStart, node.position!.end.offset!));
        continue;
      }
      if (current) {
        const answer = current.draft.answerNodes.length === 0 ? ANSWER_MARKER_RAW.exec(first.text) : null;
        current.draft.answerNodes.push(answer ? fragment(first.start + answer[0].length, node.position!.end.offset!) : node);
      }
      continue;
    }

    if (node.type === 'list') {
      const outline = questionOutline(node, inToc);
      if (outline) {
        current = undefined;
        for (const leaf of outline.leaves) {
          const candidate = open('list-item', leaf.text, leaf.start, {}, leaf.ancestors);
          if (outline.toc) candidate.dropped = 'table-of-contents entry';
          candidate.draft.answerNodes.push(...leaf.answer.map((n, i) => (i === 0 && n.type === 'paragraph' ? stripAnswerMarker(n, source, fragment) : n)));
        }
        continue;
      }
    }

    if (current) current.draft.answerNodes.push(node);
  }

  dropDuplicates(candidates);
  const questionIds = new Set(candidates.filter((c) => !c.dropped).map((c) => c.draft.id.slice(note.id.length + 1)));
  const records: BuiltRecord[] = [];
  const dropped: DroppedCandidate[] = [];
  for (const candidate of candidates) {
    if (candidate.dropped) {
      dropped.push({ line: candidate.draft.line, column: candidate.column, question: candidate.draft.question, reason: candidate.dropped });
      report(file, 'info', 'question-candidate-dropped', `Dropped question candidate “${candidate.draft.question}”: ${candidate.dropped}`, { line: candidate.draft.line, column: candidate.column });
      continue;
    }
    const built = toRecord(candidate.draft, context, questionIds);
    const record = built.record;
    if (record.status === 'unanswered') {
      emit(file, 'lenient', candidate.draft.answerNodes.length > 0 ? 'placeholder-answer' : 'question-without-answer', `Question “${record.question}” has no answer yet; it is kept as unanswered`, { line: candidate.draft.line, column: candidate.column });
    }
    records.push(built);
  }
  return { records, accounting: { candidates: candidates.length, records: records.length, dropped } };
}

/** A paragraph that is only a references label (`**参考：**`, `References:`). */
function isReferenceLine(node: Paragraph): boolean {
  const text = inlineText(node).replace(/\*\*|__/g, '').trim();
  return !text.includes('\n') && isReferenceTitle(text);
}

/** A heading that asks something, or carries an explicit `{#id}`. */
function isQuestionHeading(text: string): boolean {
  const parts = splitHeading(text);
  return isQuestionLike(parts.text) || parts.id !== undefined;
}

/** The note's title heading: the first heading, when it is the only `#` and not itself a question. */
export function findTitleHeading(tree: Root): Heading | undefined {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const first = headings[0];
  if (!first || first.depth !== 1) return undefined;
  if (headings.filter((h) => h.depth === 1).length > 1) return undefined;
  return isQuestionLike(splitHeading(inlineText(first)).text) ? undefined : first;
}

function headingShape(blocks: RootContent[], index: number, source: string): { hasContent: boolean; hasChildren: boolean; groupsQuestions: boolean } {
  const heading = blocks[index] as Heading;
  let hasContent = false;
  let groupsQuestions = false;
  for (let i = index + 1; i < blocks.length; i++) {
    const node = blocks[i]!;
    if (node.type === 'heading') return { hasContent, hasChildren: node.depth > heading.depth, groupsQuestions };
    if (!(node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value))) hasContent = true;
    if (!groupsQuestions) groupsQuestions = opensQuestion(node, source);
  }
  return { hasContent, hasChildren: false, groupsQuestions };
}

function startsQuestionInAnswer(node: Paragraph, source: string): boolean {
  if (markerOf(paragraphLines(source, node)[0]!.text)) return true;
  const bold = boldQuestion(node, false);
  return bold !== undefined && bold.answerStart === undefined;
}

/** Whether a block below a heading is itself a question (so the heading only groups questions). */
function opensQuestion(node: RootContent, source: string): boolean {
  if (node.type === 'paragraph') return markerOf(paragraphLines(source, node)[0]!.text) !== undefined || boldQuestion(node, true) !== undefined;
  if (node.type === 'list') return questionOutline(node, false) !== undefined;
  return node.type === 'html' && /<details/i.test(node.value) && /<summary/i.test(node.value);
}

/** The canonical meta quote (`又问：`/`标签：` lines) works in other people's notes too. */
function readMeta(next: RootContent | undefined, candidate: Candidate): void {
  const meta = next?.type === 'blockquote' ? readMetaQuote(next) : 'none';
  if (typeof meta === 'string') return;
  candidate.draft.aliases.push(...meta.aliases);
  candidate.draft.tags.push(...meta.tags);
}

interface Line {
  text: string;
  start: number;
}

function paragraphLines(source: string, node: Paragraph): Line[] {
  const start = node.position!.start.offset!;
  const text = source.slice(start, node.position!.end.offset!);
  const lines: Line[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), start: start + offset });
    offset += line.length + 1;
  }
  return lines;
}

// The same markers, allowing the `**…**` people wrap them in.
const EMPHASIS = String.raw`(?:\*\*|__)?`;
const HAND_BULLET_RAW = new RegExp(`^\\s*${EMPHASIS}${HAND_BULLET.source.slice(1)}${EMPHASIS}\\s*`);
const QUESTION_MARKER_RAW = new RegExp(`^\\s*${EMPHASIS}${QUESTION_MARKER.source.slice(1)}${EMPHASIS}\\s*`, 'i');
const ANSWER_MARKER_RAW = new RegExp(`^\\s*${EMPHASIS}${ANSWER_MARKER.source.slice(1)}${EMPHASIS}\\s*`, 'i');

/** The `●`/`①`/`Q:`/`问：` marker at the start of a line, as written (so its length can be skipped). */
function markerOf(line: string): string | undefined {
  return (HAND_BULLET_RAW.exec(line) ?? QUESTION_MARKER_RAW.exec(line))?.[0];
}

/** Inline Markdown of a line as plain text, good enough for a question: emphasis, code ticks and tags dropped. */
function cleanInline(text: string): string {
  return stripTags(text.replace(/\*\*|__|`/g, '')).trim();
}

function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim();
}

/**
 * `**问题？**` then text: a question when the bold text reads as one, or when it is a short topic line followed
 * by a placeholder (`**图卷积的基本原理** Todo`) or, at section level, standing alone. A parenthesis
 * after the bold part (`**1.2 问题？**（补充说明）`) belongs to the question.
 */
function boldQuestion(node: Paragraph, atSectionLevel: boolean): { question: string; answerStart?: number } | undefined {
  const [strong, ...rest] = node.children;
  if (strong?.type !== 'strong') return undefined;
  const boldText = inlineText(strong);
  const restText = plainText(rest as Nodes[]).trim();
  const parenthetical = /^[（(][^）)]*[）)]$/.test(restText);
  const standalone = restText === '' || parenthetical || isPlaceholder(restText);
  const topic = isTopicLine(boldText) && (isPlaceholder(restText) || (atSectionLevel && standalone));
  const isQuestion = (isQuestionLike(splitHeading(boldText).text) && (standalone || !/^[：:]/.test(restText))) || topic;
  if (!isQuestion) return undefined;
  if (parenthetical) return { question: `${boldText}${restText}` };
  const first = rest.find((child: PhrasingContent) => child.type !== 'break' && !(child.type === 'text' && child.value.trim() === ''));
  return { question: boldText, answerStart: first?.position?.start.offset };
}

interface Leaf {
  text: string;
  start: Point;
  ancestors: string[];
  answer: RootContent[];
}

/**
 * A list that is an outline of questions: its leaves (items without a sub-outline) are the questions, the items
 * above them group them. At least half the leaves must read as questions, unless the list is a table of
 * contents (every entry a link to a heading or a note), whose entries are all dropped.
 */
function questionOutline(list: List, inToc: boolean): { leaves: Leaf[]; toc: boolean } | undefined {
  const leaves: Leaf[] = [];
  let allLinks = true;
  const visit = (items: ListItem[], ancestors: string[]) => {
    for (const item of items) {
      const [head, ...body] = item.children;
      if (head?.type !== 'paragraph') continue;
      if (!isLinkOnly(head)) allLinks = false;
      const text = inlineText(head).replace(/^\[[^\]]{1,3}\]\s*/, '');
      const subLists = body.filter((n): n is List => n.type === 'list');
      const groups = subLists.length > 0 && subLists.every((sub) => isOutline(sub));
      if (groups) visit(subLists.flatMap((sub) => sub.children), [...ancestors, splitHeading(text).text]);
      else leaves.push({ text, start: head.position!.start, ancestors, answer: body });
    }
  };
  visit(list.children, []);
  if (leaves.length === 0) return undefined;
  const toc = inToc || allLinks;
  const questions = leaves.filter((leaf) => isQuestionLike(splitHeading(leaf.text).text)).length;
  if (!toc && questions * 2 < leaves.length) return undefined;
  return { leaves, toc };
}

/** A sub-list that continues an outline (its items read as questions or group further), not an answer's bullets. */
function isOutline(list: List): boolean {
  const texts = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? inlineText(item.children[0]) : ''));
  const questionish = texts.filter((t) => isQuestionLike(splitHeading(t).text)).length;
  const nested = list.children.filter((item) => item.children.some((n) => n.type === 'list')).length;
  const numbered = texts.filter((t) => splitHeading(t).number !== '').length;
  return questionish * 2 >= texts.length || nested * 2 >= texts.length || numbered * 2 >= texts.length || list.children.every((item) => item.children[0]?.type === 'paragraph' && isLinkOnly(item.children[0]));
}

function isLinkOnly(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  const link = only?.type === 'strong' && only.children.length === 1 ? only.children[0] : only;
  if (link?.type === 'link') return link.url.startsWith('#') || /\.(md|markdown)(#.*)?$/i.test(link.url) || !/^[a-z]+:/i.test(link.url);
  return only?.type === 'text' && /^\[\[[^\]]+\]\]$/.test(only.value.trim());
}

function stripAnswerMarker(node: Paragraph, source: string, fragment: (start: number, end: number) => Paragraph): Paragraph {
  const start = node.position!.start.offset!;
  const marker = ANSWER_MARKER_RAW.exec(source.slice(start, node.position!.end.offset!));
  return marker ? fragment(start + marker[0].length, node.position!.end.offset!) : node;
}

/**
 * The same question twice in one note (a question list at the top, repeated before each answer): the copies
 * without an answer are dropped, pointing at the one kept. Two different answers are both kept.
 */
function dropDuplicates(candidates: Candidate[]): void {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.dropped) continue;
    const key = normalizeQuestion(candidate.draft.question);
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const answered = group.filter((c) => c.draft.answerNodes.length > 0 && !isPlaceholder(plainText(c.draft.answerNodes)));
    const kept = answered[0] ?? group[0]!;
    for (const candidate of group) {
      if (candidate === kept || answered.includes(candidate)) continue;
      candidate.dropped = `duplicate of line ${kept.draft.line}`;
    }
  }
}
