import { TAG_LINE, TOC_MARKER } from '../question-like.js';
import { stripTags } from './inline.js';
import type { Claim, ReaderView } from './types.js';

/**
 * Blocks that carry no text of their own: a thematic break (`---`), which ends the open question's answer (the
 * text after it is not part of it), and, outside answers, HTML comments, layout tags (`<div>`, `<br>`) and link
 * definitions. A renderer's `[TOC]` marker is skipped wherever it is.
 */
export function markup(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (!node) return undefined;
  if (node.type === 'thematicBreak') return { take: 1, steps: view.current?.scope === 'labelled' ? [] : [{ type: 'close' }] };
  if (node.type === 'paragraph' && TOC_MARKER.test(view.text.of(node).trim())) return { take: 1, steps: [] };
  if (view.current) return undefined;
  if (node.type === 'definition') return { take: 1, steps: [] };
  if (node.type === 'html' && !stripTags(node.value.replace(/<!--[\s\S]*?-->/g, ''))) return { take: 1, steps: [] };
  return undefined;
}

/** Obsidian tags (`#面经 #NLP/Transformer` alone on their lines, even in bold) add to the note's tags. */
export function tagLines(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'paragraph' || (view.current && view.current.scope !== 'block')) return undefined;
  const lines = view.text.lines(node).map((line) => line.text.replace(/\*\*|__/g, '').trim());
  if (!lines.every((line) => TAG_LINE.test(line))) return undefined;
  return { take: 1, steps: [{ type: 'tags', tags: lines.flatMap((line) => line.split(/\s+/).map((tag) => tag.slice(1))) }] };
}

/** `<!-- TOC -->` … `<!-- /TOC -->`: the lists between them are a table of contents. */
export function tocRegion(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'html') return undefined;
  if (/<!--\s*\/toc\s*-->/i.test(node.value)) return { take: 1, steps: [{ type: 'region', region: undefined }] };
  if (/<!--\s*toc\s*-->/i.test(node.value)) return { take: 1, steps: [{ type: 'region', region: { kind: 'toc' } }] };
  return undefined;
}

/** Whatever no other recognizer claims: part of the open question's answer, or text outside any question. */
export function answer(view: ReaderView, index: number): Claim {
  const node = view.blocks[index]!;
  if (view.current) return { take: 1, steps: [{ type: 'answer', nodes: [node] }] };
  const { start, end } = node.position!;
  return { take: 1, steps: [{ type: 'outside', start, end, reason: 'text outside any question' }] };
}
