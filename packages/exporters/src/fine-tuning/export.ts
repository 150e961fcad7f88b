import type { Dataset } from '@mianjing/schema';
import { jsonl } from '../jsonl.js';
import type { ExportResult, ExportWarning, OutputFile } from '../output.js';
import { cleanText } from '../text.js';
import type { DataFile } from './data-file.js';
import { datasetCard } from './dataset-card.js';
import { datasetInfo } from './dataset-info.js';
import { isValidation, type SplitOptions } from './split.js';
import { type Example, FINE_TUNING_STYLES, type FineTuningStyle, styleLine } from './styles.js';
import { estimateChatTokens } from './tokens.js';

export interface FineTuningOptions {
  /** Layouts to write; default all three. */
  styles?: readonly FineTuningStyle[];
  /** Write `<style>.train.jsonl` and `<style>.validation.jsonl` instead of `<style>.jsonl`. */
  split?: SplitOptions;
  /** System message of every example; "" for none. */
  systemPrompt?: string;
  /** Estimated tokens (see estimateTokens) above which an example gets a `too-many-tokens` warning. Default 4096. */
  maxTokens?: number;
}

export const DEFAULT_SYSTEM_PROMPT =
  '你是一位经验丰富的技术面试官。请用中文准确、有条理地回答面试问题，需要时给出公式、代码或例子。';

type Part = 'train' | 'validation' | undefined;

/**
 * Fine-tuning JSONL in each requested layout (the same examples in the same order in every file),
 * LLaMA-Factory's `dataset_info.json` and a Hugging Face dataset card. Unanswered questions are skipped.
 */
export function exportFineTuning(dataset: Dataset, options: FineTuningOptions = {}): ExportResult {
  const { split } = options;
  if (split && !(split.validation >= 0 && split.validation <= 1)) {
    throw new RangeError(`split.validation must be between 0 and 1, got ${split.validation}`);
  }
  const styles = FINE_TUNING_STYLES.filter((style) => (options.styles ?? FINE_TUNING_STYLES).includes(style));
  const system = cleanText(options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT);
  const maxTokens = options.maxTokens ?? 4096;
  const warnings: ExportWarning[] = [];
  const parts: Part[] = split ? ['train', 'validation'] : [undefined];
  const examples = new Map<Part, Example[]>(parts.map((part) => [part, []]));
  let unanswered = 0;
  let estimatedTokens = 0;

  for (const record of dataset.questions) {
    if (record.status === 'unanswered') {
      unanswered++;
      continue;
    }
    const example = { system, user: cleanText(record.question), assistant: cleanText(record.answer) };
    const tokens = estimateChatTokens([example.system, example.user, example.assistant].filter(Boolean));
    estimatedTokens += tokens;
    if (tokens > maxTokens) {
      warnings.push({
        recordId: record.id,
        ruleId: 'too-many-tokens',
        message: `about ${tokens} tokens, more than maxTokens (${maxTokens})`,
      });
    }
    const part: Part = split ? (isValidation(record.id, split) ? 'validation' : 'train') : undefined;
    examples.get(part)?.push(example);
  }

  const dataFiles: DataFile[] = styles.flatMap((style) =>
    parts.map((part) => ({
      style,
      split: part,
      path: part ? `${style}.${part}.jsonl` : `${style}.jsonl`,
      text: jsonl(examples.get(part) ?? [], styleLine[style]),
    })),
  );
  const count = dataset.questions.length - unanswered;
  const files: OutputFile[] = [
    ...dataFiles.map((file) => ({ path: file.path, data: file.text })),
    { path: 'dataset_info.json', data: datasetInfo(datasetSlug(dataset.meta.name), dataFiles) },
    { path: 'README.md', data: datasetCard({ meta: dataset.meta, files: dataFiles, examples: count, systemPrompt: system }) },
  ];
  const summary: Record<string, number> = { examples: count, unanswered, estimatedTokens, tooManyTokens: warnings.length };
  for (const part of parts) if (part) summary[part] = examples.get(part)?.length ?? 0;
  return {
    files,
    summary,
    warnings,
  };
}

/** `@mianjing/dataset` → `mianjing_dataset`, a LLaMA-Factory dataset name prefix. */
function datasetSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'dataset';
}
