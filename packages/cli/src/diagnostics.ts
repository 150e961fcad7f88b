import { relative, resolve } from 'node:path';
import { formatMessage, severityOf, type Severity } from '@mianjing/parser';
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

/** Every message of every file, in file order then position order, as lines (`path:line:col: …`) and as objects. */
export function collectDiagnostics(files: readonly VFile[], cwd: string): Array<{ diagnostic: Diagnostic; line: string }> {
  return files.flatMap((file) => {
    const path = relative(cwd, resolve(file.cwd, file.path)).split('\\').join('/');
    return [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({
        line: formatMessage(path, message),
        diagnostic: { file: path, line: message.line ?? 1, column: message.column ?? 1, severity: severityOf(message), message: message.reason, ruleId: message.ruleId ?? 'unknown' },
      }));
  });
}
