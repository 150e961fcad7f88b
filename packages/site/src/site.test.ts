import { describe, expect, it } from 'vitest';
import { fixtureContent, fixtureDataset, PNG } from '../test/fixture.js';
import { buildSite, type SiteResult } from './index.js';
import * as api from './index.js';
import { questionPath, rootPrefix } from './urls.js';

const text = (site: SiteResult, path: string): string => {
  const file = site.files.find((f) => f.path === path);
  if (!file) throw new Error(`No ${path} in the site`);
  return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8');
};

const content = fixtureContent();
const site = await buildSite(fixtureDataset(), { contentRoot: content, title: '测试题库' });

it('exports buildSite and DEFAULT_TITLE only', () => {
  expect(Object.keys(api).sort()).toEqual(['DEFAULT_TITLE', 'buildSite']);
});

describe('URLs', () => {
  it('derive each page from the record id, and links from the page depth', () => {
    expect(questionPath('cnn/conv-essence')).toBe('q/cnn/conv-essence.html');
    expect(rootPrefix('q/cnn/conv-essence.html')).toBe('../../');
    expect(rootPrefix('index.html')).toBe('');
    expect(site.files.map((f) => f.path).filter((p) => p.startsWith('q/'))).toEqual([
      'q/cnn/conv-essence.html',
      'q/cnn/gone.html',
      'q/cnn/hostile.html',
      'q/cnn/old-pooling.html',
      'q/cnn/pooling.html',
      'q/rnn/lstm.html',
    ]);
  });

  it('sends links to other questions to their pages, a merged id to its survivor, a deleted one to plain text', () => {
    const page = text(site, 'q/cnn/conv-essence.html');
    expect(page).toContain('见<a href="../../q/cnn/pooling.html">池化</a>和<a href="../../q/cnn/pooling.html">旧题</a>，还有<span class="question-link">删掉的</span>');
    expect(text(site, 'cards/0.js')).toContain('href=\\"q/cnn/pooling.html\\"');
  });
});

describe('retired ids', () => {
  it('redirect a merged id to its survivor with a meta refresh and a link', () => {
    const page = text(site, 'q/cnn/old-pooling.html');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=../../q/cnn/pooling.html">');
    expect(page).toContain('<a href="../../q/cnn/pooling.html">池化层有什么作用？</a>');
  });

  it('say that a deleted id was deleted', () => {
    const page = text(site, 'q/cnn/gone.html');
    expect(page).not.toContain('http-equiv="refresh"');
    expect(page).toContain('<h1>这道题已删除</h1>');
    expect(text(site, 'data/catalog.js')).toContain('"retired":{"cnn/gone":null,"cnn/old-pooling":"cnn/pooling"}');
  });
});

describe('question pages', () => {
  const page = text(site, 'q/cnn/conv-essence.html');

  it('show breadcrumb, question, aliases, summary before the answer, related, references, tags and source', () => {
    const order = ['aria-label="面包屑"', '<h1>', '也问：卷积在做什么？', 'id="summary"', 'id="answer"', 'id="related"', 'id="references"', '来源：<code>cnn.md:5</code>'];
    const at = order.map((marker) => page.indexOf(marker));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(page).toContain('<li><a href="../../q/cnn/pooling.html">池化层有什么作用？</a></li>');
    expect(page).toContain('<a href="https://www.deeplearningbook.org/">Deep Learning</a>');
    expect(page).toContain('<a href="https://cs231n.github.io/">CS231n</a>');
    expect(page).toContain('<ul class="tags" aria-label="标签"><li>CNN</li><li>基础</li></ul>');
  });

  it('typeset math with KaTeX at build time, questions included, and load its stylesheet', () => {
    expect(page).toContain('<link rel="stylesheet" href="../../assets/katex/katex.min.css">');
    expect(page).toMatch(/<h1>卷积的本质是什么？为什么要乘 <span class="katex">/);
    expect(page).toContain('<div class="math-display" tabindex="0"><span class="katex-display">');
    expect(page).not.toMatch(/\\\(|\\\[|\$\$/);
  });

  it('show TeX that KaTeX cannot typeset as code, with a math-error warning', () => {
    expect(page).toContain('<code class="math-error">$\\frac{1}{$</code>');
    expect(site.warnings.filter((w) => w.ruleId === 'math-error')).toEqual([{ recordId: 'cnn/conv-essence', ruleId: 'math-error', message: expect.stringContaining('\\frac{1}{') }]);
  });

  it('highlight code and let wide tables and code scroll by keyboard', () => {
    expect(page).toContain('<pre tabindex="0"><code class="hljs language-python"><span class="hljs-keyword">def</span>');
    expect(page).toContain('<div class="scroll" tabindex="0" role="region" aria-label="表格"><table>');
  });

  it('say when a question has no answer', () => {
    expect(text(site, 'q/rnn/lstm.html')).toContain('这道题还没有答案。');
  });
});

describe('images', () => {
  it('copy an image inside the content folder under its hash', () => {
    const copied = site.files.filter((f) => f.path.startsWith('assets/img/'));
    expect(copied.map((f) => f.path)).toEqual(['assets/img/c7a9c45fd419815a5ab1998503a9f03514c0e229.png']);
    expect(Buffer.from(copied[0]!.data as Uint8Array)).toEqual(PNG);
    expect(text(site, 'q/cnn/conv-essence.html')).toContain('<img src="../../assets/img/c7a9c45fd419815a5ab1998503a9f03514c0e229.png" alt="示意图">');
  });

  it('show images outside the content folder (by path, by symlink, by URL) as their alt text, with warnings', () => {
    const page = text(site, 'q/cnn/conv-essence.html');
    expect(page).toContain('> 外面 链接 远程</p>');
    expect(site.warnings.filter((w) => w.ruleId === 'image-outside-content').map((w) => w.message.split(',')[0])).toEqual([
      'Unexpected image `../secret.png`',
      'Unexpected image `img/link.png` linking outside the notes folder',
      'Unexpected image `https://example.com/a.png`',
    ]);
  });
});

describe('sanitizing', () => {
  it('leaves no script, event handler or javascript: URL from a hostile answer', () => {
    const page = text(site, 'q/cnn/hostile.html');
    const answer = page.slice(page.indexOf('<section class="answer'), page.indexOf('</article>'));
    const scope: { mjCards?: Record<number, string[][]> } = {};
    new Function('window', text(site, 'cards/0.js'))(scope);
    const card = scope.mjCards![0]![2]!.join('\n');
    for (const html of [answer, card]) {
      expect(html).toContain('点');
      expect(html).not.toMatch(/<script|<iframe|<svg|<img|\son[a-z]+=|javascript:|style=/i);
    }
    expect(page).toContain('<h1>&lt;b&gt;恶意&lt;/b&gt;的答案？</h1>');
    expect(page.match(/<script/g)).toHaveLength(2);
  });
});

describe('the build', () => {
  it('is deterministic: two builds give the same files, byte for byte', async () => {
    const again = await buildSite(fixtureDataset(), { contentRoot: content, title: '测试题库' });
    expect(again.files.map((f) => f.path)).toEqual(site.files.map((f) => f.path));
    again.files.forEach((file, i) => {
      expect(Buffer.from(file.data).equals(Buffer.from(site.files[i]!.data)), file.path).toBe(true);
    });
    expect(again.summary).toEqual(site.summary);
  });

  it('writes nothing outside relative, /-separated paths, and names no outside host in scripts, styles or src', () => {
    for (const file of site.files) expect(file.path).toMatch(/^(?!\/)(?!.*\.\.)[a-z0-9][a-z0-9/._-]*$/i);
    for (const file of site.files.filter((f) => /\.(html|css|js)$/.test(f.path))) {
      const data = text(site, file.path);
      expect(data, file.path).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?![^"]*(?:deeplearningbook|cs231n))/);
      expect(data, file.path).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
    }
  });

  it('ships KaTeX WOFF2 fonts only, each one its stylesheet names', () => {
    const css = text(site, 'assets/katex/katex.min.css');
    const fonts = site.files.filter((f) => f.path.startsWith('assets/katex/fonts/')).map((f) => f.path);
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((path) => path.endsWith('.woff2') && css.includes(path.slice('assets/katex/'.length)))).toBe(true);
    expect(css).not.toMatch(/\.ttf|\.woff\)/);
  });

  it('summarises what it built', () => {
    expect(site.summary).toMatchObject({ questions: 4, notes: 2, redirects: 2, images: 1, warnings: 5 });
  });
});

describe('guards', () => {
  it('say which record had a table cut or quotes nested too deep', async () => {
    const base = fixtureDataset();
    const rows = Array.from({ length: 1500 }, (_, i) => `| ${i} | 值 |`).join('\n');
    const hostile = `${'>'.repeat(10_000)} 深\n\n| a | b |\n| - | - |\n${rows}`;
    const questions = base.questions.map((q) => (q.id === 'cnn/pooling' && q.status === 'answered' ? { ...q, answer: hostile } : q));
    const guarded = await buildSite({ ...base, questions }, { contentRoot: content });
    expect(guarded.warnings.filter((w) => w.ruleId === 'table-truncated' || w.ruleId === 'nesting-too-deep')).toEqual([
      { recordId: 'cnn/pooling', ruleId: 'table-truncated', message: 'Unexpected table of 1500 rows, expected at most 1000: the page shows its first 1000; split the table or link to the full data' },
      { recordId: 'cnn/pooling', ruleId: 'nesting-too-deep', message: 'Unexpected nesting deeper than 100 levels on 1 line(s), expected at most 100: the page shows the deeper lines as text' },
    ]);
    expect(text(guarded, 'q/cnn/pooling.html')).toContain('深');
  });
});
