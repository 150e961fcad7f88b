// One large note in other people's layouts (bold, ●, Q:/A:, list outlines, headings), read leniently at 0.25,
// 0.5, 1 and 2 MB, side by side with the bare remark parse of the same text: extraction must stay linear.
// Writes bench/lenient-results.json.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fromCli = createRequire(join(here, '../packages/cli/package.json'));
const fromParser = createRequire(join(here, '../packages/parser/package.json'));
const load = (require, id) => import(pathToFileURL(require.resolve(id)).href);
const { parseNote } = await load(fromCli, '@mianjing/parser');
const { unified } = await load(fromParser, 'unified');
const [remarkParse, remarkGfm, remarkMath] = await Promise.all(['remark-parse', 'remark-gfm', 'remark-math'].map(async (id) => (await load(fromParser, id)).default));
const bare = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const MB = 1024 * 1024;

/** A seeded mix of layouts, repeated until the note reaches `bytes`. */
function note(bytes) {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const answer = (i) => `第 ${i} 题的答案：损失 $L=\\sum_i \\ell_i$ 对参数求导，${'链式法则逐层传回梯度，'.repeat(8)}\n\n\`\`\`python\nprint(${i})\n\`\`\``;
  const layouts = [
    (i) => `### ${i}. 为什么第 ${i} 题重要？\n\n${answer(i)}`,
    (i) => `**${i}.1 第 ${i} 题怎么推导？**\n\n${answer(i)}`,
    (i) => `● 第 ${i} 题有哪些做法？`,
    (i) => `Q: 第 ${i} 题是什么？\nA: ${answer(i)}`,
    (i) => `## 第 ${i} 组\n\n- 第 ${i} 题的 A 是什么？\n- 第 ${i} 题的 B 是什么？`,
  ];
  const parts = ['# 大笔记\n'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = layouts[Math.floor(next() * layouts.length)](i);
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n') + '\n';
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

const rows = [];
for (const mb of [0.25, 0.5, 1, 2]) {
  const text = note(mb * MB);
  const runs = { bare: [], ours: [] };
  let records = 0;
  for (let run = 0; run < 3; run++) {
    runs.bare.push(time(() => bare.parse(text)));
    runs.ours.push(time(() => (records = parseNote({ path: 'big.md', value: text }, { mode: 'lenient' }).data.records.length)));
  }
  rows.push({ mb, records, bareMs: Math.round(median(runs.bare)), oursMs: Math.round(median(runs.ours)), ratio: +(median(runs.bare) / median(runs.ours)).toFixed(2) });
}
const at = (mb) => rows.find((r) => r.mb === mb);
const scaling = { oursTime1MBOverHalf: +(at(1).oursMs / at(0.5).oursMs).toFixed(2), oursTime2MBOver1MB: +(at(2).oursMs / at(1).oursMs).toFixed(2) };
console.log('lenient extraction of one note (median of 3): MB, records, bare parse ms, ours ms, throughput ours/bare');
for (const r of rows) console.log(`  ${r.mb} MB  ${r.records} records  bare ${r.bareMs} ms  ours ${r.oursMs} ms  ${r.ratio}×`);
console.log(`  scaling: time(1 MB)/time(0.5 MB) = ${scaling.oursTime1MBOverHalf}, time(2 MB)/time(1 MB) = ${scaling.oursTime2MBOver1MB} (linear: 2)`);
writeFileSync(join(here, 'lenient-results.json'), `${JSON.stringify({ node: process.version, rows, scaling }, null, 2)}\n`);
