// Anki export speed side by side with a genanki-like writer (bench/genanki_like.py: Python's native sqlite3 and
// zipfile doing genanki's work) at 10,000 and 100,000 notes of about 300 characters. Writes bench/anki-results.json.
// See bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, median, round, table } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const log = (...args) => console.error('·', ...args);
const fromCli = createRequire(join(here, '../packages/cli/package.json'));
const load = (id) => import(pathToFileURL(fromCli.resolve(id)).href);
const { writeFilesAtomic } = await load('@mianjing/dataset/build');
const { exportAnki } = await load('@mianjing/exporters');
const { Dataset } = await load('@mianjing/schema');

const SIZES = (process.env.BENCH_ANKI_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = 3;
const TARGET_RATIO = 1.5; // ours per note ≤ 1.5 × genanki's
const TIMESTAMP = 1_700_000_000;
const bundled = JSON.parse(readFileSync(join(here, '../packages/dataset/data/dataset.json'), 'utf8'));
const paragraphs = bundled.questions.flatMap((q) => q.answer.split(/\n{2,}/)).filter((p) => p.trim() !== '');

/** `n` distinct records of about 300 characters: bundled questions, answers made of bundled paragraphs. */
function syntheticDataset(n) {
  const questions = [];
  for (let i = 0; i < n; i++) {
    const base = bundled.questions[i % bundled.questions.length];
    let answer = '';
    for (let p = (i * 7919) % paragraphs.length; answer.length < 230; p = (p + 1) % paragraphs.length) answer += `${paragraphs[p].slice(0, 200)}\n\n`;
    answer += `（第 ${i + 1} 条）`;
    questions.push({ ...base, id: `${base.id}-n${i + 1}`, question: `${base.question}（第 ${i + 1} 条）`, status: 'answered', answer, answerText: answer });
  }
  return Dataset.parse({ meta: { ...bundled.meta, count: n, answered: n }, questions });
}

const work = mkdtempSync(join(tmpdir(), 'mianjing-bench-anki-'));
const results = { environment: { node: process.version, loadAvgAtStart: loadavg().map((x) => round(x, 2)) }, runs: RUNS, sizes: [] };
try {
  for (const n of SIZES) {
    const dataset = syntheticDataset(n);
    const chars = dataset.questions.reduce((sum, q) => sum + q.question.length + q.answer.length, 0) / n;
    const recordsFile = join(work, `records-${n}.json`);
    const fields = dataset.questions.map((q) => [q.id, q.question, q.answer, q.breadcrumb.join(' › '), `${q.source.path}:${q.source.line}-${q.source.endLine}`, q.tags]);
    writeFileSync(recordsFile, JSON.stringify(fields));
    const cache = new Map();
    const ours =
      (name, compress = true) =>
      async () => {
        const result = await exportAnki(dataset, { timestamp: TIMESTAMP, renderCache: cache, compress });
        await writeFilesAtomic(join(work, name), result.files);
        return result;
      };

    // First run: every answer rendered (and put in the cache). It is also the 100k-notes-from-scratch check.
    log(`${n} notes (${Math.round(chars)} characters each on average): first export, rendering every answer`);
    const cold = await measure(ours('cold'));
    const reference = join(work, 'cold', 'mianjing.apkg');

    const samples = { genanki: [], ours: [], stored: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const side of run % 2 ? ['stored', 'ours', 'genanki'] : ['genanki', 'ours', 'stored']) {
        if (side !== 'genanki') {
          samples[side].push((await measure(ours(side === 'ours' ? 'warm' : 'stored', side === 'ours'))).ms);
        } else {
          const child = spawnSync('python3', [join(here, 'genanki_like.py'), recordsFile, join(work, 'genanki.apkg'), reference], { encoding: 'utf8' });
          if (child.status !== 0) throw new Error(`genanki_like.py failed: ${child.stderr || child.error?.message}`);
          samples.genanki.push(JSON.parse(child.stdout.trim().split('\n').at(-1)).ms);
        }
        log(`  ${n} run ${run + 1}/${RUNS} ${side}: ${Math.round(samples[side].at(-1))} ms`);
      }
    }
    const identical = readFileSync(reference).equals(readFileSync(join(work, 'warm', 'mianjing.apkg')));
    const perNote = (ms) => round((ms * 1000) / n);
    const genankiMs = median(samples.genanki);
    const oursMs = median(samples.ours);
    const storedMs = median(samples.stored);
    results.sizes.push({
      notes: n,
      averageChars: Math.round(chars),
      genanki: { medianMs: round(genankiMs), runsMs: samples.genanki.map((ms) => round(ms)), notesPerSec: Math.round(n / (genankiMs / 1000)), usPerNote: perNote(genankiMs) },
      ours: { medianMs: round(oursMs), runsMs: samples.ours.map((ms) => round(ms)), notesPerSec: Math.round(n / (oursMs / 1000)), usPerNote: perNote(oursMs), peakRssMB: round(cold.rssMB) },
      stored: {
        medianMs: round(storedMs),
        runsMs: samples.stored.map((ms) => round(ms)),
        notesPerSec: Math.round(n / (storedMs / 1000)),
        usPerNote: perNote(storedMs),
        ratio: round(storedMs / genankiMs, 2),
      },
      firstExport: { ms: round(cold.ms), notesPerSec: Math.round(n / (cold.ms / 1000)), usPerNote: perNote(cold.ms), notes: cold.value.summary.notes },
      ratio: round(oursMs / genankiMs, 2),
      sameDeckFromCache: identical,
    });
  }
  results.targets = [
    // Like for like: genanki stores the collection in the zip, as `compress: false` does.
    ...results.sizes.map((s) => ({
      name: `Anki export of ${s.notes} notes, stored as genanki stores it, ≤ ${TARGET_RATIO}× genanki-like per note (answers rendered before)`,
      target: TARGET_RATIO,
      actual: s.stored.ratio,
      met: s.stored.ratio <= TARGET_RATIO,
    })),
    // Stricter: our default also deflates the collection, work genanki does not do.
    ...results.sizes.map((s) => ({
      name: `Anki export of ${s.notes} notes, deflated (our default), ≤ ${TARGET_RATIO}× genanki-like per note (answers rendered before)`,
      target: TARGET_RATIO,
      actual: s.ratio,
      met: s.ratio <= TARGET_RATIO,
    })),
    ...results.sizes.map((s) => ({ name: `${s.notes} notes exported from scratch without error`, target: s.notes, actual: s.firstExport.notes, met: s.firstExport.notes === s.notes })),
  ];
  results.environment.loadAvgAtEnd = loadavg().map((x) => round(x, 2));
  writeFileSync(join(here, 'anki-results.json'), JSON.stringify(results, null, 2) + '\n');
  print(results);
} finally {
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}

function print(r) {
  console.log(`\nAnki export vs genanki-like (Python sqlite3 + zipfile), median of ${r.runs}; load ${r.environment.loadAvgAtStart.join(' ')} → ${r.environment.loadAvgAtEnd.join(' ')}\n`);
  console.log(
    table([
      ['notes', 'chars/note', 'genanki-like notes/s', 'µs/note', 'ours notes/s', 'µs/note', 'ours/genanki', 'uncompressed µs/note', 'ratio', 'first export notes/s', 'µs/note', 'same deck'],
      ...r.sizes.map((s) => [
        s.notes,
        s.averageChars,
        s.genanki.notesPerSec,
        s.genanki.usPerNote,
        s.ours.notesPerSec,
        s.ours.usPerNote,
        `${s.ratio}×`,
        s.stored.usPerNote,
        `${s.stored.ratio}×`,
        s.firstExport.notesPerSec,
        s.firstExport.usPerNote,
        s.sameDeckFromCache,
      ]),
    ]),
  );
  console.log('\n"ours" reruns the export with every answer already rendered (the render cache), as genanki gets its fields ready-made;');
  console.log('"uncompressed" is the same with compress: false, storing the collection as genanki does;');
  console.log('"first export" renders every answer from Markdown to sanitized HTML first.');
  console.log('\n' + table([['target', 'goal', 'actual', 'met'], ...r.targets.map((t) => [t.name, t.target, t.actual, t.met ? 'yes' : 'no'])]));
  console.log('\nwritten bench/anki-results.json');
}
