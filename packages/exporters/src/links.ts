import { replaceQuestionLinks } from '@mianjing/markdown';
import type { ReadonlyDataset } from '@mianjing/schema';

/**
 * For outputs where a link cannot be followed (CSV, fine-tuning): each link to another question becomes its text,
 * or the linked question itself in 「」 when the link has no text.
 */
export function unlinkQuestions(dataset: ReadonlyDataset): (markdown: string) => string {
  const questions = new Map(dataset.questions.map((record) => [record.id, record.question]));
  return (markdown) => replaceQuestionLinks(markdown, (id, text) => text || `「${questions.get(id) ?? id}」`);
}
