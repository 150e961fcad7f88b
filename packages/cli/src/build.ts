import { basename, dirname, relative } from 'node:path';
import { datasetFiles, writeFilesAtomic, type BuildResult } from '@mianjing/dataset/build';
import { readNotes, type ReadOptions } from './check.js';
import type { Io } from './io.js';

export interface BuildCommandOptions extends ReadOptions {
  out: string;
  /** Where to write the per-file accounting of question candidates (`--report`). */
  report?: string;
  name?: string;
  version?: string;
}

/**
 * `mianjing build [DIR] --out OUTDIR`: writes dataset.json, dataset.jsonl and schema.json. A failed build writes
 * nothing, so the previous outputs stay as they were.
 */
export async function build(io: Io, dir: string, options: BuildCommandOptions): Promise<{ code: number; result: BuildResult }> {
  const { result, failed } = await readNotes(io, dir, { ...options, json: false }, { name: options.name, version: options.version });
  if (failed) {
    io.stderr(`Nothing written: fix the problems above${options.strict ? ' (--strict counts warnings)' : ''}.\n`);
    return { code: 1, result };
  }
  const written = await writeFilesAtomic(options.out, datasetFiles(result.dataset));
  if (options.report) written.push(...(await writeFilesAtomic(dirname(options.report), [{ path: basename(options.report), data: accountingReport(result) }])));
  io.stdout(`wrote ${written.map((path) => relative(io.cwd, path)).join(', ')}\n`);
  return { code: 0, result };
}

/** `--report`: for every note, the question candidates seen, the records made and why each other one was dropped. */
export function accountingReport(result: BuildResult): string {
  const files = result.files
    .filter((file) => file.data.accounting)
    .map((file) => ({ path: file.path, ...file.data.accounting! }));
  const total = (key: 'candidates' | 'records') => files.reduce((sum, file) => sum + file[key], 0);
  const report = { candidates: total('candidates'), records: total('records'), dropped: files.reduce((sum, f) => sum + f.dropped.length, 0), files };
  return `${JSON.stringify(report, null, 2)}\n`;
}
