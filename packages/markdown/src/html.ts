import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Element, Root as HastRoot, Text } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import type { Link, Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { limitNesting, limitTables, MAX_NESTING, MAX_TABLE_ROWS, type CutTable } from './guard.js';
import { linkedRecordId } from './links.js';
import { markdownProcessor } from './processor.js';

// GitHub's allow-list, plus the math wrappers and question links. Ids and names must carry the `user-content-`
// prefix remark-rehype gives footnotes, so footnote links keep working and author HTML cannot clobber the page's own
// ids (Anki's `#answer`). Elements whose content must go too are stripped whole rather than unwrapped to text.
const PREFIXED = /^user-content-/;
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // `footnote-label` is the footnote heading's fixed id, which the footnote references point to (aria-describedby).
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'), ['id', PREFIXED, 'footnote-label'], ['name', PREFIXED]],
    span: [['className', 'math-inline', 'question-link']],
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', 'math-display']],
  },
  clobber: [],
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title'],
};

/** How math is shown: MathJax delimiters by default (Anki), or whatever element a renderer such as KaTeX gives. */
export type MathRenderer = (tex: string, display: boolean) => Element;

/** Where a link to another question goes: an href, or undefined to show the link text without a link. */
export type QuestionLinkTarget = (recordId: string) => string | undefined;

export interface RenderOptions {
  math?: MathRenderer;
  questionLink?: QuestionLinkTarget;
  /** Table rows rendered before a table is cut (see limitTables). */
  maxTableRows?: number;
}

/**
 * Markdown rendered to sanitized, highlighted HTML with its images left open: it depends on the Markdown (and the
 * options) alone, so it can be cached; `resolveImages` finishes it. `cut` says what the guards had to limit.
 */
export interface RenderedHtml {
  /** The HTML, each image replaced by NUL, its index, NUL (rendered text has no NUL of its own). */
  html: string;
  /** The images' elements as the Markdown or raw HTML gave them, not yet sanitized. */
  images: Element[];
  cut: { nestedLines: number; tables: CutTable[] };
}

/** A limit a rendering had to apply, named by the parser's rule id for the same limit. */
export interface CutWarning {
  ruleId: 'table-truncated' | 'nesting-too-deep';
  message: string;
}

/** What the guards cut from a rendering, as warnings for the user; `shownOn` names where it is shown ("the card"). */
export function cutWarnings(cut: RenderedHtml['cut'], shownOn: string): CutWarning[] {
  const warnings: CutWarning[] = cut.tables.map((table) => ({
    ruleId: 'table-truncated',
    message: `Unexpected table of ${table.rows} rows, expected at most ${MAX_TABLE_ROWS}: ${shownOn} shows its first ${MAX_TABLE_ROWS}; split the table or link to the full data`,
  }));
  if (cut.nestedLines > 0) {
    warnings.push({
      ruleId: 'nesting-too-deep',
      message: `Unexpected nesting deeper than ${MAX_NESTING} levels on ${cut.nestedLines} line(s), expected at most ${MAX_NESTING}: ${shownOn} shows the deeper lines as text`,
    });
  }
  return warnings;
}

const mathJax: MathRenderer = (tex, display) => ({
  type: 'element',
  tagName: display ? 'div' : 'span',
  properties: { className: [display ? 'math-display' : 'math-inline'] },
  // The TeX stays a text node, so the stringifier escapes it like any text.
  children: [{ type: 'text', value: display ? `\\[${tex}\\]` : `\\(${tex}\\)` }],
});

const parser = markdownProcessor().freeze();
const toHtml = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeHighlight).use(rehypeStringify).freeze();

/** Markdown to sanitized, highlighted HTML through the same guarded parse as the notes. */
export function renderHtml(markdown: string, options: RenderOptions = {}): RenderedHtml {
  const nested = limitNesting(markdown.replaceAll('\u0000', ''));
  const tables = limitTables(nested.text, options.maxTableRows);
  const file = new VFile(tables.text);
  const mdast = parser.runSync(parser.parse(file), file) as MdastRoot;
  if (options.questionLink) rewriteQuestionLinks(mdast, options.questionLink);
  const math = options.math ?? mathJax;
  const handlers: RemarkRehypeOptions['handlers'] = {
    inlineMath: (_state, node: { value: string }) => math(node.value, false),
    math: (_state, node: { value: string }) => math(node.value, true),
  };
  // Raw HTML is parsed (rehype-raw) so harmless tags such as <br> or <sub> survive the sanitizer; rehype-raw
  // re-parses the whole tree, so only Markdown with raw HTML goes through it.
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: true, handlers, footnoteLabel: '脚注', footnoteBackLabel: '返回正文' });
  if (containsHtml(mdast)) toHast.use(rehypeRaw);
  const tree = toHast.runSync(mdast) as HastRoot;
  const images: Element[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    parent.children[index] = { type: 'text', value: `\u0000${images.length}\u0000` };
    images.push({ type: 'element', tagName: 'img', properties: node.properties, children: [] });
  });
  // Highlighting runs after sanitizing: its classes need no allow-listing.
  return { html: toHtml.stringify(toHtml.runSync(tree)), images, cut: { nestedLines: nested.lines.length, tables: tables.tables } };
}

/** Links to other questions go where `target` says, or become their text in a `question-link` span. */
function rewriteQuestionLinks(tree: MdastRoot, target: QuestionLinkTarget): void {
  visit(tree, 'link', (node: Link) => {
    const id = linkedRecordId(node.url);
    if (id === undefined) return;
    const href = target(id);
    if (href !== undefined) node.url = href;
    else node.data = { ...node.data, hName: 'span', hProperties: { className: ['question-link'] } };
  });
}

function containsHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/** Decides what an `<img src>` becomes: a (possibly new) src, or `null` to replace the image by its alt text. */
export type ImageRewriter = (src: string) => string | null;

/**
 * Puts each image back: its src rewritten (or the image replaced by its alt text), then sanitized on its own, which
 * gives what sanitizing it in place would (img has no ancestor rules). An image the sanitizer dropped with its
 * container has no placeholder left and is never rewritten.
 */
export function resolveImages(rendered: Pick<RenderedHtml, 'html' | 'images'>, rewriteImage: ImageRewriter): string {
  if (rendered.images.length === 0) return rendered.html;
  return rendered.html.replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
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
    return node ? hastToHtml(sanitize({ type: 'root', children: [node] } satisfies HastRoot, sanitizeSchema)) : '';
  });
}

/**
 * Identifies this renderer's code: a rendering cached by another version, or by the code before an edit, is never
 * reused (see the Anki exporter's render cache).
 */
export const RENDERER_ID: string = createHash('sha256')
  .update(readFileSync(new URL(import.meta.url)))
  .update(readFileSync(new URL(`./guard${extname(import.meta.url)}`, import.meta.url)))
  .update(readFileSync(new URL(`./display-math${extname(import.meta.url)}`, import.meta.url)))
  .update(readFileSync(new URL(`./processor${extname(import.meta.url)}`, import.meta.url)))
  .update(readFileSync(new URL(`./gfm${extname(import.meta.url)}`, import.meta.url)))
  .digest('hex')
  .slice(0, 16);
