// A small hand-written dataset with every hard case the exporters must handle, and a content
// directory with a real PNG for the Anki media tests.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG, type RecordInput, testRecord } from '../../../schema/test/records.js';
import { Dataset, type QuestionRecord, SCHEMA_VERSION } from '@mianjing/schema';

export { PNG };

/** A record with this fixture's breadcrumb and path unless the input gives its own. */
export function record(input: RecordInput): QuestionRecord {
  return testRecord(input, { breadcrumb: ['卷积神经网络（CNN）基础', '卷积层'], path: 'cnn/basics.md' });
}

export function dataset(questions: QuestionRecord[]): Dataset {
  return Dataset.parse({
    meta: {
      name: '@mianjing/dataset',
      version: '1.2.0',
      license: 'CC-BY-SA-4.0',
      languages: ['zh'],
      schemaVersion: SCHEMA_VERSION,
      count: questions.length,
      answered: questions.filter((q) => q.status === 'answered').length,
    },
    notes: [],
    retired: [],
    questions,
  });
}

export const MATH_ANSWER = [
  '卷积是局部连接、权值共享的线性变换，输出尺寸与 $x^2$ 无关，且 $a<b$。',
  '',
  '$$',
  '\\sum_{i} w_{i} x_{i} + b',
  '$$',
  '',
  '```python',
  'def conv(x):',
  '    return "$x$ {{c1::x}}"',
  '```',
  '',
  '| 层 | 参数量 |',
  '| :-- | --: |',
  '| 卷积层 | $k^2 C_{in} C_{out}$ |',
].join('\n');

export const HOSTILE_ANSWER = [
  '<script>alert("x")</script>看这里 <img src="x.png" onerror="alert(1)">',
  '',
  '[点我](javascript:alert(1)) 和 {{c1::答案}} 以及 }} 结尾',
  '',
  '<iframe src="https://evil.example"></iframe><style>.card{display:none}</style><b onclick="alert(1)">粗体</b><br>',
  '',
  '<a href="data:text/html,<script>alert(1)</script>">数据链接</a>',
].join('\n');

export const TRICKY_ANSWER = '含 "引号"、逗号, 和\r回车\n换行\u2028行分隔\u2029段分隔';

// Long enough (three paragraphs of ~640 code points) to be split by the RAG exporter.
const SENTENCE = '池化层通过下采样减少特征图尺寸，从而降低计算量并提供一定的平移不变性！';
const PARAGRAPH = SENTENCE.repeat(18);
export const LONG_ANSWER = [PARAGRAPH, PARAGRAPH, PARAGRAPH].join('\n\n');

export const IMAGE_ANSWER = [
  '示意图：![卷积示意](img/conv.png) 再次引用 ![同一张](./img/conv.png)',
  '',
  '![外部](../../secret.png) ![本地文件](file:///etc/passwd) ![绝对路径](/etc/passwd)',
  '',
  '![链接](img/link.png) ![缺失](img/missing.png) ![远程](https://example.com/a.png)',
].join('\n');

/** The records, in source order; every exporter test uses them. */
export function records(): QuestionRecord[] {
  return [
    record({
      id: 'cnn/conv-essence',
      question: '卷积层的本质是什么？',
      answer: MATH_ANSWER,
      answerText: '卷积是局部连接、权值共享的线性变换，输出尺寸与 $x^2$ 无关。',
      tags: ['CNN', 'deep learning', 'ML::CNN', 'cnn'],
      line: 3,
    }),
    record({
      id: 'cnn/hostile',
      question: '如何防范 <script> 与 {{c1::模板}}？',
      answer: HOSTILE_ANSWER,
      breadcrumb: ['C++::STL 容器', '安全'],
      tags: ['安全 相关'],
      line: 10,
    }),
    record({
      id: 'csv/tricky',
      question: '=SUM(1) 在表格里会怎样？',
      answer: TRICKY_ANSWER,
      breadcrumb: ['表格, "导出"', '公式'],
      tags: ['csv', 'excel'],
      path: 'misc/csv.md',
    }),
    record({
      id: 'csv/dash',
      question: '＋全角加号开头的问题？',
      answer: '- 列表项一\n- 列表项二',
      breadcrumb: ['表格, "导出"', '公式'],
      path: 'misc/csv.md',
      line: 20,
    }),
    record({
      id: 'cnn/control-chars',
      question: '控制字符\u0000与分隔符\u001f怎么处理？🙂',
      answer: `空字符\u0000、字段分隔符\u001f、孤立代理项\ud800和\udc00都要处理。`,
      line: 30,
    }),
    record({ id: 'cnn/images', question: '卷积的示意图是什么样的？', answer: IMAGE_ANSWER, path: 'cnn/images.md' }),
    record({ id: 'cnn/todo', question: '空洞卷积的感受野怎么算？', answer: '', line: 40 }),
    record({ id: 'cnn/pooling', question: '池化层有什么作用？', answer: LONG_ANSWER, line: 50 }),
  ];
}

export function testDataset(): Dataset {
  return dataset(records());
}

/**
 * A temporary content directory: `cnn/img/conv.png` inside, `secret.png` beside it (outside) and
 * `cnn/img/link.png`, a symlink to the outside file.
 */
export function contentRoot(): string {
  const base = mkdtempSync(join(tmpdir(), 'mianjing-exporters-'));
  const root = join(base, 'content');
  mkdirSync(join(root, 'cnn', 'img'), { recursive: true });
  writeFileSync(join(root, 'cnn', 'img', 'conv.png'), PNG);
  writeFileSync(join(base, 'secret.png'), PNG);
  symlinkSync(join(base, 'secret.png'), join(root, 'cnn', 'img', 'link.png'));
  return root;
}
