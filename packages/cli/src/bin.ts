#!/usr/bin/env node
import { main } from './main.js';

// Interrupted mid-write: drop the half-written temporary files; the previous outputs stay as they were. The writer
// is imported here only on a signal: a command that writes has loaded it already (so this takes no time), and
// importing it up front would load the parser on every start, --help included.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    void import('@mianjing/dataset/build').then(({ removePendingWrites }) => {
      removePendingWrites();
      process.exit(code);
    });
  });
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
