import { readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { bundledDatasetInfo, ConfigError, buildDataset, datasetFiles, type BuildResult } from '@mianjing/dataset/build';
import { Dataset, type OutputFile, type RecordWarning } from '@mianjing/schema';
import { collectDiagnostics, exportWarningLines } from './diagnostics.js';
import { EXIT, UsageError } from './errors.js';
import { datasetFile, notesFolder, outputPath, shown } from './inputs.js';
import type { Io } from './io.js';
import { parseJobs, parseMode, type CliValues, type Command } from './options.js';
import { Progress } from './progress.js';
import { writeOutputs } from './write.js';

/** The export formats, in the order `all` writes them, and the folder each goes to under `all`'s --out. */
export const FORMATS = { anki: '', jsonl: 'finetune/', csv: '', rag: 'rag/' } as const;
export type Format = keyof typeof FORMATS;

/** What every command that reads notes was asked for. */
interface Context {
  io: Io;
  values: CliValues;
  progress: Progress;
  /** Prints a line on stderr unless --quiet. */
  say(text: string): void;
}

/** Runs a command whose arguments `main` has parsed; returns the exit code. */
export async function runCommand(io: Io, command: Command, rest: string[], values: CliValues): Promise<number> {
  const quiet = values.quiet ?? false;
  const context: Context = { io, values, progress: new Progress(io.stderr, !quiet && io.stderrIsTTY === true), say: (text) => quiet || io.stderr(`${text}\n`) };
  try {
    switch (command) {
      case 'check':
        return await check(context, positionals(command, rest, 1)[0]);
      case 'build':
        return await build(context, positionals(command, rest, 1)[0]);
      case 'export': {
        const [format, dir] = positionals(command, rest, 2);
        if (!format || !Object.hasOwn(FORMATS, format)) throw new UsageError(`Unknown export format \`${format ?? ''}\`, expected one of ${Object.keys(FORMATS).join(', ')}`);
        return await exportOne(context, format as Format, dir);
      }
      case 'site':
        return await site(context, positionals(command, rest, 1)[0]);
      case 'all':
        return await all(context, positionals(command, rest, 1)[0]);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`mianjing: ${error.message}\n`);
      return EXIT.content;
    }
    throw error;
  } finally {
    context.progress.done();
  }
}

function positionals(command: string, rest: string[], max: number): Array<string | undefined> {
  if (rest.length > max) throw new UsageError(`Unexpected argument \`${rest[max]}\` for \`${command}\``);
  return rest;
}

/** `mianjing check [DIR]`: parse and validate, print every problem, write nothing. */
async function check(context: Context, dir: string | undefined): Promise<number> {
  const notes = await notesFolder(context.io.cwd, dir);
  const { failed } = await readNotes(context, notes, dir);
  return failed ? EXIT.content : EXIT.ok;
}

/** `mianjing build [DIR] --out OUTDIR`: a failed check writes nothing, so the previous outputs stay as they were. */
async function build(context: Context, dir: string | undefined): Promise<number> {
  const { io, values } = context;
  const notes = await notesFolder(io.cwd, dir);
  const out = await outputPath(io.cwd, values.out, notes);
  const report = values.report === undefined ? undefined : await outputPath(io.cwd, values.report, notes, 'report file');
  const { result, failed } = await readNotes(context, notes, dir);
  if (failed) return nothingWritten(context);
  const written = await writeOutputs(io.cwd, out, datasetFiles(result.dataset));
  if (report) written.push(...(await writeOutputs(io.cwd, dirname(report), [{ path: basename(report), data: accountingReport(result) }])));
  io.stdout(`wrote ${written.map((path) => shown(io.cwd, path)).join(', ')}\n`);
  return EXIT.ok;
}

async function exportOne(context: Context, format: Format, dir: string | undefined): Promise<number> {
  const { io, values } = context;
  if (dir !== undefined && values.dataset !== undefined) throw new UsageError('Give either DIR or --dataset FILE, not both');
  const notes = values.dataset === undefined ? await notesFolder(io.cwd, dir) : undefined;
  const fromFile = values.dataset === undefined ? undefined : await datasetFile(io.cwd, values.dataset);
  const out = await outputPath(io.cwd, values.out, notes);
  const { runExporter, checkFormatOptions } = await import('./export.js');
  checkFormatOptions([format], values);
  const dataset = notes ? await builtDataset(context, notes, dir) : await loadDataset(context, fromFile!);
  if (!dataset) return nothingWritten(context);
  const result = await runExporter(format, dataset, { context, notes, datasetFile: fromFile });
  await writeExport(context, format, result, { dataset, notes }, placeSingle(out, format, result.files));
  return EXIT.ok;
}

/** `mianjing site [DIR] --out OUTDIR`: the study site of the notes in DIR or of a built dataset. */
async function site(context: Context, dir: string | undefined): Promise<number> {
  const { io, values } = context;
  if (dir !== undefined && values.dataset !== undefined) throw new UsageError('Give either DIR or --dataset FILE, not both');
  const notes = values.dataset === undefined ? await notesFolder(io.cwd, dir) : undefined;
  const fromFile = values.dataset === undefined ? undefined : await datasetFile(io.cwd, values.dataset);
  const out = await outputPath(io.cwd, values.out, notes);
  const dataset = notes ? await builtDataset(context, notes, dir) : await loadDataset(context, fromFile!);
  if (!dataset) return nothingWritten(context);
  const { runSite } = await import('./export.js');
  await writeExport(context, 'site', await runSite(dataset, { context, notes }), { dataset, notes }, { dir: out, files: undefined });
  return EXIT.ok;
}

/** `mianjing all [DIR] --out OUTDIR`: the dataset, then every export and the site, each in its place under OUTDIR. */
async function all(context: Context, dir: string | undefined): Promise<number> {
  const { io, values } = context;
  const notes = await notesFolder(io.cwd, dir);
  const out = await outputPath(io.cwd, values.out, notes);
  const { runExporter, runSite, checkFormatOptions } = await import('./export.js');
  checkFormatOptions(Object.keys(FORMATS) as Format[], values);
  const { result, failed } = await readNotes(context, notes, dir);
  if (failed) return nothingWritten(context);
  const written = await writeOutputs(io.cwd, out, datasetFiles(result.dataset));
  io.stdout(`wrote ${written.map((path) => shown(io.cwd, path)).join(', ')}\n`);
  for (const format of Object.keys(FORMATS) as Format[]) {
    const exported = await runExporter(format, result.dataset, { context, notes });
    await writeExport(context, format, exported, { dataset: result.dataset, notes }, { dir: out, files: exported.files.map((file) => ({ ...file, path: FORMATS[format] + file.path })) });
  }
  const built = await runSite(result.dataset, { context, notes });
  await writeExport(context, 'site', built, { dataset: result.dataset, notes }, { dir: out, files: built.files.map((file) => ({ ...file, path: `site/${file.path}` })) });
  return EXIT.ok;
}

interface Exported {
  files: OutputFile[];
  summary: Record<string, number>;
  warnings: readonly RecordWarning[];
  /** Said after the summary line, e.g. how to turn a default off. */
  note?: string;
  /** Run once the files are written (the Anki render cache is saved then). */
  after?: () => Promise<void>;
}

/** Where an export's records come from: its warnings name the notes and lines of the questions they concern. */
interface ExportSource {
  dataset: Dataset;
  notes: string | undefined;
}

async function writeExport(context: Context, label: string, result: Exported, source: ExportSource, placed: { dir: string; files: OutputFile[] | undefined }): Promise<void> {
  const { io } = context;
  context.progress.done();
  for (const line of exportWarningLines(result.warnings, source.dataset, source.notes, io.cwd)) io.stderr(`${line}\n`);
  const written = await writeOutputs(io.cwd, placed.dir, placed.files ?? result.files);
  const summary = Object.entries(result.summary)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const shownFiles = written.length > 6 ? `${written.length} files in ${shown(io.cwd, commonFolder(written))}` : written.map((path) => shown(io.cwd, path)).join(', ');
  io.stdout(`${label}: wrote ${shownFiles} (${summary})\n`);
  if (result.note) context.say(result.note);
  await result.after?.();
}

/** The deepest folder that holds every one of `paths`. */
function commonFolder(paths: readonly string[]): string {
  let folder = dirname(paths[0]!);
  while (!paths.every((path) => path.startsWith(`${folder}/`))) folder = dirname(folder);
  return folder;
}

/** One file with the extension `out` has (`--out deck.apkg`) is written as `out` itself; otherwise into it. */
function placeSingle(out: string, format: Format, files: OutputFile[]): { dir: string; files: OutputFile[] | undefined } {
  const only = files.length === 1 ? files[0] : undefined;
  if (only && extname(out) !== '' && extname(out) === extname(only.path)) return { dir: dirname(out), files: [{ ...only, path: basename(out) }] };
  if (extname(out) !== '' && format !== 'jsonl' && format !== 'rag') return { dir: out, files: undefined };
  return { dir: out, files: undefined };
}

function nothingWritten(context: Context): number {
  context.io.stderr(`Nothing written: fix the problems above${context.values.strict ? ' (--strict counts warnings)' : ''}.\n`);
  return EXIT.content;
}

/**
 * Read a notes folder the way every command does: build it, print its problems (and, unless --quiet, a summary
 * line), and say whether they fail the command: any error, or any warning under --strict.
 */
async function readNotes(context: Context, notes: string, dir: string | undefined): Promise<{ result: BuildResult; failed: boolean }> {
  const { io, values, progress } = context;
  const bundled: { name?: string; version?: string } = dir === undefined ? bundledDatasetInfo() : {};
  const result = await buildDataset(notes, {
    mode: parseMode(values.mode),
    jobs: parseJobs(values.jobs),
    name: values.name ?? bundled.name,
    version: values['dataset-version'] ?? bundled.version,
    onProgress: (done, total) => progress.update('notes parsed', done, total),
  });
  progress.done();
  const diagnostics = collectDiagnostics(result.files, io.cwd).filter(({ diagnostic }) => diagnostic.severity !== 'info');
  if (values.json)
    io.stdout(
      `${JSON.stringify(
        diagnostics.map(({ diagnostic }) => diagnostic),
        null,
        2,
      )}\n`,
    );
  else {
    for (const { line } of diagnostics) io.stderr(`${line}\n`);
    const s = result.summary;
    context.say(`${s.files} files, ${s.questions} questions (${s.answered} answered), ${s.errors} errors, ${s.warnings} warnings (${result.mode})`);
  }
  return { result, failed: result.summary.errors > 0 || ((values.strict ?? false) && result.summary.warnings > 0) };
}

async function builtDataset(context: Context, notes: string, dir: string | undefined): Promise<Dataset | undefined> {
  const { result, failed } = await readNotes(context, notes, dir);
  return failed ? undefined : result.dataset;
}

async function loadDataset(context: Context, path: string): Promise<Dataset | undefined> {
  const { io } = context;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    io.stderr(`mianjing: ${shown(io.cwd, path)} is not JSON (${(error as Error).message}): give a dataset.json written by \`mianjing build\`\n`);
    return undefined;
  }
  const parsed = Dataset.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `  /${issue.path.join('/')}: ${issue.message}`)
      .join('\n');
    io.stderr(`mianjing: ${shown(io.cwd, path)} is not a mianjing dataset:\n${issues}\nBuild one with \`mianjing build DIR --out OUTDIR\`.\n`);
    return undefined;
  }
  return parsed.data;
}

/** `--report`: for every note, the question candidates seen, the records made and why each other one was dropped. */
export function accountingReport(result: BuildResult): string {
  const files = result.files.filter((file) => file.data.accounting).map((file) => ({ path: file.path, ...file.data.accounting! }));
  const total = (key: 'candidates' | 'records') => files.reduce((sum, file) => sum + file[key], 0);
  const report = { candidates: total('candidates'), records: total('records'), dropped: files.reduce((sum, f) => sum + f.dropped.length, 0), files };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export type { Context, Exported };
