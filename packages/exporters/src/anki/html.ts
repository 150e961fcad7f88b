import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Element, Root, Text } from 'hast';
import { defaultSchema, sanitize, type Schema as SanitizeSchema } from 'hast-util-sanitize';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { sha256 } from '../hash.js';

/** Decides what an `<img src>` becomes: a (possibly new) src, or `null` to replace the image by its alt text. */
export type ImageRewriter = (src: string) => string | null;

// GitHub's allow-list, plus the math wrappers. Ids and names must carry the `user-content-` prefix
// remark-rehype gives footnotes, so footnote links keep working and author HTML cannot clobber the
// card's own ids (Anki's `#answer`). Elements whose content must go too are stripped whole rather
// than unwrapped to text.
const PREFIXED = /^user-content-/;
export const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'),
      ['id', PREFIXED],
      ['name', PREFIXED],
    ],
    span: [['className', 'math-inline']],
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', 'math-display']],
  },
  clobber: [],
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title'],
};

/**
 * An answer rendered to sanitized, highlighted HTML with its images left open. It depends on the
 * Markdown alone, so it can be cached by the Markdown's hash; `resolveImages` finishes it.
 */
export interface RenderedAnswer {
  /** The HTML, each image replaced by NUL, its index, NUL (answers have no NUL: see cleanText). */
  html: string;
  /** The images' elements as the Markdown or raw HTML gave them, not yet sanitized. */
  images: Element[];
}

// What a rendering depends on besides the Markdown: this package's version and the renderer's code (render.ts,
// and this module, whose schema and escaping it uses), so a cache filled by another version, or by the code before
// an edit, is never read.
let renderer: string | undefined;

/** The cache key of an answer's rendering. */
export function renderKey(markdown: string): string {
  if (renderer === undefined) {
    const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
    // The renderer's module beside this one: compiled (.js), or the source (.ts) when tests run it.
    const renderModule = new URL(`./render${extname(import.meta.url)}`, import.meta.url);
    renderer = `${version}:${sha256(Buffer.concat([readFileSync(new URL(import.meta.url)), readFileSync(renderModule)]))}`;
  }
  return sha256(`${renderer}\u0000${markdown}`, 'base64url');
}

/**
 * Puts each image back: its src rewritten (or the image replaced by its alt text), then sanitized
 * on its own, which gives what sanitizing it in place would (img has no ancestor rules). An image
 * the sanitizer dropped with its container has no placeholder left and is never rewritten.
 */
export function resolveImages(rendered: RenderedAnswer, rewriteImage: ImageRewriter): string {
  if (rendered.images.length === 0) return rendered.html;
  const html = rendered.html.replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
    const image = rendered.images[Number(index)]!;
    const src = image.properties['src'];
    let node: Element | Text | undefined = { ...image, properties: { ...image.properties } };
    if (typeof src === 'string') {
      const rewritten = rewriteImage(src);
      if (rewritten !== null) node.properties['src'] = rewritten;
      else {
        const alt = image.properties['alt'];
        node = typeof alt === 'string' && alt ? { type: 'text', value: alt } : undefined;
      }
    }
    if (!node) return '';
    // What render.ts's pipeline does to an image, without its per-run cost (highlighting has nothing to do here).
    return hastToHtml(sanitize({ type: 'root', children: [node] } satisfies Root, schema));
  });
  // Again as a whole (escaping twice changes nothing): braces on both sides of an image's alt
  // text must not meet as `{{`.
  return escapeTemplateSyntax(html);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML for an Anki field. */
export function textToHtml(text: string): string {
  // Most text (ids, questions, paths) has nothing to escape: one scan says so.
  if (!/[&<>"{}]/.test(text)) return text;
  return escapeTemplateSyntax(text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c));
}

// Anki reads `{{…}}` (fields, cloze deletions) in what it renders; entities display the same
// braces without being syntax.
export function escapeTemplateSyntax(html: string): string {
  return html.replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;');
}
