import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, PathError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { COMMANDS, type CliValues, commandHelp, globalHelp, isCommand, optionsOf, parseArgsOptions, parseJobs, parseMode, spec } from './options.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Run the CLI with `argv` (without node and the script); returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mianjing: ${usageMessage(error as Error & { code?: string }, argv)}\nRun \`mianjing --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof PathError) {
      io.stderr(`mianjing: ${error.message}\n`);
      return EXIT.usage;
    }
    // A bug of ours, not the user's: say so in one line, and show the stack only to whoever asks for it.
    const where = 'please report it at https://github.com/mianjing/mianjing/issues with the command you ran';
    io.stderr(`mianjing: internal error: ${(error as Error).message ?? String(error)}; ${where}${debug ? '' : ' (add --debug for the details)'}\n`);
    if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}

/** Node's parseArgs explains an unknown option at length, with a hint about `--` that does not apply here. */
function usageMessage(error: Error & { code?: string }, argv: string[]): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(error.message)?.[1] : undefined;
  if (unknown === undefined) return error.message;
  const command = argv.find((arg) => !arg.startsWith('-'));
  const help = command !== undefined && isCommand(command) ? `mianjing ${command} --help` : 'mianjing --help';
  return `Unknown option ${unknown} (see \`${help}\` for the options)`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: parseArgsOptions, allowPositionals: true, strict: true }) as { values: CliValues; positionals: string[] };
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [name, ...rest] = positionals;
  if (name === undefined || (name === 'help' && rest.length === 0)) {
    io.stdout(globalHelp(VERSION));
    return EXIT.ok;
  }
  if (name === 'help' || values.help) {
    const topic = name === 'help' ? rest[0]! : name;
    if (!isCommand(topic)) throw new UsageError(`Unknown command \`${topic}\`, expected ${Object.keys(COMMANDS).join(', ')}`);
    const format = rest[name === 'help' ? 1 : 0];
    io.stdout(commandHelp(topic, format !== undefined && Object.hasOwn(spec(topic).formats ?? {}, format) ? format : undefined));
    return EXIT.ok;
  }
  if (!isCommand(name)) throw new UsageError(`Unknown command \`${name}\`, expected ${Object.keys(COMMANDS).join(', ')}`);
  const allowed = new Set(optionsOf(name));
  const foreign = Object.keys(values).filter((option) => !allowed.has(option));
  if (foreign.length > 0) throw new UsageError(`Unexpected --${foreign[0]} for \`${name}\` (see \`mianjing ${name} --help\`)`);
  parseJobs(values.jobs);
  parseMode(values.mode);
  // Loaded only now: the parser and the exporters take a while to load, which --help and a typo need not wait for.
  const { runCommand } = await import('./commands.js');
  return runCommand(io, name, rest, values);
}
