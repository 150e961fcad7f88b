// What a command costs from a cold start, as a user runs it: each run is a fresh `node packages/cli/dist/bin.js …`
// process, side by side with a bare `node -e ""` (Node's own start, the floor). Commands: --version, check of the
// bundled notes, and an Anki export of them with an empty render cache and then with the cache it filled (what
// `mianjing export anki` costs after a small edit). Median of RUNS runs, the commands interleaved. No target: the
// figures show where the time goes. Run with `node bench/cli.mjs` after `pnpm build`. Writes bench/cli-results.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './measure.mjs';

const RUNS = Number(process.env.BENCH_CLI_RUNS) || 7;
const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '../packages/cli/dist/bin.js');
const work = mkdtempSync(join(tmpdir(), 'mianjing-cli-'));
const cache = join(work, 'cache');

const steps = [
  { name: 'node -e "" (floor)', args: () => ['-e', ''] },
  { name: 'mianjing --version', args: () => [bin, '--version'] },
  { name: 'mianjing check', args: () => [bin, 'check'] },
  // A fresh cache folder each run, so every answer is rendered.
  { name: 'export anki, empty cache', args: (run) => [bin, 'export', 'anki', '--out', join(work, 'deck.apkg'), '--cache-dir', join(work, `empty-${run}`)] },
  { name: 'export anki, cache filled', args: () => [bin, 'export', 'anki', '--out', join(work, 'deck.apkg'), '--cache-dir', cache] },
];

try {
  // Fills the cache the last step reads.
  time(steps.at(-1).args(), 'warm-up');
  const runsMs = new Map(steps.map((step) => [step, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const step of run % 2 ? [...steps].reverse() : steps) {
      runsMs.get(step).push(time(step.args(run), step.name));
    }
  }
  const floor = median(runsMs.get(steps[0]));
  const rows = steps.map((step) => {
    const ms = median(runsMs.get(step));
    return { step: step.name, medianMs: Math.round(ms), overNode: round(ms / floor), runsMs: runsMs.get(step).map(Math.round) };
  });
  writeFileSync(join(here, 'cli-results.json'), JSON.stringify({ node: process.version, runs: RUNS, steps: rows }, null, 2) + '\n');
  console.log(table([['command (fresh process)', 'median ms', '× node -e ""'], ...rows.map((r) => [r.step, r.medianMs, r.overNode])]));
  console.log('\nwritten bench/cli-results.json');
} finally {
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}

function time(args, name) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status}): ${result.stderr}`);
  return performance.now() - start;
}

function round(x) {
  return Number(x.toFixed(2));
}
