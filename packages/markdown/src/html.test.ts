import { describe, expect, it } from 'vitest';
import { renderHtml, resolveImages, type ImageRewriter } from './html.js';

const keep = (src: string) => src;
const toHtml = (markdown: string, rewrite: ImageRewriter = keep) => resolveImages(renderHtml(markdown), rewrite);

describe('renderHtml', () => {
  it('keeps harmless raw HTML and drops the rest with its content', () => {
    expect(toHtml('H<sub>2</sub>O<br>x <script>alert(1)</script><style>p{}</style><svg onload="x()"></svg>')).toBe('<p>H<sub>2</sub>O<br>x </p>');
  });

  it('links footnotes to prefixed ids and keeps author ids from clobbering the page', () => {
    const html = toHtml('脚注[^1] <span id="answer">a</span>\n\n[^1]: 注释');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).not.toContain('id="answer"');
  });

  it('drops link URLs other than http(s), mailto and fragments', () => {
    expect(toHtml('[a](javascript:x) [b](data:text/html,x) [c](vbscript:x) [d](https://e.com) [e](#x)')).toBe('<p><a>a</a> <a>b</a> <a>c</a> <a href="https://e.com">d</a> <a href="#x">e</a></p>');
  });

  it('highlights fenced code with language classes, leaving code without a language plain', () => {
    const html = toHtml('```js\nconst a = 1;\n```\n\n```\n$x$\n```');
    expect(html).toContain('<pre><code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<pre><code>$x$\n</code></pre>');
  });

  it('writes math as MathJax delimiters by default, or as the element a math renderer gives', () => {
    expect(toHtml('行内 $a<b$，再来\n\n$$\nx^2\n$$')).toBe('<p>行内 <span class="math-inline">\\(a&#x3C;b\\)</span>，再来</p>\n<div class="math-display">\\[x^2\\]</div>');
    const custom = renderHtml('$x$', {
      math: (tex, display) => ({ type: 'element', tagName: 'span', properties: { className: ['math-inline'] }, children: [{ type: 'text', value: `[${tex}:${display}]` }] }),
    });
    expect(custom.html).toBe('<p><span class="math-inline">[x:false]</span></p>');
  });

  it('sends links to other questions where questionLink says, or shows their text', () => {
    const markdown = '见[卷积](#cnn/conv-essence)和[外部](https://e.com)与[锚点](#x)';
    expect(renderHtml(markdown, { questionLink: (id) => `../${id}.html` }).html).toBe('<p>见<a href="../cnn/conv-essence.html">卷积</a>和<a href="https://e.com">外部</a>与<a href="#x">锚点</a></p>');
    expect(renderHtml(markdown, { questionLink: () => undefined }).html).toBe('<p>见<span class="question-link">卷积</span>和<a href="https://e.com">外部</a>与<a href="#x">锚点</a></p>');
  });

  it('leaves links to other questions as fragment links when no questionLink is given', () => {
    expect(renderHtml('见[卷积](#cnn/conv-essence)').html).toBe('<p>见<a href="#cnn/conv-essence">卷积</a></p>');
  });

  it('labels footnotes in Chinese, the heading keeping the id the references point to', () => {
    const html = toHtml('正文[^1]\n\n[^1]: 注释');
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">脚注</h2>');
    expect(html).toContain('aria-label="返回正文"');
  });

  it('drops NUL from the Markdown, so author text cannot pose as an image placeholder', () => {
    expect(toHtml('![图](a.png) 伪\u00000\u0000造')).toBe('<p><img src="a.png" alt="图"> 伪0造</p>');
  });

  it('reads CJK emphasis as the notes do: bold that ends in punctuation followed by text', () => {
    expect(toHtml('**结论：**后文')).toBe('<p><strong>结论：</strong>后文</p>');
  });

  it('renders `$$…$$` alone on a line after text as display math, as the parser reads it', () => {
    expect(toHtml('文字\n$$x^2$$\n更多')).toBe('<p>文字</p>\n<div class="math-display">\\[x^2\\]</div>\n<p>更多</p>');
    expect(toHtml('行内的 $$x$$ 不变')).toBe('<p>行内的 <span class="math-inline">\\(x\\)</span> 不变</p>');
  });

  it('survives 10,000 nested quotes and a 100,000-row table, and says what it cut', () => {
    const deep = renderHtml(`${'>'.repeat(10_000)} 深`);
    expect(deep.cut.nestedLines).toBe(1);
    const table = `| a | b |\n| --- | --- |\n${Array.from({ length: 100_000 }, (_, i) => `| ${i} | x |`).join('\n')}\n\n后文`;
    const rendered = renderHtml(table, { maxTableRows: 50 });
    expect(rendered.cut.tables).toEqual([{ line: 1, rows: 100_000 }]);
    expect(rendered.html.match(/<tr>/g)).toHaveLength(51);
    expect(rendered.html).toContain('表格共 100000 行，这里只显示前 50 行');
    expect(rendered.html).toContain('<p>后文</p>');
  });
});

describe('resolveImages', () => {
  it('leaves images open until resolved, rewriting each one per resolution', () => {
    const rendered = renderHtml('A ![图](a.png) B <img src="b.png" onerror="x()">');
    expect(rendered.images.map((image) => image.properties['src'])).toEqual(['a.png', 'b.png']);
    expect(resolveImages(rendered, (src) => `media-${src}`)).toBe('<p>A <img src="media-a.png" alt="图"> B <img src="media-b.png"></p>');
    expect(resolveImages(rendered, () => null)).toBe('<p>A 图 B </p>');
  });

  it('puts back more than ten images, each in its place', () => {
    const markdown = Array.from({ length: 12 }, (_, i) => `![${i}](${i}.png)`).join(' ');
    const expected = Array.from({ length: 12 }, (_, i) => `<img src="m${i}.png" alt="${i}">`).join(' ');
    expect(toHtml(markdown, (src) => `m${src}`)).toBe(`<p>${expected}</p>`);
  });

  it('keeps an image without a src as it is and never asks to rewrite it', () => {
    const seen: string[] = [];
    expect(
      toHtml('x <img alt="无源">', (src) => {
        seen.push(src);
        return src;
      }),
    ).toBe('<p>x <img alt="无源"></p>');
    expect(seen).toEqual([]);
  });

  it('never rewrites an image the sanitizer dropped with its container', () => {
    const seen: string[] = [];
    const html = resolveImages(renderHtml('<object><img src="hidden.png"></object>\n\n![shown](s.png)'), (src) => {
      seen.push(src);
      return src;
    });
    expect(seen).toEqual(['s.png']);
    expect(html).not.toContain('hidden');
  });
});
