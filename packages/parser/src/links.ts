import { linkedRecordId, QUESTION_ID } from '@mianjing/markdown';
import type { Link, Nodes } from 'mdast';

/** A link to another question, found in an answer or a summary. */
export interface QuestionLink {
  /** The record id it points to. */
  target: string;
  node: Link;
  /** Offsets in the note of the destination as written (`#bn-principle`), to rewrite it to `#training/bn-principle`. */
  start: number;
  end: number;
}

/**
 * Links to other questions under `nodes`. `#x` is a question of this note when `x` is one of `sameNote`'s ids (in
 * canonical notes, any `#id`: a wrong one is reported by the build); `#note/x` names a record of any note.
 * Other fragment links (`#some-heading`) are left alone.
 */
export function findQuestionLinks(nodes: readonly Nodes[], source: string, noteId: string, sameNote: ReadonlySet<string> | 'any'): QuestionLink[] {
  const found: QuestionLink[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') {
      const target = linkTarget(node.url, noteId, sameNote);
      const where = target && destination(node, source);
      if (target && where) found.push({ target, node, ...where });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of nodes) visit(node);
  return found;
}

/** `#note-id/question-id` names any record; `#question-id` a question of the same note. */
function linkTarget(url: string, noteId: string, sameNote: ReadonlySet<string> | 'any'): string | undefined {
  const record = linkedRecordId(url);
  if (record) return record;
  const local = url.slice(1);
  if (url.startsWith('#') && QUESTION_ID.test(local) && (sameNote === 'any' || sameNote.has(local))) return `${noteId}/${local}`;
  return undefined;
}

/** The destination's offsets: the first occurrence of the URL after the link text's closing `](`. */
function destination(link: Link, source: string): { start: number; end: number } | undefined {
  const start = link.position?.start.offset;
  const end = link.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const textEnd = link.children.at(-1)?.position?.end.offset ?? start + 1;
  const at = source.indexOf(link.url, source.indexOf('](', textEnd));
  return at === -1 || at >= end ? undefined : { start: at, end: at + link.url.length };
}

/** A link in a canonical note that looks meant for a question but names none (`#Bad_Id`). */
export function isMalformedQuestionLink(url: string): boolean {
  return url.startsWith('#') && !QUESTION_ID.test(url.slice(1)) && linkedRecordId(url) === undefined;
}
