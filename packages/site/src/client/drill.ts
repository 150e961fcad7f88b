import type { Grade } from 'ts-fsrs';
import { counts, exportProgress, GRADES, isDue, mergeProgress, parseProgress, preview, ProgressError, review, STORAGE_KEY, waitText, type Progress } from '../progress.js';
import { questionPath } from '../urls.js';
import { escapeHtml, loadScript } from './load.js';

const catalog = window.mjCatalog!;
const app = document.querySelector<HTMLElement>('#drill')!;
const progressStatus = document.querySelector<HTMLElement>('#progress-status')!;
const recordIndex = new Map(catalog.records.map((record, i) => [record[0], i]));

// ---- progress in localStorage

function load(): Progress {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? parseProgress(text) : {};
  } catch {
    return {};
  }
}

let progress = load();

function save(): void {
  try {
    localStorage.setItem(STORAGE_KEY, exportProgress(progress, new Date()));
  } catch {
    progressStatus.textContent = '无法保存进度：这个浏览器禁用了本地存储。';
  }
}

/** What a saved id means now: itself, its survivor if it was merged, null if deleted. */
function resolveId(id: string): string | null {
  if (recordIndex.has(id)) return id;
  if (id in catalog.retired) return catalog.retired[id] ?? null;
  return id;
}

// ---- scopes: a note, a section, a list of ids (a search result), or everything due

interface Scope {
  name: string;
  ids: string[];
  /** Drill every card of the scope, not only the due and new ones. */
  all: boolean;
}

function scopeFromHash(): Scope | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  const note = params.get('note');
  if (note !== null) {
    const n = catalog.notes.findIndex((entry) => entry.id === note);
    if (n === -1) return undefined;
    const sectionParam = params.get('section');
    const section = sectionParam === null ? undefined : Number(sectionParam);
    const ids = catalog.records.filter((r) => r[2] === n && (section === undefined || r[3] === section)).map((r) => r[0]);
    const sectionTitle = section === undefined ? '' : catalog.notes[n]!.sections[section];
    return { name: [catalog.notes[n]!.title, sectionTitle].filter(Boolean).join(' › '), ids, all: params.has('all') };
  }
  const ids = params.get('ids');
  if (ids !== null) {
    const list = [
      ...new Set(
        ids
          .split(',')
          .map((id) => resolveId(id))
          .filter((id): id is string => id !== null && recordIndex.has(id)),
      ),
    ];
    return { name: '搜索结果', ids: list, all: true };
  }
  if (params.has('due')) return { name: '全部到期', ids: catalog.records.map((r) => r[0]).filter((id) => progress[id] && isDue(progress[id], new Date())), all: true };
  return undefined;
}

// ---- overview

function overview(): void {
  const now = new Date();
  const all = counts(
    catalog.records.map((r) => r[0]),
    progress,
    now,
  );
  const rows = catalog.notes
    .map((note, n) => {
      const ids = catalog.records.filter((r) => r[2] === n).map((r) => r[0]);
      const c = counts(ids, progress, now);
      return `<tr data-note="${escapeHtml(note.id)}"><th scope="row"><a href="#note=${encodeURIComponent(note.id)}">${escapeHtml(note.title)}</a></th><td data-count="total">${ids.length}</td><td data-count="fresh">${c.fresh}</td><td data-count="due">${c.dueToday}</td></tr>`;
    })
    .join('');
  const dueNow = catalog.records.filter((r) => progress[r[0]] && isDue(progress[r[0]], now)).length;
  app.innerHTML = `<p id="due-summary">今天到期 <strong data-count="due">${all.dueToday}</strong> 张，新卡 <strong data-count="fresh">${all.fresh}</strong> 张，已安排到以后 <strong data-count="later">${all.later}</strong> 张。</p>
<p>${dueNow > 0 ? `<a class="button" href="#due">复习现在到期的 ${dueNow} 张</a>` : '现在没有到期的复习。'} 选一篇笔记开始，或者在<a href="index.html">目录</a>里选一节、在<a href="search.html">搜索</a>结果里练习。</p>
<div class="scroll" tabindex="0" role="region" aria-label="各篇笔记的卡片数"><table class="stats"><caption class="visually-hidden">各篇笔记的卡片</caption><thead><tr><th scope="col">笔记</th><th scope="col">共</th><th scope="col">新卡</th><th scope="col">今天到期</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

// ---- a session

interface Session {
  scope: Scope;
  queue: string[];
  done: number;
  /** 0: question only, 1: summary shown, 2: answer shown. */
  step: number;
}

let session: Session | undefined;

async function start(scope: Scope): Promise<void> {
  const now = new Date();
  const queue = scope.all ? [...scope.ids] : scope.ids.filter((id) => isDue(progress[id], now));
  // Due reviews first, oldest first; then new cards in source order.
  queue.sort((a, b) => dueTime(a) - dueTime(b) || recordIndex.get(a)! - recordIndex.get(b)!);
  const notes = [...new Set(queue.map((id) => catalog.records[recordIndex.get(id)!]![2]))];
  app.innerHTML = '<p>正在载入卡片…</p>';
  await Promise.all(notes.map((n) => loadScript(`cards/${n}.js`)));
  session = { scope, queue, done: 0, step: 0 };
  show();
}

const dueTime = (id: string) => (progress[id] ? Date.parse(progress[id].due) : Number.MAX_SAFE_INTEGER);

function card(id: string): [string, string, string] {
  const [, , note] = catalog.records[recordIndex.get(id)!]!;
  const n = catalog.records.filter((r) => r[2] === note).findIndex((r) => r[0] === id);
  return window.mjCards![note]![n]!;
}

function show(): void {
  const s = session!;
  const id = s.queue[0];
  if (id === undefined) {
    app.innerHTML = `<h2 tabindex="-1" id="card-heading">练完了</h2><p>「${escapeHtml(s.scope.name)}」这一组评了 ${s.done} 张。</p>${
      s.done === 0 && !s.scope.all ? `<p>没有到期或新的卡片。<a class="button" href="${location.hash}&all">全部复习一遍</a></p>` : ''
    }<p><a class="button" href="drill.html">返回练习首页</a></p>`;
    app.querySelector<HTMLElement>('#card-heading')!.focus();
    return;
  }
  const [question, summary, answer] = card(id);
  const now = new Date();
  const next = preview(progress[id], now);
  const reveal = s.step === 0 && summary ? '显示摘要' : s.step < 2 ? '显示完整答案' : '';
  const graded = s.step >= 1;
  app.innerHTML = `<p class="meta">${escapeHtml(s.scope.name)} · 已评 ${s.done} 张，还剩 <span id="remaining">${s.queue.length}</span> 张</p>
<article class="card" aria-labelledby="card-heading">
<h2 id="card-heading" tabindex="-1">${question}</h2>
${s.step >= 1 && summary ? `<section class="summary content" aria-label="摘要"><h3>摘要</h3>${summary}</section>` : ''}
${s.step >= 2 ? `<section class="content" aria-label="完整答案"><h3>完整答案</h3>${answer || '<p>这道题还没有答案。</p>'}</section>` : ''}
</article>
<div class="actions">${reveal ? `<button type="button" id="reveal">${reveal}<small class="visually-hidden">（空格键）</small></button>` : ''}<a href="${questionPath(id)}">打开题目页</a> <a href="drill.html">结束练习</a></div>
${graded ? `<div class="actions grades" role="group" aria-label="自评：记得怎么样？">${GRADES.map(({ grade, label, key }) => `<button type="button" data-grade="${grade}" aria-keyshortcuts="${key}">${label}<small>${waitText(now, next.get(grade)!)}</small></button>`).join('')}</div>` : ''}`;
  app.querySelector<HTMLButtonElement>('#reveal')?.addEventListener('click', advance);
  for (const button of app.querySelectorAll<HTMLButtonElement>('[data-grade]')) button.addEventListener('click', () => grade(Number(button.dataset['grade']) as Grade));
}

function advance(): void {
  const s = session!;
  const [, summary] = card(s.queue[0]!);
  s.step = s.step === 0 && summary ? 1 : 2;
  show();
  (app.querySelector<HTMLElement>('#reveal') ?? app.querySelector<HTMLElement>('[data-grade="3"]'))?.focus();
}

function grade(value: Grade): void {
  const s = session!;
  const id = s.queue.shift()!;
  const now = new Date();
  progress = { ...load(), [id]: review(progress[id], value, now) };
  save();
  s.done++;
  s.step = 0;
  // A card due again within minutes (Again, or a learning step) comes back at the end of this session.
  if (Date.parse(progress[id]!.due) - now.getTime() <= 5 * 60_000) s.queue.push(id);
  show();
  app.querySelector<HTMLElement>('#card-heading')?.focus();
}

document.addEventListener('keydown', (event) => {
  if (!session || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (event.key === ' ' && app.querySelector('#reveal') && target.tagName !== 'BUTTON' && target.tagName !== 'A') {
    event.preventDefault();
    advance();
    return;
  }
  const choice = GRADES.find((g) => g.key === event.key);
  if (choice && app.querySelector('[data-grade]')) {
    event.preventDefault();
    grade(choice.grade);
  }
});

function route(): void {
  progress = load();
  const scope = scopeFromHash();
  session = undefined;
  if (scope) void start(scope);
  else overview();
}

window.addEventListener('hashchange', route);
route();

// ---- export and import

document.querySelector<HTMLButtonElement>('#export')!.addEventListener('click', () => {
  const now = new Date();
  const blob = new Blob([exportProgress(load(), now)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `mianjing-progress-${now.toISOString().slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  progressStatus.textContent = `已导出 ${Object.keys(load()).length} 张卡片的进度。`;
});

const fileInput = document.querySelector<HTMLInputElement>('#import-file')!;
document.querySelector<HTMLButtonElement>('#import')!.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  try {
    const result = mergeProgress(load(), parseProgress(await file.text()), resolveId);
    progress = result.progress;
    save();
    progressStatus.textContent = `已导入 ${result.added} 张卡片的进度${result.moved ? `，其中 ${result.moved} 张的题目已合并到新题` : ''}${result.dropped ? `，${result.dropped} 张的题目已删除，已忽略` : ''}。`;
    route();
  } catch (error) {
    progressStatus.textContent = `导入失败：${error instanceof ProgressError ? error.message : String(error)}`;
  }
  fileInput.value = '';
});
