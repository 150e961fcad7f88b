import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { QUESTION_ID, isReferenceTitle, splitHeading } from './heading.js';
import { isMalformedQuestionLink } from './links.js';
import { readMetaQuote } from './meta-quote.js';
import { inlineText, plainText } from '@mianjing/markdown';
import { findProsePointers } from './pointers.js';
import { collectReferences } from './references.js';
import { toRecord, type BuiltRecord, type NoteContext, type QuestionDraft } from './record.js';
import { shortHash } from './hash.js';
import { report } from './rules.js';
import { countSentences, findSummary } from './summary.js';

export interface NoteInfo {
  id: string;
  title: string;
  tags: string[];
}

// A summary longer than this (in code points, TeX as written) is no longer a short answer.
const SUMMARY_MAX_CHARS = 300;
const SUMMARY_MAX_SENTENCES = 3;

/**
 * The canonical layout: `##` sections, `###` questions with `{#id}`, answers up to the next heading of level
 * 3 or higher that open with a `**结论**：` summary and may end with a `#### 参考` list of the question's own
 * references, an optional meta quote, and a `## 参考` list for the whole note. Every departure from it is an error.
 */
export function extractCanonical(tree: Root, file: VFile, note: NoteInfo, context: NoteContext): BuiltRecord[] {
  const drafts: QuestionDraft[] = [];
  let section: string | undefined;
  let inReferences = false;
  let current: { draft: QuestionDraft; heading: Heading; inReferences: boolean } | undefined;

  const close = () => {
    if (current && current.draft.answerNodes.length === 0) {
      report(file, 'error', 'question-without-answer', `Unexpected question without answer, expected an answer below “${current.draft.question}”`, current.heading.position);
    }
    current = undefined;
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 3) {
      close();
      const text = inlineText(node);
      if (node.depth === 3) {
        inReferences = false;
        if (!splitHeading(text).text) {
          report(file, 'error', 'empty-question', 'Unexpected question heading without text, expected the question after the numbering', node.position);
          continue;
        }
        current = { draft: openQuestion(file, node, text, note, section), heading: node, inReferences: false };
        drafts.push(current.draft);
      } else if (node.depth === 2) {
        inReferences = isReferenceTitle(text);
        section = inReferences ? undefined : splitHeading(text).text || undefined;
      }
      continue;
    }
    if (inReferences) {
      context.references.push(...collectReferences(node));
    } else if (current) {
      if (node.type === 'heading' && isReferenceTitle(inlineText(node))) current.inReferences = true;
      else if (current.inReferences) current.draft.references.push(...collectReferences(node));
      else if (current.draft.answerNodes.length === 0 && node.type === 'blockquote' && takeMetaQuote(file, node, current.draft)) continue;
      else current.draft.answerNodes.push(node);
    } else if (!isInvisible(node)) {
      report(file, 'error', 'content-outside-question', 'Unexpected content outside any question, expected it under a `###` question heading (or remove it)', node.position);
    }
  }
  close();

  return drafts.map((draft) => {
    const built = toRecord(draft, context, 'any');
    if (built.record.status === 'unanswered' && draft.answerNodes.length > 0) {
      report(file, 'error', 'placeholder-answer', `Unexpected placeholder answer “${plainText(draft.answerNodes)}”, expected a real answer`, draft.answerNodes[0]?.position);
    }
    checkStandalone(file, built, context);
    return built;
  });
}

/** A record must read on its own: a short summary first, no pointers to other places in prose, links that resolve. */
function checkStandalone(file: VFile, { record, answerNodes, summaryNodes }: BuiltRecord, context: NoteContext): void {
  if (record.status !== 'answered') return;
  const at = location(context.source);
  const point = (offset: number) => at.toPoint(offset) ?? { line: record.source.line, column: 1 };
  if (record.summary === undefined && findSummary(answerNodes, context.source, false, true)) {
    report(file, 'error', 'missing-summary', `Unexpected answer that is only its \`**结论**\` paragraph, expected the full answer below it`, answerNodes[0]?.position);
  } else if (record.summary === undefined) {
    report(
      file,
      'error',
      'missing-summary',
      `Missing summary for “${record.question}”, expected the answer to open with a \`**结论**：\` paragraph of one to three sentences, followed by the full answer`,
      { line: record.source.line, column: 1 },
    );
  } else {
    // Counted as read: link destinations and emphasis marks are not, TeX is as written.
    const text = inlineText(summaryNodes[0] as Paragraph).replace(/^结论\s*[：:]\s*/, '');
    const chars = [...text].length;
    const sentences = countSentences(text);
    if (chars > SUMMARY_MAX_CHARS || sentences > SUMMARY_MAX_SENTENCES) {
      report(
        file,
        'error',
        'summary-too-long',
        `Unexpected summary of ${chars} characters in ${sentences} sentence(s), expected at most ${SUMMARY_MAX_SENTENCES} sentences and ${SUMMARY_MAX_CHARS} characters: keep the short answer short and move the rest into the full answer`,
        summaryNodes[0]?.position,
      );
    }
  }
  for (const pointer of findProsePointers([...summaryNodes, ...answerNodes])) {
    report(
      file,
      'error',
      'prose-pointer',
      `Unexpected pointer “${pointer.text}” to another part of the note, expected the record to stand alone: say what is meant, or link the question with \`[text](#question-id)\``,
      point(pointer.offset),
    );
  }
  for (const node of [...summaryNodes, ...answerNodes]) {
    visitLinks(node, (url, position) => {
      if (isMalformedQuestionLink(url))
        report(file, 'error', 'unknown-question-link', `Unexpected link \`${url}\`, expected \`#question-id\` or \`#note-id/question-id\` (lower-case ASCII words joined by "-")`, position);
    });
  }
}

function visitLinks(node: RootContent, visit: (url: string, position: RootContent['position']) => void): void {
  if (node.type === 'link') visit(node.url, node.position);
  if ('children' in node) for (const child of node.children) visitLinks(child as RootContent, visit);
}

function openQuestion(file: VFile, heading: Heading, text: string, note: NoteInfo, section: string | undefined): QuestionDraft {
  const parts = splitHeading(text);
  const line = heading.position?.start.line ?? 1;
  let id = parts.id;
  if (id === undefined) {
    report(file, 'error', 'missing-question-id', `Missing question id, expected \`{#some-id}\` at the end of “${parts.text}”`, heading.position?.end);
  } else if (!QUESTION_ID.test(id)) {
    report(file, 'error', 'invalid-question-id', `Unexpected question id \`{#${id}}\`, expected lower-case ASCII words joined by "-"`, heading.position?.end);
    id = undefined;
  }
  return {
    id: `${note.id}/${id ?? derivedQuestionId(parts.text)}`,
    question: parts.text,
    number: parts.number,
    aliases: [],
    tags: [],
    breadcrumb: section ? [note.title, section] : [note.title],
    line,
    answerNodes: [],
    references: [],
  };
}

/** A meta quote fills the draft's aliases and tags; returns false when the quote is answer content. */
function takeMetaQuote(file: VFile, quote: Blockquote, draft: QuestionDraft): boolean {
  const meta = readMetaQuote(quote);
  if (meta === 'none') return false;
  if (meta === 'mixed') {
    report(file, 'error', 'invalid-meta-quote', 'Unexpected text in the meta quote, expected only `又问：…` and `标签：…` lines', quote.position);
    return false;
  }
  draft.aliases.push(...meta.aliases);
  draft.tags.push(...meta.tags);
  return true;
}

function isInvisible(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** An id for a question written without one: ASCII words of the question, or a hash of its text. */
export function derivedQuestionId(question: string): string {
  const words = question.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const ascii = words.join('-').slice(0, 48).replace(/-+$/, '');
  // eslint-disable-next-line no-control-regex
  const onlyAscii = /^[\x00-\x7f]*$/.test(question);
  if (onlyAscii && ascii) return ascii;
  return `q-${shortHash(question)}`;
}
