import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseMode } from '@mianjing/parser';
import { FORMATS } from './formats.js';
import { UsageError, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const USAGE = `mianjing — Chinese interview Q&A notes → dataset, Anki deck, fine-tuning JSONL, CSV, RAG chunks

Usage:
  mianjing check [DIR] [--json] [--strict] [--mode canonical|lenient]
  mianjing build [DIR] --out OUTDIR [--report FILE] [--strict] [--mode …] [--name NAME] [--dataset-version V]
  mianjing export FORMAT [DIR] --out PATH [--dataset FILE] [format options]
  mianjing all [DIR] --out OUTDIR      build the dataset and every export

DIR is a folder of Markdown notes (default: the bundled content). A folder with a mianjing.json
in canonical mode is read strictly; any other folder leniently, with warnings.

Formats: ${FORMATS.join(', ')}
  anki     --deck-root NAME (default 面经)
           --cache-dir DIR  keep rendered answers there, so a rerun renders only edited ones
                    (default $XDG_CACHE_HOME/mianjing or ~/.cache/mianjing); --no-cache: none
           --no-compress  store the collection uncompressed (faster for huge decks)
  jsonl    --style openai|alpaca|sharegpt (repeatable; default all) --system TEXT
           --validation FRACTION --seed TEXT --max-tokens N
  csv      --no-bom --no-excel-safe
  rag      --max-chars N

Options:
  --strict   warnings fail the command too
  -j, --jobs N  parse on N threads (default: the number of cores); the output is the same for any N
  --json     print diagnostics as JSON (check)
  --report   write how many question candidates each note had, and why any were dropped (build)
  -h, --help, -v, --version
Exit codes: 0 ok, 1 content problems, 2 usage error.
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  report: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  mode: { type: 'string' },
  name: { type: 'string' },
  'dataset-version': { type: 'string' },
  dataset: { type: 'string' },
  'deck-root': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'no-compress': { type: 'boolean' },
  style: { type: 'string', multiple: true },
  system: { type: 'string' },
  validation: { type: 'string' },
  seed: { type: 'string' },
  'max-tokens': { type: 'string' },
  'no-bom': { type: 'boolean' },
  'no-excel-safe': { type: 'boolean' },
  'max-chars': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = ['check', 'build', 'export', 'all'] as const;
export type Command = (typeof COMMANDS)[number];
const isCommand = (name: string): name is Command => (COMMANDS as readonly string[]).includes(name);

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Run the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mianjing: ${(error as Error).message}\nRun \`mianjing --help\` for usage.\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`Unknown command \`${command}\`, expected check, build, export or all`);
  const read = { mode: parseMode(values.mode), strict: values.strict ?? false, jobs: parseJobs(values.jobs) };
  // Loaded only now: the parser and the exporters take most of a second to load, which --help, --version and a
  // mistyped command need not wait for.
  const { runCommand } = await import('./commands.js');
  return runCommand(io, command, rest, values, read);
}

function parseJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`Unexpected --jobs \`${jobs}\`, expected a whole number from 1 to 256`);
  return n;
}

function parseMode(mode: string | undefined): ParseMode | undefined {
  if (mode === undefined || mode === 'canonical' || mode === 'lenient') return mode;
  throw new UsageError(`Unknown --mode \`${mode}\`, expected canonical or lenient`);
}
