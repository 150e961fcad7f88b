import type { DatasetMeta } from '@mianjing/schema';
import type { DataFile } from './data-file.js';

export interface DatasetCardInput {
  meta: DatasetMeta;
  files: readonly DataFile[];
  examples: number;
  systemPrompts: readonly string[];
}

// Hugging Face's size buckets, upper bounds exclusive.
const SIZES: ReadonlyArray<[number, string]> = [
  [1e3, 'n<1K'],
  [1e4, '1K<n<10K'],
  [1e5, '10K<n<100K'],
  [1e6, '100K<n<1M'],
  [1e7, '1M<n<10M'],
];

function sizeCategory(count: number): string {
  return SIZES.find(([limit]) => count < limit)?.[1] ?? '10M<n<100M';
}

/** Hugging Face license ids are lower-case SPDX ids; expressions and custom licenses are "other". */
function hfLicense(spdx: string): string {
  const id = spdx.trim().toLowerCase();
  return /^[a-z0-9.+-]+$/.test(id) && !id.startsWith('licenseref-') ? id : 'other';
}

// YAML double-quoted scalars accept JSON strings.
const yamlString = (value: string): string => JSON.stringify(value);

/** The dataset card `README.md`: Hugging Face YAML front matter, then a short description. */
export function datasetCard({ meta, files, examples, systemPrompts }: DatasetCardInput): string {
  const styles = [...new Set(files.map((file) => file.style))];
  const yaml = [
    '---',
    `pretty_name: ${yamlString(meta.name)}`,
    `license: ${yamlString(hfLicense(meta.license))}`,
    'language:',
    ...[...new Set(meta.languages.map((tag) => tag.split('-')[0]!.toLowerCase()))].map((lang) => `- ${yamlString(lang)}`),
    'task_categories:',
    '- question-answering',
    '- text-generation',
    'size_categories:',
    `- ${yamlString(sizeCategory(examples))}`,
    'configs:',
    ...styles.flatMap((style, index) => [
      `- config_name: ${style}`,
      ...(index === 0 ? ['  default: true'] : []),
      '  data_files:',
      ...files.filter((file) => file.style === style).flatMap((file) => [`  - split: ${file.split ?? 'train'}`, `    path: ${yamlString(file.path)}`]),
    ]),
    '---',
  ];
  const body = [
    `# ${meta.name}`,
    '',
    `面试问答（面经）微调数据，数据集版本 ${meta.version}，共 ${examples} 条有答案的问答；没有答案的问题不在其中。`,
    '每条样本：用户消息是问题，助手消息是 Markdown 格式的答案（公式为 `$…$` TeX）。',
    '',
    '| 文件 | 格式 |',
    '| --- | --- |',
    ...files.map((file) => `| \`${file.path}\` | ${file.style}${file.split ? ` (${file.split})` : ''} |`),
    '| `dataset_info.json` | LLaMA-Factory 数据集注册 |',
    '',
    `系统提示词：${
      systemPrompts
        .filter(Boolean)
        .map((prompt) => `「${prompt}」`)
        .join('、') || '无'
    }`,
    '',
    `许可证：${meta.license}。`,
    '',
  ];
  return [...yaml, '', ...body].join('\n');
}
