// The edges a person meets in the first hour, through the built CLI: every failure is one line naming the path and
// the fix, with exit code 2 for usage and file-system problems and no stack trace; relative paths start where the
// user is, also through the repository's `pnpm mianjing`; English notes are English.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { Progress } from '../src/progress.js';

const bin = new URL('../dist/bin.js', import.meta.url).pathname;
const repository = new URL('../../../', import.meta.url).pathname;

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') }, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mj-edges-'));
  await mkdir(join(dir, 'notes'));
  await writeFile(join(dir, 'notes', 'note.md'), '# Notes\n\n## What is overfitting?\n\nLow training error and high test error: the model learned the noise.\n');
  return dir;
}

describe.skipIf(!existsSync(bin))('file-system problems, before any work starts', () => {
  it('a missing folder: one line, exit 2', async () => {
    const dir = await workspace();
    const { status, stderr } = cli(['check', 'nope'], dir);
    expect(status).toBe(2);
    expect(stderr).toBe(`mianjing: No folder nope: give a folder of Markdown notes (relative paths start at ${dir})\n`);
  });

  it('a file instead of a folder', async () => {
    const dir = await workspace();
    const { status, stderr } = cli(['build', 'notes/note.md', '--out', 'out'], dir);
    expect(status).toBe(2);
    expect(stderr).toBe('mianjing: notes/note.md is a file, not a folder: give the folder that holds your notes (e.g. notes)\n');
    const below = cli(['check', 'notes/note.md/sub'], dir);
    expect(below.status).toBe(2);
    expect(below.stderr).toBe('mianjing: No folder notes/note.md/sub: notes/note.md is a file, not a folder; give the folder that holds your notes\n');
  });

  it('a folder without notes is not a success', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', 'data.txt'), 'not a note');
    const { status, stderr } = cli(['build', 'empty', '--out', 'out'], dir);
    expect(status).toBe(2);
    expect(stderr).toBe('mianjing: No Markdown notes (.md files) in empty: give the folder that holds your notes\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('an --out on a pseudo file system is refused at once, not looped on', async () => {
    const dir = await workspace();
    const { status, stderr } = cli(['build', 'notes', '--out', '/proc/mianjing-out'], dir);
    expect(status).toBe(2);
    expect(stderr).toBe('mianjing: Cannot write /proc/mianjing-out: /proc is on the proc pseudo file system; choose a folder on a real disk\n');
  });

  it('an --out below a file, and a --dataset that is not there', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'notes-copy.txt'), 'a file');
    const belowFile = cli(['build', 'notes', '--out', 'notes-copy.txt/out'], dir);
    expect(belowFile.status).toBe(2);
    expect(belowFile.stderr).toBe('mianjing: Cannot write notes-copy.txt/out: notes-copy.txt is a file, not a folder; choose another --out\n');
    const missing = cli(['export', 'csv', '--dataset', 'out/dataset.json', '--out', 'x.csv'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('mianjing: No file out/dataset.json: give a dataset.json written by `mianjing build`\n');
    for (const { stderr } of [belowFile, missing]) noStack(stderr);
  });
});

describe('internal errors', () => {
  it('are one line with where to report them, the stack only with --debug', async () => {
    const io = (lines: string[]) => ({
      cwd: tmpdir(),
      env: {},
      stdout: () => {
        throw new Error('stdout is gone');
      },
      stderr: (text: string) => void lines.push(text),
    });
    const plain: string[] = [];
    expect(await main(['--version'], io(plain))).toBe(70);
    expect(plain.join('')).toBe('mianjing: internal error: stdout is gone; please report it at https://github.com/mianjing/mianjing/issues with the command you ran (add --debug for the details)\n');
    const debug: string[] = [];
    expect(await main(['--version', '--debug'], io(debug))).toBe(70);
    expect(debug.join('')).toMatch(/stdout is gone[\s\S]*\n\s+at /);
  });
});

describe.skipIf(!existsSync(bin))('progress and summary lines', () => {
  it('stay off a pipe, and --quiet leaves only the problems', async () => {
    const dir = await workspace();
    const normal = cli(['check', 'notes'], dir);
    expect(normal.stderr).toBe('1 files, 1 questions (1 answered), 0 errors, 0 warnings (lenient)\n');
    const quiet = cli(['check', 'notes', '--quiet'], dir);
    expect(quiet).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('draw one line on a terminal after about a second, at most ten times a second, and clear it', () => {
    let now = 0;
    const out: string[] = [];
    const progress = new Progress(
      (text) => out.push(text),
      true,
      () => now,
    );
    progress.update('notes parsed', 1, 3);
    now = 1200;
    progress.update('notes parsed', 2, 3);
    now = 1250;
    progress.update('notes parsed', 2, 3);
    progress.update('notes parsed', 3, 3);
    progress.done();
    expect(out).toEqual(['\r\u001b[2Knotes parsed 2/3 (1.2 s)', '\r\u001b[2Knotes parsed 3/3 (1.3 s)', '\r\u001b[2K']);
    const off: string[] = [];
    new Progress(
      (text) => off.push(text),
      false,
      () => 5000,
    ).update('x', 1, 1);
    expect(off).toEqual([]);
  });
});

describe.skipIf(!existsSync(bin))('languages', () => {
  it('English notes make English records, an English system prompt and English RAG metadata', async () => {
    const dir = await workspace();
    expect(cli(['all', 'notes', '--out', 'out', '--no-cache'], dir).status).toBe(0);
    const dataset = JSON.parse(await readFile(join(dir, 'out', 'dataset.json'), 'utf8'));
    expect(dataset.meta.languages).toEqual(['en']);
    expect(dataset.questions[0].lang).toBe('en');
    const [example] = (await readFile(join(dir, 'out', 'finetune', 'openai.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(example.messages[0].content).toMatch(/^You are an experienced technical interviewer/);
    const [chunk] = (await readFile(join(dir, 'out', 'rag', 'chunks.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(chunk.metadata.lang).toBe('en');
  });
});

describe.skipIf(!existsSync(bin))('the CSV formula guard', () => {
  it('is on by default, and the summary says how pipeline users turn it off', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'notes', 'list.md'), '# Lists\n\n## Which optimizers are there?\n\n- SGD\n- Adam\n');
    const { status, stderr } = cli(['export', 'csv', 'notes', '--out', 'q.csv'], dir);
    expect(status).toBe(0);
    expect(stderr).toContain("csv: 1 cells start like a spreadsheet formula (= + - @) and got a leading ' so Excel shows them as text; for pandas or a database, export with --no-excel-safe");
    expect(await readFile(join(dir, 'q.csv'), 'utf8')).toContain('"\'- SGD\n- Adam"');
  });
});

const pnpm = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!pnpm || !existsSync(bin))('pnpm mianjing in this repository', () => {
  it('reads relative paths from the folder it was run in, not the repository root', async () => {
    // A folder of the repository with no package.json of its own between it and the root, as `content/` or `packages/`.
    const sub = join(repository, 'test', 'fixtures', 'from-subfolder');
    await rm(sub, { recursive: true, force: true });
    await mkdir(join(sub, 'notes'), { recursive: true });
    try {
      await writeFile(join(sub, 'notes', 'a.md'), '# 笔记\n\n## 什么是过拟合？\n\n训练误差小而测试误差大。\n');
      const result = spawnSync('pnpm', ['--silent', 'mianjing', 'check', 'notes'], { cwd: sub, encoding: 'utf8' });
      expect(result.stderr).toBe('1 files, 1 questions (1 answered), 0 errors, 0 warnings (lenient)\n');
      expect(result.status).toBe(0);
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(bin))('pathological notes next to a good one', () => {
  it('every output is written, each capped record is named, and nothing prints a stack trace', async () => {
    const dir = await workspace();
    const rows = Array.from({ length: 1500 }, (_, i) => `| ${i} | value |`).join('\n');
    await writeFile(join(dir, 'notes', 'deep.md'), `# Deep\n\n## What is a deep quote?\n\n${'>'.repeat(10_000)} deep\n`);
    await writeFile(join(dir, 'notes', 'table.md'), `# Table\n\n## What is a long table?\n\n| a | b |\n| - | - |\n${rows}\n`);
    const { status, stdout, stderr } = cli(['all', 'notes', '--out', 'out'], dir);
    noStack(stderr);
    expect(status, stderr).toBe(0);
    for (const exporter of ['anki', 'site']) {
      expect(stderr).toContain(
        `notes/deep.md:3:1: warning Unexpected nesting deeper than 100 levels on 1 line(s), expected at most 100: the ${exporter === 'anki' ? 'card' : 'page'} shows the deeper lines as text (question \`deep/what-is-a-deep-quote\`) [nesting-too-deep]`,
      );
      expect(stderr).toContain(
        `notes/table.md:3:1: warning Unexpected table of 1500 rows, expected at most 1000: the ${exporter === 'anki' ? 'card' : 'page'} shows its first 1000; split the table or link to the full data (question \`table/what-is-a-long-table\`) [table-truncated]`,
      );
    }
    expect(stdout + stderr).toMatch(/rag: wrote .*records 3/);
    const csv = await readFile(join(dir, 'out', 'questions.csv'), 'utf8');
    expect(csv).toContain('Low training error and high test error');
    for (const file of ['dataset.json', 'mianjing.apkg', 'questions.csv', 'rag/chunks.jsonl', 'finetune/openai.jsonl', 'site/index.html']) expect(existsSync(join(dir, 'out', file)), file).toBe(true);
  });
});
