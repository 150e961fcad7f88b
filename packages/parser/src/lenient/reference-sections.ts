import type { Paragraph } from 'mdast';
import { inlineText } from '@mianjing/markdown';
import { isReferenceTitle, splitHeading } from '../heading.js';
import { isRelatedTitle, withoutSymbols } from '../question-like.js';
import { collectReferences } from '../references.js';
import { opensQuestion } from './note-shape.js';
import { hasText } from './source.js';
import type { Claim, ReaderView } from './types.js';

/**
 * Reference lists. A `参考`/`References`/`参考文献`… heading (or `推荐阅读`, `相关问题`, `See also`) starts the note's
 * references, up to the next heading of its level or above; its sub-headings (`### 论文`) group the links, unless
 * they are questions. Under a question heading, a deeper such heading, or a `**参考：**` line in its answer, starts
 * that question's own references, which the next question ends. At section level a `**参考：**` line starts the
 * note's references, up to the next heading or question. A thematic break ends any reference list.
 */
export function referenceSections(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (!node) return undefined;
  const region = view.region;
  const current = view.current;
  if (node.type === 'heading') {
    const title = isReferenceHeading(inlineText(node));
    if (title && current && current.scope !== 'block' && node.depth > current.depth) return { take: 1, steps: [{ type: 'region', region: { kind: 'question-references' } }] };
    if (region?.kind === 'references' && node.depth > region.depth && view.shape.headings.get(index)?.form !== 'question') return { take: 1, steps: [] };
    if (title) return { take: 1, steps: [{ type: 'close' }, { type: 'level', depth: node.depth }, { type: 'region', region: { kind: 'references', depth: node.depth } }] };
    if (region?.kind === 'references' || region?.kind === 'question-references') return { take: 0, steps: [{ type: 'region', region: undefined }] };
    return undefined;
  }
  // A thematic break ends a reference list as it ends an answer.
  if (node.type === 'thematicBreak' && (region?.kind === 'references' || region?.kind === 'question-references')) return { take: 0, steps: [{ type: 'region', region: undefined }] };
  if (region?.kind === 'question-references') {
    if (node.type === 'list' || (node.type === 'paragraph' && !opensQuestion(node, view.text, view.shape.dialogue, view.blocks[index + 1]))) {
      return { take: 1, steps: [{ type: 'references', owner: 'question', references: collectReferences(node) }] };
    }
    return { take: 0, steps: [{ type: 'region', region: undefined }] };
  }
  if (region?.kind === 'references') {
    // A question ends a reference list started by a line; under a references heading, only a question written as
    // such (a bold question, a `Q:` line, a `<details>` question) does, since listed titles often end in "?".
    const written = region.depth === 7 || (node.type !== 'list' && node.type !== 'code');
    const asks = written && opensQuestion(node, view.text, view.shape.dialogue, view.blocks[index + 1]);
    if (asks) return { take: 0, steps: [{ type: 'region', region: undefined }] };
    const references = collectReferences(node);
    if (references.length > 0 || !view.text.lines(node).some((line) => hasText(line.text))) return { take: 1, steps: [{ type: 'references', owner: 'note', references }] };
    const { start, end } = node.position!;
    return { take: 1, steps: [{ type: 'outside', start, end, reason: 'text in a reference list that is not a reference' }] };
  }
  if (node.type === 'paragraph' && isReferenceLine(node)) {
    // Depth 7: no heading is deeper, so any heading (or the next question) ends references started by a line.
    return { take: 1, steps: [{ type: 'region', region: current ? { kind: 'question-references' } : { kind: 'references', depth: 7 } }] };
  }
  return undefined;
}

function isReferenceHeading(text: string): boolean {
  const bare = withoutSymbols(splitHeading(text).text);
  return isReferenceTitle(bare) || isRelatedTitle(bare);
}

/** A paragraph that is only a references label (`**参考：**`, `References:`, `推荐阅读：`). */
function isReferenceLine(node: Paragraph): boolean {
  const text = inlineText(node)
    .replace(/\*\*|__/g, '')
    .trim();
  return !text.includes('\n') && (isReferenceTitle(text) || isRelatedTitle(text));
}
