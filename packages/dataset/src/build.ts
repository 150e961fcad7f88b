import { basename, resolve } from 'node:path';
import { report, severityOf, type ParseMode } from '@mianjing/parser';
import { DatasetMeta, SCHEMA_VERSION, validateDatasetAsJson, validateRecord, type Dataset, type NoteInfo, type QuestionRecord } from '@mianjing/schema';
import { VFile } from 'vfile';
import { checkDuplicateIds, checkDuplicateNoteIds, checkDuplicateQuestions, checkLinks, checkRetired, type Placed } from './checks.js';
import { CONFIG_FILE } from './config.js';
import { readConfig } from './config.js';
import { unreadableSeverity } from './parse-note-file.js';
import { parseNotes, type ParseProgress } from './parse-pool.js';
import { listNotes } from './walk.js';

export interface BuildOptions {
  /** Overrides the folder's `mianjing.json` mode; without either the folder is read leniently. */
  mode?: ParseMode;
  name?: string;
  version?: string;
  license?: string;
  /** Parse on this many worker threads (default 1: on the calling thread); the result is the same for any value. */
  jobs?: number;
  /** Called as notes are parsed, with how many are done and how many there are. */
  onProgress?: ParseProgress;
}

export interface BuildSummary {
  files: number;
  questions: number;
  answered: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface BuildResult {
  dataset: Dataset;
  /** One file per note (and per unreadable entry), each with its messages. */
  files: VFile[];
  mode: ParseMode;
  summary: BuildSummary;
}

/** Thrown when the assembled dataset fails its own schema: a bug in the toolchain, never a content problem. */
export class DatasetInvariantError extends Error {
  override name = 'DatasetInvariantError';
}

/**
 * Read every note under `root`, extract its questions, run the cross-file checks and assemble the dataset,
 * validated record by record with ajv against the published JSON Schema.
 */
export async function buildDataset(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const contentRoot = resolve(root);
  const config = await readConfig(contentRoot);
  const mode: ParseMode = options.mode ?? config.mode ?? 'lenient';
  const severity = mode === 'canonical' ? 'error' : 'warning';
  const { notes, problems } = await listNotes(contentRoot, config.ignore);

  const unreadable = unreadableSeverity(mode);
  const files: VFile[] = [];
  for (const problem of problems) {
    const file = new VFile({ path: problem.path, cwd: contentRoot });
    report(file, unreadable, 'unreadable-file', `Cannot read \`${problem.path}\`: ${problem.reason}`, { line: 1, column: 1 });
    files.push(file);
  }

  const parsed = await parseNotes(notes, contentRoot, { mode, language: config.language }, options.jobs ?? 1, options.onProgress);
  files.push(...parsed);
  let placed: Placed[] = parsed.flatMap((file) => (file.data.records ?? []).map((record) => ({ record, file })));

  placed = checkDuplicateIds(placed, severity);
  checkDuplicateQuestions(placed, severity);
  checkDuplicateNoteIds(files, severity);
  const retired = [...(config.retired ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const configFile = new VFile({ path: CONFIG_FILE, cwd: contentRoot });
  checkRetired(configFile, placed, retired, severity);
  checkLinks(files, new Set(placed.map((item) => item.record.id)), new Map(retired.map((entry) => [entry.id, entry])), severity);
  if (configFile.messages.length > 0) files.unshift(configFile);

  // Each record is checked on its own against the published JSON Schema, which consumers validate the files with: one
  // it rejects is reported and left out. Records are plain data, so they get the verdict their JSON text gets.
  const questions: QuestionRecord[] = [];
  for (const item of placed) {
    const problem = validateRecord(item.record)[0];
    if (!problem) questions.push(item.record);
    else {
      const field = problem.pointer.slice(1).split('/').join('.');
      report(item.file, 'error', 'invalid-record', `Unexpected record \`${item.record.id}\`: ${field} ${problem.message}; it is left out of the dataset`, {
        line: item.record.source.line,
        column: 1,
      });
    }
  }

  const answered = questions.filter((q) => q.status === 'answered').length;
  // Each record was parsed above; only the meta block is left to check.
  const dataset: Dataset = {
    meta: DatasetMeta.parse({
      name: options.name ?? config.name ?? basename(contentRoot),
      version: options.version ?? '0.0.0',
      license: options.license ?? config.license ?? 'NOASSERTION',
      languages: languagesOf(questions),
      schemaVersion: SCHEMA_VERSION,
      count: questions.length,
      answered,
    }),
    notes: notesOf(parsed, questions),
    retired,
    questions,
  };
  // The records were checked above; what is left is the dataset around them.
  const problemsFound = validateDatasetAsJson({ ...dataset, questions: [] });
  if (problemsFound.length > 0) {
    throw new DatasetInvariantError(`The built dataset does not match schema.json:\n${problemsFound.map((p) => `  ${p.pointer}: ${p.message}`).join('\n')}`);
  }

  const messages = files.flatMap((file) => file.messages);
  return {
    dataset,
    files,
    mode,
    summary: {
      files: notes.length,
      questions: questions.length,
      answered,
      errors: messages.filter((m) => severityOf(m) === 'error').length,
      warnings: messages.filter((m) => severityOf(m) === 'warning').length,
      infos: messages.filter((m) => severityOf(m) === 'info').length,
    },
  };
}

/** Languages of the records, the most frequent first (ties by tag), so `languages[0]` is the main one. */
function languagesOf(questions: readonly QuestionRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.lang, (counts.get(q.lang) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).map(([lang]) => lang);
}

/** The notes that records of the dataset come from, with what they share. */
function notesOf(files: readonly VFile[], questions: readonly QuestionRecord[]): NoteInfo[] {
  const paths = new Set(questions.map((q) => q.source.path));
  return files
    .filter((file) => file.data.note && paths.has(file.data.note.path))
    .map((file) => {
      const { id, path, title, references } = file.data.note!;
      return { id, path, title, references };
    });
}
