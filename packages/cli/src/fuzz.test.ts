// Random Unicode, Markdown syntax and front matter through the whole pipeline: the parser never throws,
// every record validates, the CSV parses back to the same rows, every JSONL line parses, and the .apkg
// opens with sql.js holding one note per answered record. Inputs that once broke something are kept in
// test/fuzz-corpus/ and run first.
import { readdirSync, readFileSync } from 'node:fs';
import { parseNote } from '@mianjing/parser';
import { exportAnki, exportCsv, exportFineTuning, exportRag, outputBytes, outputText, type ExportResult } from '@mianjing/exporters';
import { Dataset, SCHEMA_VERSION, validateWithJsonSchema, type QuestionRecord } from '@mianjing/schema';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

const corpusDir = new URL('../test/fuzz-corpus/', import.meta.url);
const corpus = readdirSync(corpusDir)
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, corpusDir), 'utf8') }));

const syntax = fc.constantFrom(
  '# ',
  '## ',
  '### ',
  '#### ',
  '\n',
  '\n\n',
  '**',
  '*',
  '_',
  '`',
  '```',
  '```python\n',
  '$',
  '$$',
  '\\(',
  '\\[',
  '> ',
  '- ',
  '1. ',
  '● ',
  '① ',
  '| a | b |\n| --- | --- |\n',
  'Q: ',
  'A: ',
  '问：',
  '答：',
  '？',
  '?',
  '{#id}',
  '<details><summary>',
  '</summary>',
  '</details>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![i](../../etc/passwd)',
  '{{c1::',
  '}}',
  '=SUM(1)',
  '"',
  ',',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u001f',
  '\ud800',
  '\udc00',
  '😀',
  'Todo',
  '[TOC]',
  '[[link|别名]]',
  '#标签',
);
const words = fc.string({ unit: 'grapheme', maxLength: 12 });
const frontMatter = fc.option(
  fc.dictionary(fc.constantFrom('id', 'title', 'tags', '__proto__', 'constructor', 'x'), fc.oneof(words, fc.array(words, { maxLength: 3 }), fc.integer(), fc.constant(null))),
  { nil: undefined },
);
const note = fc.tuple(frontMatter, fc.array(fc.oneof(syntax, words), { maxLength: 80 })).map(([front, parts]) => {
  const yaml = front
    ? `---\n${Object.entries(front)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('\n')}\n---\n`
    : '';
  return yaml + parts.join('');
});

let SQL: Awaited<ReturnType<typeof initSqlJs>> | undefined;

function textOf(result: ExportResult, path: string): string {
  const file = result.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  return outputText(file.data);
}

async function checkPipeline(text: string): Promise<void> {
  const file = parseNote({ path: 'fuzz.md', value: text }, { mode: 'lenient' });
  const records = file.data.records as QuestionRecord[];
  // Ids must be unique in a dataset: the build suffixes repeats the same way.
  const seen = new Map<string, number>();
  const questions = records.map((r) => {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    return n === 1 ? r : { ...r, id: `${r.id}-${n}` };
  });
  const answered = questions.filter((q) => q.status === 'answered').length;
  const dataset = Dataset.parse({
    meta: { name: 'fuzz', version: '0.0.0', license: 'CC0-1.0', languages: [...new Set(questions.map((q) => q.lang))], schemaVersion: SCHEMA_VERSION, count: questions.length, answered },
    notes: [],
    retired: [],
    questions,
  });
  expect(validateWithJsonSchema(JSON.parse(JSON.stringify(dataset)))).toEqual([]);

  // Parsed back, every cell is the record's text (cleaned of the control characters no output keeps), with a `'`
  // in front exactly when that text starts like a spreadsheet formula.
  const rows = parseCsv(textOf(exportCsv(dataset), 'questions.csv'), { bom: true, relax_column_count: false }) as string[][];
  expect(rows.length).toBe(questions.length + 1);
  const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const startsLikeFormula = (text: string) => ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'].some((start) => text.startsWith(start));
  const asCell = (text: string) => (startsLikeFormula(clean(text)) ? `'${clean(text)}` : clean(text));
  expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[8]])).toEqual(questions.map((q) => [asCell(q.id), asCell(q.question), asCell(q.answer), q.status]));

  const lines = (path: string, result: ExportResult) =>
    textOf(result, path)
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as unknown);
  expect(lines('openai.jsonl', exportFineTuning(dataset, { styles: ['openai'] }))).toHaveLength(answered);
  expect(lines('chunks.jsonl', exportRag(dataset)).length).toBeGreaterThanOrEqual(questions.length);

  const deck = outputBytes((await exportAnki(dataset)).files[0]!.data);
  SQL ??= await initSqlJs();
  const db = new SQL.Database(unzipSync(deck)['collection.anki2']);
  expect(db.exec('select count(*) from notes')[0]!.values[0]![0]).toBe(answered);
  db.close();
}

describe('fuzzing the pipeline', () => {
  for (const { name, text } of corpus) {
    it(`handles corpus input ${name}`, async () => {
      await checkPipeline(text);
    });
  }

  it('handles random notes', async () => {
    await fc.assert(fc.asyncProperty(note, checkPipeline), { numRuns: 150 });
  }, 120_000);
});
