import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportCsv } from './csv.js';
import { outputText } from './output.js';
import { dataset, record, records, testDataset } from '../test/helpers/dataset.js';

const textOf = (result: ReturnType<typeof exportCsv>): string => outputText(result.files[0]!.data);

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe('exportCsv', () => {
  // Exported in beforeEach, not while collecting the tests, so a mutation test's active mutant is in effect.
  let result: ReturnType<typeof exportCsv>;
  let text: string;
  beforeEach(() => {
    result = exportCsv(testDataset());
    text = textOf(result);
  });

  it('writes questions.csv with a BOM and CRLF row ends', () => {
    expect(result.files.map((f) => f.path)).toEqual(['questions.csv']);
    expect(text.startsWith('\uFEFFid,question,summary,answer,related,tags,breadcrumb,source,status,lang\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every LF outside a quoted cell ends a row and follows a CR.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.match(/\n/g)).toHaveLength(records().length + 1);
    expect(unquoted.match(/\r\n/g)).toHaveLength(records().length + 1);
    expect(result.summary).toEqual({ rows: records().length, guardedCells: 3 });
    expect(result.warnings).toEqual([]);
  });

  it('round-trips every cell through an RFC 4180 parser', () => {
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['id', 'question', 'summary', 'answer', 'related', 'tags', 'breadcrumb', 'source', 'status', 'lang']);
    // The cells the formula guard must change, found by reading the test dataset, not by the exporter's rule.
    const guarded = new Set(['csv/tricky question', 'csv/dash question', 'csv/dash answer']);
    // The dataset's only control characters (NUL, U+001F) are dropped, its lone surrogates replaced.
    const clean = (value: string) => value.replace(/[\u0000\u001f]/g, '').replace(/\ud800|\udc00/g, '\uFFFD');
    for (const [i, r] of records().entries()) {
      const cell = (column: string, value: string) => `${guarded.has(`${r.id} ${column}`) ? "'" : ''}${clean(value)}`;
      expect(rows[i + 1]).toEqual([
        cell('id', r.id),
        cell('question', r.question),
        '',
        cell('answer', r.answer),
        '',
        cell('tags', r.tags.join(';')),
        cell('breadcrumb', r.breadcrumb.join(' > ')),
        `${r.source.path}:${r.source.line}-${r.source.endLine}`,
        r.status,
        'zh',
      ]);
    }
  });

  it('keeps the tricky cells intact', () => {
    const rows = parseCsv(text);
    const tricky = rows.find((row) => row[0] === 'csv/tricky');
    expect(tricky?.[3]).toBe('含 "引号"、逗号, 和\r回车\n换行\u2028行分隔\u2029段分隔');
    expect(tricky?.[6]).toBe('表格, "导出" > 公式');
    expect(tricky?.[7]).toBe('misc/csv.md:1-3');
    expect(rows.find((row) => row[0] === 'cnn/todo')?.slice(2)).toEqual(['', '', '', '', '卷积神经网络（CNN）基础 > 卷积层', 'cnn/basics.md:40-42', 'unanswered', 'zh']);
    expect(rows.find((row) => row[0] === 'cnn/control-chars')?.[3]).toBe('空字符、字段分隔符、孤立代理项\uFFFD和\uFFFD都要处理。');
  });

  it('writes the summary, related ids, and links to other questions as their text', () => {
    const linked = dataset([
      record({ id: 'a/x', question: '问题 X？', summary: '短答见[Y](#a/y)。', answer: '详见[](#a/y)与`[代码](#a/z)`。', related: ['a/y', 'a/z'], tags: ['甲', '乙'] }),
      record({ id: 'a/y', question: '问题 Y？', answer: '答。' }),
      record({ id: 'a/z', question: '问题 Z？', answer: '答。' }),
    ]);
    const [, x] = parseCsv(textOf(exportCsv(linked)));
    expect(x?.slice(2, 6)).toEqual(['短答见Y。', '详见「问题 Y？」与`[代码](#a/z)`。', 'a/y;a/z', '甲;乙']);
  });

  it('neutralizes formula cells by default', () => {
    const rows = parseCsv(text);
    expect(rows.find((row) => row[0] === 'csv/tricky')?.[1]).toBe("'=SUM(1) 在表格里会怎样？");
    expect(rows.find((row) => row[0] === 'csv/dash')?.[1]).toBe("'＋全角加号开头的问题？");
    expect(rows.find((row) => row[0] === 'csv/dash')?.[3]).toBe("'- 列表项一\n- 列表项二");
  });

  it.each([
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝1', "'＝1"],
    ['－1', "'－1"],
    ['＠a', "'＠a"],
    ['a=1', 'a=1'],
  ])('prefixes %j', (question, cell) => {
    const rows = parseCsv(textOf(exportCsv(dataset([record({ id: 'a', question, answer: 'x' })]))));
    expect(rows[1]?.[1]).toBe(cell);
  });

  it('can leave out the BOM and the formula guard', () => {
    const unguarded = exportCsv(testDataset(), { bom: false, excelSafe: false });
    const plain = textOf(unguarded);
    expect(plain.startsWith('id,')).toBe(true);
    expect(unguarded.summary).toEqual({ rows: records().length, guardedCells: 0 });
    expect(textOf(exportCsv(testDataset(), { bom: true, excelSafe: false })).startsWith('\uFEFFid,')).toBe(true);
    expect(parseCsv(plain).find((row) => row[0] === 'csv/tricky')?.[1]).toBe('=SUM(1) 在表格里会怎样？');
  });
});
