// Bundles the browser scripts (src/client/*.ts) into classic scripts: IIFEs, because pages opened from file://
// cannot load ES modules. `pnpm build` writes them to dist/browser/; buildSite run from the TypeScript sources
// (tests) bundles them in memory instead.
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const CLIENT_SCRIPTS = ['site', 'search', 'drill'];

const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {{ write?: boolean }} [options] @returns {Promise<Record<string, string>>} */
export async function bundleClient({ write = true } = {}) {
  const result = await build({
    entryPoints: CLIENT_SCRIPTS.map((name) => join(root, 'src/client', `${name}.ts`)),
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    charset: 'utf8',
    legalComments: 'eof',
    outdir: join(root, 'dist/browser'),
    write,
    logLevel: 'warning',
  });
  return Object.fromEntries((result.outputFiles ?? []).map((file) => [basename(file.path, '.js'), file.text]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleClient();
