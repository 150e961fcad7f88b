// `pnpm mianjing …` in this repository: pnpm runs scripts from the repository root, so the CLI is started from the
// directory the user ran pnpm in (INIT_CWD), and relative paths mean what they mean in the user's shell.
import { fileURLToPath } from 'node:url';

if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url)));
