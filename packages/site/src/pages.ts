import type { Dataset, Reference } from '@mianjing/schema';
import { esc } from './escape.js';
import type { Located, NoteNode, SectionNode, SiteModel } from './model.js';
import { referencesOf } from './model.js';
import type { RootedHtml } from './render.js';
import { questionPath, rootPrefix } from './urls.js';

export interface SiteInfo {
  title: string;
  dataset: Dataset;
}

interface PageSpec {
  /** Path of the page from the site root. */
  path: string;
  title: string;
  main: string;
  /** Whether the page shows math (loads KaTeX's stylesheet). */
  math?: boolean;
  /** Client scripts after site.js, from the root. */
  scripts?: string[];
  /** Leave the search box out of the header (the search page has its own). */
  noHeaderSearch?: boolean;
  head?: string;
}

// Applied before the first paint, so a reader who chose a theme never sees the other one flash.
const THEME_SCRIPT = `<script>try{var t=localStorage.getItem('mj-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}</script>`;

export function layout(site: SiteInfo, spec: PageSpec): string {
  const root = rootPrefix(spec.path);
  const search = spec.noHeaderSearch
    ? ''
    : `<form class="search-form" role="search" action="${root}search.html" method="get"><label for="site-search" class="visually-hidden">搜索问题</label><input id="site-search" name="q" type="search" placeholder="搜索题目（按 / 键）" autocomplete="off" enterkeyhint="search"></form>`;
  const scripts = ['assets/site.js', ...(spec.scripts ?? [])].map((src) => `<script src="${root}${src}" defer></script>`).join('');
  const meta = site.dataset.meta;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.title)}</title>
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${root}assets/site.css">
${spec.math ? `<link rel="stylesheet" href="${root}assets/katex/katex.min.css">\n` : ''}${spec.head ?? ''}${THEME_SCRIPT}
${scripts}
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header"><nav aria-label="站点"><a class="brand" href="${root}index.html">${esc(site.title)}</a>${search}<a href="${root}drill.html">练习</a><button type="button" class="theme-toggle" hidden>主题</button></nav></header>
<main id="main" tabindex="-1">
${spec.main}
</main>
<footer class="site-footer"><p>${esc(meta.name)} ${esc(meta.version)} · ${meta.count} 道题 · 内容许可 ${esc(meta.license)}</p></footer>
</body>
</html>
`;
}

const countOf = (n: number) => `<span class="count">${n} 题</span>`;
const noteAnchor = (note: NoteNode) => `n-${note.index}`;
const sectionAnchor = (note: NoteNode, section: SectionNode) => `n-${note.index}-s-${section.index}`;
export const noteScope = (note: NoteNode) => `note=${encodeURIComponent(note.info.id)}`;
export const sectionScope = (note: NoteNode, section: SectionNode) => `${noteScope(note)}&section=${section.index}`;

export function indexPage(site: SiteInfo, model: SiteModel): string {
  const path = 'index.html';
  const total = model.notes.reduce((n, note) => n + note.records.length, 0);
  const toc = model.notes.map((note) => `<li><a href="#${noteAnchor(note)}">${esc(note.info.title)}</a> ${countOf(note.records.length)}</li>`).join('\n');
  const notes = model.notes
    .map((note) => {
      const sections = note.sections
        .map((section) => {
          const heading = section.titles.length > 0 ? `<h3 id="${sectionAnchor(note, section)}">${esc(section.titles.join(' › '))} ${countOf(section.records.length)}</h3>\n` : '';
          const items = section.records.map((record) => `<li><a href="${questionPath(record.id)}">${esc(record.question)}</a></li>`).join('\n');
          return `${heading}<ol class="questions">\n${items}\n</ol>`;
        })
        .join('\n');
      return `<section class="note" aria-labelledby="${noteAnchor(note)}">
<h2 id="${noteAnchor(note)}">${esc(note.info.title)} ${countOf(note.records.length)}</h2>
<p><a href="drill.html#${noteScope(note)}">练习这一篇</a></p>
${sections}
</section>`;
    })
    .join('\n');
  const main = `<h1>${esc(site.title)}</h1>
<p>${model.notes.length} 篇笔记，${total} 道题。按主题浏览，<a href="search.html">搜索</a>，或者<a href="drill.html">用闪卡练习</a>。</p>
<nav aria-label="笔记目录"><h2>目录</h2><ul class="toc">
${toc}
</ul></nav>
${notes}`;
  return layout(site, { path, title: site.title, main });
}

export interface QuestionPageParts {
  question: string;
  aliases: string[];
  summary: RootedHtml | undefined;
  answer: RootedHtml | undefined;
}

export function questionPage(site: SiteInfo, model: SiteModel, located: Located, parts: QuestionPageParts): string {
  const { record, note, section } = located;
  const path = questionPath(record.id);
  const root = rootPrefix(path);
  const crumbs = [`<li><a href="${root}index.html">目录</a></li>`, `<li><a href="${root}index.html#${noteAnchor(note)}">${esc(note.info.title)}</a></li>`];
  if (section.titles.length > 0) crumbs.push(`<li><a href="${root}index.html#${sectionAnchor(note, section)}">${esc(section.titles.join(' › '))}</a></li>`);
  const aliases = parts.aliases.length > 0 ? `<p class="aliases">也问：${parts.aliases.join('；')}</p>\n` : '';
  const tags = record.tags.length > 0 ? `<ul class="tags" aria-label="标签">${record.tags.map((tag) => `<li>${esc(tag)}</li>`).join('')}</ul>\n` : '';
  const summary = parts.summary ? `<section class="summary content" aria-labelledby="summary">\n<h2 id="summary">摘要</h2>\n${parts.summary.at(root)}\n</section>\n` : '';
  const answer = parts.answer
    ? `<section class="answer content" aria-labelledby="answer">\n<h2 id="answer">完整答案</h2>\n${parts.answer.at(root)}\n</section>\n`
    : `<section class="answer" aria-labelledby="answer">\n<h2 id="answer">完整答案</h2>\n<p>这道题还没有答案。</p>\n</section>\n`;
  const related = record.related
    .map((id) => model.byId.get(id))
    .filter((item): item is Located => item !== undefined)
    .map((item) => `<li><a href="${root}${questionPath(item.record.id)}">${esc(item.record.question)}</a></li>`);
  const relatedHtml = related.length > 0 ? `<section aria-labelledby="related">\n<h2 id="related">相关问题</h2>\n<ul>\n${related.join('\n')}\n</ul>\n</section>\n` : '';
  const references = referencesOf(located);
  const referencesHtml =
    references.length > 0 ? `<section aria-labelledby="references">\n<h2 id="references">参考资料</h2>\n<ol>\n${references.map(referenceItem).join('\n')}\n</ol>\n</section>\n` : '';
  const position = note.records.indexOf(record);
  const previous = note.records[position - 1];
  const next = note.records[position + 1];
  const pager = `<nav class="pager" aria-label="同一篇的上一题和下一题">${previous ? `<a href="${root}${questionPath(previous.id)}" rel="prev">← ${esc(previous.question)}</a>` : '<span></span>'}${next ? `<a href="${root}${questionPath(next.id)}" rel="next">${esc(next.question)} →</a>` : ''}</nav>`;
  const main = `<nav class="breadcrumb" aria-label="面包屑"><ol>${crumbs.join('')}</ol></nav>
<article>
<h1>${parts.question}</h1>
${aliases}${tags}${summary}${answer}${relatedHtml}${referencesHtml}<p class="meta">来源：<code>${esc(`${record.source.path}:${record.source.line}`)}</code> · <a href="${root}drill.html#${sectionScope(note, section)}">练习这一节</a></p>
</article>
${pager}`;
  const math = main.includes('class="katex');
  return layout(site, { path, title: `${record.question} - ${site.title}`, main, math });
}

function referenceItem(ref: Reference): string {
  return /^https?:\/\//i.test(ref.url) ? `<li><a href="${esc(ref.url)}">${esc(ref.title)}</a></li>` : `<li>${esc(ref.title)}${ref.url ? ` (${esc(ref.url)})` : ''}</li>`;
}

/** The page left at a retired id: it sends the reader on to the record that replaced it, or says it was deleted. */
export function retiredPage(site: SiteInfo, model: SiteModel, id: string, survivor: string | undefined): string {
  const path = questionPath(id);
  const root = rootPrefix(path);
  if (survivor !== undefined) {
    const target = `${root}${questionPath(survivor)}`;
    const question = model.byId.get(survivor)!.record.question;
    const main = `<h1>这道题已合并</h1>\n<p>“${esc(id)}” 已合并到 <a href="${target}">${esc(question)}</a>。</p>`;
    return layout(site, { path, title: `已合并：${question} - ${site.title}`, main, head: `<meta http-equiv="refresh" content="0; url=${target}">\n<link rel="canonical" href="${target}">\n` });
  }
  const main = `<h1>这道题已删除</h1>\n<p>“${esc(id)}” 已从题库中删除。<a href="${root}index.html">返回目录</a>。</p>`;
  return layout(site, { path, title: `已删除 - ${site.title}`, main });
}

export function searchPage(site: SiteInfo): string {
  const main = `<h1>搜索</h1>
<form class="search-page-form" role="search" action="search.html" method="get"><label for="q">搜索题目、别名、摘要和答案</label>
<input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" aria-describedby="search-help" aria-controls="results"></form>
<p id="search-help" class="meta">输入中文或英文关键词，例如“梯度消失”“KV Cache”。↑/↓ 选择结果，Enter 打开，/ 回到搜索框。</p>
<noscript><p>搜索需要 JavaScript。不用 JavaScript 也可以在<a href="index.html">目录</a>中浏览全部题目。</p></noscript>
<p id="status" role="status" aria-live="polite"></p>
<ol id="results" class="results" aria-label="搜索结果"></ol>
<p id="drill-results" hidden><a class="button" href="drill.html">练习这些结果</a></p>`;
  return layout(site, { path: 'search.html', title: `搜索 - ${site.title}`, main, noHeaderSearch: true, scripts: ['data/catalog.js', 'search/snippets.js', 'assets/search.js'] });
}

export function drillPage(site: SiteInfo): string {
  const main = `<h1>练习</h1>
<noscript><p>闪卡练习需要 JavaScript。不用 JavaScript 也可以在<a href="index.html">目录</a>中阅读全部题目。</p></noscript>
<div id="drill"></div>
<section aria-labelledby="progress-heading">
<h2 id="progress-heading">学习进度</h2>
<p class="meta">进度只保存在这个浏览器里（localStorage）。导出成 JSON 文件备份，或在另一台设备上导入。</p>
<div class="actions"><button type="button" id="export">导出进度</button><button type="button" id="import">导入进度</button><input type="file" id="import-file" accept="application/json,.json" aria-label="选择进度文件" hidden></div>
<p id="progress-status" role="status"></p>
</section>`;
  return layout(site, { path: 'drill.html', title: `练习 - ${site.title}`, main, math: true, scripts: ['data/catalog.js', 'assets/drill.js'] });
}
