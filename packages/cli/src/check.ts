import { buildDataset, type BuildResult } from '@mianjing/dataset/build';
import type { ParseMode } from '@mianjing/parser';
import { collectDiagnostics, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Io } from './io.js';

export interface ReadOptions {
  mode?: ParseMode;
  strict: boolean;
  jobs?: number;
}

/** Whether a build's problems fail the command: any error, or any warning under --strict. */
export function failed(result: BuildResult, strict: boolean): boolean {
  return result.summary.errors > 0 || (strict && result.summary.warnings > 0);
}

export function printDiagnostics(io: Io, diagnostics: Diagnostic[], json: boolean): void {
  if (json) io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

export function summaryLine(result: BuildResult): string {
  const s = result.summary;
  return `${s.files} files, ${s.questions} questions (${s.answered} answered), ${s.errors} errors, ${s.warnings} warnings (${result.mode})`;
}

/** `mianjing check [DIR]`: parse and validate, print every problem, write nothing. */
export async function check(io: Io, dir: string, options: ReadOptions & { json: boolean }): Promise<number> {
  const result = await buildDataset(dir, { mode: options.mode, jobs: options.jobs });
  const diagnostics = collectDiagnostics(result.files, io.cwd).filter((d) => d.severity !== 'info');
  printDiagnostics(io, diagnostics, options.json);
  if (!options.json) io.stderr(`${summaryLine(result)}\n`);
  return failed(result, options.strict) ? 1 : 0;
}
