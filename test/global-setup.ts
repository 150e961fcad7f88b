// Some tests run compiled code (worker threads, the CLI's bin, the bundled dataset in data/): they would test whatever
// dist/ happens to hold. Refuse to start when any package's dist/ is missing or older than its src/, in one line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir: string, keep: (name: string) => boolean): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path, keep));
    else if (keep(entry.name)) time = Math.max(time, statSync(path).mtimeMs);
  }
  return time;
}

export default function checkBuilt(): void {
  const stale: string[] = [];
  for (const name of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', name, 'src');
    const dist = join(root, 'packages', name, 'dist');
    if (!existsSync(src)) continue;
    const source = newest(src, (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    if (!existsSync(dist) || newest(dist, (file) => file.endsWith('.js')) < source) stale.push(name);
  }
  if (stale.length > 0)
    throw new Error(
      `Build first: the compiled code of ${stale.map((name) => `@mianjing/${name}`).join(', ')} is missing or older than its source; run \`pnpm build\` (or \`pnpm test\`, which builds), or \`pnpm exec tsc -b --force\` if a source file was touched without a change (the incremental build skips it)`,
    );
}
