#!/usr/bin/env node
// Scores the lenient reader against the hand-counted development corpus in corpus/.
//
//   node scripts/score-layouts.mjs [--cli PATH_TO_bin.js] [--json]
//
// It builds corpus/files with `--mode lenient` into a temporary folder, reads dataset.json,
// groups the records by source.path and compares each file with its entry in
// corpus/manifest.json: questions found vs expected, answered found vs expected (within
// tolerance when |found - expected| <= max(2, 0.15 * expected)) and how many of the hand-picked
// sample titles were extracted. It measures; it does not gate: the exit code is 0 whatever the
// figures, and 1 only when the CLI wrote no dataset.json (or the manifest cannot be read).
// Dependency-free (Node 20 standard library only).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = 'corpus/files';
const MANIFEST = join(ROOT, 'corpus', 'manifest.json');

function parseArgs(argv) {
  const options = { cli: join(ROOT, 'packages', 'cli', 'dist', 'bin.js'), json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--cli') {
      const value = argv[++i];
      if (!value) usage('--cli needs a path');
      options.cli = resolve(process.cwd(), value);
    } else if (arg.startsWith('--cli=')) options.cli = resolve(process.cwd(), arg.slice('--cli='.length));
    else if (arg === '-h' || arg === '--help') usage();
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

function usage(problem) {
  if (problem) process.stderr.write(`score-layouts: ${problem}\n`);
  process.stderr.write('usage: node scripts/score-layouts.mjs [--cli PATH_TO_bin.js] [--json]\n');
  process.exit(problem ? 2 : 0);
}

// Leading numbering and question markers, stripped before comparing sample titles with records:
// "2.1 ", "3. ", "9.", "1、", "1) ", "一、", "（二）", "(1)", "Q3: ", "Q: ", "Q01 · ", "问：", "问题：",
// "Interviewer: ", and hand-typed bullets ("● ", "• "). Applied after NFKC, so full-width
// punctuation ("：", "（", "？") has already become its ASCII form.
const NUMBERING = [
  /^[●•◆◇■□▪○◦►▶➤★☆]\s*/u,
  /^(?:Q|问题|问|Question|Interviewer|I)\s*\d*\s*[:.)·、]\s*/iu,
  /^Q\d+\s+/iu,
  /^\d+(?:\.\d+)*\s*[.、)]\s*/u,
  /^\d+(?:\.\d+)*\s+/u,
  /^[一二三四五六七八九十百]+\s*[、.]\s*/u,
  /^\(\s*[一二三四五六七八九十百\d]+\s*\)\s*/u,
];

export function normalize(text) {
  let s = String(text ?? '')
    .normalize('NFKC')
    .trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    for (const pattern of NUMBERING) s = s.replace(pattern, '');
    s = s.trim();
    if (s === before) break;
  }
  s = s.replace(/[?]+$/u, '');
  return s.replace(/\s+/gu, ' ').trim();
}

export function withinTolerance(found, expected) {
  return Math.abs(found - expected) <= Math.max(2, 0.15 * expected);
}

function runCli(cli) {
  if (!existsSync(cli)) {
    process.stderr.write(`score-layouts: no CLI at ${cli} (build it, or pass --cli)\n`);
    process.exit(1);
  }
  const out = mkdtempSync(join(tmpdir(), 'mianjing-score-'));
  const result = spawnSync(process.execPath, [cli, 'build', CORPUS_DIR, '--out', out, '--mode', 'lenient'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const datasetPath = join(out, 'dataset.json');
  if (!existsSync(datasetPath)) {
    process.stderr.write(`score-layouts: the CLI wrote no dataset.json (exit ${result.status ?? result.signal})\n`);
    if (result.error) process.stderr.write(`${result.error.message}\n`);
    process.stderr.write(result.stderr ?? '');
    rmSync(out, { recursive: true, force: true });
    process.exit(1);
  }
  let dataset;
  try {
    dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { dataset, exitCode: result.status };
}

function emptyTally() {
  return { files: 0, questionsOk: 0, answeredOk: 0, bothOk: 0, samples: 0, samplesFound: 0, expected: 0, found: 0, expectedAnswered: 0, foundAnswered: 0 };
}

function add(tally, row) {
  tally.files++;
  if (row.questions.ok) tally.questionsOk++;
  if (row.answered.ok) tally.answeredOk++;
  if (row.questions.ok && row.answered.ok) tally.bothOk++;
  tally.samples += row.samples.total;
  tally.samplesFound += row.samples.found;
  tally.expected += row.questions.expected;
  tally.found += row.questions.found;
  tally.expectedAnswered += row.answered.expected;
  tally.foundAnswered += row.answered.found;
}

export function score(manifest, dataset) {
  const byPath = new Map();
  for (const record of dataset.questions ?? []) {
    const path = record?.source?.path;
    if (!byPath.has(path)) byPath.set(path, []);
    byPath.get(path).push(record);
  }
  const rows = [];
  const total = emptyTally();
  const layouts = new Map();
  for (const entry of manifest.files) {
    const records = byPath.get(entry.file) ?? [];
    const found = records.length;
    const foundAnswered = records.filter((r) => r.status === 'answered').length;
    const extracted = new Set(records.map((r) => normalize(r.question)));
    const missing = (entry.samples ?? []).filter((sample) => !extracted.has(normalize(sample)));
    const row = {
      file: entry.file,
      synthetic: Boolean(entry.synthetic),
      layouts: entry.layouts ?? [],
      questions: { expected: entry.questions, found, ok: withinTolerance(found, entry.questions) },
      answered: { expected: entry.answered, found: foundAnswered, ok: withinTolerance(foundAnswered, entry.answered) },
      samples: { total: (entry.samples ?? []).length, found: (entry.samples ?? []).length - missing.length, missing },
    };
    rows.push(row);
    add(total, row);
    for (const layout of row.layouts) {
      if (!layouts.has(layout)) layouts.set(layout, emptyTally());
      add(layouts.get(layout), row);
    }
  }
  const unexpected = [...byPath.keys()].filter((path) => !manifest.files.some((entry) => entry.file === path));
  return { rows, total, layouts: Object.fromEntries([...layouts].sort(([a], [b]) => a.localeCompare(b))), unexpected };
}

const pct = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

function printText(result, cli, exitCode) {
  const lines = [];
  lines.push(`score-layouts: ${result.rows.length} files, CLI ${cli} (exit ${exitCode})`);
  lines.push('');
  const width = Math.max(...result.rows.map((row) => row.file.length));
  lines.push(`${'file'.padEnd(width)}  questions (exp/found)  answered (exp/found)  samples`);
  for (const row of result.rows) {
    const q = `${row.questions.ok ? 'ok  ' : 'MISS'} ${String(row.questions.expected).padStart(4)}/${String(row.questions.found).padEnd(4)}`;
    const a = `${row.answered.ok ? 'ok  ' : 'MISS'} ${String(row.answered.expected).padStart(4)}/${String(row.answered.found).padEnd(4)}`;
    lines.push(`${row.file.padEnd(width)}  ${q.padEnd(21)}  ${a.padEnd(20)}  ${row.samples.found}/${row.samples.total}`);
  }
  const t = result.total;
  lines.push('');
  lines.push('totals');
  lines.push(`  files within tolerance on questions: ${t.questionsOk}/${t.files} (${pct(t.questionsOk, t.files)})`);
  lines.push(`  files within tolerance on answered:  ${t.answeredOk}/${t.files} (${pct(t.answeredOk, t.files)})`);
  lines.push(`  files within tolerance on both:      ${t.bothOk}/${t.files} (${pct(t.bothOk, t.files)})`);
  lines.push(`  samples found: ${t.samplesFound}/${t.samples} (${pct(t.samplesFound, t.samples)})`);
  lines.push(`  questions found vs expected: ${t.found} / ${t.expected}; answered found vs expected: ${t.foundAnswered} / ${t.expectedAnswered}`);
  lines.push('');
  lines.push('per layout tag (a file counts for every tag it has)');
  const tagWidth = Math.max(...Object.keys(result.layouts).map((k) => k.length), 6);
  lines.push(`  ${'layout'.padEnd(tagWidth)}  files  questions-ok  answered-ok  both-ok  samples`);
  for (const [layout, l] of Object.entries(result.layouts)) {
    lines.push(
      `  ${layout.padEnd(tagWidth)}  ${String(l.files).padStart(5)}  ${`${l.questionsOk} (${pct(l.questionsOk, l.files)})`.padEnd(12)}  ${`${l.answeredOk} (${pct(l.answeredOk, l.files)})`.padEnd(11)}  ${`${l.bothOk} (${pct(l.bothOk, l.files)})`.padEnd(7)}  ${l.samplesFound}/${l.samples} (${pct(l.samplesFound, l.samples)})`,
    );
  }
  const withMissing = result.rows.filter((row) => row.samples.missing.length > 0);
  if (withMissing.length > 0) {
    lines.push('');
    lines.push('samples not found');
    for (const row of withMissing) for (const sample of row.samples.missing) lines.push(`  ${row.file}: ${sample}`);
  }
  if (result.unexpected.length > 0) {
    lines.push('');
    lines.push(`records from files missing in the manifest: ${result.unexpected.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch (error) {
    process.stderr.write(`score-layouts: cannot read ${MANIFEST}: ${error.message}\n`);
    process.exit(1);
  }
  const { dataset, exitCode } = runCli(options.cli);
  const result = score(manifest, dataset);
  if (options.json) {
    const t = result.total;
    const ratios = (l) => ({
      ...l,
      questionsOkRate: l.files ? l.questionsOk / l.files : null,
      answeredOkRate: l.files ? l.answeredOk / l.files : null,
      bothOkRate: l.files ? l.bothOk / l.files : null,
      samplesFoundRate: l.samples ? l.samplesFound / l.samples : null,
    });
    const layouts = Object.fromEntries(Object.entries(result.layouts).map(([k, v]) => [k, ratios(v)]));
    process.stdout.write(`${JSON.stringify({ cli: options.cli, cliExitCode: exitCode, files: result.rows, totals: ratios(t), layouts, unexpected: result.unexpected }, null, 2)}\n`);
  } else {
    printText(result, options.cli, exitCode);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
