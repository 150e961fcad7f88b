import { resolve } from 'node:path';
import { exportAnki, exportCsv, exportFineTuning, exportRag, type FineTuningStyle } from '@mianjing/exporters';
import type { Dataset } from '@mianjing/schema';
import type { Context, Exported, Format } from './commands.js';
import { UsageError } from './errors.js';
import { FileRenderCache, renderCacheDir } from './render-cache.js';
import { datasetFileTime, noteTimes } from './timestamps.js';

interface Source {
  context: Context;
  /** The notes folder, when the dataset was built from one. */
  notes: string | undefined;
  datasetFile?: string | undefined;
}

/** Checks the format options of `formats` before any work starts, so a typo costs no build. */
export function checkFormatOptions(formats: readonly Format[], values: Context['values']): void {
  if (formats.includes('jsonl')) {
    styles(values.style);
    answer(values.answer);
    if (values.validation !== undefined) number('--validation', values.validation, 0, 1);
    if (values['max-tokens'] !== undefined) number('--max-tokens', values['max-tokens'], 1, Number.MAX_SAFE_INTEGER);
  }
  if (formats.includes('rag') && values['max-chars'] !== undefined) number('--max-chars', values['max-chars'], 200, Number.MAX_SAFE_INTEGER);
}

export async function runExporter(format: Format, dataset: Dataset, source: Source): Promise<Exported> {
  const { context } = source;
  const values = context.values;
  switch (format) {
    case 'anki': {
      const times = source.notes ? noteTimes(source.notes, [...new Set(dataset.questions.map((q) => q.source.path))], context.io.env) : datasetFileTime(source.datasetFile, context.io.env);
      const cacheDir = renderCacheDir(context.io.cwd, context.io.env, values);
      const renderCache = cacheDir === undefined ? undefined : await FileRenderCache.open(cacheDir, resolve(context.io.cwd, source.notes ?? source.datasetFile ?? ''));
      const result = await exportAnki(dataset, {
        contentRoot: source.notes,
        deckRoot: values['deck-root'],
        modTime: (record) => times(record.source.path),
        renderCache,
        compress: !values['no-compress'],
        onProgress: (done, total) => context.progress.update('anki: cards rendered', done, total),
      });
      // The deck is written first; a cache that cannot be saved only makes the next run slower.
      const after = async () => renderCache?.save().catch((error: Error) => context.say(`mianjing: note: render cache not saved (${error.message}); use --cache-dir or --no-cache`));
      return { ...result, after };
    }
    case 'jsonl': {
      const validation = values.validation === undefined ? undefined : number('--validation', values.validation, 0, 1);
      return exportFineTuning(dataset, {
        styles: styles(values.style),
        answer: answer(values.answer),
        systemPrompt: values.system,
        split: validation === undefined ? undefined : { validation, seed: values.seed },
        maxTokens: values['max-tokens'] === undefined ? undefined : number('--max-tokens', values['max-tokens'], 1, Number.MAX_SAFE_INTEGER),
      });
    }
    case 'csv': {
      const result = exportCsv(dataset, { bom: !values['no-bom'], excelSafe: !values['no-excel-safe'] });
      const guarded = result.summary['guardedCells'] ?? 0;
      const note =
        guarded > 0
          ? `csv: ${guarded} cells start like a spreadsheet formula (= + - @) and got a leading ' so Excel shows them as text; for pandas or a database, export with --no-excel-safe`
          : undefined;
      return { ...result, ...(note ? { note } : {}) };
    }
    case 'rag':
      return exportRag(dataset, { maxChars: values['max-chars'] === undefined ? undefined : number('--max-chars', values['max-chars'], 200, Number.MAX_SAFE_INTEGER) });
  }
}

/** The study site (loaded only by the commands that write it). */
export async function runSite(dataset: Dataset, source: Source): Promise<Exported> {
  const { buildSite } = await import('@mianjing/site');
  return buildSite(dataset, { contentRoot: source.notes, title: source.context.values.title });
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) throw new UsageError(`Unexpected ${flag} \`${text}\`, expected a number from ${min} to ${max}`);
  return value;
}

function styles(values: string[] | undefined): FineTuningStyle[] | undefined {
  return values
    ?.flatMap((value) => value.split(','))
    .map((name) => {
      if (name === 'openai' || name === 'alpaca' || name === 'sharegpt') return name;
      throw new UsageError(`Unknown --style \`${name}\`, expected openai, alpaca or sharegpt`);
    });
}

function answer(value: string | undefined): 'full' | 'summary' | undefined {
  if (value === undefined || value === 'full' || value === 'summary') return value;
  throw new UsageError(`Unknown --answer \`${value}\`, expected full or summary`);
}
