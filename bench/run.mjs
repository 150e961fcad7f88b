// `pnpm bench`: the performance floors of bench/README.md, each measured side by side in one run. Every step runs
// in a fresh process (bench/child.mjs), so its time and peak memory are its own; runs of the steps being compared
// are interleaved, and the median is compared. Writes bench/results.json and prints a table; exits 1 if a floor fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './corpus.mjs';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..');
const MB = 1024 * 1024;
// Multiples of 6: six rounds of three steps take every order once (see interleaved).
const RUNS = Number(process.env.BENCH_RUNS ?? 6);
// The real notes build in seconds: more runs of them cost little and steady their medians.
const REAL_RUNS = Number(process.env.BENCH_REAL_RUNS ?? 24);
const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const ANKI_NOTES = Number(process.env.BENCH_ANKI_NOTES ?? 100_000);
const ANKI_RUNS = Number(process.env.BENCH_ANKI_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'mianjing-bench-'));
const log = (...args) => console.error('·', ...args);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (x, digits = 2) => Number(x.toFixed(digits));

function child(step, input, output, env = {}) {
  const text = execFileSync(process.execPath, [join(here, 'child.mjs'), step, input, output ?? join(work, 'out')], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * MB });
  return JSON.parse(text.trim().split('\n').at(-1));
}

/**
 * The order of round `round`: the steps rotated by `round`, reversed in odd rounds (a b c, a c b, c a b, c b a, b c a,
 * b a c). With three steps, six rounds take every order once, so each step runs in each place and right after each
 * other step equally often.
 */
function roundOrder(names, round) {
  const rotated = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
  return round % 2 ? rotated.reverse() : rotated;
}

/**
 * Runs each named step `runs` times, interleaved in `roundOrder`. After every step the disk is synced, outside the
 * measured time, so no step pays for writing back what the one before it wrote.
 */
function interleaved(steps, runs) {
  const names = Object.keys(steps);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of roundOrder(names, run)) {
      const sample = steps[name]();
      spawnSync('sync');
      samples[name].push(sample);
      log(`  run ${run + 1}/${runs} ${name}: ${Math.round(sample.ms)} ms, ${Math.round(sample.maxRssMB)} MB`);
    }
  }
  return samples;
}

const markdownBytes = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);

/** The real notes of corpus/files, copied until they make at least `target` bytes (each copy in a folder of its own). */
function realCorpus(dir, target) {
  const source = join(root, 'corpus', 'files');
  const once = markdownBytes(source);
  const copies = Math.max(1, Math.ceil(target / once));
  for (let k = 1; k <= copies; k++) cpSync(source, join(dir, `copy-${k}`), { recursive: true });
  return { copies, bytes: once * copies };
}

const floors = [];
const results = {
  environment: { node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model, totalMemMB: Math.round(totalmem() / MB), loadAvgAtStart: loadavg().map((x) => round(x)) },
  runs: { synthetic: RUNS, real: REAL_RUNS, anki: ANKI_RUNS },
  corpora: {},
  build: {},
  anki: {},
  floors,
};

try {
  const synthetic = join(work, 'synthetic');
  const generated = generateCorpus(synthetic, COPIES);
  const real = join(work, 'real');
  mkdirSync(real);
  const realMade = realCorpus(real, 8 * 1000 * 1000);
  results.corpora = {
    [`${COPIES}× bundled notes`]: { files: generated.files, MB: round(generated.bytes / MB) },
    [`real notes (corpus/files × ${realMade.copies})`]: { MB: round(realMade.bytes / MB) },
  };

  for (const [label, dir, bytes, runs] of [
    [`${COPIES}×`, synthetic, generated.bytes, RUNS],
    ['real notes', real, realMade.bytes, REAL_RUNS],
  ]) {
    log(`${label}: ${round(bytes / MB)} MB, ${runs} interleaved runs of the bare parse, the build with --jobs 1 and the default build`);
    const samples = interleaved({ bare: () => child('bare', dir), jobs1: () => child('build1', dir), default: () => child('buildDefault', dir) }, runs);
    const ms = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, round(median(list.map((s) => s.ms)), 0)]));
    const peak = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, round(Math.max(...list.map((s) => s.maxRssMB)), 0)]));
    results.build[label] = { MB: round(bytes / MB), medianMs: ms, peakRssMB: peak, runsMs: Object.fromEntries(Object.entries(samples).map(([n, l]) => [n, l.map((s) => Math.round(s.ms))])) };
    floors.push({ floor: `build --jobs 1 throughput ≥ 0.85× the bare parse (${label})`, value: round(ms.bare / ms.jobs1), limit: 0.85, met: ms.bare / ms.jobs1 >= 0.85 });
    floors.push({ floor: `default build ≥ 0.97× --jobs 1 throughput (${label})`, value: round(ms.jobs1 / ms.default), limit: 0.97, met: ms.jobs1 / ms.default >= 0.97 });
    if (dir === synthetic) {
      const limit = 5 * (bytes / MB) + 200;
      const worst = Math.max(peak.jobs1, peak.default);
      floors.push({ floor: `peak RSS of the ${label} build ≤ 5 × corpus + 200 MB`, value: worst, limit: round(limit, 0), met: worst <= limit, unit: 'MB' });
    }
  }

  // Anki: the bundled answers replicated to ANKI_NOTES notes with ids of their own, against the genanki-like writer
  // (raw fields, no rendering, the collection stored) on the same records.
  const dataset = join(root, 'packages', 'dataset', 'data', 'dataset.json');
  const records = join(work, 'records.json');
  execFileSync(process.execPath, ['--input-type=module', '-e', genankiRecords(dataset, records, ANKI_NOTES)]);
  const reference = join(work, 'reference');
  child('anki', dataset, reference, { NOTES: '50' });
  log(`anki: ${ANKI_NOTES} notes, ${ANKI_RUNS} interleaved runs of exportAnki (deflated and stored) and the genanki-like writer`);
  const genanki = () => {
    const out = execFileSync('/usr/bin/python3', [join(here, 'genanki_like.py'), records, join(work, 'genanki.apkg'), join(reference, 'mianjing.apkg')], { encoding: 'utf8', maxBuffer: 16 * MB });
    return { ...JSON.parse(out), maxRssMB: 0 };
  };
  // The real genanki (../shared/anki/pydeps), for context: it also checks each field's HTML.
  const genankiPath = join(root, '..', 'shared', 'anki', 'pydeps');
  const realGenanki = () => {
    const out = execFileSync('/usr/bin/python3', ['-W', 'ignore', join(here, 'genanki_real.py'), records, join(work, 'genanki-real.apkg')], {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
      env: { ...process.env, PYTHONPATH: genankiPath },
    });
    return { ...JSON.parse(out), maxRssMB: 0 };
  };
  const hasGenanki = spawnSync('/usr/bin/python3', ['-c', 'import genanki'], { env: { ...process.env, PYTHONPATH: genankiPath } }).status === 0;
  const anki = interleaved(
    {
      ours: () => child('anki', dataset, join(work, 'anki'), { NOTES: String(ANKI_NOTES) }),
      oursStored: () => child('anki', dataset, join(work, 'anki-stored'), { NOTES: String(ANKI_NOTES), STORED: '1' }),
      genanki,
      ...(hasGenanki ? { realGenanki } : {}),
    },
    ANKI_RUNS,
  );
  const ankiMs = Object.fromEntries(Object.entries(anki).map(([name, list]) => [name, round(median(list.map((s) => s.ms)), 0)]));
  results.anki = { notes: ANKI_NOTES, medianMs: ankiMs, peakRssMB: round(Math.max(...anki.ours.map((s) => s.maxRssMB)), 0) };
  floors.push({
    floor: `Anki export of ${ANKI_NOTES} notes ≤ 4× the genanki-like writer`,
    value: round(ankiMs.ours / ankiMs.genanki),
    limit: 4,
    met: ankiMs.ours / ankiMs.genanki <= 4,
    lowerIsBetter: true,
  });
  results.anki.storedRatio = round(ankiMs.oursStored / ankiMs.genanki);
  if (hasGenanki) results.anki.realGenankiRatio = round(ankiMs.ours / ankiMs.realGenanki);
} finally {
  rmSync(work, { recursive: true, force: true });
}

writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...floors.map((f) => f.floor.length));
console.log(`\n${'floor'.padEnd(width)}  value     limit  met`);
for (const f of floors) console.log(`${f.floor.padEnd(width)}  ${String(f.value).padStart(6)}${f.unit ?? ' '}  ${String(f.limit).padStart(6)}  ${f.met ? 'yes' : 'NO'}`);
console.log(`\nAnki, collection stored as genanki stores it: ${results.anki.storedRatio}× the genanki-like writer.`);
if (results.anki.realGenankiRatio) console.log(`Anki, against the real genanki on the same records: ${results.anki.realGenankiRatio}×.`);
process.exitCode = floors.every((f) => f.met) ? 0 : 1;

/** A script writing the genanki-like writer's input: [id, question, answer, breadcrumb, source, tags] per note. */
function genankiRecords(from, to, count) {
  return `
import { readFileSync, createWriteStream } from 'node:fs';
const dataset = JSON.parse(readFileSync(${JSON.stringify(from)}, 'utf8'));
const answered = dataset.questions.filter((r) => r.status === 'answered');
const out = createWriteStream(${JSON.stringify(to)});
out.write('[');
for (let i = 0; i < ${count}; i++) {
  const r = answered[i % answered.length];
  const row = ['bench/q-' + i, r.question, (r.summary ? r.summary + '\\n\\n' : '') + r.answer, r.breadcrumb.join(' › '), r.source.path + ':' + r.source.line + '-' + r.source.endLine, r.tags];
  out.write((i ? ',' : '') + JSON.stringify(row));
}
out.end(']');
`;
}
