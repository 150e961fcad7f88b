import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';

/** Every problem the parser reports, by rule id. The README of this package documents each one. */
export const RULES = {
  'missing-front-matter': 'a note without YAML front matter',
  'invalid-front-matter': 'front matter that is not valid YAML or lacks a required key',
  'empty-question': 'a question heading with no text besides its numbering and id',
  'missing-question-id': 'a question heading without an explicit `{#id}`',
  'invalid-question-id': 'a `{#id}` that is not lower-case ASCII words joined by "-"',
  'question-without-answer': 'a question heading followed directly by the next heading',
  'placeholder-answer': 'an answer that is only a placeholder such as "Todo" or "待补充"',
  'content-outside-question': 'content between headings that belongs to no question',
  'invalid-meta-quote': 'a blockquote right under a question that mixes meta lines with other text',
  'missing-summary': 'an answer that does not open with a `**结论**：` short answer followed by the full answer',
  'summary-too-long': 'a short answer of more than three sentences or 300 characters',
  'prose-pointer': 'words that send the reader elsewhere in the note (见上题, 见 4.8, 本笔记), which a record read alone cannot follow',
  'unknown-question-link': 'a link to a question id that no record has',
  'invalid-math': 'a formula KaTeX cannot render (the site typesets with KaTeX; Anki with MathJax)',
  'question-candidate-dropped': 'a question candidate that did not become a record, and why (a table-of-contents entry, a duplicate)',
  'nesting-too-deep': 'quotes or lists nested deeper than the parser follows; the deeper markers are read as text',
  'text-outside-question': 'lenient mode: text that belongs to no question (an intro, a section with no questions, text after the last answer), so it is in no record',
  'unclosed-fence': 'lenient mode: a code fence that is never closed and swallows the rest of its block or note',
  'orphan-answer-marker': 'lenient mode: an answer marker (`A:`, `答：`, a `<details>` answer) with no question right before it',
  'nested-fence': 'lenient mode: a fence opened inside a fence of the same length, read as nested as the author meant',
} as const;

/** A rule id: one of the parser's RULES, or one the build over a folder adds (see @mianjing/dataset). */
export type RuleId = keyof typeof RULES | (string & {});

/** How a problem weighs: errors drop what they touch (and fail `check`), warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info';

/** `canonical`: our own notes, every format rule is an error. `lenient`: anyone's notes, read with warnings. */
export type ParseMode = 'canonical' | 'lenient';

// Other people's notes have no ids, few answers and free-form prose: those rules are not problems there.
const LENIENT: Partial<Record<keyof typeof RULES, Severity | 'off'>> = {
  'missing-front-matter': 'off',
  'missing-question-id': 'off',
  'content-outside-question': 'off',
  'question-without-answer': 'info',
  'placeholder-answer': 'info',
};

export function severityFor(mode: ParseMode, ruleId: RuleId): Severity | 'off' {
  return mode === 'canonical' ? 'error' : (LENIENT[ruleId as keyof typeof RULES] ?? 'warning');
}

export const MESSAGE_SOURCE = 'mianjing';

type Place = Node['position'] | { line: number; column: number } | undefined;

/** Report a rule's problem with the weight the mode gives it (or not at all when the mode turns it off). */
export function emit(file: VFile, mode: ParseMode, ruleId: RuleId, reason: string, place: Place): void {
  const severity = severityFor(mode, ruleId);
  if (severity !== 'off') report(file, severity, ruleId, reason, place);
}

/** Report a positioned problem on `file`, the unified way: never thrown, always collected. */
export function report(file: VFile, severity: Severity, ruleId: RuleId, reason: string, place: Place): VFileMessage {
  const message = addMessage(file, reason, { place: place ?? undefined, ruleId, source: MESSAGE_SOURCE });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return message;
}

/**
 * `file.message` without the stack trace that constructing an Error captures: a message points into a note, not into
 * our code, and a folder of notes can have tens of thousands of them.
 */
export function addMessage(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** `path:line:col: severity reason [rule-id]`, the shape editors and CI annotators recognise. */
export function formatMessage(path: string, message: VFileMessage): string {
  return `${path}:${message.line ?? 1}:${message.column ?? 1}: ${severityOf(message)} ${message.reason} [${message.ruleId ?? 'unknown'}]`;
}
