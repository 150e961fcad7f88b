import { createRequire } from 'node:module';
import { RENDERER_ID, renderHtml, type RenderedHtml } from '@mianjing/markdown/html';
import { sha256 } from '../hash.js';
import { cleanText } from '../text.js';

/** An answer or summary rendered for a card, images still open (see resolveImages), as the render cache keeps it. */
export type RenderedAnswer = Pick<RenderedHtml, 'html' | 'images' | 'cut'>;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The cache key of a Markdown text's rendering: the text and the code that renders it. */
export function renderKey(markdown: string): string {
  return sha256(`${version}:${RENDERER_ID}\u0000${markdown}`, 'base64url');
}

/** Markdown to a card's HTML: links to other questions become their text (a card cannot follow them). */
export function renderForCard(markdown: string): RenderedHtml {
  const rendered = renderHtml(cleanText(markdown), { questionLink: () => undefined });
  return { ...rendered, html: escapeTemplateSyntax(rendered.html) };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML for an Anki field. */
export function textToHtml(text: string): string {
  // Most text (ids, questions, paths) has nothing to escape: one scan says so.
  if (!/[&<>"{}]/.test(text)) return text;
  return escapeTemplateSyntax(text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c));
}

// Anki reads `{{…}}` (fields, cloze deletions) in what it renders; entities display the same braces without being
// syntax.
export function escapeTemplateSyntax(html: string): string {
  return html.replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;');
}
