import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../output.js';
import { LONG_ANSWER, dataset, record, records, testDataset } from '../../test/helpers/dataset.js';
import { codePointLength } from '../text.js';
import { toLangChainDocument, toLlamaIndexNode } from './adapters.js';
import type { RagChunk } from './chunk.js';
import { outputText } from '../output.js';
import { exportRag } from './export.js';

const chunksOf = (result: ExportResult): RagChunk[] => {
  const data = outputText(result.files[0]!.data);
  expect(data.endsWith('\n')).toBe(true);
  return data
    .split(/\r?\n|\u2028|\u2029/)
    .slice(0, -1)
    .map((line) => JSON.parse(line) as RagChunk);
};

describe('exportRag', () => {
  // Exported in beforeEach, not while collecting the tests, so a mutation test's active mutant is in effect.
  let result: ExportResult;
  let chunks: RagChunk[];
  beforeEach(() => {
    result = exportRag(testDataset());
    chunks = chunksOf(result);
  });

  it('writes chunks.jsonl, one chunk per record unless its answer is long', () => {
    expect(result.files.map((f) => f.path)).toEqual(['chunks.jsonl']);
    expect(chunks.map((c) => c.id)).toEqual([
      ...records()
        .map((r) => r.id)
        .filter((id) => id !== 'cnn/pooling'),
      'cnn/pooling#1',
      'cnn/pooling#2',
    ]);
    expect(result.summary).toEqual({ records: records().length, chunks: records().length + 1, splitRecords: 1, unanswered: 1 });
  });

  it('has the breadcrumb, question and plain-text answer in the text', () => {
    expect(chunks[0]?.text).toBe('卷积神经网络（CNN）基础 > 卷积层\n卷积层的本质是什么？\n\n卷积是局部连接、权值共享的线性变换，输出尺寸与 $x^2$ 无关。');
    expect(chunks.find((c) => c.id === 'cnn/todo')?.text).toBe('卷积神经网络（CNN）基础 > 卷积层\n空洞卷积的感受野怎么算？');
  });

  it('has flat metadata without nulls', () => {
    for (const chunk of chunks) {
      expect(Object.keys(chunk).sort()).toEqual(['id', 'metadata', 'text']);
      for (const value of Object.values(chunk.metadata)) {
        const flat = ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
        expect(flat, JSON.stringify(value)).toBe(true);
      }
    }
    const source = records()[0];
    expect(chunks[0]?.metadata).toEqual({
      source: 'cnn/basics.md',
      line: 3,
      endLine: 5,
      breadcrumb: '卷积神经网络（CNN）基础 > 卷积层',
      tags: ['CNN', 'deep learning', 'ML::CNN', 'cnn'],
      hash: source?.hash,
      status: 'answered',
      lang: 'zh',
      summary: '',
      related: [],
      datasetName: '@mianjing/dataset',
      datasetVersion: '1.2.0',
    });
    expect(chunks.find((c) => c.id === 'cnn/todo')?.metadata.status).toBe('unanswered');
  });

  it('carries the summary (links as text) and the related ids in the metadata', () => {
    const linked = dataset([
      record({ id: 'a/x', question: '问题 X？', summary: '短答，见[Y](#a/y)。', answer: '详见 Y。', related: ['a/y'] }),
      record({ id: 'a/y', question: '问题 Y？', answer: '答。' }),
    ]);
    const [x] = outputText(exportRag(linked).files[0]!.data)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RagChunk);
    expect(x?.metadata).toMatchObject({ summary: '短答，见Y。', related: ['a/y'], lang: 'zh' });
  });

  // A splitter that segments or rescans the whole text per cut takes minutes here and hits the test timeout.
  it('splits a 3-million-character answer without sentence ends, at grapheme boundaries', () => {
    const family = '👨‍👩‍👧';
    const huge = `${'表'.repeat(1499)}${family}${'格'.repeat(3_000_000)}`;
    const result = exportRag(dataset([record({ id: 'big/table', question: '大表？', answer: huge })]), { maxChars: 1500 });
    const parts = outputText(result.files[0]!.data)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RagChunk);
    expect(parts.length).toBe(result.summary['chunks']);
    expect(parts.length).toBeGreaterThan(2000);
    // The family emoji is one grapheme: it is never cut in half.
    expect(parts.some((part) => part.text.includes(family))).toBe(true);
    expect(parts.every((part) => [...part.text.split('\n\n').at(-1)!].length <= 1500)).toBe(true);
  });

  it('splits a long answer at paragraphs into parts that each repeat breadcrumb and question', () => {
    const parts = chunks.filter((c) => c.id.startsWith('cnn/pooling'));
    const heading = '卷积神经网络（CNN）基础 > 卷积层\n池化层有什么作用？\n\n';
    for (const [i, part] of parts.entries()) {
      expect(part.text.startsWith(heading)).toBe(true);
      expect(codePointLength(part.text.slice(heading.length))).toBeLessThanOrEqual(1500);
      expect(part.metadata).toMatchObject({ parentId: 'cnn/pooling', part: i + 1, parts: 2 });
    }
    expect(parts.map((p) => p.text.slice(heading.length)).join('\n\n')).toBe(LONG_ANSWER);
  });

  it('splits a paragraph at sentence ends, and a sentence at graphemes, counting code points', () => {
    const sentence = '第一句话。第二句话！第三句话？';
    const small = chunksOf(exportRag(dataset([record({ id: 'a', question: '问？', answer: sentence })]), { maxChars: 6 }));
    expect(small.map((c) => c.text.split('\n\n')[1])).toEqual(['第一句话。', '第二句话！', '第三句话？']);
    const emoji = chunksOf(exportRag(dataset([record({ id: 'b', question: '问？', answer: '🙂'.repeat(5) })]), { maxChars: 2 }));
    expect(emoji.map((c) => c.text.split('\n\n')[1])).toEqual(['🙂🙂', '🙂🙂', '🙂']);
    const quoted = chunksOf(exportRag(dataset([record({ id: 'c', question: '问？', answer: '他说：“好。”然后走了。' })]), { maxChars: 8 }));
    expect(quoted.map((c) => c.text.split('\n\n')[1])).toEqual(['他说：“好。”', '然后走了。']);
    expect(() => exportRag(testDataset(), { maxChars: 0 })).toThrow(RangeError);
  });

  it('escapes U+2028 and U+2029 in lines', () => {
    const data = outputText(result.files[0]!.data);
    expect(data).not.toMatch(/[\u2028\u2029]/);
    expect(chunks.find((c) => c.id === 'csv/tricky')?.text).toContain('\u2028');
  });
});

describe('adapters', () => {
  const [chunk, , , , , , , part] = chunksOf(exportRag(testDataset()));
  if (!chunk || !part) throw new Error('missing chunks');

  it('makes LangChain documents', () => {
    expect(toLangChainDocument(chunk)).toEqual({ pageContent: chunk.text, metadata: chunk.metadata, id: chunk.id });
  });

  it('makes LlamaIndex text nodes that keep bookkeeping keys out of embeddings and prompts', () => {
    const node = toLlamaIndexNode(part);
    expect(Object.keys(node).sort()).toEqual(['excluded_embed_metadata_keys', 'excluded_llm_metadata_keys', 'id_', 'metadata', 'text']);
    expect(node).toMatchObject({ id_: 'cnn/pooling#1', text: part.text, metadata: part.metadata });
    for (const key of ['hash', 'line', 'endLine', 'datasetVersion', 'parentId', 'part', 'parts', 'breadcrumb']) {
      expect(node.excluded_embed_metadata_keys).toContain(key);
    }
    expect(node.excluded_embed_metadata_keys).not.toContain('tags');
    expect(node.excluded_llm_metadata_keys).toEqual(expect.arrayContaining(['hash', 'line', 'endLine', 'datasetVersion']));
    expect(node.excluded_llm_metadata_keys).not.toContain('source');
    expect(toLlamaIndexNode(chunk).excluded_embed_metadata_keys).not.toContain('parentId');
  });
});
