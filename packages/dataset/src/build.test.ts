import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { bundledContentDir } from './paths.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { severityOf } from '@mianjing/parser';
import { validateWithJsonSchema } from '@mianjing/schema';
import { describe, expect, it } from 'vitest';
import { buildDataset, datasetFiles, datasetJson, datasetJsonl } from './build-entry.js';

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;
const messagesOf = (result: Awaited<ReturnType<typeof buildDataset>>) =>
  result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${severityOf(m)} [${m.ruleId}]`)).sort();

describe('buildDataset on a canonical folder', () => {
  it('collects records in path then line order, with meta from mianjing.json', async () => {
    const result = await buildDataset(join(fixtures, 'canonical'));
    expect(result.mode).toBe('canonical');
    expect(result.dataset.questions.map((q) => q.id)).toEqual(['alpha/first', 'alpha/shared', 'beta/third', 'beta/shared-again', 'alpha/first']);
    expect(result.dataset.meta).toMatchObject({ name: 'fixture', license: 'CC0-1.0', languages: ['zh'], count: 5, answered: 5 });
    expect(result.dataset.notes.map((n) => [n.id, n.path, n.title])).toEqual([
      ['alpha', 'a.md', '甲'],
      ['beta', 'b.md', '乙'],
      ['alpha', 'c.md', '丙'],
    ]);
    expect(result.summary).toMatchObject({ files: 3, questions: 5, answered: 5 });
  });

  it('reports duplicate note ids, record ids and questions at every place, and skips ignored files', async () => {
    const result = await buildDataset(join(fixtures, 'canonical'));
    expect(messagesOf(result)).toEqual([
      'a.md:15:1: error [duplicate-question]',
      'a.md:1:1: error [duplicate-id]',
      'a.md:9:1: error [duplicate-id]',
      'b.md:13:1: error [duplicate-question]',
      'c.md:1:1: error [duplicate-id]',
      'c.md:7:1: error [duplicate-id]',
    ]);
    const duplicate = result.files.find((f) => f.path === 'a.md')!.messages.find((m) => m.ruleId === 'duplicate-id' && m.line === 9)!;
    expect(duplicate.reason).toBe('Unexpected duplicate id `alpha/first`, expected ids to be unique: also used at c.md:7; give one question an id of its own with `{#id}` at the end of it');
    const note = result.files.find((f) => f.path === 'c.md')!.messages.find((m) => m.ruleId === 'duplicate-id' && m.line === 1)!;
    expect(note.reason).toBe('Unexpected duplicate note id `alpha`, expected each note to have its own id: also used by a.md');
  });

  it('leaves out a record the published schema rejects, with an error at its question, and keeps the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-invalid-'));
    const id = 'a'.repeat(210);
    await writeFile(join(dir, 'n.md'), `# 笔记\n\n## 什么是注意力？ {#${id}}\n\n注意力是加权求和。\n\n## 什么是残差？\n\n残差连接。\n`);
    const result = await buildDataset(dir, { mode: 'lenient' });
    expect(result.dataset.questions.map((q) => q.question)).toEqual(['什么是残差？']);
    expect(result.dataset.meta).toMatchObject({ count: 1, answered: 1 });
    const invalid = result.files[0]!.messages.filter((m) => m.ruleId === 'invalid-record');
    expect(invalid.map((m) => [m.line, m.column, severityOf(m), m.reason])).toEqual([
      [3, 1, 'error', `Unexpected record \`n/${id}\`: id must NOT have more than 200 characters; it is left out of the dataset`],
    ]);
  });

  it('names three other places of a question asked in many notes, then how many more, so messages do not grow with the copies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-copies-'));
    for (const n of [1, 2, 3, 4, 5, 6]) await writeFile(join(dir, `n${n}.md`), `# 笔记 ${n}\n\n## 什么是过拟合？\n\n训练误差低而测试误差高。\n`);
    const placesOf = async () =>
      (await buildDataset(dir, { mode: 'lenient' })).files.flatMap((file) =>
        file.messages.filter((m) => m.ruleId === 'duplicate-question').map((m) => `${file.path} → ${/also asked at (.*) \(merge/.exec(m.reason)?.[1]}`),
      );
    const first = (await buildDataset(dir, { mode: 'lenient' })).files[0]!.messages.find((m) => m.ruleId === 'duplicate-question')!;
    expect(first.reason).toBe(
      'Unexpected duplicate question “什么是过拟合？”, expected each question once: also asked at n2.md:3, n3.md:3, n4.md:3 and 2 more places (merge them, keeping one phrasing as a `又问：` alias)',
    );
    expect(await placesOf()).toEqual([
      'n1.md → n2.md:3, n3.md:3, n4.md:3 and 2 more places',
      'n2.md → n1.md:3, n3.md:3, n4.md:3 and 2 more places',
      'n3.md → n1.md:3, n2.md:3, n4.md:3 and 2 more places',
      'n4.md → n1.md:3, n2.md:3, n3.md:3 and 2 more places',
      'n5.md → n1.md:3, n2.md:3, n3.md:3 and 2 more places',
      'n6.md → n1.md:3, n2.md:3, n3.md:3 and 2 more places',
    ]);
    await writeFile(join(dir, 'n6.md'), '# 笔记 6\n');
    expect(await placesOf()).toEqual([
      'n1.md → n2.md:3, n3.md:3, n4.md:3 and 1 more place',
      'n2.md → n1.md:3, n3.md:3, n4.md:3 and 1 more place',
      'n3.md → n1.md:3, n2.md:3, n4.md:3 and 1 more place',
      'n4.md → n1.md:3, n2.md:3, n3.md:3 and 1 more place',
      'n5.md → n1.md:3, n2.md:3, n3.md:3 and 1 more place',
    ]);
    for (const n of [3, 4, 5]) await writeFile(join(dir, `n${n}.md`), `# 笔记 ${n}\n`);
    expect(await placesOf()).toEqual(['n1.md → n2.md:3', 'n2.md → n1.md:3']);
  });

  it('produces a dataset that the published JSON Schema accepts', async () => {
    const { dataset } = await buildDataset(join(fixtures, 'canonical'));
    expect(validateWithJsonSchema(JSON.parse(datasetJson(dataset)))).toEqual([]);
    const lines = datasetJsonl(dataset).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).id)).toEqual(dataset.questions.map((q) => q.id));
  });
});

describe('links between records and retired ids', () => {
  it('resolves links into `related`, written as `#<record id>` in the dataset', async () => {
    const result = await buildDataset(join(fixtures, 'links'));
    const first = result.dataset.questions.find((q) => q.id === 'one/first')!;
    expect(first.related).toEqual(['two/target', 'one/second', 'one/old', 'one/gone', 'two/nothing']);
    expect(first.status === 'answered' && first.summary).toBe('参见[另一篇的问题](#two/target)和[本篇的问题二](#one/second)。');
    expect(result.dataset.questions.find((q) => q.id === 'two/target')!.related).toEqual(['one/first']);
    expect(result.dataset.retired).toEqual([{ id: 'one/gone' }, { id: 'one/lost', mergedInto: 'two/missing' }, { id: 'one/old', mergedInto: 'two/target' }, { id: 'two/reused' }]);
  });

  it('reports links to missing or retired records, reused retired ids and unknown merge targets', async () => {
    const result = await buildDataset(join(fixtures, 'links'));
    const messages = result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`));
    expect(messages).toEqual([
      'mianjing.json:1:1: Unexpected `mergedInto: two/missing` for retired id `one/lost`, expected the id of an existing record [unknown-merge-target]',
      'one.md:11:6: Unexpected link to `#one/old` in `one/first`, which names no record: it was merged into `two/target`, link that instead [unknown-question-link]',
      'one.md:11:25: Unexpected link to `#one/gone` in `one/first`, which names no record: it was retired; remove the link [unknown-question-link]',
      'one.md:11:45: Unexpected link to `#two/nothing` in `one/first`, which names no record, expected the id of an existing question (`#question-id` in the same note, `#note-id/question-id` in another) [unknown-question-link]',
      'two.md:13:1: Unexpected record id `two/reused`, which mianjing.json lists as retired: retired ids are never reused, so give this question a new id [retired-id-reused]',
    ]);
    expect(result.summary.errors).toBe(5);
  });
});

describe('buildDataset on someone else’s folder', () => {
  it('reads it leniently: derived ids, duplicates renamed with a warning, unanswered kept', async () => {
    const result = await buildDataset(join(fixtures, 'lenient'));
    expect(result.mode).toBe('lenient');
    const q = result.dataset.questions;
    expect(q.map((r) => [r.question, r.status])).toEqual([
      ['为什么用卷积？', 'answered'],
      ['为什么用池化？', 'unanswered'],
      ['为什么用卷积？', 'answered'],
      ['What is dropout?', 'answered'],
    ]);
    expect(q[2]!.id).toBe(`${q[0]!.id}-2`);
    const renamed = result.files.find((f) => f.path === 'notes.md')!.messages.filter((m) => m.ruleId === 'duplicate-id');
    expect(renamed.map((m) => [m.line, m.reason.includes(`; this one is kept as \`${q[0]!.id}-2\`;`)])).toEqual([
      [5, false],
      [11, true],
    ]);
    expect(q[3]!.id).toBe('sub/more/what-is-dropout');
    expect(q[0]!.breadcrumb).toEqual(['随手记', '卷积']);
    expect(result.summary.errors).toBe(0);
    expect(messagesOf(result)).toEqual([
      'notes.md:11:1: warning [duplicate-id]',
      'notes.md:11:1: warning [duplicate-question]',
      'notes.md:5:1: warning [duplicate-id]',
      'notes.md:5:1: warning [duplicate-question]',
      'notes.md:9:1: info [question-without-answer]',
    ]);
  });
});

describe('output', () => {
  it('is byte-identical across builds of the same input', async () => {
    const first = datasetFiles((await buildDataset(join(fixtures, 'canonical'))).dataset);
    const second = datasetFiles((await buildDataset(join(fixtures, 'canonical'))).dataset);
    expect(second).toEqual(first);
    expect(first.map((f) => f.path)).toEqual(['dataset.json', 'dataset.jsonl', 'schema.json']);
  });
});

describe('parallel parsing', () => {
  it('gives byte-identical output with 1 and 2 worker threads', async () => {
    // Two copies of the bundled notes under other note ids: enough Markdown for the threads to start.
    const dir = await mkdtemp(join(tmpdir(), 'mianjing-jobs-'));
    for (const name of (await readdir(bundledContentDir)).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      const text = await readFile(join(bundledContentDir, name), 'utf8');
      for (const copy of [1, 2]) await writeFile(join(dir, `${copy}-${name}`), text.replace(/^id: (.+)$/m, `id: $1-${copy}`));
    }
    await writeFile(join(dir, 'mianjing.json'), '{ "mode": "canonical" }\n');
    const one = await buildDataset(dir, { jobs: 1 });
    const two = await buildDataset(dir, { jobs: 2 });
    expect(one.summary.questions).toBeGreaterThan(200);
    expect(datasetJson(two.dataset)).toBe(datasetJson(one.dataset));
    const messages = (r: typeof one) => r.files.map((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.fatal}`));
    expect(messages(two)).toEqual(messages(one));
  }, 60_000);
});
