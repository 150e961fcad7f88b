import type { ReadonlyDataset, QuestionRecord } from '@mianjing/schema';
import { jsonLine } from '../jsonl.js';
import { unlinkQuestions } from '../links.js';
import { chunks, type ExportResult } from '../output.js';
import { cleanText } from '../text.js';
import type { ChunkMetadata, RagChunk } from './chunk.js';
import { splitText } from './split.js';

export interface RagOptions {
  /** Longest answer, in code points, kept in one chunk; longer ones are split. Default 1500. */
  maxChars?: number;
}

/**
 * `chunks.jsonl`: one chunk per question with its answer (unanswered questions too; their
 * metadata says so). An answer over `maxChars` becomes several chunks, each repeating the
 * breadcrumb and question so that no part is retrieved without its question.
 */
export function exportRag(dataset: ReadonlyDataset, options: RagOptions = {}): ExportResult {
  const maxChars = options.maxChars ?? 1500;
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  // Counted in a first pass; the chunks themselves are made again as the file is written.
  let chunkCount = 0;
  let splitRecords = 0;
  const unlink = unlinkQuestions(dataset);
  for (const record of dataset.questions) {
    const parts = recordChunks(record, dataset, maxChars, unlink).length;
    chunkCount += parts;
    if (parts > 1) splitRecords++;
  }
  const data = chunks(dataset.questions, (record) => recordChunks(record, dataset, maxChars, unlink).map((chunk) => jsonLine(chunk)));
  return {
    files: [{ path: 'chunks.jsonl', data }],
    summary: {
      records: dataset.questions.length,
      chunks: chunkCount,
      splitRecords,
      unanswered: dataset.questions.filter((record) => record.status === 'unanswered').length,
    },
    warnings: [],
  };
}

/** The chunks of one record, built with `dataset`'s name and version in their metadata. */
function recordChunks(record: QuestionRecord, dataset: ReadonlyDataset, maxChars: number, unlink: (markdown: string) => string): RagChunk[] {
  const breadcrumb = cleanText(record.breadcrumb.join(' > '));
  const heading = `${breadcrumb}\n${cleanText(record.question)}`;
  const metadata: ChunkMetadata = {
    source: record.source.path,
    line: record.source.line,
    endLine: record.source.endLine,
    breadcrumb,
    tags: record.tags.map(cleanText),
    hash: record.hash,
    status: record.status,
    lang: record.lang,
    summary: record.status === 'answered' && record.summary !== undefined ? cleanText(unlink(record.summary)) : '',
    related: [...record.related],
    datasetName: dataset.meta.name,
    datasetVersion: dataset.meta.version,
  };
  const answer = cleanText(record.answerText).trim();
  if (answer === '') return [{ id: record.id, text: heading, metadata }];
  const parts = splitText(answer, maxChars);
  if (parts.length === 1) return [{ id: record.id, text: `${heading}\n\n${answer}`, metadata }];
  return parts.map((part, index) => ({
    id: `${record.id}#${index + 1}`,
    text: `${heading}\n\n${part}`,
    metadata: { ...metadata, parentId: record.id, part: index + 1, parts: parts.length },
  }));
}
