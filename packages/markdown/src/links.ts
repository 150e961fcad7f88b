import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { markdownProcessor } from './processor.js';

/** A question id inside a note: lower-case ASCII words joined by `-`. */
export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const RECORD_LINK = /^#([a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+)$/;

/**
 * The record a link points at, when its destination is `#<record id>` (`#training/bn-principle`): how links
 * between questions are written in the dataset's answers and summaries.
 */
export function linkedRecordId(url: string): string | undefined {
  return RECORD_LINK.exec(url)?.[1];
}

/**
 * Markdown with every link to another question replaced by `replace(recordId, linkText)` (the link text as written,
 * `""` for `[](#id)`), for outputs where the link cannot be followed. Links are found by parsing, so text in code
 * that looks like a link is left alone.
 */
export function replaceQuestionLinks(markdown: string, replace: (recordId: string, text: string) => string): string {
  if (!markdown.includes('](#')) return markdown;
  const file = new VFile(markdown);
  const tree = parser.runSync(parser.parse(file), file) as Root;
  const found: Array<{ start: number; end: number; text: string }> = [];
  visit(tree, 'link', (node: Link) => {
    const id = linkedRecordId(node.url);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (id === undefined || start === undefined || end === undefined) return;
    const first = node.children[0]?.position?.start.offset;
    const last = node.children.at(-1)?.position?.end.offset;
    found.push({ start, end, text: replace(id, first === undefined || last === undefined ? '' : markdown.slice(first, last)) });
  });
  let out = '';
  let at = 0;
  for (const link of found) {
    out += markdown.slice(at, link.start) + link.text;
    at = link.end;
  }
  return out + markdown.slice(at);
}

const parser = markdownProcessor().freeze();
