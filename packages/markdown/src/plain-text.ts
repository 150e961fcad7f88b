import type { Nodes, Parents } from 'mdast';
import type {} from 'remark-math';

// Blocks end with a line break; list items and table cells get separators so words never glue together.
const BLOCK = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'math', 'table', 'tableRow', 'thematicBreak', 'html', 'definition', 'footnoteDefinition']);

/** Plain text of mdast nodes: markup dropped, code and TeX kept (math as `$…$` / `$$…$$`). */
export function plainText(nodes: readonly Nodes[]): string {
  const out: string[] = [];
  for (const node of nodes) write(node, out);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function write(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.value.includes('[[') ? unwikilink(node.value) : node.value);
      return;
    case 'inlineCode':
      out.push(node.value);
      return;
    case 'inlineMath':
      out.push(`$${node.value}$`);
      return;
    case 'math':
      out.push(`$$\n${node.value}\n$$\n\n`);
      return;
    case 'code':
      out.push(`${node.value}\n\n`);
      return;
    case 'break':
      out.push('\n');
      return;
    case 'image':
      if (node.alt) out.push(node.alt);
      return;
    case 'html':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return;
    case 'tableCell':
      writeChildren(node, out);
      out.push('\t');
      return;
    case 'tableRow':
      writeChildren(node, out);
      out.push('\n');
      return;
    case 'listItem': {
      // One line per item: the paragraphs inside an item do not get blank lines between items.
      const inner: string[] = [];
      writeChildren(node, inner);
      out.push(`${inner.join('').trim()}\n`);
      return;
    }
    default:
      if ('children' in node) writeChildren(node, out);
      if (BLOCK.has(node.type)) out.push(node.type === 'list' || node.type === 'table' ? '\n' : '\n\n');
  }
}

function writeChildren(node: Parents, out: string[]): void {
  for (const child of node.children) write(child as Nodes, out);
}

/** Plain text of the inline content of one heading or paragraph, on one line. */
export function inlineText(node: Parents): string {
  return plainText(node.children as Nodes[]).replace(/\s*\n\s*/g, ' ');
}

/** Obsidian `[[note#heading|alias]]` reads as its alias (or note, or heading); `![[embed]]` as nothing. */
export function unwikilink(text: string): string {
  return text.replace(/(!?)\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g, (_m, bang: string, target: string, heading?: string, alias?: string) =>
    bang ? '' : (alias ?? (target || heading || '')).trim(),
  );
}
