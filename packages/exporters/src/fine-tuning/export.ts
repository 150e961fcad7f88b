import type { AnsweredRecord, ReadonlyDataset } from '@mianjing/schema';
import { jsonl } from '../jsonl.js';
import { unlinkQuestions } from '../links.js';
import type { ExportResult, ExportWarning, OutputFile } from '../output.js';
import { cleanText } from '../text.js';
import type { DataFile } from './data-file.js';
import { datasetCard } from './dataset-card.js';
import { datasetInfo } from './dataset-info.js';
import { validationIds, type SplitOptions } from './split.js';
import { type Example, FINE_TUNING_STYLES, type FineTuningStyle, styleLine } from './styles.js';
import { estimateChatTokens } from './tokens.js';

export interface FineTuningOptions {
  /** Layouts to write; default all three. */
  styles?: readonly FineTuningStyle[];
  /** Write `<style>.train.jsonl` and `<style>.validation.jsonl` instead of `<style>.jsonl`. */
  split?: SplitOptions;
  /** System message of every example; "" for none. Default: DEFAULT_SYSTEM_PROMPTS for each record's language. */
  systemPrompt?: string;
  /**
   * What the assistant says: `full` (default), the summary followed by the full answer; or `summary`, the short answer
   * alone, to train concise answers (records without a summary are then left out and counted).
   */
  answer?: 'full' | 'summary';
  /** Estimated tokens (see estimateTokens) above which an example gets a `too-many-tokens` warning. Default 4096. */
  maxTokens?: number;
}

/** The system message for each language of the records; other languages get the English one. */
export const DEFAULT_SYSTEM_PROMPTS: Readonly<Record<string, string>> = {
  zh: '你是一位经验丰富的技术面试官。请用中文准确、有条理地回答面试问题，需要时给出公式、代码或例子。',
  en: 'You are an experienced technical interviewer. Answer interview questions in English, accurately and clearly, with formulas, code or examples where they help.',
};

type Part = 'train' | 'validation' | undefined;

/**
 * Fine-tuning JSONL in each requested layout (the same examples in the same order in every file),
 * LLaMA-Factory's `dataset_info.json` and a Hugging Face dataset card. Unanswered questions are skipped.
 */
export function exportFineTuning(dataset: ReadonlyDataset, options: FineTuningOptions = {}): ExportResult {
  const { split } = options;
  if (split && !(split.validation >= 0 && split.validation <= 1)) {
    throw new RangeError(`split.validation must be between 0 and 1, got ${split.validation}`);
  }
  const styles = FINE_TUNING_STYLES.filter((style) => (options.styles ?? FINE_TUNING_STYLES).includes(style));
  const systemFor = (lang: string) => cleanText(options.systemPrompt ?? DEFAULT_SYSTEM_PROMPTS[lang.split('-')[0]!] ?? DEFAULT_SYSTEM_PROMPTS['en']!);
  const summaryOnly = options.answer === 'summary';
  const unlink = unlinkQuestions(dataset);
  const maxTokens = options.maxTokens ?? 4096;
  const warnings: ExportWarning[] = [];
  const parts: Part[] = split ? ['train', 'validation'] : [undefined];
  const examples = new Map<Part, Example[]>(parts.map((part) => [part, []]));
  const answered = dataset.questions.filter((record): record is AnsweredRecord => record.status === 'answered');
  const usable = summaryOnly ? answered.filter((record) => record.summary !== undefined) : answered;
  const validation = split
    ? validationIds(
        usable.map((record) => record.id),
        split,
      )
    : new Set<string>();
  let estimatedTokens = 0;

  for (const record of usable) {
    const text = summaryOnly ? record.summary! : record.summary === undefined ? record.answer : `${record.summary}\n\n${record.answer}`;
    const example = { system: systemFor(record.lang), user: cleanText(record.question), assistant: cleanText(unlink(text)) };
    const tokens = estimateChatTokens([example.system, example.user, example.assistant].filter(Boolean));
    estimatedTokens += tokens;
    if (tokens > maxTokens) {
      warnings.push({
        recordId: record.id,
        ruleId: 'too-many-tokens',
        message: `Unexpected example of about ${tokens} tokens, expected at most ${maxTokens} (maxTokens): shorten the answer, train on the summaries, or raise the limit`,
      });
    }
    const part: Part = split ? (validation.has(record.id) ? 'validation' : 'train') : undefined;
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
  const systemPrompts = [...new Set(usable.map((record) => systemFor(record.lang)))];
  const files: OutputFile[] = [
    ...dataFiles.map((file) => ({ path: file.path, data: file.text })),
    { path: 'dataset_info.json', data: datasetInfo(datasetSlug(dataset.meta.name), dataFiles) },
    { path: 'README.md', data: datasetCard({ meta: dataset.meta, files: dataFiles, examples: usable.length, systemPrompts }) },
  ];
  const summary: Record<string, number> = { examples: usable.length, unanswered: dataset.questions.length - answered.length, estimatedTokens, tooManyTokens: warnings.length };
  if (summaryOnly) summary['withoutSummary'] = answered.length - usable.length;
  for (const part of parts) if (part) summary[part] = examples.get(part)?.length ?? 0;
  return { files, summary, warnings };
}

/** `@mianjing/dataset` → `mianjing_dataset`, a LLaMA-Factory dataset name prefix. */
function datasetSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'dataset'
  );
}
