import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Extension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

// remark-gfm turns literal links in text (`https://…`, `www.…`, `a@b.co`) into links after every parse by walking
// the whole tree once per pattern, four times in all: 12–20% of a note's parse time (side by side), spent almost all
// on blocks without a single candidate. Each pattern needs `://`, `www.` or `@` in a text node.
const literalLinks = gfmAutolinkLiteralFromMarkdown().transforms![0]!;
const MAY_LINK = /:\/\/|www\.|@/i;

/**
 * Use after remark-gfm: runs its literal-link transform on only the top-level blocks whose text could hold a
 * literal link. The transform reads nothing outside a text node and its ancestors, so the tree is the same.
 */
export function remarkScopedLiteralLinks(this: Processor): void {
  const extensions = (this.data('fromMarkdownExtensions') ?? []) as Array<Extension | Extension[]>;
  let found = 0;
  const scope = (list: Array<Extension | Extension[]>) => {
    list.forEach((extension, index) => {
      if (Array.isArray(extension)) return scope(extension);
      if (!extension.transforms?.includes(literalLinks)) return;
      found++;
      list[index] = { ...extension, transforms: extension.transforms.map((transform) => (transform === literalLinks ? scoped : transform)) };
    });
  };
  scope(extensions);
  if (found !== 1) throw new Error(`remarkScopedLiteralLinks expects remark-gfm's literal-link transform once before it, found it ${found} times`);
}

function scoped(tree: Root): undefined {
  // The transform takes any node as its root; a top-level block has no link or linkReference above it.
  for (const block of tree.children) if (mayLink(block)) literalLinks(block as unknown as Root);
}

function mayLink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_LINK.test(node.value);
  // The transform leaves what is inside links alone.
  if (node.type === 'link' || node.type === 'linkReference') return false;
  return 'children' in node && node.children.some(mayLink);
}
