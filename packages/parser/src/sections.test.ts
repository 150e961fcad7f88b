import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProcessor } from './processor.js';
import { parseInSections } from './sections.js';

// Parsing in sections must give exactly the tree of a whole parse, positions included, whatever the note holds.
const processor = createProcessor();

function inSections(text: string) {
  const pieces: string[] = [];
  const tree = parseInSections((piece) => {
    pieces.push(piece);
    return processor.parse(piece);
  }, text);
  return { tree, pieces, parsed: pieces.reduce((sum, piece) => sum + piece.length, 0) };
}

const CONTENT = new URL('../../../content/', import.meta.url);
// The seed documents sit beside the repository (../shared/seeds) on developer machines and in CI, not in a clone.
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);
const read = (dir: URL) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));

// Blocks chosen to sit on the edges of a cut: lines that look like headings but are not, blocks left open,
// definitions used before they are given, front matter with comments.
const BLOCKS = [
  '## 标题',
  '# 一级标题',
  '###### 六级',
  '####### 七个井号不是标题',
  '#话题标签不是标题',
  '## 收尾的井号 ##',
  '#',
  '正文段落，含 **加粗** 与 $x^2$。',
  '段落第一行\n接着一行',
  '```python\n# 注释不是标题\nx = [1, 2]\n```',
  '```\n# 未闭合的代码块',
  '~~~\n# 波浪线围栏\n~~~',
  '````\n```\n# 内层围栏\n````',
  '    ```\n# 缩进代码里的反引号',
  '$$\n# 公式块里\n$$',
  '$$\n\\sum_i x_i',
  '<!--\n# 注释里\n-->',
  '<div>\n# HTML 块里\n</div>',
  '<pre>\n# pre 里\n\n# 空行后仍在 pre 里\n</pre>',
  '<script>\n# 脚本\n</script>',
  '> ```\n# 引用里的围栏未闭合',
  '> 引用\n# 紧跟引用的标题',
  '- 列表\n  ```\n# 列表里的围栏\n  ```',
  '- 列表项\n# 紧跟列表的标题',
  '1. 有序\n\n   ## 列表里的标题',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '| 表头 |\n| --- |\n# 表格后的标题',
  'Setext 标题\n===',
  '段落\n---',
  '---\ntitle: 前言\n# YAML 注释\n---',
  '---\n# 未闭合的 front matter',
  '[ref]: https://example.com',
  '见 [ref] 与脚注[^1]，以及 [多行 标签]。',
  '[^1]: 脚注内容',
  '[多行\n标签]: /url',
  '行一\r\n## CRLF 标题\r\n行二',
  '行\r# 单独回车',
];

describe('parseInSections', () => {
  it('gives the whole parse’s tree for the bundled notes, cutting them into many pieces', () => {
    const notes = read(CONTENT).filter((note) => note.name !== 'README.md');
    expect(notes.length).toBeGreaterThan(5);
    for (const { name, text } of notes) {
      const { tree, pieces } = inSections(text);
      expect(tree, name).toEqual(processor.parse(text));
      expect(pieces.length, name).toBeGreaterThan(5);
    }
  });

  it.skipIf(!existsSync(SEEDS))('gives the whole parse’s tree for the seed documents (../shared/seeds)', () => {
    const seeds = read(SEEDS);
    expect(seeds.length).toBeGreaterThan(0);
    for (const { name, text } of seeds) expect(inSections(text).tree, name).toEqual(processor.parse(text));
  });

  it('gives the whole parse’s tree for random mixes of blocks on the edges of a cut, parsing at most about twice', () => {
    const blocks = fc.array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(blocks, (parts) => {
        const text = parts.map(([block, gap]) => block + gap).join('');
        const { tree, parsed } = inSections(text);
        expect(tree).toEqual(processor.parse(text));
        // Each cut piece also reads the next heading line; beyond those, at most one piece is read again.
        const headingLines = text.split('\n').filter((line) => line.startsWith('#')).join('').length;
        expect(parsed).toBeLessThanOrEqual(2 * text.length + headingLines);
      }),
      { numRuns: 600 },
    );
  });

  it('passes over heading-like lines in front matter and code, and parses the rest whole after a failed cut', () => {
    const note = '---\nid: x\n# 注释\n---\n# 笔记\n\n```python\n# 注释\n```\n\n## 第二节\n\n正文\n';
    expect(inSections(note).pieces).toEqual(['---\nid: x\n# 注释\n---\n# 笔记', '# 笔记\n\n```python\n# 注释\n```\n\n## 第二节', '## 第二节\n\n正文\n']);
    const open = '# 笔记\n\n<div>\n# 在 HTML 里\n</div>\n\n## 第二节\n\n正文\n';
    expect(inSections(open).pieces).toEqual(['# 笔记\n\n<div>\n# 在 HTML 里', open]);
  });
});
