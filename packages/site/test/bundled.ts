// The bundled dataset (`@mianjing/dataset/dataset.json`, written by `pnpm build`) and helpers to read a built site.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Dataset } from '@mianjing/schema';
import type { AsPlainObject } from 'minisearch';
import type { Catalog, SiteResult } from '../src/index.js';

const require = createRequire(import.meta.url);

export function bundledDataset(): Dataset {
  return JSON.parse(readFileSync(require.resolve('@mianjing/dataset/dataset.json'), 'utf8')) as Dataset;
}

export function fileText(site: SiteResult, path: string): string {
  const file = site.files.find((f) => f.path === path);
  if (!file) throw new Error(`No ${path} in the site`);
  return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8');
}

/** Runs one of the site's data scripts and returns the globals it set. */
export function runDataScript(site: SiteResult, path: string): Record<string, unknown> {
  const window: Record<string, unknown> = {};
  new Function('window', fileText(site, path))(window);
  return window;
}

export function catalogOf(site: SiteResult): Catalog {
  return runDataScript(site, 'data/catalog.js')['mjCatalog'] as Catalog;
}

export function shardOfSite(site: SiteResult, n: number): AsPlainObject {
  return (runDataScript(site, `search/shard-${n}.js`)['mjShards'] as Record<number, AsPlainObject>)[n]!;
}
