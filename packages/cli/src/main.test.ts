import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWithJsonSchema } from '@mianjing/schema';
import { describe, expect, it } from 'vitest';
import { main } from './index.js';

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;

async function run(argv: string[], cwd = fixtures) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('mianjing check', () => {
  it('prints every problem at its place and exits 1', async () => {
    const { code, stderr } = await run(['check', 'broken']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'broken/front-matter.md:4:12: error Unexpected YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the front matter so it parses as YAML [invalid-front-matter]',
      'broken/one.md:1:1: error Unexpected duplicate note id `one`, expected each note to have its own id: also used by two.md [duplicate-id]',
      'broken/one.md:7:1: error Unexpected duplicate id `one/overfitting`, expected ids to be unique: also used at two.md:9; give one question an id of its own with `{#id}` at the end of it [duplicate-id]',
      'broken/two.md:1:1: error Unexpected duplicate note id `one`, expected each note to have its own id: also used by one.md [duplicate-id]',
      'broken/two.md:9:1: error Unexpected question without answer, expected an answer below “什么是欠拟合？” [question-without-answer]',
      'broken/two.md:9:1: error Unexpected duplicate id `one/overfitting`, expected ids to be unique: also used at one.md:7; give one question an id of its own with `{#id}` at the end of it [duplicate-id]',
      '3 files, 4 questions (3 answered), 6 errors, 0 warnings (canonical)',
      '',
    ]);
  });

  it('prints the same diagnostics as JSON with --json', async () => {
    const { code, stdout } = await run(['check', 'broken', '--json']);
    expect(code).toBe(1);
    const diagnostics = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(diagnostics).toHaveLength(6);
    expect(diagnostics[4]).toEqual({
      file: 'broken/two.md',
      line: 9,
      column: 1,
      severity: 'error',
      message: 'Unexpected question without answer, expected an answer below “什么是欠拟合？”',
      ruleId: 'question-without-answer',
    });
  });

  it('exits 0 on a clean lenient folder, and 1 with --strict when it has warnings', async () => {
    const lenient = join(fixtures, '../../../dataset/test/fixtures/lenient');
    expect((await run(['check', lenient])).code).toBe(0);
    expect((await run(['check', lenient, '--strict'])).code).toBe(1);
  });
});

describe('mianjing build', () => {
  it('writes dataset.json, dataset.jsonl and schema.json, byte-identical across runs', async () => {
    const lenient = join(fixtures, '../../../dataset/test/fixtures/lenient');
    const outs = [await mkdtemp(join(tmpdir(), 'mj-a-')), await mkdtemp(join(tmpdir(), 'mj-b-'))];
    for (const out of outs) {
      const { code, stdout } = await run(['build', lenient, '--out', out]);
      expect(code).toBe(0);
      expect(stdout).toContain('dataset.json');
    }
    expect((await readdir(outs[0]!)).sort()).toEqual(['dataset.json', 'dataset.jsonl', 'schema.json']);
    for (const name of ['dataset.json', 'dataset.jsonl', 'schema.json']) {
      expect(await readFile(join(outs[1]!, name))).toEqual(await readFile(join(outs[0]!, name)));
    }
    const dataset = JSON.parse(await readFile(join(outs[0]!, 'dataset.json'), 'utf8'));
    expect(validateWithJsonSchema(dataset)).toEqual([]);
    expect(dataset.meta).toMatchObject({ name: 'lenient', count: 4, answered: 3 });
  });

  it('writes nothing when the notes have errors', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mj-c-'));
    const { code, stderr } = await run(['build', 'broken', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('Nothing written');
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses to write into the notes folder, before reading it', async () => {
    const { code, stderr } = await run(['build', 'broken', '--out', 'broken/out']);
    expect(code).toBe(2);
    expect(stderr).toBe('mianjing: Refusing to write into the notes folder (broken/out): give --out a path outside broken\nRun `mianjing --help` for usage.\n');
  });
});

const seeds = join(fixtures, '../../../../../shared/seeds');

describe.skipIf(!existsSync(seeds))('mianjing build on the seed documents (../shared/seeds)', () => {
  it('extracts every interview question and accounts for the table of contents', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mj-seeds-'));
    const { code } = await run(['build', seeds, '--out', out, '--report', join(out, 'report.json')]);
    expect(code).toBe(0);
    const dataset = JSON.parse(await readFile(join(out, 'dataset.json'), 'utf8'));
    const of = (path: string) => dataset.questions.filter((q: { source: { path: string } }) => q.source.path === path);
    const summ = of('InterviewSumm.md');
    expect(summ).toHaveLength(49);
    expect(summ.filter((q: { status: string }) => q.status === 'answered').map((q: { question: string }) => q.question)).toEqual(['CNN1*1卷积核的作用？']);
    expect(summ.find((q: { question: string }) => q.question === '图卷积的基本原理')).toMatchObject({ status: 'unanswered', answer: '' });
    // The note's reference list applies to the whole note: it is kept once, with the note.
    const note = dataset.notes.find((n: { path: string }) => n.path === 'InterviewSumm.md');
    expect(summ[0].references).toEqual([]);
    expect(note.references.map((r: { url: string }) => r.url)).toEqual(['https://blog.csdn.net/briblue/article/details/83151475', 'https://www.bilibili.com/video/BV1BZ4y1M7hF?p=124']);
    const toc = of('awesome_NLP-Interview-Notes-README.md');
    expect(toc).toHaveLength(54);
    expect(toc.every((q: { status: string }) => q.status === 'unanswered')).toBe(true);
    // Chapter labels with nothing under them (一、动机篇, 四、总结) are outline sections, not questions.
    const questions = toc.map((q: { question: string }) => q.question);
    expect(questions).toContain('卷积层的本质是什么？');
    expect(questions.filter((q: string) => /动机|总结/.test(q))).toEqual([]);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ candidates: 104, records: 103, dropped: 1 });
    expect(report.files.find((f: { path: string }) => f.path === 'awesome_NLP-Interview-Notes-README.md').dropped).toEqual([
      { line: 90, column: 15, question: 'GAN 的基本思想', reason: 'duplicate of line 87' },
    ]);
  });
});

describe('mianjing export anki', () => {
  it("keeps GUIDs and gives only the edited note a newer mod, from the notes' modification times", async () => {
    const notes = await mkdtemp(join(tmpdir(), 'mj-anki-'));
    await writeFile(join(notes, 'a.md'), '# 甲\n\n## 不变的问题？\n\n旧答案。\n');
    await writeFile(join(notes, 'b.md'), '# 乙\n\n## 会改的问题？\n\n旧答案。\n');
    await utimes(join(notes, 'a.md'), 1_800_000_000, 1_800_000_000);
    await utimes(join(notes, 'b.md'), 1_800_000_000, 1_800_000_000);
    const SQL = await initSqlJs();
    const deck = async () => {
      const out = await mkdtemp(join(tmpdir(), 'mj-deck-'));
      let stderr = '';
      const code = await main(['export', 'anki', notes, '--out', join(out, 'deck.apkg')], { cwd: out, env: {}, stdout: () => {}, stderr: (t) => (stderr += t) });
      expect(code, stderr).toBe(0);
      const db = new SQL.Database(unzipSync(await readFile(join(out, 'deck.apkg')))['collection.anki2']);
      const rows = db.exec('select sfld, guid, mod from notes order by sfld')[0]!.values;
      return Object.fromEntries(rows.map(([question, guid, mod]: unknown[]) => [String(question), { guid, mod: Number(mod) }]));
    };
    const before = await deck();
    expect(before['不变的问题？']!.mod).toBe(1_800_000_000);
    await writeFile(join(notes, 'b.md'), '# 乙\n\n## 会改的问题？\n\n新答案。\n');
    await utimes(join(notes, 'b.md'), 1_800_000_600, 1_800_000_600);
    const after = await deck();
    expect(after['不变的问题？']).toEqual(before['不变的问题？']);
    expect(after['会改的问题？']!.guid).toBe(before['会改的问题？']!.guid);
    expect(after['会改的问题？']!.mod).toBeGreaterThan(before['会改的问题？']!.mod);
  });

  it('keeps rendered answers in --cache-dir: a rerun reads them, edits and damage only cost time', async () => {
    const notes = await mkdtemp(join(tmpdir(), 'mj-cache-'));
    const cacheDir = join(await mkdtemp(join(tmpdir(), 'mj-cache-dir-')), 'nested');
    await writeFile(join(notes, 'a.md'), '# 甲\n\n## 第一问？\n\n答案含 $x^2$ 与 `code`。\n\n## 第二问？\n\n另一个答案。\n');
    const exportDeck = async (...flags: string[]) => {
      const out = await mkdtemp(join(tmpdir(), 'mj-deck-'));
      const result = await run(['export', 'anki', notes, '--out', join(out, 'deck.apkg'), ...flags], out);
      expect(result.code, result.stderr).toBe(0);
      return readFile(join(out, 'deck.apkg'));
    };
    const cacheFile = async () => {
      const [name, ...others] = await readdir(cacheDir);
      expect(others).toEqual([]);
      return readFile(join(cacheDir, name!), 'utf8');
    };
    const uncached = await exportDeck('--no-cache');
    expect(existsSync(cacheDir)).toBe(false);
    // The first entry, collection.anki2, is deflated (method 8) unless --no-compress stores it (0).
    expect(uncached.readUInt16LE(8)).toBe(8);
    expect((await exportDeck('--no-cache', '--no-compress')).readUInt16LE(8)).toBe(0);

    expect((await exportDeck('--cache-dir', cacheDir)).equals(uncached)).toBe(true);
    const lines = (await cacheFile()).split('\n');
    expect(lines[0]).toBe('mianjing render cache 1');
    expect(lines.slice(1, -1).map((line) => JSON.parse(line.split('\t')[1]!).html)).toEqual(expect.arrayContaining([expect.stringContaining('\\(x^2\\)'), '<p>另一个答案。</p>']));
    expect(lines).toHaveLength(4);

    // A cached entry is what the deck shows: proof that the rerun read the file.
    const [name] = await readdir(cacheDir);
    await writeFile(join(cacheDir, name!), (await cacheFile()).replace('<p>另一个答案。</p>', '<p>缓存里的答案</p>'));
    const fromCache = await exportDeck('--cache-dir', cacheDir);
    const db = new (await initSqlJs()).Database(unzipSync(fromCache)['collection.anki2']);
    expect(String(db.exec("select flds from notes where sfld = '第二问？'")[0]!.values[0]![0])).toContain('<p>缓存里的答案</p>');

    // An edited answer is rendered again and the entry of the old text dropped; a damaged file is an empty cache.
    await writeFile(join(notes, 'a.md'), '# 甲\n\n## 第一问？\n\n答案含 $x^2$ 与 `code`。\n\n## 第二问？\n\n改过的答案。\n');
    await exportDeck('--cache-dir', cacheDir);
    expect(await cacheFile()).toContain('<p>改过的答案。</p>');
    expect(await cacheFile()).not.toContain('缓存里的答案');
    await writeFile(join(cacheDir, name!), 'mianjing render cache 1\nbroken\tnot json\n\u0000\u0001');
    const edited = await exportDeck('--cache-dir', cacheDir);
    expect(edited.equals(await exportDeck('--no-cache'))).toBe(true);

    // Other folders' cache files go after 60 days unused; this folder's file is marked used even when unchanged.
    const day = 24 * 60 * 60;
    const ago = (days: number) => Date.now() / 1000 - days * day;
    const [stale, recent, foreign] = ['anki-00000000000000aa.cache', 'anki-00000000000000bb.cache', 'notes.txt'];
    for (const other of [stale, recent, foreign]) await writeFile(join(cacheDir, other), 'mianjing render cache 1\n');
    await utimes(join(cacheDir, stale), ago(61), ago(61));
    await utimes(join(cacheDir, recent), ago(59), ago(59));
    await utimes(join(cacheDir, foreign), ago(400), ago(400));
    await utimes(join(cacheDir, name!), ago(90), ago(90));
    await exportDeck('--cache-dir', cacheDir);
    expect((await readdir(cacheDir)).sort()).toEqual([recent, name!, foreign].sort());
    expect(Date.now() - (await stat(join(cacheDir, name!))).mtimeMs).toBeLessThan(day * 1000);
  });

  it("prints each warning at its question's note and line, from the notes or from a built dataset", async () => {
    const work = await mkdtemp(join(tmpdir(), 'mj-warn-'));
    await mkdir(join(work, 'notes', 'cv'), { recursive: true });
    await writeFile(join(work, 'notes', 'cv', 'conv.md'), '# 卷积\n\n## 卷积是什么？\n\n卷积核在输入上滑动，每个位置做加权求和，如图：![示意图](img/conv.png)\n');
    const fromNotes = await run(['export', 'anki', 'notes', '--out', 'deck.apkg'], work);
    expect(fromNotes.code, fromNotes.stderr).toBe(0);
    const warning = 'warning Cannot find image `img/conv.png` (`cv/img/conv.png` in the notes folder); showing its alt text (question `cv/conv/q-';
    expect(fromNotes.stderr).toContain(`notes/cv/conv.md:3:1: ${warning}`);
    expect((await run(['build', 'notes', '--out', 'out'], work)).code).toBe(0);
    const fromDataset = await run(['export', 'anki', '--dataset', 'out/dataset.json', '--out', 'deck2.apkg'], work);
    expect(fromDataset.code, fromDataset.stderr).toBe(0);
    expect(fromDataset.stderr.split('\n')[0]).toMatch(
      /^cv\/conv\.md:3:1: warning Cannot read image `img\/conv\.png` without the notes folder the dataset was built from; showing its alt text \(question `cv\/conv\/q-[0-9a-f]{8}`\) \[image-not-embedded\]$/,
    );
  });
});

describe('mianjing site', () => {
  it('writes the study site of a notes folder, its pages named after the record ids', async () => {
    const lenient = join(fixtures, '../../../dataset/test/fixtures/lenient');
    const out = await mkdtemp(join(tmpdir(), 'mj-site-'));
    const { code, stdout } = await run(['site', lenient, '--out', out, '--title', '随手记']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^site: wrote \d+ files in /);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('随手记');
    expect(existsSync(join(out, 'q', 'sub', 'more', 'what-is-dropout.html'))).toBe(true);
  });
});

describe('usage', () => {
  it('rejects unknown commands, formats, options and options of other commands with exit code 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['export', 'pdf', '--out', '/tmp/x'])).code).toBe(2);
    expect(await run(['check', '--nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mianjing: Unknown option --nope (see `mianjing check --help` for the options)\nRun `mianjing --help` for usage.\n',
    });
    expect((await run(['-z'])).stderr).toBe('mianjing: Unknown option -z (see `mianjing --help` for the options)\nRun `mianjing --help` for usage.\n');
    const other = await run(['check', 'broken', '--style', 'openai']);
    expect(other).toEqual({ code: 2, stdout: '', stderr: 'mianjing: Unexpected --style for `check` (see `mianjing check --help`)\nRun `mianjing --help` for usage.\n' });
  });

  it('prints the commands, and each command’s own help with every option, its default and its limits', async () => {
    const global = await run(['--help']);
    expect(global.code).toBe(0);
    for (const command of ['check', 'build', 'export', 'all']) expect(global.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    const build = await run(['build', '--help']);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^Usage: mianjing build \[DIR\] --out OUTDIR/);
    for (const flag of ['--out PATH', '--report FILE', '--strict', '--mode MODE', '--jobs N', '--name NAME', '--dataset-version V', '--quiet']) expect(build.stdout).toContain(flag);
    expect(build.stdout).not.toContain('--max-chars');
    const exportHelp = (await run(['help', 'export'])).stdout;
    expect(exportHelp).toMatch(/Options for rag:\n +--max-chars N +split answers longer than N code points into several chunks, N ≥ 200 \(default 1500\)/);
    expect(exportHelp).toContain('--answer WHAT');
    const anki = (await run(['export', 'anki', '--help'])).stdout;
    expect(anki).toMatch(/^Usage: mianjing export anki \[DIR\]/);
    expect(anki).toContain('Options for anki:');
    expect(anki).not.toContain('--max-chars');
  });
});
