import type { QuestionRecord, Reference } from '@mianjing/schema';
import type { RootContent } from 'mdast';
import { sha256 } from './hash.js';
import { isPlaceholder } from './heading.js';
import { plainText } from './plain-text.js';

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
}

export interface NoteContext {
  path: string;
  /** The note's text, BOM removed: answers are sliced from it so they keep their Markdown as written. */
  source: string;
  tags: string[];
  references: Reference[];
}

/** Turn a draft into a record; a placeholder answer ("Todo") makes it unanswered with `answer: ""`. */
export function toRecord(draft: QuestionDraft, note: NoteContext): QuestionRecord {
  const nodes = draft.answerNodes;
  const first = nodes[0]?.position;
  const last = nodes.at(-1)?.position;
  let answer = first && last ? normalizeMarkdown(note.source.slice(first.start.offset, last.end.offset)) : '';
  let answerText = answer ? plainText(nodes) : '';
  if (isPlaceholder(answerText)) {
    answer = '';
    answerText = '';
  }
  const base = {
    id: draft.id,
    question: draft.question,
    number: draft.number,
    aliases: draft.aliases,
    answerText,
    breadcrumb: draft.breadcrumb,
    tags: unique([...note.tags, ...draft.tags]),
    references: note.references,
    source: { path: note.path, line: draft.line, endLine: answer && last ? last.end.line : draft.line },
    hash: sha256(`${draft.question}\n${answer}`),
  };
  return answer ? { ...base, status: 'answered', answer } : { ...base, status: 'unanswered', answer: '' };
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
