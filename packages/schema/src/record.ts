import { z } from 'zod';

/** Stable record id: lower-case ASCII segments joined by `/` or `-`, e.g. `cnn/conv-essence`. */
export const RecordId = z
  .string()
  .regex(/^[a-z0-9]+(?:[/-][a-z0-9]+)*$/)
  .max(200)
  .describe('Stable id: lower-case ASCII words joined by "-" and "/", e.g. "cnn/conv-essence".');

/** A BCP 47 language tag such as `zh`, `en` or `zh-Hant`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
  .describe('BCP 47 language tag, e.g. "zh" or "en".');

export const Reference = z
  .object({
    title: z.string().min(1).describe('Title of the cited work or page.'),
    url: z.string().describe('Link to it; "" when the reference is a book or paper without a link.'),
  })
  .strict();

export const SourceLocation = z
  .object({
    path: z.string().min(1).describe('Path of the note, relative to the content root, with "/" separators.'),
    line: z.int().min(1).describe('1-based line of the question.'),
    endLine: z.int().min(1).describe('1-based last line of the answer (or of the question when unanswered).'),
  })
  .strict();

// Fields are split around `status` and the answer so that records serialize in reading order.
const headFields = {
  id: RecordId,
  question: z.string().min(1).describe('The question as plain text, numbering stripped.'),
  number: z.string().describe('The numbering written before the question in the note ("2.1"), or "".'),
  aliases: z.array(z.string().min(1)).describe('Other phrasings of the same question.'),
  lang: LanguageTag.describe('Language of the question and its answer (BCP 47), e.g. "zh".'),
};

const tailFields = {
  answerText: z.string().describe('The answer as plain text (math kept as $…$ TeX).'),
  related: z.array(RecordId).describe('Ids of the other records this answer links to, in order of first mention.'),
  breadcrumb: z.array(z.string().min(1)).min(1).describe('Note title, then the section headings above the question.'),
  tags: z.array(z.string().min(1)).describe('Tags of the note followed by tags of the question, without duplicates.'),
  references: z.array(Reference).describe("The works this record's answer cites (the note's shared list is in `notes`)."),
  source: SourceLocation,
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 (hex) of everything rendered: question, summary, answer, related ids and references.'),
};

/** A question with its answer, as written in a note. */
export const AnsweredRecord = z
  .object({
    ...headFields,
    status: z.literal('answered'),
    summary: z.string().min(1).optional().describe('The short answer: one paragraph of inline Markdown, one to three sentences. Absent when the note gives none.'),
    answer: z.string().min(1).describe('The full answer as normalized Markdown (LF line endings, trimmed), without the summary.'),
    ...tailFields,
  })
  .strict();

/** A question the note asks without answering (no answer, or a placeholder such as "Todo"). */
export const UnansweredRecord = z
  .object({
    ...headFields,
    status: z.literal('unanswered'),
    answer: z.literal('').describe('Always "" for an unanswered question.'),
    ...tailFields,
  })
  .strict();

export const QuestionRecord = z.discriminatedUnion('status', [AnsweredRecord, UnansweredRecord]).describe('One interview question and its answer.');

export type QuestionRecord = z.infer<typeof QuestionRecord>;
export type AnsweredRecord = z.infer<typeof AnsweredRecord>;
export type UnansweredRecord = z.infer<typeof UnansweredRecord>;
export type Reference = z.infer<typeof Reference>;
export type SourceLocation = z.infer<typeof SourceLocation>;
export type RecordStatus = QuestionRecord['status'];
