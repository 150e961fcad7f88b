// The READMEs cannot drift from the code: every JavaScript/TypeScript sample and every `mianjing …` command in them
// runs here against the built packages (install and test commands aside). Commands run in README order in one
// folder, with HOME pointing at a folder that holds `my-notes/`, so `~/my-notes` and `out/…` mean what they say.
// Needs the packages built (`pnpm test` builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const readmes = ['README.md', ...readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'README.md'))].filter((path) => existsSync(join(root, path)));
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const esbuild = join(root, 'node_modules', '.bin', 'esbuild');

interface Sample {
  readme: string;
  line: number;
  lang: string;
  code: string;
}

function samples(readme: string): Sample[] {
  const text = readFileSync(join(root, readme), 'utf8');
  return [...text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm)].map((match) => ({
    readme,
    line: text.slice(0, match.index).split('\n').length,
    lang: match[1]!,
    code: match[2]!,
  }));
}

/** A folder where `@mianjing/*` resolve to the built packages of this repository, and `~/my-notes` exists. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mianjing-readme-'));
  mkdirSync(join(dir, 'node_modules', '@mianjing'), { recursive: true });
  for (const name of readdirSync(join(root, 'packages'))) symlinkSync(join(root, 'packages', name), join(dir, 'node_modules', '@mianjing', name));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }');
  cpSync(join(root, 'packages', 'dataset', 'test', 'fixtures', 'lenient'), join(dir, 'my-notes'), { recursive: true });
  return dir;
}

/** The `mianjing …` commands of a shell sample, as the user would type them. */
function commands(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(?:[A-Z_]+=\S+\s+)*(?:pnpm |npx )?mianjing\b/.test(line));
}

const built = existsSync(bin) && existsSync(esbuild);

describe.skipIf(!built)('README samples', () => {
  const all = readmes.flatMap(samples);

  it('has samples to run', () => {
    expect(all.filter((s) => s.lang === 'ts' || s.lang === 'js').length).toBeGreaterThan(5);
    expect(all.flatMap((s) => (s.lang === 'sh' ? commands(s.code) : [])).length).toBeGreaterThan(10);
  });

  for (const readme of readmes) {
    it(`${readme}: every JS/TS sample and mianjing command runs`, () => {
      const dir = sandbox();
      const failures: string[] = [];
      for (const sample of samples(readme)) {
        const where = `${sample.readme}:${sample.line}`;
        if (sample.lang === 'sh') {
          for (const command of commands(sample.code)) {
            // `pnpm mianjing` and `npx mianjing` are the same command: the built bin.
            const line = command.replace(/(?:pnpm |npx )?mianjing\b/, `node ${bin}`);
            const result = spawnSync('bash', ['-c', line], { cwd: dir, env: { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, '.cache') }, encoding: 'utf8', timeout: 120_000 });
            // Samples may show notes with problems (exit 1); a usage error (2) or an internal error (70) is a wrong sample.
            if (result.status !== 0 && result.status !== 1) failures.push(`${where}: \`${command}\` exited ${result.status}: ${result.stderr.trim().split('\n').at(-1)}`);
          }
        } else if (sample.lang === 'ts' || sample.lang === 'js') {
          const file = join(dir, `sample-${sample.line}.mjs`);
          writeFileSync(join(dir, `sample-${sample.line}.${sample.lang === 'ts' ? 'mts' : 'mjs'}`), sample.code);
          if (sample.lang === 'ts') execFileSync(esbuild, [join(dir, `sample-${sample.line}.mts`), `--outfile=${file}`, '--format=esm', '--log-level=error']);
          const result = spawnSync(process.execPath, [file], { cwd: dir, env: { ...process.env, HOME: dir }, encoding: 'utf8', timeout: 120_000 });
          if (result.status !== 0) failures.push(`${where}: the ${sample.lang} sample failed: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
