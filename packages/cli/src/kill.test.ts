// A smoke test of interruption through the real process: SIGTERM and SIGINT stop `mianjing all` within about a
// second whatever it is doing, and leave every output either as it was or complete, with no temporary file. The
// writer's guarantees are tested deterministically, with injected failures, in packages/dataset/src/write.test.ts.
// Runs the built CLI (`pnpm test` builds first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = new URL('../dist/bin.js', import.meta.url).pathname;
// The render cache goes to a temporary folder, not the user's ~/.cache.
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', XDG_CACHE_HOME: join(tmpdir(), 'mianjing-kill-test-cache') };

async function writeNotes(dir: string, version: string): Promise<void> {
  for (let n = 0; n < 10; n++) {
    const questions = Array.from(
      { length: 30 },
      (_, q) => `## 第 ${n}-${q} 题为什么重要？\n\n${version}答案：${'损失函数 $L = \\sum_i \\ell_i$ 与**梯度**。'.repeat(20)}\n\n\`\`\`python\nprint(${q})\n\`\`\`\n`,
    );
    await writeFile(join(dir, `note-${n}.md`), `# 笔记 ${n}\n\n${questions.join('\n')}`);
  }
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return files;
}

/** Run `mianjing all` to completion; returns how long it took, in ms. */
function runAll(notes: string, out: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, 'all', notes, '--out', out], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return performance.now() - start;
}

describe.skipIf(!existsSync(bin))('interrupted and repeated builds', () => {
  let oldNotes: string;
  let newNotes: string;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  let duration: number;

  beforeAll(async () => {
    oldNotes = await mkdtemp(join(tmpdir(), 'mj-old-'));
    newNotes = await mkdtemp(join(tmpdir(), 'mj-new-'));
    await writeNotes(oldNotes, '旧');
    await writeNotes(newNotes, '新');
    const a = await mkdtemp(join(tmpdir(), 'mj-out-a-'));
    const b = await mkdtemp(join(tmpdir(), 'mj-out-b-'));
    runAll(oldNotes, a);
    duration = runAll(newNotes, b);
    before = await snapshot(a);
    after = await snapshot(b);
  }, 120_000);

  it('writes byte-identical outputs on a second run over the same notes', async () => {
    const again = await mkdtemp(join(tmpdir(), 'mj-out-c-'));
    runAll(oldNotes, again);
    expect(await snapshot(again)).toEqual(before);
    expect(before.size).toBeGreaterThanOrEqual(10);
  }, 120_000);

  // Signals at a few moments of a run: while parsing, while rendering the deck, while writing.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops promptly on ${signal} and leaves the previous outputs whole`, async () => {
      for (const fraction of [0.3, 0.7]) {
        const out = await mkdtemp(join(tmpdir(), 'mj-kill-'));
        runAll(oldNotes, out);
        const child = spawn(process.execPath, [bin, 'all', newNotes, '--out', out], { env, stdio: 'ignore' });
        const exited = new Promise<number>((resolve) => child.on('exit', () => resolve(performance.now())));
        await new Promise((resolve) => setTimeout(resolve, fraction * duration));
        const sent = performance.now();
        child.kill(signal);
        // "Promptly": well under the run's own length, not only once the work is done.
        expect((await exited) - sent).toBeLessThan(2_000);
        const now = await snapshot(out);
        expect([...now.keys()].filter((path) => /\.mianjing-[0-9a-f]+\.tmp$/.test(path))).toEqual([]);
        for (const [path, bytes] of now) {
          const whole = bytes.equals(before.get(path)!) || bytes.equals(after.get(path)!);
          expect(whole, `${path} is partial after ${signal} at ${fraction} of a run`).toBe(true);
        }
        for (const path of before.keys()) expect(now.has(path), `${path} missing after ${signal}`).toBe(true);
      }
    }, 240_000);
  }
});
