import { ConfigError } from '@mianjing/dataset/build';
import { build } from './build.js';
import { check, type ReadOptions } from './check.js';
import { FORMATS, isFormat } from './formats.js';
import { UsageError, type Io } from './io.js';
import type { CliValues, Command } from './main.js';
import { contentDir, datasetIdentity, outputDir } from './paths.js';

/** Runs a command whose arguments `main` has parsed; returns the exit code. A bad `mianjing.json` gives 1. */
export async function runCommand(io: Io, command: Command, rest: string[], values: CliValues, read: ReadOptions): Promise<number> {
  try {
    return await dispatch(io, command, rest, values, read);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`mianjing: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function dispatch(io: Io, command: Command, rest: string[], values: CliValues, read: ReadOptions): Promise<number> {
  switch (command) {
    case 'check': {
      const [dir] = expectPositionals(command, rest, 1);
      return check(io, contentDir(io.cwd, dir), { ...read, json: values.json ?? false });
    }
    case 'build': {
      const [dir] = expectPositionals(command, rest, 1);
      const content = contentDir(io.cwd, dir);
      const out = outputDir(io.cwd, values.out, content);
      const report = values.report === undefined ? undefined : outputDir(io.cwd, values.report, content);
      return (await build(io, content, { ...read, out, report, ...datasetIdentity(dir, values.name, values['dataset-version']) })).code;
    }
    case 'export': {
      const [format, dir] = expectPositionals(command, rest, 2);
      if (!format || !isFormat(format)) throw new UsageError(`Unknown export format \`${format ?? ''}\`, expected one of ${FORMATS.join(', ')}`);
      if (dir !== undefined && values.dataset) throw new UsageError('Give either DIR or --dataset FILE, not both');
      const content = values.dataset ? undefined : contentDir(io.cwd, dir);
      const out = outputDir(io.cwd, values.out, content);
      const { exportCommand } = await loadExports();
      return exportCommand(io, [format], { content, datasetFile: values.dataset, identity: datasetIdentity(dir, values.name, values['dataset-version']), out, read, values });
    }
    case 'all': {
      const [dir] = expectPositionals(command, rest, 1);
      const content = contentDir(io.cwd, dir);
      const out = outputDir(io.cwd, values.out, content);
      const built = await build(io, content, { ...read, out, ...datasetIdentity(dir, values.name, values['dataset-version']) });
      if (built.code !== 0) return built.code;
      const { exportCommand } = await loadExports();
      return exportCommand(io, FORMATS, { content, dataset: built.result.dataset, out, read, values, layout: 'folders' });
    }
  }
}

// The exporters (the Anki renderer above all) are loaded only by the commands that export.
const loadExports = () => import('./export.js');

function expectPositionals(command: string, rest: string[], max: number): Array<string | undefined> {
  if (rest.length > max) throw new UsageError(`Unexpected argument \`${rest[max]}\` for \`${command}\``);
  return rest;
}
