import { buildDataset, type BuildOptions, type BuildResult } from '@mianjing/dataset/build';
import type { ParseMode } from '@mianjing/parser';
import { collectDiagnostics, formatDiagnostic } from './diagnostics.js';
import type { Io } from './io.js';

export interface ReadOptions {
  mode?: ParseMode;
  strict: boolean;
  jobs?: number;
  /** Print diagnostics as JSON on stdout instead of lines on stderr. */
  json?: boolean;
}

/**
 * Read a notes folder the way every command does: build it, print its problems (and, as text, a summary line),
 * and say whether they fail the command: any error, or any warning under --strict.
 */
export async function readNotes(io: Io, dir: string, options: ReadOptions, identity: BuildOptions = {}): Promise<{ result: BuildResult; failed: boolean }> {
  const result = await buildDataset(dir, { ...identity, mode: options.mode, jobs: options.jobs });
  const diagnostics = collectDiagnostics(result.files, io.cwd).filter((d) => d.severity !== 'info');
  if (options.json) io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else {
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const s = result.summary;
    io.stderr(`${s.files} files, ${s.questions} questions (${s.answered} answered), ${s.errors} errors, ${s.warnings} warnings (${result.mode})\n`);
  }
  return { result, failed: result.summary.errors > 0 || (options.strict && result.summary.warnings > 0) };
}

/** `mianjing check [DIR]`: parse and validate, print every problem, write nothing. */
export async function check(io: Io, dir: string, options: ReadOptions): Promise<number> {
  return (await readNotes(io, dir, options)).failed ? 1 : 0;
}
