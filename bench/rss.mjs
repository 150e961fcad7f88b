// Peak RSS of the build on the 100× corpus, each step in a fresh process so nothing else is counted: the bare
// remark parse, and the full build + write with jobs 1 and jobs 2. Target: ≤ 5 × corpus size + 200 MB.
// Run with `node bench/rss.mjs` after `pnpm build`; BENCH_LARGEST=12 for a quick run. Writes bench/rss-results.json.
// A child runs one step: node bench/rss.mjs <baseline|jobs1|jobs2> <corpus dir> <out dir>, and prints one JSON line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;
const load = (from, id) => import(pathToFileURL(createRequire(join(here, `../packages/${from}/package.json`)).resolve(id)).href);

const steps = {
  // The parser's own remark dependencies, one file at a time, no tree kept.
  async baseline(dir) {
    const { unified } = await load('parser', 'unified');
    const [remarkParse, remarkGfm, remarkMath] = await Promise.all(['remark-parse', 'remark-gfm', 'remark-math'].map(async (id) => (await load('parser', id)).default));
    const bare = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort())
      bare.parse(readFileSync(join(dir, name), 'utf8'));
  },
  jobs1: (dir, out) => buildAndWrite(dir, out, 1),
  jobs2: (dir, out) => buildAndWrite(dir, out, 2),
};

// As buildAndWrite in run.mjs.
async function buildAndWrite(dir, out, jobs) {
  const { buildDataset, datasetFiles, writeFilesAtomic } = await load('cli', '@mianjing/dataset/build');
  const result = await buildDataset(dir, { jobs });
  if (result.summary.errors > 0) throw new Error(`the synthetic corpus in ${dir} has ${result.summary.errors} error(s)`);
  await writeFilesAtomic(out, datasetFiles(result.dataset));
}

const [step, dir, out] = process.argv.slice(2);
if (step) {
  const start = performance.now();
  await steps[step](dir, out);
  // maxRSS (KiB) is the whole process's peak, worker threads included.
  console.log(JSON.stringify({ ms: Math.round(performance.now() - start), peakRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const { bundledNotes, generateCorpus } = await import('./corpus.mjs');
  const LARGEST = Number(process.env.BENCH_LARGEST) || Math.max(100, Math.ceil((20 * MB) / bundledNotes().bytes));
  const work = mkdtempSync(join(tmpdir(), 'mianjing-rss-'));
  try {
    const corpus = generateCorpus(join(work, 'corpus'), LARGEST);
    const corpusMB = corpus.bytes / MB;
    const limitMB = 5 * corpusMB + 200;
    const rows = Object.keys(steps).map((name) => {
      const child = JSON.parse(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), name, corpus.dir, join(work, 'out')], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .at(-1),
      );
      console.error(`· ${LARGEST}× ${name}: ${Math.round(child.peakRssMB)} MB, ${child.ms} ms`);
      return { step: name, ms: child.ms, peakRssMB: round(child.peakRssMB), met: child.peakRssMB <= limitMB };
    });
    const results = { node: process.version, copies: LARGEST, files: corpus.files, corpusMB: round(corpusMB), limitMB: round(limitMB), steps: rows };
    writeFileSync(join(here, 'rss-results.json'), JSON.stringify(results, null, 2) + '\n');
    const { table } = await import('./measure.mjs');
    console.log(table([['step', 'corpus MB', 'peak RSS MB', 'limit MB', 'met'], ...rows.map((r) => [r.step, results.corpusMB, r.peakRssMB, results.limitMB, r.met ? 'yes' : 'no'])]));
    console.log('\nwritten bench/rss-results.json');
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

function round(x) {
  return Number(x.toFixed(1));
}
