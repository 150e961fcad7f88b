import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Link, Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Extension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { describe, expect, it } from 'vitest';
import { remarkScopedLiteralLinks } from './literal-links.js';

// The scoped transform must give exactly the tree remark-gfm gives, positions included.
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).freeze();
const scoped = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkScopedLiteralLinks).use(remarkMath).freeze();

// remark-gfm without its literal-link transform (micromark still finds the literal links it can tokenize).
const transform = gfmAutolinkLiteralFromMarkdown().transforms![0];
function withoutTransform(this: Processor) {
  const drop = (list: unknown[]): void => {
    for (const extension of list) {
      if (Array.isArray(extension)) drop(extension);
      else {
        const { transforms } = extension as Extension;
        if (transforms?.includes(transform!)) transforms.splice(transforms.indexOf(transform!), 1);
      }
    }
  };
  drop(this.data('fromMarkdownExtensions') ?? []);
}
const unscoped = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutTransform).use(remarkMath).freeze();

function links(node: Nodes): Link[] {
  if (node.type === 'link') return [node];
  return 'children' in node ? node.children.flatMap((child) => links(child)) : [];
}

const CONTENT = new URL('../../../content/', import.meta.url);

const SAMPLES = [
  '见 https://arxiv.org/abs/1706.03762，以及 www.deeplearningbook.org。',
  '> 引用里 HTTPS://Example.com/a_(b) 和 WWW.example.com/x?y=1).',
  '- 列表\n  - 嵌套：联系 someone.name+tag@example.co.uk 或 mailto:a@b.com',
  '| 表头 | 链接 |\n| --- | --- |\n| 单元格 | http://a.b/c?d=e&f=g |',
  '脚注[^1]。\n\n[^1]: 出处 https://example.org/paper.pdf',
  '[已有链接 https://inner.example.com](https://outer.example.com) 之后 www.after.com',
  '[引用链接 www.x.com][ref]\n\n[ref]: https://ref.example.com',
  '**加粗 https://bold.example.com** 与 *斜体 user@mail.com*',
  'xmpp:user@example.com/resource 和 a_b@c-d.e',
  '`代码里的 https://code.example.com` 与 $公式 a@b$',
  '不是链接：user@localhost、www.、http://、@@、https://_invalid_.com',
  '<https://angle.example.com> 与 <user@angle.com>',
];

describe('remarkScopedLiteralLinks', () => {
  it('gives remark-gfm’s tree for the bundled notes and for literal links in every kind of block', () => {
    const notes = readdirSync(CONTENT)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(new URL(name, CONTENT), 'utf8'));
    expect(notes.length).toBeGreaterThan(5);
    for (const text of [...notes, ...SAMPLES, SAMPLES.join('\n\n')]) expect(scoped.parse(text)).toEqual(plain.parse(text));
    // The samples need the transform: without it, fewer links come out of them.
    const all = SAMPLES.join('\n\n');
    expect(links(unscoped.parse(all)).length).toBeLessThan(links(scoped.parse(all)).length);
    expect(links(scoped.parse(all)).map((link) => link.url)).toEqual(expect.arrayContaining(['HTTPS://Example.com/a_(b)', 'mailto:someone.name+tag@example.co.uk', 'http://a.b/c?d=e&f=g', 'https://example.org/paper.pdf', 'mailto:user@mail.com', 'http://www.after.com']));
  });

  it('gives remark-gfm’s tree for random mixes of text, links and containers', () => {
    const fragment = fc.constantFrom('注意力', 'attention', ' ', '。', 'https://', 'http://', 'www.', 'WWW.', '@', 'a.b', 'x_y', '-', '(', ')', 'mailto:', 'xmpp:', '/', '?', '*', '`', '[t](u)', '$', '\n');
    const inline = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
    const block = fc.tuple(fc.constantFrom('', '> ', '- ', '1. ', '| a | ', '# ', '[^n]: '), inline).map(([prefix, text]) => (prefix === '| a | ' ? `| h | h |\n| - | - |\n${prefix}${text.replace(/\n/g, ' ')} |` : prefix + text));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const text = blocks.join('\n\n');
        expect(scoped.parse(text)).toEqual(plain.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to run where remark-gfm’s transform is not there to scope', () => {
    expect(() => unified().use(remarkParse).use(remarkScopedLiteralLinks).freeze()).toThrow(/remark-gfm/);
  });
});
