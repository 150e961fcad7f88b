// A small hand-written dataset with the hard cases of rendering (math, code, tables, links between questions,
// hostile HTML, images inside and outside the content folder), and its content folder.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG, type RecordInput, testRecord } from '../../schema/test/records.js';
import { Dataset, SCHEMA_VERSION, type QuestionRecord } from '@mianjing/schema';

export { PNG };

/** A record with this fixture's breadcrumb and path unless the input gives its own. */
export function record(input: RecordInput): QuestionRecord {
  return testRecord({ answerText: input.answer.replace(/[*#`>]/g, ''), ...input }, { breadcrumb: ['卷积网络', '卷积层'], path: 'cnn.md' });
}

export const HOSTILE = [
  '<script>alert(1)</script><img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">点</a>',
  '[链接](javascript:alert(4)) <iframe src="https://evil.example/"></iframe> <svg onload="alert(5)"></svg>',
  '<div style="background:url(javascript:alert(6))" onclick="alert(7)">块</div>',
].join('\n\n');

export function fixtureDataset(): Dataset {
  const questions = [
    record({
      id: 'cnn/conv-essence',
      question: '卷积的本质是什么？为什么要乘 $T^2$？',
      aliases: ['卷积在做什么？'],
      summary: '卷积是**局部连接**加**权值共享**的线性运算，$y=w*x$。',
      answer: [
        '见[池化](#cnn/pooling)和[旧题](#cnn/old-pooling)，还有[删掉的](#cnn/gone)。',
        '',
        '$$',
        '\\sum_i w_i x_i',
        '$$',
        '',
        '坏公式 $\\frac{1}{$ 留作代码。',
        '',
        '```python',
        'def conv(x):',
        '    return x',
        '```',
        '',
        '| 层 | 参数 |',
        '| --- | --- |',
        '| 卷积 | $k^2 c$ |',
        '',
        '![示意图](img/conv.png) ![外面](../secret.png) ![链接](img/link.png) ![远程](https://example.com/a.png)',
      ].join('\n'),
      related: ['cnn/pooling'],
      tags: ['CNN', '基础'],
      references: [{ title: 'Deep Learning', url: 'https://www.deeplearningbook.org/' }],
      line: 5,
    }),
    record({ id: 'cnn/pooling', question: '池化层有什么作用？', summary: '降采样。', answer: '池化降低分辨率。', related: ['cnn/conv-essence'], line: 20 }),
    record({ id: 'cnn/hostile', question: '<b>恶意</b>的答案？', answer: HOSTILE, breadcrumb: ['卷积网络', '安全'], line: 30 }),
    record({ id: 'rnn/lstm', question: 'LSTM 为什么能缓解梯度消失？', answer: '', path: 'rnn.md', breadcrumb: ['循环网络'], line: 3 }),
  ];
  return Dataset.parse({
    meta: { name: '@mianjing/dataset', version: '1.0.0', license: 'CC-BY-SA-4.0', languages: ['zh'], schemaVersion: SCHEMA_VERSION, count: questions.length, answered: 3 },
    notes: [
      { id: 'cnn', path: 'cnn.md', title: '卷积网络', references: [{ title: 'CS231n', url: 'https://cs231n.github.io/' }] },
      { id: 'rnn', path: 'rnn.md', title: '循环网络', references: [] },
    ],
    retired: [{ id: 'cnn/gone' }, { id: 'cnn/old-pooling', mergedInto: 'cnn/pooling' }],
    questions,
  });
}

/** A content folder: `img/conv.png` inside it, `img/link.png` a symlink to a file outside, `../secret.png` outside. */
export function fixtureContent(): string {
  const base = mkdtempSync(join(tmpdir(), 'mj-site-content-'));
  const root = join(base, 'content');
  mkdirSync(join(root, 'img'), { recursive: true });
  writeFileSync(join(root, 'img', 'conv.png'), PNG);
  writeFileSync(join(base, 'secret.png'), PNG);
  symlinkSync(join(base, 'secret.png'), join(root, 'img', 'link.png'));
  return root;
}
