import { relative, resolve } from 'node:path';
import { formatMessage, severityOf, type Severity } from '@mianjing/parser';
import type { Dataset, RecordWarning } from '@mianjing/schema';
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
    const path = shownPath(cwd, file.cwd, file.path);
    return [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({
        line: formatMessage(path, message),
        diagnostic: { file: path, line: message.line ?? 1, column: message.column ?? 1, severity: severityOf(message), message: message.reason, ruleId: message.ruleId ?? 'unknown' },
      }));
  });
}

/**
 * Exporters' warnings as diagnostic lines (`path:line:col: warning … [rule]`), placed at the question they concern so
 * an editor can jump to it. `notes` is the notes folder when the dataset was built from one; a dataset read from a
 * file keeps its records' paths, relative to the folder it was built from.
 */
export function exportWarningLines(warnings: readonly RecordWarning[], dataset: Dataset, notes: string | undefined, cwd: string): string[] {
  if (warnings.length === 0) return [];
  const sources = new Map(dataset.questions.map((record) => [record.id, record.source]));
  return warnings.map(({ recordId, ruleId, message }) => {
    const source = sources.get(recordId);
    if (!source) return `${recordId}: warning ${message} [${ruleId}]`;
    const path = notes === undefined ? source.path : shownPath(cwd, notes, source.path);
    return `${path}:${source.line}:1: warning ${message} (question \`${recordId}\`) [${ruleId}]`;
  });
}

/** A note's path as messages show it: relative to the working folder, with `/` separators. */
function shownPath(cwd: string, root: string, path: string): string {
  return relative(cwd, resolve(root, path)).split('\\').join('/');
}
