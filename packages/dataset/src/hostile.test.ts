// Bad files and bad trees: each gets a positioned diagnostic, nothing crashes, the other notes still build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { severityOf } from '@mianjing/parser';
import { validateWithJsonSchema } from '@mianjing/schema';
import { describe, expect, it } from 'vitest';
import { buildDataset } from './build.js';
import { datasetJson } from './serialize.js';

const good = '# 好笔记\n\n## 问题？\n\n答案。\n';

/** Build a folder holding `files` plus one good note, and return the diagnostics of every file. */
async function buildWith(files: Record<string, string | Uint8Array>) {
  const root = await mkdtemp(join(tmpdir(), 'mj-hostile-'));
  await writeFile(join(root, 'good.md'), good);
  for (const [name, data] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), data);
  }
  const result = await buildDataset(root);
  const messages = result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column}: ${severityOf(m)} [${m.ruleId}] ${m.reason}`));
  // Whatever else happened, the good note is in the dataset and the dataset is valid.
  expect(result.dataset.questions.some((q) => q.source.path === 'good.md')).toBe(true);
  expect(validateWithJsonSchema(JSON.parse(datasetJson(result.dataset)))).toEqual([]);
  return { root, result, messages };
}

describe('bad files', () => {
  it('reports invalid UTF-8 with its byte offset and line, and skips the file', async () => {
    const bytes = Buffer.concat([Buffer.from('# 标题\n\n## 问'), Buffer.from([0xe9, 0x97]), Buffer.from('？\n')]);
    const { messages } = await buildWith({ 'bad.md': bytes });
    expect(messages).toEqual(['bad.md:3:7: warning [invalid-encoding] Unexpected invalid UTF-8 at byte 16, expected UTF-8 text: re-save the file as UTF-8; the file is skipped']);
  });

  it('detects UTF-16 and binary files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## 问题？\n', 'utf16le')]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const { messages } = await buildWith({ 'utf16.md': utf16, 'image.md': png });
    expect(messages).toEqual([
      'image.md:3:1: warning [invalid-encoding] Unexpected NUL byte at byte 8, expected UTF-8 text: this looks like a binary file or UTF-16 without a byte order mark; the file is skipped',
      'utf16.md:1:1: warning [invalid-encoding] Unexpected UTF-16 text (byte order mark at byte 0), expected UTF-8: re-save the file as UTF-8; the file is skipped',
    ]);
  });

  it('reads a BOM and CRLF line ends transparently, with the right lines and LF answers', async () => {
    const { result } = await buildWith({ 'crlf.md': '\uFEFF# 标题\r\n\r\n## 第一问？\r\n\r\n第一行\r\n第二行\r\n\r\n## 第二问？\r\n\r\n答。\r\n' });
    const records = result.dataset.questions.filter((q) => q.source.path === 'crlf.md');
    expect(records.map((r) => [r.question, r.source.line, r.source.endLine, r.answer])).toEqual([
      ['第一问？', 3, 6, '第一行\n第二行'],
      ['第二问？', 8, 10, '答。'],
    ]);
  });

  it('accepts empty files and files with only front matter', async () => {
    const { result, messages } = await buildWith({ 'empty.md': '', 'front.md': '---\ntitle: 只有元数据\n---\n' });
    expect(messages).toEqual([]);
    expect(result.summary.files).toBe(3);
  });

  it('keeps the answer of an unclosed code fence or math block', async () => {
    const { result } = await buildWith({ 'open.md': '## 代码？\n\n```python\nprint(1)\n\n## 公式？\n\n$$\nx^2\n' });
    const record = result.dataset.questions.find((q) => q.source.path === 'open.md')!;
    expect(record.question).toBe('代码？');
    expect(record.answer).toBe('```python\nprint(1)\n\n## 公式？\n\n$$\nx^2');
  });

  it('reads a 5 MB single line', async () => {
    const line = '很长的一行，'.repeat(300_000);
    const { result } = await buildWith({ 'long.md': `## 长行？\n\n${line}\n` });
    expect(result.dataset.questions.find((q) => q.source.path === 'long.md')!.answer).toBe(line);
  });

  it('reads quotes and lists nested 10,000 deep without exceeding the stack', async () => {
    const { result, messages } = await buildWith({ 'quotes.md': `## 引用？\n\n${'>'.repeat(10_000)} 深\n`, 'lists.md': `## 列表？\n\n${'- '.repeat(10_000)}深\n` });
    expect(messages).toEqual([
      `lists.md:3:1: warning [nesting-too-deep] Unexpected nesting deeper than 100 levels on 1 line(s), expected at most 100: the deeper \`>\` and list markers are read as text`,
      `quotes.md:3:1: warning [nesting-too-deep] Unexpected nesting deeper than 100 levels on 1 line(s), expected at most 100: the deeper \`>\` and list markers are read as text`,
    ]);
    // The answer keeps the note's own text, markers and all.
    expect(result.dataset.questions.find((q) => q.source.path === 'quotes.md')!.answer).toBe(`${'>'.repeat(10_000)} 深`);
  });

  it('reads a 100,000-row table', { timeout: 180_000 }, async () => {
    const { result } = await buildWith({ 'table.md': `## 表？\n\n| a | b |\n| --- | --- |\n${'| 1 | 2 |\n'.repeat(100_000)}` });
    expect(result.dataset.questions.find((q) => q.source.path === 'table.md')!.answerText.split('\n')).toHaveLength(100_001);
  });

  it('reports malformed YAML and odd keys at their lines, and never pollutes prototypes', async () => {
    const { result, messages } = await buildWith({
      'yaml.md': '---\ntitle: [未闭合\n---\n\n## 问？\n\n答。\n',
      'proto.md': '---\n__proto__: { polluted: true }\nconstructor: 1\ntags: [1, {a: b}]\n---\n\n## 原型？\n\n答。\n',
    });
    expect(messages).toEqual([
      'proto.md:4:1: warning [invalid-front-matter] Unexpected value for front matter key `tags`: Invalid input',
      'yaml.md:2:12: warning [invalid-front-matter] Unexpected YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the front matter so it parses as YAML',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.dataset.questions.filter((q) => q.source.path !== 'good.md').map((q) => q.question)).toEqual(['原型？', '问？']);
  });
});

describe('bad trees', () => {
  it('does not follow symlinks out of the folder or round a loop, and reports broken ones', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'mj-outside-'));
    await writeFile(join(outside, 'secret.md'), '## 外部？\n\n不该读到。\n');
    const root = await mkdtemp(join(tmpdir(), 'mj-tree-'));
    await writeFile(join(root, 'good.md'), good);
    await mkdir(join(root, 'sub'));
    await symlink(root, join(root, 'sub', 'loop'));
    await symlink(join(outside, 'secret.md'), join(root, 'outside.md'));
    await symlink(join(root, 'gone.md'), join(root, 'dangling.md'));
    const result = await buildDataset(root);
    const messages = result.files.flatMap((f) => f.messages.map((m) => `${f.path}: ${severityOf(m)} [${m.ruleId}] ${m.reason}`));
    expect(messages.map((m) => m.replace(/: ENOENT.*$/, ': ENOENT'))).toEqual([
      'dangling.md: warning [unreadable-file] Cannot read `dangling.md`: broken symlink: ENOENT',
      'outside.md: warning [unreadable-file] Cannot read `outside.md`: symlink points outside the content folder; not followed',
    ]);
    expect(result.dataset.questions.map((q) => q.source.path)).toEqual(['good.md']);
  });

  // Root reads everything, so the permission case runs the build as `nobody` (setpriv) when the tests run as root.
  const asNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
  it.skipIf(!asNobody && process.getuid?.() === 0)('reports files and folders it may not read, and builds the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mj-perm-'));
    await writeFile(join(root, 'good.md'), good);
    await writeFile(join(root, 'secret.md'), '## 秘密？\n\n读不到。\n');
    await mkdir(join(root, 'locked'));
    await writeFile(join(root, 'locked', 'inner.md'), '## 里面？\n\n读不到。\n');
    await chmod(root, 0o755);
    await chmod(join(root, 'secret.md'), 0o000);
    await chmod(join(root, 'locked'), 0o000);
    const script = `
      const { buildDataset } = await import(${JSON.stringify(new URL('../dist/build-entry.js', import.meta.url).href)});
      const r = await buildDataset(${JSON.stringify(root)}, { jobs: 1 });
      console.log(JSON.stringify({ questions: r.dataset.questions.map((q) => q.source.path), messages: r.files.flatMap((f) => f.messages.map((m) => f.path + ': ' + m.ruleId + ' ' + m.reason)) }));`;
    const command = asNobody
      ? (['/usr/bin/setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '--input-type=module', '-e', script]] as const)
      : ([process.execPath, ['--input-type=module', '-e', script]] as const);
    const output = JSON.parse(execFileSync(command[0], [...command[1]], { encoding: 'utf8' })) as { questions: string[]; messages: string[] };
    expect(output.questions).toEqual(['good.md']);
    expect(output.messages).toEqual([
      "locked: unreadable-file Cannot read `locked`: cannot read folder: EACCES: permission denied, scandir '" + join(root, 'locked') + "'",
      'secret.md: unreadable-file Cannot read the note (EACCES); it is skipped',
    ]);
  });

  it('builds thousands of files in path order', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`n/${String(i).padStart(4, '0')}.md`] = `## 第 ${i} 题是什么？\n\n答案 ${i}。\n`;
    const { result } = await buildWith(files);
    expect(result.dataset.questions).toHaveLength(2001);
    expect(result.dataset.questions[1]!.source.path).toBe('n/0000.md');
    expect(result.dataset.questions.at(-1)!.source.path).toBe('n/1999.md');
  });
});
