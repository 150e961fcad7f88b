import type { Nodes } from 'mdast';

// Words that point the reader somewhere else in the note, which a record read on its own (an Anki card, a training
// example, a search hit) cannot follow: the previous or next question, a numbered question or part, "this note".
const POINTERS = [
  /(?:见|参见|参考|同)?(?:上|下|前|后)一题|见(?:上|下)题/g,
  /(?:见|参见|详见|按|参考|同)\s*第?\s*[1-9]\d*(?:\.\d+)+(?![\d%倍×x])/g,
  /(?:见|参见|详见|参考)\s*第\s*[一二三四五六七八九十百\d]+\s*(?:部分|节|章|题|问)/g,
  /本(?:篇)?笔记/g,
  /(?:见|如|参见)(?:上|前)文|(?:前|上)文所述/g,
];
// "同上" (as above) only points elsewhere outside a table, where it means the row above.
const SAME_AS_ABOVE = /同上/g;

/** A prose pointer found in an answer: the words and where they start in the note. */
export interface ProsePointer {
  text: string;
  offset: number;
}

/** Prose pointers in the text of `nodes` (code, math and link destinations are not prose). */
export function findProsePointers(nodes: readonly Nodes[]): ProsePointer[] {
  const found: ProsePointer[] = [];
  const visit = (node: Nodes, inTable: boolean) => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      if (start === undefined) return;
      for (const pattern of inTable ? POINTERS : [...POINTERS, SAME_AS_ABOVE]) {
        // Offsets inside a text node match the source only where nothing was escaped before the match.
        for (const match of node.value.matchAll(pattern)) found.push({ text: match[0], offset: start + match.index });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, inTable || node.type === 'table');
  };
  for (const node of nodes) visit(node, false);
  return found.sort((a, b) => a.offset - b.offset);
}
