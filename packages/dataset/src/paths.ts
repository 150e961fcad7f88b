import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The notes this package is built from: the repository's `content/` folder, or the copy packed into the
 * published package (`content/` beside `dist/`).
 */
export const bundledContentDir: string =
  [new URL('../content/', import.meta.url), new URL('../../../content/', import.meta.url)].map((url) => fileURLToPath(url)).find((dir) => existsSync(join(dir, 'mianjing.json'))) ??
  fileURLToPath(new URL('../../../content/', import.meta.url));

/** Where the build of the bundled notes is written inside this package. */
export const dataDir: string = fileURLToPath(new URL('../data/', import.meta.url));

/** Name and version the bundled notes are published under: this package's own. */
export function bundledDatasetInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
