import { describe, expect, it } from 'vitest';
import { type ImageRewriter, renderKey, resolveImages, textToHtml } from './html.js';
import { renderAnswer } from './render.js';

const markdownToHtml = (markdown: string, rewrite: ImageRewriter) => resolveImages(renderAnswer(markdown), rewrite);

const keep = (src: string) => src;

describe('markdownToHtml', () => {
  it('keeps harmless raw HTML and drops the rest with its content', () => {
    const html = markdownToHtml('H<sub>2</sub>O<br>x <script>alert(1)</script><style>p{}</style><svg onload="x()"></svg>', keep);
    expect(html).toBe('<p>H<sub>2</sub>O<br>x </p>');
  });

  it('links footnotes to prefixed ids and keeps author ids from clobbering the card', () => {
    const html = markdownToHtml('脚注[^1] <span id="answer">a</span>\n\n[^1]: 注释', keep);
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).not.toContain('id="answer"');
  });

  it('drops link URLs other than http(s), mailto and fragments', () => {
    const html = markdownToHtml('[a](javascript:x) [b](data:text/html,x) [c](vbscript:x) [d](https://e.com) [e](#x)', keep);
    expect(html).toBe('<p><a>a</a> <a>b</a> <a>c</a> <a href="https://e.com">d</a> <a href="#x">e</a></p>');
  });

  it('replaces an image the rewriter refuses by its alt text', () => {
    expect(markdownToHtml('前![图](a.png)后 ![](b.png)', (src) => (src === 'a.png' ? null : 'c.png'))).toBe(
      '<p>前图后 <img src="c.png" alt=""></p>',
    );
  });

  it('highlights fenced code with language classes, leaving code without a language plain', () => {
    const html = markdownToHtml('```js\nconst a = 1;\n```\n\n```\n$x$\n```', keep);
    expect(html).toContain('<pre><code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<pre><code>$x$\n</code></pre>');
  });
});

it('escapes text and template syntax for fields', () => {
  expect(textToHtml('a < b & "c" {{c1::x}} }}}')).toBe('a &lt; b &amp; &quot;c&quot; &#123;&#123;c1::x&#125;&#125; &#125;&#125;}');
});

describe('renderAnswer and resolveImages', () => {
  it('leaves images open until resolved, rewriting each one per resolution', () => {
    const rendered = renderAnswer('A ![图](a.png) B <img src="b.png" onerror="x()">');
    expect(rendered.images.map((image) => image.properties['src'])).toEqual(['a.png', 'b.png']);
    expect(resolveImages(rendered, (src) => `media-${src}`)).toBe('<p>A <img src="media-a.png" alt="图"> B <img src="media-b.png"></p>');
    expect(resolveImages(rendered, () => null)).toBe('<p>A 图 B </p>');
  });

  it('never rewrites an image the sanitizer dropped with its container', () => {
    const seen: string[] = [];
    const html = resolveImages(renderAnswer('<object><img src="hidden.png"></object>\n\n![shown](s.png)'), (src) => (seen.push(src), src));
    expect(seen).toEqual(['s.png']);
    expect(html).not.toContain('hidden');
  });

  it('escapes template braces that only meet across an image', () => {
    expect(resolveImages(renderAnswer('{![{c1::x}](a.png)'), () => null)).toBe('<p>&#123;&#123;c1::x}</p>');
  });

  it('keys a rendering by the Markdown', () => {
    expect(renderKey('a')).toBe(renderKey('a'));
    expect(renderKey('a')).not.toBe(renderKey('a '));
    expect(renderKey('a')).toMatch(/^[\w-]{43}$/);
  });
});
