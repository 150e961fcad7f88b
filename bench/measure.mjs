// Timing and memory helpers shared by run.mjs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

// A full GC before each measurement. Not with `node --expose-gc`: the build passes the parent's execArgv to its
// worker threads, and Worker rejects that flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// Peak RSS: a worker thread samples the whole process's RSS every 2 ms into shared memory, so it keeps sampling
// while the main thread is busy in synchronous parsing (and it counts the build's own worker threads).
const peak = new BigInt64Array(new SharedArrayBuffer(8));
const sampler = new Worker(
  `const { workerData } = require('node:worker_threads');
   const peak = new BigInt64Array(workerData);
   setInterval(() => { const rss = BigInt(process.memoryUsage.rss()); if (rss > peak[0]) peak[0] = rss; }, 2);`,
  { eval: true, workerData: peak.buffer },
);
sampler.unref();

export const MB = 1024 * 1024;
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Run `fn` once after a full GC: { ms, rssMB (peak), startMB, value }. */
export async function measure(fn) {
  gc();
  const start = process.memoryUsage.rss();
  peak[0] = BigInt(start);
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const rss = Math.max(Number(peak[0]), process.memoryUsage.rss());
  return { ms, rssMB: rss / MB, startMB: start / MB, value };
}

/** Summary of several `measure` results: median time, all times, worst peak RSS. */
export function summarize(samples, bytes) {
  const ms = median(samples.map((s) => s.ms));
  return {
    runs: samples.length,
    medianMs: round(ms),
    runsMs: samples.map((s) => round(s.ms)),
    MBps: round(bytes / MB / (ms / 1000), 3),
    msPerMB: round(ms / (bytes / MB)),
    peakRssMB: round(Math.max(...samples.map((s) => s.rssMB))),
    startRssMB: round(Math.min(...samples.map((s) => s.startMB))),
  };
}

export const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? x : Number(x.toFixed(digits)));

/** A plain-text table: rows of cells, the first row is the header. */
export function table(rows) {
  const cells = rows.map((row) => row.map((cell) => (cell === undefined || cell === null ? '–' : String(cell))));
  const width = (text) => [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ''))));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell + ' '.repeat(widths[i] - width(cell)) : ' '.repeat(widths[i] - width(cell)) + cell)).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
