import { relative, resolve } from 'node:path';
import { severityOf, type Severity } from '@mianjing/parser';
import type { VFile } from 'vfile';

export interface Diagnostic {
  /** Path relative to the working directory. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  ruleId: string;
}

/** Every message of every file, in file order then position order. */
export function collectDiagnostics(files: readonly VFile[], cwd: string): Diagnostic[] {
  return files.flatMap((file) => {
    const path = relative(cwd, resolve(file.cwd, file.path)).split('\\').join('/');
    return [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({
        file: path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: severityOf(message),
        message: message.reason,
        ruleId: message.ruleId ?? 'unknown',
      }));
  });
}

/** `path:line:col: severity message [rule-id]`, the shape editors and CI annotators recognise. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`;
}
