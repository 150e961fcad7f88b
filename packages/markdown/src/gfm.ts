import type { Nodes, Root } from 'mdast';
import type { Transform } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * GitHub Flavored Markdown for reading, made of the same public parts as remark-gfm (its syntax and its five mdast
 * extensions), with one difference: the literal-link step, which walks the whole tree once per pattern, runs only on
 * the top-level blocks whose text could hold a literal link. The tree is remark-gfm's (gfm.test.ts compares them).
 * It adds nothing for writing Markdown: mianjing only reads it.
 */
export function remarkGfmForReading(this: Processor): void {
  const data = this.data();
  const literalLinks = gfmAutolinkLiteralFromMarkdown();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push([
    { ...literalLinks, transforms: literalLinks.transforms?.map(onBlocksThatMayLink) },
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
}

// Each pattern of the literal-link step (`https://…`, `www.…`, `a@b.co`, `mailto:`, `xmpp:`) needs one of these in a
// text node, and the step changes only such text nodes.
const MAY_LINK = /:\/\/|www\.|@/i;

/** `transform` run on each top-level block whose text could hold a literal link (exported for its test). */
export function onBlocksThatMayLink(transform: Transform): Transform {
  return (tree) => {
    // The step takes any node as its root, and a top-level block has no link above it whose text the step would skip.
    for (const block of tree.children) if (mayLink(block)) transform(block as unknown as Root);
  };
}

function mayLink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_LINK.test(node.value);
  // The step leaves the text of links alone.
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  for (const child of node.children) if (mayLink(child)) return true;
  return false;
}
