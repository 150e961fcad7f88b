import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Link, Nodes, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkDisplayMathLines } from './display-math.js';
import { onBlocksThatMayLink } from './gfm.js';
import { markdownProcessor } from './processor.js';

// The same pipeline with remark-gfm as published: the trees must be equal, positions included.
const withRemarkGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).use(remarkCjkFriendly).use(remarkDisplayMathLines).freeze();
const ours = markdownProcessor({ frontMatter: true }).freeze();

const ROOT = new URL('../../../', import.meta.url).pathname;

function notes(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

function links(node: Nodes): Link[] {
  if (node.type === 'link') return [node];
  return 'children' in node ? node.children.flatMap((child) => links(child)) : [];
}

// Literal links in every kind of block, and text that only looks like one. Those written with an escape (`a\\_b@…`) or
// a character reference (`x&#64;y.com`) are found only by the literal-link step, not by the syntax extension.
const SAMPLES: Array<[string, string[]]> = [
  ['见 https://arxiv.org/abs/1706.03762 与 www.deeplearningbook.org', ['https://arxiv.org/abs/1706.03762', 'http://www.deeplearningbook.org']],
  ['> 引用：a\\_b@g.com', ['mailto:a_b@g.com']],
  ['- 列表\n  - 嵌套：x&#64;y.com 与 &copy;www.h.com', ['mailto:x@y.com', 'http://www.h.com']],
  ['| 表头 | 邮箱 |\n| --- | --- |\n| 单元格 | a\\_b@t.com |', ['mailto:a_b@t.com']],
  ['脚注[^1]。\n\n[^1]: 出处 x&#64;fn.org', ['mailto:x@fn.org']],
  ['**加粗 a\\_b@bold.com** 与 [已有链接 x&#64;y.com](https://outer.example.com)', ['mailto:a_b@bold.com', 'https://outer.example.com']],
  ['`代码 a\\_b@code.com` 与 $公式 a@b.cc$', []],
  ['不是链接：user@localhost、http:// 与 @@', []],
];

describe('remarkGfmForReading', () => {
  it('gives remark-gfm’s tree for the bundled notes, the layout corpus and literal links in every kind of block', () => {
    const texts = [...notes('content'), ...notes('corpus/files'), ...notes('packages/parser/test')];
    expect(texts.length).toBeGreaterThan(100);
    const samples = SAMPLES.map(([text]) => text);
    for (const text of [...texts, ...samples, samples.join('\n\n')]) expect(ours.parse(text)).toEqual(withRemarkGfm.parse(text));
  });

  it('finds literal links in quotes, nested lists, tables, footnotes and emphasis, and none in code or links', () => {
    for (const [text, urls] of SAMPLES)
      expect(
        links(ours.parse(text)).map((link) => link.url),
        text,
      ).toEqual(urls);
  });

  it('gives remark-gfm’s tree for random mixes of text, links and containers', () => {
    const fragment = fc.constantFrom(
      '注意力',
      'attention',
      ' ',
      '。',
      'https://',
      'http://',
      'www.',
      'WWW.',
      '@',
      'a.b',
      'x_y',
      '-',
      '(',
      ')',
      'mailto:',
      'xmpp:',
      '/',
      '?',
      '*',
      '`',
      '[t](u)',
      '$',
      '\n',
    );
    const inline = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
    const block = fc
      .tuple(fc.constantFrom('', '> ', '- ', '1. ', '| a | ', '# ', '[^n]: '), inline)
      .map(([prefix, text]) => (prefix === '| a | ' ? `| h | h |\n| - | - |\n${prefix}${text.replace(/\n/g, ' ')} |` : prefix + text));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const text = blocks.join('\n\n');
        expect(ours.parse(text)).toEqual(withRemarkGfm.parse(text));
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('runs the literal-link step only on top-level blocks with `://`, `www.` or `@` in their text outside links', () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [text('纯文本，没有地址')] },
        { type: 'blockquote', children: [{ type: 'paragraph', children: [text('引用 a@b.co')] }] },
        {
          type: 'list',
          children: [
            {
              type: 'listItem',
              children: [
                { type: 'paragraph', children: [text('列表')] },
                { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [text('WWW.x.com')] }] }] }] },
              ],
            },
          ],
        },
        { type: 'paragraph', children: [{ type: 'link', url: 'https://a.com', children: [text('https://a.com')] }] },
        { type: 'paragraph', children: [{ type: 'linkReference', identifier: 'r', referenceType: 'full', children: [text('x@y.com')] }] },
        { type: 'code', value: 'https://code.com' },
        { type: 'paragraph', children: [{ type: 'inlineCode', value: 'https://a.b' }] },
        { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text('HTTP://T.COM')] }] }] },
        { type: 'heading', depth: 2, children: [text('mailto:a@b.c')] },
      ],
    };
    const seen: string[] = [];
    onBlocksThatMayLink((block) => {
      seen.push(block.type);
    })(tree);
    expect(seen).toEqual(['blockquote', 'list', 'table', 'heading']);
  });
});
