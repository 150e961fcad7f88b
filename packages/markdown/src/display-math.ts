import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math as DisplayMath } from 'mdast-util-math';
import type { VFile } from 'vfile';

/**
 * `$$x$$` alone on its line is display math, as authors mean it and as other renderers show it; remark-math reads
 * it as inline math inside the paragraph around it (it only knows `$$` fences on lines of their own). Such math
 * is taken out of its paragraph, which is split around it.
 */
export function remarkDisplayMathLines() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const visit = (parent: { children: RootContent[] }) => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index]!;
        if (node.type === 'paragraph') {
          const parts = splitParagraph(node, source);
          if (parts) {
            parent.children.splice(index, 1, ...parts);
            index += parts.length - 1;
          }
        } else if ('children' in node && node.type !== 'table') visit(node as { children: RootContent[] });
      }
    };
    visit(tree);
  };
}

function splitParagraph(paragraph: Paragraph, source: string): RootContent[] | undefined {
  const children = paragraph.children;
  if (!children.some((child, i) => isDisplayLine(child, children[i - 1], children[i + 1], source))) return undefined;
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const kept = trimRun(run);
    if (kept.length > 0) out.push({ type: 'paragraph', children: kept, position: { start: kept[0]!.position!.start, end: kept.at(-1)!.position!.end } });
    run = [];
  };
  children.forEach((child, i) => {
    if (child.type === 'inlineMath' && isDisplayLine(child, children[i - 1], children[i + 1], source)) {
      flush();
      out.push({ type: 'math', value: child.value, meta: null, position: child.position } satisfies DisplayMath);
    } else run.push(child);
  });
  flush();
  return out;
}

/** Inline math written with `$$` that has only a line break (or nothing) on either side within its paragraph. */
function isDisplayLine(node: PhrasingContent, before: PhrasingContent | undefined, after: PhrasingContent | undefined, source: string): node is InlineMath {
  if (node.type !== 'inlineMath') return false;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !source.startsWith('$$', start) || source.slice(end - 2, end) !== '$$') return false;
  const endsLine = (n: PhrasingContent | undefined) => !n || n.type === 'break' || (n.type === 'text' && /\n[ \t]*$/.test(n.value));
  const startsLine = (n: PhrasingContent | undefined) => !n || n.type === 'break' || (n.type === 'text' && /^[ \t]*\n/.test(n.value));
  return endsLine(before) && startsLine(after);
}

/** A run of inline nodes without the line breaks that separated it from the math. */
function trimRun(run: PhrasingContent[]): PhrasingContent[] {
  const nodes = [...run];
  while (nodes.length > 0 && isBlank(nodes[0]!)) nodes.shift();
  while (nodes.length > 0 && isBlank(nodes.at(-1)!)) nodes.pop();
  if (nodes[0]?.type === 'text') nodes[0] = trimText(nodes[0], 'start');
  const last = nodes.at(-1);
  if (last?.type === 'text') nodes[nodes.length - 1] = trimText(last, 'end');
  return nodes;
}

const isBlank = (node: PhrasingContent) => node.type === 'break' || (node.type === 'text' && node.value.trim() === '');

function trimText(node: Text, side: 'start' | 'end'): Text {
  const value = side === 'start' ? node.value.replace(/^\s+/, '') : node.value.replace(/\s+$/, '');
  const cut = node.value.length - value.length;
  if (cut === 0 || !node.position) return { ...node, value };
  const { start, end } = node.position;
  const removed = side === 'start' ? node.value.slice(0, cut) : node.value.slice(value.length);
  const breaks = removed.split('\n').length - 1;
  if (side === 'start') {
    const column = breaks > 0 ? cut - removed.lastIndexOf('\n') : start.column + cut;
    return { ...node, value, position: { start: { line: start.line + breaks, column, offset: (start.offset ?? 0) + cut }, end } };
  }
  const lastLine = value.slice(value.lastIndexOf('\n') + 1);
  const column = value.includes('\n') ? lastLine.length + 1 : start.column + value.length;
  return { ...node, value, position: { start, end: { line: end.line - breaks, column, offset: (end.offset ?? 0) - cut } } };
}
