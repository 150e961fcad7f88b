import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Element, Root, Text } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { sha256 } from '../hash.js';

/** Decides what an `<img src>` becomes: a (possibly new) src, or `null` to replace the image by its alt text. */
export type ImageRewriter = (src: string) => string | null;

const mathElement = (tagName: 'span' | 'div', className: string, text: string): Element => ({
  type: 'element',
  tagName,
  properties: { className: [className] },
  children: [{ type: 'text', value: text }],
});

// Anki and AnkiDroid typeset MathJax's \(…\) and \[…\]. The TeX stays a text node, so the
// stringifier escapes it like any text; remark-math never parses math inside code.
const handlers: RemarkRehypeOptions['handlers'] = {
  inlineMath: (_state, node: { value: string }) => mathElement('span', 'math-inline', `\\(${node.value}\\)`),
  math: (_state, node: { value: string }) => mathElement('div', 'math-display', `\\[${node.value}\\]`),
};

// GitHub's allow-list, plus the math wrappers. Ids and names must carry the `user-content-` prefix
// remark-rehype gives footnotes, so footnote links keep working and author HTML cannot clobber the
// card's own ids (Anki's `#answer`). Elements whose content must go too are stripped whole rather
// than unwrapped to text.
const PREFIXED = /^user-content-/;
const schema: SanitizeSchema = {
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

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true, handlers, footnoteLabel: '脚注', footnoteBackLabel: '返回正文' })
  .freeze();
// Raw HTML in answers is parsed (rehype-raw) so harmless tags such as <br> or <sub> survive the
// sanitizer. rehype-raw re-parses the whole tree with an HTML parser, so only answers with raw
// HTML go through it. Highlighting runs after sanitizing: its classes need no allow-listing.
const toHastWithRaw = toHast().use(rehypeRaw).freeze();
const toHtml = unified().use(rehypeSanitize, schema).use(rehypeHighlight).use(rehypeStringify).freeze();

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

// What a rendering depends on besides the Markdown: this package's version and this module's code,
// so a cache filled by another version, or by the code before an edit, is never read.
let renderer: string | undefined;

/** The cache key of an answer's rendering. */
export function renderKey(markdown: string): string {
  if (renderer === undefined) {
    const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
    renderer = `${version}:${sha256(readFileSync(new URL(import.meta.url)))}`;
  }
  return sha256(`${renderer}\u0000${markdown}`, 'base64url');
}

/** Markdown to sanitized, highlighted HTML for an Anki field, images still open: the expensive part. */
export function renderAnswer(markdown: string): RenderedAnswer {
  const mdast = parser.runSync(parser.parse(markdown)) as MdastRoot;
  const tree = (containsHtml(mdast) ? toHastWithRaw : toHast).runSync(mdast);
  const images: Element[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    parent.children[index] = { type: 'text', value: `\u0000${images.length}\u0000` };
    images.push({ type: 'element', tagName: 'img', properties: node.properties, children: [] });
  });
  return { html: escapeTemplateSyntax(toHtml.stringify(toHtml.runSync(tree))), images };
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
    // What the pipeline below does to an image, without its per-run cost (highlighting has nothing to do here).
    return hastToHtml(sanitize({ type: 'root', children: [node] } satisfies Root, schema));
  });
  // Again as a whole (escaping twice changes nothing): braces on both sides of an image's alt
  // text must not meet as `{{`.
  return escapeTemplateSyntax(html);
}

function containsHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
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
function escapeTemplateSyntax(html: string): string {
  return html.replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;');
}
