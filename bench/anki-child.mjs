// exportAnki's side of the anki-apkg-export comparison, in a fresh process as that package's side is (apkg-child.mjs):
// the bench process holds the 100× dataset, whose heap every collection there would make a small export pay for.
// Exports the first <notes> records with an empty render cache, once more with the cache that filled (the second
// export, code and memory still cold), then times further exports with tinybench's defaults (16 warm-up runs and at
// least 250 ms, then at least 64 runs and 1 s) and prints one JSON line: the first and second exports and tinybench's
// median.
// Usage: node bench/anki-child.mjs <dataset.json> <content dir> <notes>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

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
const secondMs = await timed();
const bench = new Bench({ throws: true }).add('rerun', timed);
await bench.run();
const { latency } = bench.tasks[0].result;
console.log(JSON.stringify({ firstMs, secondMs, rerunMs: latency.p50, reruns: latency.samplesCount }));
