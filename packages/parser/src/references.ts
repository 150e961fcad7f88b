import type { Reference } from '@mianjing/schema';
import type { Link, Nodes, RootContent } from 'mdast';
import { inlineText } from '@mianjing/markdown';

/** The links or citations of a reference section: one per list item or paragraph. */
export function collectReferences(node: RootContent): Reference[] {
  if (node.type === 'list') return node.children.flatMap((item) => item.children.flatMap(collectReferences));
  if (node.type !== 'paragraph') return [];
  const text = inlineText(node)
    .replace(/^\d+[.、)]\s*/, '')
    .trim();
  if (!text) return [];
  return [{ title: text, url: findLink(node)?.url ?? findHref(node) ?? '' }];
}

/** `<a href="…">` written as raw HTML, as notes exported from blogs do. */
function findHref(node: Nodes): string | undefined {
  if (node.type === 'html') return /<a\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(node.value)?.[1];
  if ('children' in node) {
    for (const child of node.children) {
      const found = findHref(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}

function findLink(node: Nodes): Link | undefined {
  if (node.type === 'link') return node;
  if ('children' in node) {
    for (const child of node.children) {
      const found = findLink(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}
