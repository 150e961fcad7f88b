import type { Element, Root } from 'hast';
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

/** Markdown to sanitized HTML for an Anki field, images passed through `rewriteImage`. */
export function markdownToHtml(markdown: string, rewriteImage: ImageRewriter): string {
  const mdast = parser.runSync(parser.parse(markdown)) as MdastRoot;
  const tree = (containsHtml(mdast) ? toHastWithRaw : toHast).runSync(mdast);
  rewriteImages(tree, rewriteImage);
  return escapeTemplateSyntax(toHtml.stringify(toHtml.runSync(tree)));
}

function containsHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

function rewriteImages(tree: Root, rewriteImage: ImageRewriter): void {
  visit(tree, 'element', (node, index, parent) => {
    const src = node.properties['src'];
    if (node.tagName !== 'img' || typeof src !== 'string' || !parent || index === undefined) return;
    const rewritten = rewriteImage(src);
    if (rewritten !== null) {
      node.properties['src'] = rewritten;
      return;
    }
    const alt = node.properties['alt'];
    parent.children.splice(index, 1, ...(typeof alt === 'string' && alt ? [{ type: 'text' as const, value: alt }] : []));
    return index;
  });
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML for an Anki field. */
export function textToHtml(text: string): string {
  return escapeTemplateSyntax(text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c));
}

// Anki reads `{{…}}` (fields, cloze deletions) in what it renders; entities display the same
// braces without being syntax.
function escapeTemplateSyntax(html: string): string {
  return html.replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;');
}
