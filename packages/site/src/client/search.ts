import type MiniSearch from 'minisearch';
import { highlightRanges, loadShard, search, type Hit, type ShardDocument } from '../search-core.js';
import { questionPath } from '../urls.js';
import { escapeHtml, loadScript } from './load.js';

const catalog = window.mjCatalog!;
const snippets = window.mjSnippets ?? [];
const input = document.querySelector<HTMLInputElement>('#q')!;
const form = input.form!;
const status = document.querySelector<HTMLElement>('#status')!;
const list = document.querySelector<HTMLOListElement>('#results')!;
const drill = document.querySelector<HTMLElement>('#drill-results')!;

const shards = new Map<number, Promise<MiniSearch<ShardDocument>>>();
function shard(n: number): Promise<MiniSearch<ShardDocument>> {
  let index = shards.get(n);
  if (!index) {
    index = loadScript(`search/shard-${n}.js`).then(() => {
      const data = window.mjShards![n]!;
      delete window.mjShards![n];
      return loadShard(data);
    });
    index.catch(() => shards.delete(n));
    shards.set(n, index);
  }
  return index;
}

/** Text with the matched terms in <mark>. */
function marked(text: string, terms: string[]): string {
  let out = '';
  let last = 0;
  for (const [start, end] of highlightRanges(text, terms)) {
    out += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return out + escapeHtml(text.slice(last));
}

/** About `size` characters of the summary, from a little before its first match. */
function snippet(text: string, terms: string[], size = 90): string {
  if (text.length <= size) return marked(text, terms);
  const first = highlightRanges(text, terms)[0];
  const start = unitBoundary(text, first ? Math.max(0, first[0] - 20) : 0);
  const end = unitBoundary(text, Math.min(text.length, start + size));
  return `${start > 0 ? '…' : ''}${marked(text.slice(start, end), terms)}${end < text.length ? '…' : ''}`;
}

/** An offset moved off the second half of a surrogate pair, so slices never split a character. */
function unitBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

function render(hits: Hit[], query: string): void {
  list.innerHTML = hits
    .map((hit) => {
      const [id, question, note, section] = catalog.records[hit.doc]!;
      const place = [catalog.notes[note]!.title, catalog.notes[note]!.sections[section]].filter(Boolean).join(' › ');
      const onlyAnswer = hit.fields.every((field) => field === 'answer');
      return `<li><a href="${questionPath(id)}"><span class="q">${marked(question, hit.terms)}</span><span class="where">${escapeHtml(place)}${onlyAnswer ? ' · 答案中提到' : ''}</span><span class="snippet">${snippet(snippets[hit.doc] ?? '', hit.terms)}</span></a></li>`;
    })
    .join('');
  status.textContent = query.trim() === '' ? '' : hits.length > 0 ? `找到 ${hits.length} 条结果` : `没有找到与“${query.trim()}”相关的题目`;
  drill.hidden = hits.length === 0;
  const link = drill.querySelector('a')!;
  link.href = `drill.html#ids=${hits.map((hit) => catalog.records[hit.doc]![0]).join(',')}`;
}

let latest = 0;
async function run(): Promise<void> {
  const query = input.value;
  const mine = ++latest;
  try {
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  } catch {
    // Some browsers refuse history changes on file:// pages; the search still works.
  }
  if (query.trim() === '') return render([], query);
  try {
    const hits = await search(query, shard, catalog.shards, 50);
    if (mine === latest) render(hits, query);
  } catch (error) {
    if (mine === latest) status.textContent = `搜索出错：${error instanceof Error ? error.message : String(error)}`;
  }
}

const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

input.addEventListener('input', () => void run());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const first = links()[0];
  if (first) location.href = first.href;
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    links()[0]?.focus();
  }
});
list.addEventListener('keydown', (event) => {
  const all = links();
  const at = all.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1) return;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    all[Math.min(at + 1, all.length - 1)]!.focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    if (at === 0) input.focus();
    else all[at - 1]!.focus();
  } else if (event.key === 'Escape') {
    input.focus();
  }
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) input.value = initial;
input.focus();
if (input.value) void run();
