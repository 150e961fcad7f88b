import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SiteFile {
  path: string;
  data: string | Uint8Array;
}

const require = createRequire(import.meta.url);

/**
 * KaTeX's stylesheet and the fonts it names, under `assets/katex/`. Every browser the site supports reads WOFF2,
 * so each `@font-face` keeps only its WOFF2 source when it has one (the other formats would never be fetched).
 */
export function katexAssets(): SiteFile[] {
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const css = readFileSync(cssPath, 'utf8').replace(/src:([^;}]+)/g, (whole, list: string) => {
    const sources = list.split(/,(?=\s*url\()/);
    const woff2 = sources.filter((source) => /format\(\s*["']?woff2["']?\s*\)/.test(source));
    return woff2.length > 0 ? `src:${woff2.join(',')}` : whole;
  });
  const fonts = new Set<string>();
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const url = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) continue;
    fonts.add(posix.normalize(url));
  }
  const files: SiteFile[] = [{ path: 'assets/katex/katex.min.css', data: css }];
  for (const font of [...fonts].sort()) {
    if (font.startsWith('..')) continue;
    files.push({ path: `assets/katex/${font}`, data: readFileSync(join(dirname(cssPath), font)) });
  }
  return files;
}

const fromSource = import.meta.url.endsWith('.ts');

/** The browser scripts (`site`, `search`, `drill`): bundled by `pnpm build`, or now when run from the sources. */
export async function clientScripts(): Promise<Record<string, string>> {
  if (fromSource) {
    const script = new URL('../scripts/bundle-client.mjs', import.meta.url).href;
    const { bundleClient } = (await import(script)) as { bundleClient: (options: { write: boolean }) => Promise<Record<string, string>> };
    return bundleClient({ write: false });
  }
  const dir = fileURLToPath(new URL('./browser/', import.meta.url));
  return Object.fromEntries(['site', 'search', 'drill'].map((name) => [name, readFileSync(join(dir, `${name}.js`), 'utf8')]));
}
