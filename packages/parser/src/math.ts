import { texError } from '@mianjing/markdown';
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-math';
import type { VFile } from 'vfile';
import { emit, type ParseMode } from './rules.js';

/**
 * Every formula of the note, typeset once by KaTeX as the site does: TeX that cannot be rendered is reported at its
 * place, before a card's MathJax or a page shows it broken.
 */
export function checkMath(tree: Root, file: VFile, mode: ParseMode): void {
  // A plain walk in document order: every node of every note passes here, and it needs none of unist-util-visit's
  // bookkeeping (ancestors, skipping, exiting).
  const walk = (node: Nodes) => {
    if (node.type === 'math' || node.type === 'inlineMath') {
      const error = texError(node.value, node.type === 'math');
      if (error !== undefined) {
        emit(
          file,
          mode,
          'invalid-math',
          `Unexpected TeX that KaTeX cannot render (${error.replace(/^KaTeX parse error: /, '').replace(/ at position \d+:[\s\S]*$/, '')}), expected a formula KaTeX supports`,
          node.position,
        );
      }
    } else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}
