import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

/** One option of a command, as parsed and as documented in its help. */
interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's name in help (`--out PATH`). */
  value?: string;
  help: string;
}

const option = (type: OptionSpec['type'], help: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ type, help, ...extra });

// Options shared by the commands that read notes.
const READ = {
  mode: option('string', 'canonical or lenient; overrides mianjing.json (default: the folder’s mianjing.json, else lenient)', { value: 'MODE' }),
  strict: option('boolean', 'warnings fail the command too'),
  jobs: option('string', 'parse on N threads, 1–256 (default 1); the output is the same for any N', { short: 'j', value: 'N' }),
  quiet: option('boolean', 'no progress or summary lines on stderr (problems are still printed)', { short: 'q' }),
};
const IDENTITY = {
  name: option('string', 'meta.name of the dataset (default: mianjing.json’s name, else the folder’s name)', { value: 'NAME' }),
  'dataset-version': option('string', 'meta.version of the dataset (default 0.0.0)', { value: 'V' }),
};
const OUT = { out: option('string', 'the output folder (required); it may not be inside the notes folder', { short: 'o', value: 'PATH' }) };
const ANKI = {
  'deck-root': option('string', 'root deck of the breadcrumb decks; `::` adds levels (default 面经)', { value: 'NAME' }),
  'cache-dir': option('string', 'keep rendered answers there, so a rerun renders only edited ones (default $XDG_CACHE_HOME/mianjing, else ~/.cache/mianjing)', { value: 'DIR' }),
  'no-cache': option('boolean', 'keep no render cache'),
  'no-compress': option('boolean', 'store the collection uncompressed (faster for huge decks, about 3× the size)'),
};
const JSONL = {
  style: option('string', 'openai, alpaca or sharegpt; repeatable or comma-separated (default all three)', { multiple: true, value: 'S' }),
  answer: option('string', 'full (the summary, then the full answer) or summary (the short answer alone) (default full)', { value: 'WHAT' }),
  system: option('string', 'the system prompt, "" for none (default: an interviewer prompt in each record’s language)', { value: 'TEXT' }),
  validation: option('string', 'put this share of examples, 0–1, into a validation file; deterministic (default: no split)', { value: 'F' }),
  seed: option('string', 'changes which examples --validation draws (default "")', { value: 'TEXT' }),
  'max-tokens': option('string', 'warn about examples estimated above N tokens, N ≥ 1 (default 4096)', { value: 'N' }),
};
const CSV = {
  'no-bom': option('boolean', 'no UTF-8 byte order mark (Excel needs it to read UTF-8)'),
  'no-excel-safe': option('boolean', "keep cells that start with = + - @ as they are; by default they get a leading ' so spreadsheets do not run them (pandas and databases would keep the ')"),
};
const RAG = { 'max-chars': option('string', 'split answers longer than N code points into several chunks, N ≥ 200 (default 1500)', { value: 'N' }) };
const SITE = { title: option('string', 'the site’s name in its header and page titles (default 面经题库)', { value: 'TEXT' }) };
const DATASET = { dataset: option('string', 'export an already built dataset.json instead of a notes folder', { value: 'FILE' }) };
const GLOBAL = {
  help: option('boolean', 'print help (also `mianjing help COMMAND`)', { short: 'h' }),
  version: option('boolean', 'print the version', { short: 'v' }),
  debug: option('boolean', 'print the stack trace of an internal error'),
};

/** The commands, each with its arguments, what it does and every option it takes. */
export const COMMANDS = {
  check: {
    usage: 'mianjing check [DIR] [options]',
    about: 'Parse and validate the notes in DIR and print every problem as file:line:col; write nothing.',
    options: { ...READ, json: option('boolean', 'print the problems as a JSON array on stdout instead of lines on stderr') },
  },
  build: {
    usage: 'mianjing build [DIR] --out OUTDIR [options]',
    about: 'Check the notes, then write dataset.json, dataset.jsonl and schema.json into OUTDIR. On errors nothing is written.',
    options: { ...OUT, ...READ, ...IDENTITY, report: option('string', 'also write how many question candidates each note had and why any were not kept', { value: 'FILE' }) },
  },
  export: {
    usage: 'mianjing export FORMAT [DIR] --out PATH [options]',
    about:
      'Build the notes in DIR (or read --dataset FILE) and write one format: anki (mianjing.apkg), jsonl (fine-tuning files), csv (questions.csv) or rag (chunks.jsonl). For a single-file format PATH may be the file itself.',
    options: { ...OUT, ...DATASET, ...READ, ...IDENTITY },
    formats: { anki: ANKI, jsonl: JSONL, csv: CSV, rag: RAG },
  },
  site: {
    usage: 'mianjing site [DIR] --out OUTDIR [options]',
    about: 'Build the notes in DIR (or read --dataset FILE) and write the static study site: browse, search and drill in a browser, offline, also from file://.',
    options: { ...OUT, ...DATASET, ...READ, ...IDENTITY, ...SITE },
  },
  all: {
    usage: 'mianjing all [DIR] --out OUTDIR [options]',
    about: 'Build the dataset and write every export and the study site into OUTDIR (finetune/, rag/ and site/ in folders of their own).',
    options: { ...OUT, ...READ, ...IDENTITY, ...SITE },
    formats: { anki: ANKI, jsonl: JSONL, csv: CSV, rag: RAG },
  },
} as const satisfies Record<string, { usage: string; about: string; options: Record<string, OptionSpec>; formats?: Record<string, Record<string, OptionSpec>> }>;

type Spec = { usage: string; about: string; options: Record<string, OptionSpec>; formats?: Record<string, Record<string, OptionSpec>> };
export const spec = (command: Command): Spec => COMMANDS[command];

export type Command = keyof typeof COMMANDS;
export const isCommand = (name: string): name is Command => Object.hasOwn(COMMANDS, name);

/** Every option of every command, for one parse of the arguments; each command then refuses the ones it lacks. */
const ALL_OPTIONS: Record<string, OptionSpec> = Object.assign(
  {},
  GLOBAL,
  ...(Object.keys(COMMANDS) as Command[]).flatMap((command) => [spec(command).options, ...Object.values(spec(command).formats ?? {})]),
);

/** The parsed values of the options (one key per option above; the test of options.ts checks they match). */
export interface CliValues {
  help?: boolean;
  version?: boolean;
  debug?: boolean;
  out?: string;
  mode?: string;
  strict?: boolean;
  jobs?: string;
  quiet?: boolean;
  json?: boolean;
  report?: string;
  name?: string;
  'dataset-version'?: string;
  dataset?: string;
  'deck-root'?: string;
  'cache-dir'?: string;
  'no-cache'?: boolean;
  'no-compress'?: boolean;
  style?: string[];
  answer?: string;
  system?: string;
  validation?: string;
  seed?: string;
  'max-tokens'?: string;
  'no-bom'?: boolean;
  'no-excel-safe'?: boolean;
  'max-chars'?: string;
  title?: string;
}

/** Every option's name. */
export const OPTION_NAMES = Object.keys(ALL_OPTIONS);

export const parseArgsOptions = Object.fromEntries(
  Object.entries(ALL_OPTIONS).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }]),
) as NonNullable<ParseArgsConfig['options']>;

/** The options a command accepts, the global ones included. */
export function optionsOf(command: Command): string[] {
  return [...Object.keys(GLOBAL), ...Object.keys(spec(command).options), ...Object.values(spec(command).formats ?? {}).flatMap((options) => Object.keys(options))];
}

const EXIT_CODES = `Exit codes: 0 ok · 1 problems in the notes (errors; warnings with --strict) · 2 a usage or file-system problem
(the message names the path and the fix) · 70 an internal error (please report it) · 130/143 interrupted.`;

/** `mianjing --help`. */
export function globalHelp(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return `mianjing ${version} — Chinese interview Q&A notes → dataset, Anki deck, fine-tuning JSONL, CSV, RAG chunks, study site

Usage: mianjing COMMAND [DIR] [options]     mianjing help COMMAND (or COMMAND --help) for its options

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(width)}  ${command.about}`)
  .join('\n')}

DIR is a folder of Markdown notes (default: the notes bundled with mianjing), relative to the current directory.
A folder whose mianjing.json says "mode": "canonical" is checked strictly; any other folder is read leniently.

Options for every command:
${optionLines(GLOBAL)}

${EXIT_CODES}
`;
}

/**
 * `mianjing COMMAND --help`: the command's usage, what it does, and every option with its default and limits; with a
 * format (`mianjing export anki --help`), only that format's own options besides the common ones.
 */
export function commandHelp(command: Command, format?: string): string {
  const { usage, about, options, formats = {} } = spec(command);
  const groups = Object.entries(formats)
    .filter(([name]) => format === undefined || name === format)
    .map(([name, own]) => `\nOptions for ${name}:\n${optionLines(own)}\n`)
    .join('');
  return `Usage: ${format === undefined ? usage : usage.replace('FORMAT', format)}

${about}

Options:
${optionLines({ ...options, ...GLOBAL })}
${groups}
${EXIT_CODES}
`;
}

function optionLines(options: Record<string, OptionSpec>): string {
  const names = Object.entries(options).map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`);
  const width = Math.max(...names.map((name) => name.length));
  return Object.values(options)
    .map((spec, index) => `  ${names[index]!.padEnd(width)}  ${spec.help}`)
    .join('\n');
}

/** `--jobs`: a whole number from 1 to 256. */
export function parseJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`Unexpected --jobs \`${jobs}\`, expected a whole number from 1 to 256`);
  return n;
}

/** `--mode`: canonical or lenient. */
export function parseMode(mode: string | undefined): 'canonical' | 'lenient' | undefined {
  if (mode === undefined || mode === 'canonical' || mode === 'lenient') return mode;
  throw new UsageError(`Unknown --mode \`${mode}\`, expected canonical or lenient`);
}
