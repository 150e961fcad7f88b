// `pnpm bench`: throughput, memory and scaling of the build and the exporters. See bench/README.md.
// Run with `node bench/run.mjs` after `pnpm build` (the bench script does both).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { bundledNotes, generateCorpus } from './corpus.mjs';
import { MB, measure, median, round, summarize, table } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const log = (...args) => console.error('·', ...args);

// The root package does not depend on the workspace packages: resolve them (and the parser's own remark
// dependencies, for the baseline) from the packages that do, honouring their `exports` (the built dist/).
const fromCli = createRequire(join(here, '../packages/cli/package.json'));
const fromParser = createRequire(join(here, '../packages/parser/package.json'));
const load = (require, id) => import(pathToFileURL(require.resolve(id)).href);
const { buildDataset, datasetFiles, writeFilesAtomic } = await load(fromCli, '@mianjing/dataset/build');
const { exportAnki, exportCsv, exportFineTuning, exportRag, outputBytes } = await load(fromCli, '@mianjing/exporters');
const { unified } = await load(fromParser, 'unified');
const [remarkParse, remarkGfm, remarkMath] = await Promise.all(['remark-parse', 'remark-gfm', 'remark-math'].map(async (id) => (await load(fromParser, id)).default));

// `jobs` is measured only if the built BuildOptions declares it. When it does, its default is every core, so
// the single-threaded build passes `jobs: 1` explicitly.
const jobsSupported = (() => {
  try {
    const declarations = readFileSync(join(dirname(fromCli.resolve('@mianjing/dataset/build')), 'build.d.ts'), 'utf8');
    return /interface BuildOptions\s*\{[^}]*\bjobs\?\s*:/.test(declarations);
  } catch {
    return false;
  }
})();
const singleThreaded = jobsSupported ? { jobs: 1 } : {};

const bundled = bundledNotes();
// At least 100× and at least 20 MB of Markdown; BENCH_LARGEST overrides it for a quick smoke run.
const LARGEST = Number(process.env.BENCH_LARGEST) || Math.max(100, Math.ceil((20 * MB) / bundled.bytes));
// Single runs at 100× swing by ±30% on a shared 2-core machine; three alternating runs give a usable median.
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 3);
const SIZES = [
  { copies: 1, runs: 5, warmup: true },
  { copies: 10, runs: 3 },
  { copies: LARGEST, runs: LARGE_RUNS },
];
const APKG_SIZES = [100, 250, 500, 700, 1000, 2000];
const APKG_RUNS = 3;
const APKG_STEP = 25; // how close to its breaking point anki-apkg-export is measured
const TOO_SLOW_MS = 30_000; // per anki-apkg-export run
const ANKI_MAX_MS = 120_000; // exportAnki at the largest size, projected from 10×
const DATASET_FILES = ['dataset.json', 'dataset.jsonl']; // compared between jobs 1 and jobs 2

const work = mkdtempSync(join(tmpdir(), 'mianjing-bench-'));
const out = join(work, 'out');
const started = performance.now();
const results = {
  environment: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    totalMemMB: Math.round(totalmem() / MB),
    loadAvgAtStart: loadavg().map((x) => round(x, 2)),
  },
  corpus: { seed: 42, bundledNotes: bundled.notes.length, bundledBytes: bundled.bytes, bundledMB: round(bundled.bytes / MB, 3), sizes: [] },
  build: [],
};

try {
  // 1–2. Baseline parse vs full build (+ serialise + atomic write), interleaved, at each size.
  const datasets = {};
  for (const size of SIZES) {
    const label = `${size.copies}×`;
    const dir = join(work, `corpus-${size.copies}`);
    const corpus = generateCorpus(dir, size.copies);
    const texts = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => readFileSync(join(dir, name), 'utf8'));
    const large = size.copies === LARGEST;
    log(`${label}: ${corpus.files} notes, ${round(corpus.bytes / MB, 2)} MB, ${size.runs} run(s)`);

    const bare = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
    const steps = {
      baseline: () => texts.reduce((nodes, text) => nodes + bare.parse(text).children.length, 0),
      build: () => buildAndWrite(dir, singleThreaded),
    };
    if (large && jobsSupported) steps.jobs2 = () => buildAndWrite(dir, { jobs: 2 });
    const names = Object.keys(steps);
    if (size.warmup) for (const name of names) await steps[name]();
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    // What each step's latest run gave. A build keeps only the digest of the files it wrote, not its dataset: no step
    // runs with another's dataset (about 3 × the corpus) in its heap, as the CLI never does.
    const last = {};
    for (let run = 0; run < size.runs; run++) {
      // Alternate the order so neither side always runs on a warmer (or more fragmented) heap.
      for (const name of run % 2 ? [...names].reverse() : names) {
        const { value, ...sample } = await measure(steps[name]);
        samples[name].push(sample);
        last[name] = name === 'baseline' ? value : { records: value.dataset.questions.length, digest: digestOf(out, DATASET_FILES) };
        log(`  ${label} run ${run + 1}/${size.runs} ${name}: ${Math.round(sample.ms)} ms`);
      }
    }
    const built = last.build;
    // The exporters read the dataset as consumers do, from the dataset.json the last build wrote.
    if (size.copies !== 1) datasets[size.copies] = { dataset: JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')), dir };
    const entry = {
      size: label,
      copies: size.copies,
      files: corpus.files,
      bytes: corpus.bytes,
      MB: round(corpus.bytes / MB, 3),
      records: built.records,
      baseline: summarize(samples.baseline, corpus.bytes),
      build: summarize(samples.build, corpus.bytes),
    };
    entry.throughputRatio = round(entry.baseline.medianMs / entry.build.medianMs, 3); // ours/baseline in MB/s
    if (samples.jobs2) {
      entry.jobs2 = summarize(samples.jobs2, corpus.bytes);
      entry.jobs2Speedup = round(entry.build.medianMs / entry.jobs2.medianMs, 3);
      entry.jobs2OverBare = round(entry.baseline.medianMs / entry.jobs2.medianMs, 3);
      entry.jobs2Identical = last.jobs2.digest === built.digest;
    }
    results.corpus.sizes.push({ size: label, copies: size.copies, files: corpus.files, bytes: corpus.bytes, records: entry.records });
    results.build.push(entry);
  }

  // 2e. Scaling: the largest size is LARGEST/10 times the 10× corpus.
  const [, ten, big] = results.build;
  results.scaling = {
    sizeRatio: round(big.bytes / ten.bytes, 3),
    build: round(big.build.medianMs / ten.build.medianMs, 3),
    baseline: round(big.baseline.medianMs / ten.baseline.medianMs, 3),
  };
  results.jobs = jobsSupported
    ? {
        supported: true,
        corpus: big.size,
        jobs1Ms: big.build.medianMs,
        jobs2Ms: big.jobs2.medianMs,
        speedup: big.jobs2Speedup,
        overBare: big.jobs2OverBare,
        identicalDataset: big.jobs2Identical,
        runs: big.jobs2.runs,
      }
    : { supported: false, note: 'BuildOptions has no `jobs` option in this build: skipped' };

  // 2c. Exporters on the largest dataset (tinybench, median of 3 after a warm-up).
  const { dataset: largest, dir: largestDir } = datasets[LARGEST];
  const records = largest.questions.length;
  log(`exporters on ${LARGEST}× (${records} records)`);
  const bench = new Bench({ iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 });
  // Timed up to the files on disk: the text exports are produced lazily while they are written.
  const exportTo = (name, run) => async () => writeFilesAtomic(join(out, 'export', name), run().files);
  bench
    .add(
      'csv',
      exportTo('csv', () => exportCsv(largest)),
    )
    .add(
      'fine-tuning',
      exportTo('fine-tuning', () => exportFineTuning(largest)),
    )
    .add(
      'rag',
      exportTo('rag', () => exportRag(largest)),
    );
  await bench.run();
  results.exporters = { dataset: `${LARGEST}×`, records };
  for (const task of bench.tasks) {
    if (!task.result?.latency) throw new Error(`exporter ${task.name} failed: ${task.result?.error ?? task.result?.state}`);
    const ms = task.result.latency.p50;
    results.exporters[task.name] = { size: `${LARGEST}×`, records, medianMs: round(ms), recordsPerSec: Math.round(records / (ms / 1000)), usPerRecord: round((ms * 1000) / records), runs: 3 };
  }

  // Anki: first on 10×; at the largest size only if that projects to at most ~2 minutes. The first export renders
  // every answer into a render cache; the rerun with that cache is what a rebuild after a small edit costs.
  const { dataset: tenDataset, dir: tenDir } = datasets[10];
  const ankiTen = await measure(() => exportAnki(tenDataset, { contentRoot: tenDir }));
  const projectedMs = (ankiTen.ms * records) / tenDataset.questions.length;
  log(`anki on 10×: ${Math.round(ankiTen.ms)} ms; projected at ${LARGEST}×: ${Math.round(projectedMs / 1000)} s`);
  const [ankiDataset, ankiDir, ankiSize] = projectedMs <= ANKI_MAX_MS ? [largest, largestDir, LARGEST] : [tenDataset, tenDir, 10];
  const renderCache = new Map();
  const ankiRun = { size: ankiSize, n: ankiDataset.questions.length, ...(await measure(() => exportAnki(ankiDataset, { contentRoot: ankiDir, renderCache }))) };
  const ankiReruns = [];
  for (let run = 0; run < 3; run++) ankiReruns.push(await measure(() => exportAnki(ankiDataset, { contentRoot: ankiDir, renderCache })));
  const rerunMs = median(ankiReruns.map((r) => r.ms));
  results.exporters.anki = {
    size: `${ankiRun.size}×`,
    records: ankiRun.n,
    medianMs: round(ankiRun.ms),
    recordsPerSec: Math.round(ankiRun.n / (ankiRun.ms / 1000)),
    usPerRecord: round((ankiRun.ms * 1000) / ankiRun.n),
    peakRssMB: round(ankiRun.rssMB),
    runs: 1,
    notes: ankiRun.value.summary,
    ...(ankiRun.size === 10
      ? { note: `measured on 10× only: projected ${round(projectedMs / 1000)} s at ${LARGEST}× (> ${ANKI_MAX_MS / 1000} s)` }
      : { tenX: { medianMs: round(ankiTen.ms), usPerRecord: round((ankiTen.ms * 1000) / tenDataset.questions.length) } }),
  };
  results.exporters['anki rerun'] = {
    size: `${ankiRun.size}×`,
    records: ankiRun.n,
    medianMs: round(rerunMs),
    recordsPerSec: Math.round(ankiRun.n / (rerunMs / 1000)),
    usPerRecord: round((rerunMs * 1000) / ankiRun.n),
    runs: 3,
    sameDeck: ankiReruns.every((r) => Buffer.from(outputBytes(r.value.files[0].data)).equals(Buffer.from(outputBytes(ankiRun.value.files[0].data)))),
  };

  // 2c. anki-apkg-export on the same records (question / raw Markdown answer) and exportAnki on them, each run of
  // either in a fresh process.
  // One file for both sides: the first records of the 100× dataset.
  const datasetFile = join(work, 'apkg-dataset.json');
  writeFileSync(datasetFile, JSON.stringify({ ...largest, questions: largest.questions.slice(0, Math.max(...APKG_SIZES)) }));
  results.ankiApkgExport = { runsPerSize: APKG_RUNS, sizes: [] };
  // Both sides on the first n records; the row says whether anki-apkg-export survived and how long it took.
  const compareAt = (n) => {
    const theirs = [];
    for (let run = 0; run < APKG_RUNS; run++) {
      const child = spawnSync(process.execPath, [join(here, 'apkg-child.mjs'), datasetFile, String(n)], { encoding: 'utf8', timeout: 2 * TOO_SLOW_MS });
      const last = child.stdout.trim().split('\n').at(-1);
      let report;
      try {
        report = JSON.parse(last);
      } catch {
        report = { ok: false, error: child.error?.message ?? `exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').at(-1)}` };
      }
      theirs.push(report);
      if (!report.ok) break;
    }
    const failed = theirs.find((r) => !r.ok);
    const ours = [];
    for (let run = 0; run < APKG_RUNS; run++) {
      const child = spawnSync(process.execPath, [join(here, 'anki-child.mjs'), datasetFile, largestDir, String(n)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`anki-child.mjs failed: ${child.stderr || child.error?.message}`);
      ours.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
    }
    const oursMs = median(ours.map((s) => s.firstMs));
    const warmMs = median(ours.map((s) => s.rerunMs));
    const secondMs = median(ours.map((s) => s.secondMs));
    const theirsMs = failed ? undefined : median(theirs.map((r) => r.ms));
    const row = {
      notes: n,
      theirs: failed ? { ok: false, error: failed.error } : { ok: true, medianMs: round(theirsMs), usPerNote: round((theirsMs * 1000) / n) },
      ours: { medianMs: round(oursMs), usPerNote: round((oursMs * 1000) / n) },
      oursSecond: { medianMs: round(secondMs), usPerNote: round((secondMs * 1000) / n) },
      oursRerun: { medianMs: round(warmMs), usPerNote: round((warmMs * 1000) / n), runsPerProcess: Math.min(...ours.map((s) => s.reruns)) },
    };
    if (!failed) {
      row.theirsOverOursRerun = round(theirsMs / warmMs, 1);
      row.theirsOverOursSecond = round(theirsMs / secondMs, 1);
    }
    log(`anki-apkg-export ${n}: ${failed ? `failed (${failed.error})` : `${Math.round(theirsMs)} ms`}; ours ${Math.round(oursMs)} ms`);
    if (!failed && theirsMs > TOO_SLOW_MS) row.theirs.tooSlow = true;
    return row;
  };
  for (const n of APKG_SIZES) {
    const row = compareAt(n);
    results.ankiApkgExport.sizes.push(row);
    if (!row.theirs.ok || row.theirs.tooSlow) break;
  }
  // The largest size it survives lies between its last success and its first failure: halve that gap down to
  // APKG_STEP notes (its failure is an out-of-memory abort, the same for the same records).
  const sizes = results.ankiApkgExport.sizes;
  const edge = () => {
    const failure = sizes.find((row) => !row.theirs.ok);
    return { failure, success: sizes.filter((row) => row.theirs.ok && row.notes < (failure?.notes ?? Infinity)).at(-1) };
  };
  let { failure, success } = edge();
  while (failure && success && failure.notes - success.notes > APKG_STEP) {
    sizes.push(compareAt(Math.round((success.notes + failure.notes) / 2 / APKG_STEP) * APKG_STEP));
    sizes.sort((a, b) => a.notes - b.notes);
    ({ failure, success } = edge());
  }
  results.ankiApkgExport.largestWorking = success ?? null;
  results.ankiApkgExport.firstFailure = failure ?? null;

  // Targets (see README).
  const apkgLargest = results.ankiApkgExport.largestWorking;
  results.targets = [
    { name: `build throughput ≥ 0.85× bare parser (single-threaded, ${big.size})`, target: 0.85, actual: big.throughputRatio, met: big.throughputRatio >= 0.85 },
    // The issue's words: "--jobs 2 ≥ 1.6× the single-threaded baseline", its baseline being the bare parser. Our
    // own single-threaded build is a stricter yardstick; both are shown.
    ...(jobsSupported
      ? [
          { name: `jobs 2 ≥ 1.6× the bare parser, the single-threaded baseline (${big.size})`, target: 1.6, actual: big.jobs2OverBare, met: big.jobs2OverBare >= 1.6 },
          { name: `jobs 2 ≥ 1.6× our build with jobs 1 (${big.size})`, target: 1.6, actual: big.jobs2Speedup, met: big.jobs2Speedup >= 1.6 },
        ]
      : [{ name: 'jobs 2 ≥ 1.6× the single-threaded baseline', target: 1.6, actual: null, met: null, note: 'no jobs option: skipped' }]),
    {
      name: `build time(${big.size})/time(10×) ≤ ${round(11 * (results.scaling.sizeRatio / 10), 2)}`,
      target: round(11 * (results.scaling.sizeRatio / 10), 2),
      actual: results.scaling.build,
      met: results.scaling.build <= 11 * (results.scaling.sizeRatio / 10),
    },
    apkgLargest
      ? {
          name: `Anki rerun ≥ 50× faster per note than anki-apkg-export (${apkgLargest.notes} notes, the largest it survives)`,
          target: 50,
          actual: apkgLargest.theirsOverOursRerun,
          met: apkgLargest.theirsOverOursRerun >= 50,
        }
      : { name: 'Anki vs anki-apkg-export', target: 50, actual: null, met: null, note: 'anki-apkg-export failed at every size' },
    {
      name: `Anki first export of ${results.exporters.anki.records} notes without error`,
      target: results.exporters.anki.records,
      actual: results.exporters.anki.notes.notes + results.exporters.anki.notes.unanswered,
      met: results.exporters.anki.notes.notes + results.exporters.anki.notes.unanswered === results.exporters.anki.records,
    },
  ];
  results.environment.loadAvgAtEnd = loadavg().map((x) => round(x, 2));
  results.benchSeconds = round((performance.now() - started) / 1000);

  writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  print(results);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  else log(`kept ${work}`);
}

/** SHA-256 of the named files in `dir`, in order. */
function digestOf(dir, names) {
  const hash = createHash('sha256');
  for (const name of names) hash.update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

async function buildAndWrite(dir, options) {
  const result = await buildDataset(dir, options);
  if (result.summary.errors > 0) throw new Error(`the synthetic corpus in ${dir} has ${result.summary.errors} error(s)`);
  await writeFilesAtomic(out, datasetFiles(result.dataset));
  return result;
}

function print(r) {
  const env = r.environment;
  console.log(`\nmianjing bench — node ${env.node}, ${env.cpus} CPU(s) (${env.cpuModel}), load ${env.loadAvgAtStart.join(' ')} → ${env.loadAvgAtEnd.join(' ')}, ${r.benchSeconds} s`);
  console.log(`corpus: the ${r.corpus.bundledNotes} bundled notes (${r.corpus.bundledMB} MB) replicated with seed ${r.corpus.seed}; MB = 2^20 bytes of Markdown\n`);
  console.log(
    table([
      ['size', 'MB', 'records', 'runs', 'bare parse MB/s', 'build MB/s', 'ours/bare', 'bare ms/MB', 'build ms/MB', 'bare peak RSS', 'build peak RSS'],
      ...r.build.map((b) => [
        b.size,
        b.MB,
        b.records,
        b.build.runs,
        b.baseline.MBps,
        b.build.MBps,
        `${b.throughputRatio}×`,
        b.baseline.msPerMB,
        b.build.msPerMB,
        `${b.baseline.peakRssMB} MB`,
        `${b.build.peakRssMB} MB`,
      ]),
    ]),
  );
  const big = r.build.at(-1);
  console.log(`\nscaling ${big.size}/10× (size ×${r.scaling.sizeRatio}): build ${r.scaling.build}×, bare parse ${r.scaling.baseline}×`);
  console.log(
    r.jobs.supported
      ? `jobs 2 on ${r.jobs.corpus}: ${r.jobs.jobs2Ms} ms = ${r.jobs.overBare}× the bare parser (${big.baseline.medianMs} ms), ${r.jobs.speedup}× jobs 1 (${r.jobs.jobs1Ms} ms) (peak RSS ${big.jobs2.peakRssMB} MB; byte-identical dataset files: ${r.jobs.identicalDataset})`
      : `jobs: ${r.jobs.note}`,
  );
  console.log(
    '\n' +
      table([
        ['exporter', 'dataset', 'records', 'median ms', 'records/s', 'µs/record'],
        ...['csv', 'fine-tuning', 'rag', 'anki', 'anki rerun'].map((name) => [
          name,
          r.exporters[name].size,
          r.exporters[name].records,
          r.exporters[name].medianMs,
          r.exporters[name].recordsPerSec,
          r.exporters[name].usPerRecord,
        ]),
      ]),
  );
  console.log(`anki: the first export renders every answer; "anki rerun" reuses those renderings (the render cache), same deck: ${r.exporters['anki rerun'].sameDeck}`);
  if (r.exporters.anki.note) console.log(`anki: ${r.exporters.anki.note}`);
  console.log(
    '\n' +
      table([
        ['notes', 'anki-apkg-export ms', 'its µs/note', 'exportAnki first ms', 'µs/note', 'second ms', 'theirs/second', 'rerun ms', 'µs/note', 'theirs/rerun'],
        ...r.ankiApkgExport.sizes.map((row) => [
          row.notes,
          row.theirs.ok ? row.theirs.medianMs : `failed: ${row.theirs.error}`,
          row.theirs.usPerNote,
          row.ours.medianMs,
          row.ours.usPerNote,
          row.oursSecond.medianMs,
          row.theirsOverOursSecond && `${row.theirsOverOursSecond}×`,
          row.oursRerun.medianMs,
          row.oursRerun.usPerNote,
          row.theirsOverOursRerun && `${row.theirsOverOursRerun}×`,
        ]),
      ]),
  );
  console.log(
    'each side warmed up in its process: anki-apkg-export by one 10-note deck (all it can take), exportAnki by its first export and tinybench\'s warm-up; "second" is exportAnki\'s first rerun (code and memory still cold), "rerun" tinybench\'s median',
  );
  const ok = r.ankiApkgExport.largestWorking;
  console.log(
    ok
      ? `anki-apkg-export: largest working size ${ok.notes} notes at ${ok.theirs.usPerNote} µs/note (ours ${ok.ours.usPerNote} µs/note rendering every answer, ${ok.oursRerun.usPerNote} µs/note on a rerun)`
      : 'anki-apkg-export: failed at every size',
  );
  console.log('\n' + table([['target', 'goal', 'actual', 'met'], ...r.targets.map((t) => [t.name, t.target, t.actual, t.met === null ? 'skipped' : t.met ? 'yes' : 'no'])]));
  console.log('\nwritten bench/results.json');
}
