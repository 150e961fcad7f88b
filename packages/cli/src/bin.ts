#!/usr/bin/env node
import { removePendingWrites } from '@mianjing/dataset/build';
import { main } from './main.js';

// Interrupted mid-write: drop the half-written temporary files; the previous outputs stay as they were.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    removePendingWrites();
    process.exit(code);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
