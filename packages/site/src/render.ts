import type { Element } from 'hast';
import { renderTex } from '@mianjing/markdown';
import { cutWarnings, renderHtml, resolveImages, type MathRenderer } from '@mianjing/markdown/html';
import { esc } from './escape.js';
import type { ImageStore } from './images.js';

/** Reports a content problem of the record being rendered. */
export type Warn = (ruleId: string, message: string) => void;

/**
 * Rendered HTML whose links to other site files are still relative to the site root: `at(prefix)` gives it as
 * seen from a page (`../../` for `q/cnn/x.html`, `''` for a page at the root).
 */
export class RootedHtml {
  constructor(
    readonly html: string,
    readonly mark: string,
    readonly math: readonly string[],
  ) {}

  at(prefix: string): string {
    if (this.mark === '') return this.html;
    // Link destinations come back percent-encoded (remark-rehype normalizes URLs), image sources as they were.
    const mark = `(?:${this.mark}|${encodeURIComponent(this.mark)})`;
    const marks = new RegExp(`${mark}(?:r|m(\\d+))${mark}`, 'g');
    return this.html.replace(marks, (_, slot?: string) => (slot === undefined ? prefix : this.math[Number(slot)]!));
  }
}

export interface RenderContext {
  /** Path (from the site root) of a record's page, or undefined to show the link's text. */
  questionTarget: (id: string) => string | undefined;
  images: ImageStore;
}

/**
 * A record's Markdown (answer or summary) through `@mianjing/markdown`'s sanitizing renderer, with math typeset by
 * KaTeX, links between questions sent to their pages and images copied into the site.
 *
 * The sanitizer keeps only `span.math-inline` / `div.math-display` of the math element, so the element carries a
 * placeholder and the KaTeX HTML (made here, from TeX with `trust: false`) takes its place afterwards. The
 * placeholder and the root mark of links use a private-use character the Markdown does not contain.
 */
export function renderMarkdown(markdown: string, notePath: string, context: RenderContext, warn: Warn): RootedHtml {
  const mark = unusedCharacter(markdown);
  const math: string[] = [];
  const renderMath: MathRenderer = (tex, display) => {
    math.push(typeset(tex, display, warn));
    return placeholder(display, `${mark}m${math.length - 1}${mark}`);
  };
  const rendered = renderHtml(markdown, {
    math: renderMath,
    questionLink: (id) => {
      const target = context.questionTarget(id);
      return target === undefined ? undefined : `${mark}r${mark}${target}`;
    },
  });
  for (const warning of cutWarnings(rendered.cut, 'the page')) warn(warning.ruleId, warning.message);
  const html = resolveImages(rendered, (src) => {
    const placed = context.images.place(notePath, src);
    if ('path' in placed) return `${mark}r${mark}${placed.path}`;
    warn(placed.ruleId, placed.message);
    return null;
  });
  return new RootedHtml(scrollable(html), mark, math);
}

/**
 * A question (plain text that keeps its math as `$…$`) as HTML: the text escaped, the math typeset.
 */
export function renderQuestion(question: string, warn: Warn): string {
  let out = '';
  let last = 0;
  for (const match of question.matchAll(/\$([^$\n]+)\$/g)) {
    out += esc(question.slice(last, match.index)) + typeset(match[1]!, false, warn);
    last = match.index + match[0].length;
  }
  return out + esc(question.slice(last));
}

function typeset(tex: string, display: boolean, warn: Warn): string {
  const result = renderTex(tex, display);
  if ('html' in result) return result.html;
  warn('math-error', `Cannot typeset \`${tex}\`: ${result.error}; showing the TeX`);
  return `<code class="math-error">${esc(display ? `$$${tex}$$` : `$${tex}$`)}</code>`;
}

function placeholder(display: boolean, text: string): Element {
  return {
    type: 'element',
    tagName: display ? 'div' : 'span',
    properties: { className: [display ? 'math-display' : 'math-inline'] },
    children: [{ type: 'text', value: text }],
  };
}

// Wide tables, code and formulas scroll inside their box on a phone; a scrolling box must take the keyboard focus
// to be scrolled without a mouse.
function scrollable(html: string): string {
  return html
    .replace(/<table\b[^>]*>/g, (tag) => `<div class="scroll" tabindex="0" role="region" aria-label="表格">${tag}`)
    .replace(/<\/table>/g, '</table></div>')
    .replace(/<pre>/g, '<pre tabindex="0">')
    .replace(/<div class="math-display">/g, '<div class="math-display" tabindex="0">');
}

/** A private-use character that does not occur in `text`. */
export function unusedCharacter(text: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) return c;
  }
  throw new Error('Every private-use character occurs in the text');
}
