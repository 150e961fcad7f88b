// Markdown to the sanitized, highlighted HTML of an Anki field: the expensive part of an export, and the slowest
// module of the exporters to load (remark, rehype and highlight.js's grammars), so exportAnki imports it only when
// an answer is missing from the render cache.
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { escapeTemplateSyntax, schema, type RenderedAnswer } from './html.js';

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

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true, handlers, footnoteLabel: '脚注', footnoteBackLabel: '返回正文' })
  .freeze();
// Raw HTML in answers is parsed (rehype-raw) so harmless tags such as <br> or <sub> survive the
// sanitizer. rehype-raw re-parses the whole tree with an HTML parser, so only answers with raw
// HTML go through it. Highlighting runs after sanitizing: its classes need no allow-listing.
const toHastWithRaw = toHast().use(rehypeRaw).freeze();
const toHtml = unified().use(rehypeSanitize, schema).use(rehypeHighlight).use(rehypeStringify).freeze();

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

function containsHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}
