// exportAnki's side of the anki-apkg-export comparison, in a fresh process as that package's side is (apkg-child.mjs):
// the bench process holds the 100× dataset, whose heap every collection there would make a small export pay for.
// Exports the first <notes> records with an empty render cache, then RERUNS times with the one that filled, and
// prints one JSON line: the first export, the second (the first rerun, code still cold) and the reruns' median.
// Usage: node bench/anki-child.mjs <dataset.json> <content dir> <notes>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './measure.mjs';

const RERUNS = 5;
const [file, contentRoot, count] = process.argv.slice(2);
const fromCli = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../packages/cli/package.json'));
const { exportAnki } = await import(pathToFileURL(fromCli.resolve('@mianjing/exporters')).href);
const dataset = JSON.parse(readFileSync(file, 'utf8'));
const subset = { ...dataset, questions: dataset.questions.slice(0, Number(count)) };

const renderCache = new Map();
const timed = async () => {
  const start = performance.now();
  const { summary } = await exportAnki(subset, { contentRoot, renderCache });
  if (summary.notes !== subset.questions.filter((q) => q.status !== 'unanswered').length) throw new Error(`${summary.notes} notes`);
  return performance.now() - start;
};
const firstMs = await timed();
const reruns = [];
for (let run = 0; run < RERUNS; run++) reruns.push(await timed());
console.log(JSON.stringify({ firstMs, secondMs: reruns[0], rerunMs: median(reruns) }));
