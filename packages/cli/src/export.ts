import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { writeFilesAtomic, type OutputFile } from '@mianjing/dataset/build';
import { exportAnki, exportCsv, exportFineTuning, exportRag, type ExportResult, type FineTuningStyle } from '@mianjing/exporters';
import { Dataset } from '@mianjing/schema';
import { readNotes, type ReadOptions } from './check.js';
import type { Format } from './formats.js';
import { UsageError, type Io } from './io.js';
import type { CliValues } from './main.js';
import { FileRenderCache, renderCacheDir } from './render-cache.js';
import { datasetFileTime, noteTimes } from './timestamps.js';

/** Where `all` puts each format under its output folder. */
const FOLDER: Record<Format, string> = { anki: '', csv: '', jsonl: 'finetune/', rag: 'rag/' };

export interface ExportOptions {
  /** The notes folder, or undefined when exporting a built `--dataset` file. */
  content: string | undefined;
  datasetFile?: string | undefined;
  /** An already built dataset (from `all`), to avoid building twice. */
  dataset?: Dataset;
  /** Name and version for a dataset built from `content`. */
  identity?: { name?: string; version?: string };
  out: string;
  read: ReadOptions;
  values: CliValues;
  /** `single`: files go straight into --out (or to --out itself for one file with the same extension). */
  layout?: 'single' | 'folders';
}

export async function exportCommand(io: Io, formats: readonly Format[], options: ExportOptions): Promise<number> {
  const loaded = options.dataset ?? (await loadDataset(io, options));
  if (!loaded) return 1;
  const dataset = loaded;
  const times = options.content
    ? noteTimes(options.content, [...new Set(dataset.questions.map((q) => q.source.path))], io.env)
    : datasetFileTime(options.datasetFile, io.env);

  const cacheDir = formats.includes('anki') ? renderCacheDir(io.cwd, io.env, options.values) : undefined;
  const renderCache = cacheDir === undefined ? undefined : await FileRenderCache.open(cacheDir, resolve(io.cwd, options.content ?? options.datasetFile ?? ''));

  for (const format of formats) {
    const result = await runExporter(format, dataset, options, times, renderCache);
    for (const warning of result.warnings) io.stderr(`${warning.recordId}: warning ${warning.message} [${warning.ruleId}]\n`);
    const files = placeFiles(result.files, format, options);
    const written = await writeFilesAtomic(files.dir, files.files);
    const summary = Object.entries(result.summary).map(([key, value]) => `${key} ${value}`).join(', ');
    io.stdout(`${format}: wrote ${written.map((path) => relative(io.cwd, path)).join(', ')} (${summary})\n`);
    if (format === 'anki' && renderCache) {
      // The deck is written; a cache that cannot be saved only makes the next run slower.
      await renderCache.save().catch((error: Error) => io.stderr(`mianjing: note: render cache not saved (${error.message}); use --cache-dir or --no-cache\n`));
    }
  }
  return 0;
}

async function runExporter(format: Format, dataset: Dataset, options: ExportOptions, times: (path: string) => number, renderCache: FileRenderCache | undefined): Promise<ExportResult> {
  const v = options.values;
  switch (format) {
    case 'anki':
      return exportAnki(dataset, { contentRoot: options.content, deckRoot: v['deck-root'], modTime: (record) => times(record.source.path), renderCache, compress: !v['no-compress'] });
    case 'jsonl': {
      const validation = v.validation === undefined ? undefined : number('--validation', v.validation, 0, 1);
      return exportFineTuning(dataset, {
        styles: v.style?.flatMap((s) => s.split(',')).map(style),
        systemPrompt: v.system,
        split: validation === undefined ? undefined : { validation, seed: v.seed },
        maxTokens: v['max-tokens'] === undefined ? undefined : number('--max-tokens', v['max-tokens'], 1, Number.MAX_SAFE_INTEGER),
      });
    }
    case 'csv':
      return exportCsv(dataset, { bom: !v['no-bom'], excelSafe: !v['no-excel-safe'] });
    case 'rag':
      return exportRag(dataset, { maxChars: v['max-chars'] === undefined ? undefined : number('--max-chars', v['max-chars'], 200, Number.MAX_SAFE_INTEGER) });
  }
}

function placeFiles(files: OutputFile[], format: Format, options: ExportOptions): { dir: string; files: OutputFile[] } {
  if (options.layout === 'folders') return { dir: options.out, files: files.map((f) => ({ ...f, path: FOLDER[format] + f.path })) };
  const only = files.length === 1 ? files[0] : undefined;
  if (only && extname(options.out) !== '' && extname(options.out) === extname(only.path)) {
    return { dir: dirname(options.out), files: [{ ...only, path: basename(options.out) }] };
  }
  return { dir: options.out, files };
}

async function loadDataset(io: Io, options: ExportOptions): Promise<Dataset | undefined> {
  if (options.datasetFile) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(options.datasetFile, 'utf8'));
    } catch (error) {
      io.stderr(`mianjing: cannot read ${options.datasetFile}: ${(error as Error).message}\n`);
      return undefined;
    }
    const parsed = Dataset.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((issue) => `  /${issue.path.join('/')}: ${issue.message}`).join('\n');
      io.stderr(`mianjing: ${options.datasetFile} is not a mianjing dataset:\n${issues}\nBuild one with \`mianjing build DIR --out OUTDIR\`.\n`);
      return undefined;
    }
    return parsed.data;
  }
  const { result, failed } = await readNotes(io, options.content!, { ...options.read, json: false }, options.identity);
  if (failed) {
    io.stderr('Nothing exported: fix the problems above.\n');
    return undefined;
  }
  return result.dataset;
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`Unexpected ${flag} \`${text}\`, expected a number from ${min} to ${max}`);
  return value;
}

function style(name: string): FineTuningStyle {
  if (name === 'openai' || name === 'alpaca' || name === 'sharegpt') return name;
  throw new UsageError(`Unknown --style \`${name}\`, expected openai, alpaca or sharegpt`);
}
