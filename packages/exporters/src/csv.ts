import type { Dataset, QuestionRecord } from '@mianjing/schema';
import { chunks, type ExportResult } from './output.js';
import { cleanText } from './text.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads UTF-8. Default true. */
  bom?: boolean;
  /** Prefix `'` to cells a spreadsheet would run as a formula (CSV injection). Default true. */
  excelSafe?: boolean;
}

const COLUMNS = ['id', 'question', 'answer', 'tags', 'breadcrumb', 'source', 'status'] as const;

const cells = (record: QuestionRecord): string[] => [
  record.id,
  record.question,
  record.answer,
  record.tags.join(';'),
  record.breadcrumb.join(' > '),
  `${record.source.path}:${record.source.line}-${record.source.endLine}`,
  record.status,
];

// Characters that start a formula in Excel, LibreOffice or Google Sheets, full-width forms included.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** `questions.csv`: RFC 4180, one row per record, CRLF row ends. */
export function exportCsv(dataset: Dataset, options: CsvOptions = {}): ExportResult {
  const excelSafe = options.excelSafe ?? true;
  const cell = (value: string): string => {
    const text = cleanText(value);
    return quote(excelSafe && FORMULA_START.test(text) ? `'${text}` : text);
  };
  const row = (values: readonly string[]) => `${values.map(cell).join(',')}\r\n`;
  const header = `${(options.bom ?? true) ? '\uFEFF' : ''}${row(COLUMNS)}`;
  return {
    files: [{ path: 'questions.csv', data: chunks(dataset.questions, (record) => row(cells(record)), header) }],
    summary: { rows: dataset.questions.length },
    warnings: [],
  };
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
