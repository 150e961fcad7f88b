import { texError } from '@mianjing/markdown';
import type { Root } from 'mdast';
import type {} from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { emit, type ParseMode } from './rules.js';

/**
 * Every formula of the note, typeset once by KaTeX as the site does: TeX that cannot be rendered is reported at its
 * place, before a card's MathJax or a page shows it broken.
 */
export function checkMath(tree: Root, file: VFile, mode: ParseMode): void {
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
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
  });
}
