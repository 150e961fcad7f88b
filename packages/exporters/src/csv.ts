import type { ReadonlyDataset, QuestionRecord } from '@mianjing/schema';
import { unlinkQuestions } from './links.js';
import { chunks, type ExportResult } from './output.js';
import { cleanText } from './text.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads UTF-8. Default true. */
  bom?: boolean;
  /**
   * Prefix `'` to cells a spreadsheet would run as a formula (CSV injection), as Excel and LibreOffice expect. Default
   * true; turn it off for data pipelines (pandas, databases), which would keep the `'` as part of the text.
   */
  excelSafe?: boolean;
}

const COLUMNS = ['id', 'question', 'summary', 'answer', 'related', 'tags', 'breadcrumb', 'source', 'status', 'lang'] as const;

const cells = (record: QuestionRecord, unlink: (markdown: string) => string): string[] => [
  record.id,
  record.question,
  record.status === 'answered' && record.summary !== undefined ? unlink(record.summary) : '',
  unlink(record.answer),
  record.related.join(';'),
  record.tags.join(';'),
  record.breadcrumb.join(' > '),
  `${record.source.path}:${record.source.line}-${record.source.endLine}`,
  record.status,
  record.lang,
];

// Characters that start a formula in Excel, LibreOffice or Google Sheets, full-width forms included.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * `questions.csv`: RFC 4180, one row per record, CRLF row ends. Summary and answer are Markdown, with links to other
 * questions written as their text; `related` lists the linked record ids.
 */
export function exportCsv(dataset: ReadonlyDataset, options: CsvOptions = {}): ExportResult {
  const unlink = unlinkQuestions(dataset);
  const excelSafe = options.excelSafe ?? true;
  const cell = (value: string): string => {
    const text = cleanText(value);
    return quote(excelSafe && FORMULA_START.test(text) ? `'${text}` : text);
  };
  const row = (values: readonly string[]) => `${values.map(cell).join(',')}\r\n`;
  const header = `${(options.bom ?? true) ? '\uFEFF' : ''}${row(COLUMNS)}`;
  // Counted here, so the caller can tell pipeline users which cells the guard changed.
  let guarded = 0;
  if (excelSafe) for (const record of dataset.questions) guarded += cells(record, unlink).filter((value) => FORMULA_START.test(cleanText(value))).length;
  return {
    files: [{ path: 'questions.csv', data: chunks(dataset.questions, (record) => row(cells(record, unlink)), header) }],
    summary: { rows: dataset.questions.length, guardedCells: guarded },
    warnings: [],
  };
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
