import type { QuestionRecord, Reference } from '@mianjing/schema';
import type { RootContent } from 'mdast';
import { sha256 } from './hash.js';
import { isPlaceholder } from './heading.js';
import { detectLanguage } from './language.js';
import { findQuestionLinks, type QuestionLink } from './links.js';
import { inlineText, plainText } from '@mianjing/markdown';
import type { ParseMode } from './rules.js';
import { isPointerOnly } from './question-like.js';
import { findSummary } from './summary.js';

/** What an extractor found for one question, before it becomes a record. */
export interface QuestionDraft {
  id: string;
  question: string;
  number: string;
  aliases: string[];
  tags: string[];
  breadcrumb: string[];
  line: number;
  /** The nodes of the answer, in order; empty when the question has none. */
  answerNodes: RootContent[];
  /** The question's own references (a `#### 参考` list at the end of its answer). */
  references: Reference[];
}

export interface NoteContext {
  noteId: string;
  path: string;
  mode: ParseMode;
  /** The note's text, BOM removed: answers are sliced from it so they keep their Markdown as written. */
  source: string;
  tags: string[];
  /** References that apply to the whole note. */
  references: Reference[];
  /** The language the note or its folder declares; without one, each record's is detected. */
  language: string | undefined;
}

/** A record and what the checks after extraction need to know about how it was written. */
export interface BuiltRecord {
  record: QuestionRecord;
  /** Links to other questions, in the summary and the answer. */
  links: QuestionLink[];
  /** The answer's nodes after the summary paragraph. */
  answerNodes: RootContent[];
  summaryNodes: RootContent[];
}

/**
 * Turn a draft into a record: a leading `**结论**：` paragraph becomes the summary, links to other questions are
 * rewritten to `#<record id>` and listed in `related`, and a placeholder answer ("Todo") makes the record unanswered, as
 * does, in lenient notes, an answer that is only a link to an answer elsewhere (`具体可参考：<url>`).
 * `questionIds` are the ids of the note's questions, which `#id` links may point at (in canonical notes: any id).
 */
export function toRecord(draft: QuestionDraft, note: NoteContext, questionIds: ReadonlySet<string> | 'any'): BuiltRecord {
  const { source } = note;
  const nodes = draft.answerNodes;
  const nodesText = plainText(nodes);
  const placeholder = nodes.length > 0 && (isPlaceholder(nodesText) || (note.mode === 'lenient' && isPointerOnly(sourceOf(nodes, source))));
  const summaryPlace = placeholder ? undefined : findSummary(nodes, source, note.mode === 'lenient');
  const answerNodes = placeholder ? [] : summaryPlace ? nodes.slice(1) : nodes;
  const summaryNodes: RootContent[] = summaryPlace ? [summaryPlace.paragraph] : [];

  const summaryLinks = findQuestionLinks(summaryNodes, source, note.noteId, questionIds).filter((link) => link.start >= summaryPlace!.start);
  const answerLinks = findQuestionLinks(answerNodes, source, note.noteId, questionIds);
  const summary = summaryPlace ? normalizeMarkdown(rewriteLinks(source, summaryPlace.start, summaryPlace.paragraph.position!.end.offset!, summaryLinks)) : undefined;
  const first = answerNodes[0]?.position;
  const last = answerNodes.at(-1)?.position;
  const answer = first && last ? normalizeMarkdown(rewriteLinks(source, first.start.offset!, last.end.offset!, answerLinks)) : '';
  // Without a summary the answer is every node, whose plain text is already read.
  const answerText = !answer ? '' : answerNodes === nodes ? nodesText : plainText(answerNodes);
  const links = [...summaryLinks, ...answerLinks];
  const related = unique(links.map((link) => link.target)).filter((id) => id !== draft.id);
  const references = answer ? draft.references : [];
  const summaryText = summaryPlace ? inlineText({ type: 'paragraph', children: summaryPlace.paragraph.children }) : '';
  const { id, question, number, aliases, breadcrumb } = draft;
  const lang = note.language ?? detectLanguage(`${question}\n${summaryText}\n${answerText.slice(0, 4000)}`);
  const tags = unique([...note.tags, ...draft.tags]);
  const location = { path: note.path, line: draft.line, endLine: answer && last ? last.end.line : draft.line };
  const hash = recordHash(question, summary, answer, related, references);
  // Keys in schema order (records serialize in reading order); literals rather than spreads give every record the
  // same few shapes, which every later pass over the records reads faster.
  const record: QuestionRecord = !answer
    ? { id, question, number, aliases, lang, status: 'unanswered', answer: '', answerText, related, breadcrumb, tags, references, source: location, hash }
    : summary === undefined
      ? { id, question, number, aliases, lang, status: 'answered', answer, answerText, related, breadcrumb, tags, references, source: location, hash }
      : { id, question, number, aliases, lang, status: 'answered', summary, answer, answerText, related, breadcrumb, tags, references, source: location, hash };
  return { record, links, answerNodes, summaryNodes };
}

/** The text of answer nodes as written. */
function sourceOf(nodes: readonly RootContent[], source: string): string {
  return source.slice(nodes[0]!.position!.start.offset!, nodes.at(-1)!.position!.end.offset!);
}

/** The hash of what is rendered from a record, so any visible change changes it. */
export function recordHash(question: string, summary: string | undefined, answer: string, related: readonly string[], references: readonly Reference[]): string {
  return sha256(JSON.stringify([question, summary ?? '', answer, related, references.map((r) => [r.title, r.url])]));
}

/** The text between two offsets, each question link's destination replaced by `#<record id>`. */
function rewriteLinks(source: string, start: number, end: number, links: readonly QuestionLink[]): string {
  let text = '';
  let at = start;
  for (const link of links) {
    if (link.start < at || link.end > end) continue;
    text += `${source.slice(at, link.start)}#${link.target}`;
    at = link.end;
  }
  return text + source.slice(at, end);
}

/** LF line endings, no trailing blanks at either end: the same answer gives the same bytes on every OS. */
export function normalizeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Questions compare equal without spaces, case, width and trailing punctuation. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s?？。.!！:：]+/g, '');
}
