// What the built CLI loads for each command: --help or a mistyped command loads neither the parser nor the
// exporters, and `check` loads no exporter. A module hook in the child writes down every module it resolves. Runs the built CLI (`pnpm test`
// builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = new URL('../dist/bin.js', import.meta.url).pathname;

describe.skipIf(!existsSync(bin))('modules the CLI loads', () => {
  let work: string;
  let register: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mj-startup-'));
    const hooks = join(work, 'hooks.mjs');
    await writeFile(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.MJ_MODULES, resolved.url + '\\n');
  return resolved;
}
`,
    );
    register = join(work, 'register.mjs');
    await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    await mkdir(join(work, 'notes'));
    await writeFile(join(work, 'notes', 'note.md'), '# 笔记\n\n## 什么是过拟合？\n\n训练误差小而测试误差大，例如 $\\\\|w\\\\|_2$ 很大。\n\n```python\nprint(1)\n```\n');
  });

  /** Runs the CLI and gives its exit code and the modules it resolved, as URLs. */
  async function modulesOf(args: string[]): Promise<{ status: number | null; stderr: string; modules: string[] }> {
    const list = join(work, `modules-${Math.random().toString(36).slice(2)}.txt`);
    const env = { ...process.env, MJ_MODULES: list, XDG_CACHE_HOME: join(work, 'cache'), SOURCE_DATE_EPOCH: '1700000000' };
    const { status, stderr } = spawnSync(process.execPath, ['--import', register, bin, ...args], { cwd: work, env, encoding: 'utf8' });
    const modules = (await readFile(list, 'utf8')).trim().split('\n');
    await rm(list);
    expect(
      modules.some((url) => url.endsWith('/cli/dist/bin.js')),
      stderr,
    ).toBe(true);
    return { status, stderr, modules };
  }
  const fromPackage = (modules: string[], name: string) => modules.filter((url) => url.includes(`/${name}/dist/`));

  it.each([[['--help']], [['--version']], [['frobnicate']], [['check', '--jobs', 'zero']]])('%j loads no package of the toolchain', async (args) => {
    const { status, modules } = await modulesOf(args);
    expect(status).toBe(args[0]!.startsWith('--') ? 0 : 2);
    for (const name of ['schema', 'parser', 'dataset', 'exporters']) expect(fromPackage(modules, name), name).toEqual([]);
  });

  it('check loads the parser but no exporter and no HTML renderer', async () => {
    const { status, stderr, modules } = await modulesOf(['check', 'notes']);
    expect(status, stderr).toBe(0);
    expect(fromPackage(modules, 'parser')).not.toEqual([]);
    expect(fromPackage(modules, 'exporters')).toEqual([]);
    expect(modules.filter((url) => url.endsWith('/markdown/dist/html.js') || /\/node_modules\/(rehype-[a-z-]+|highlight\.js|parse5)\//.test(url))).toEqual([]);
  });

  it('export anki loads the HTML renderer', async () => {
    const { status, stderr, modules } = await modulesOf(['export', 'anki', 'notes', '--out', join(work, 'deck')]);
    expect(status, stderr).toBe(0);
    expect(modules.filter((url) => url.endsWith('/markdown/dist/html.js'))).toHaveLength(1);
  });
});
