// `pnpm lint:pkg`: publint and arethetypeswrong on the packed tarball of every package; fails on any problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packages = readdirSync(join(root, 'packages'));
const out = mkdtempSync(join(tmpdir(), 'mianjing-pack-'));
let failed = false;

for (const name of packages) {
  const dir = join(root, 'packages', name);
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' });
  const tarball = join(
    out,
    readdirSync(out).find((file) => file.startsWith(`mianjing-${name}-`)),
  );
  for (const [tool, args] of [['publint', ['publint', tarball, '--strict']], ...attwRuns(name, tarball)]) {
    try {
      const output = execFileSync('pnpm', ['exec', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      console.log(`✓ @mianjing/${name} ${tool}\n${indent(output)}`);
    } catch (error) {
      failed = true;
      console.log(`✗ @mianjing/${name} ${tool}\n${indent(String(error.stdout ?? '') + String(error.stderr ?? ''))}`);
    }
  }
}
process.exit(failed ? 1 : 0);

/**
 * Every package is ESM-only, except the dataset's data entry, which CommonJS can require too. `./dataset.jsonl`
 * is not a module, so attw cannot resolve it; the smoke test checks it resolves.
 */
function attwRuns(name, tarball) {
  const attw = (...flags) => ['attw', ['attw', tarball, '--format', 'ascii', ...flags]];
  if (name !== 'dataset') return [attw('--profile', 'esm-only')];
  return [attw('--profile', 'node16', '--exclude-entrypoints', './build', './dataset.jsonl'), attw('--profile', 'esm-only', '--entrypoints', './build')];
}

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
