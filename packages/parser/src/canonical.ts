import type { QuestionRecord } from '@mianjing/schema';
import type { Blockquote, Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { QUESTION_ID, isReferenceTitle, splitHeading } from './heading.js';
import { readMetaQuote } from './meta-quote.js';
import { inlineText, plainText } from './plain-text.js';
import { collectReferences } from './references.js';
import { toRecord, type NoteContext, type QuestionDraft } from './record.js';
import { shortHash } from './hash.js';
import { report } from './rules.js';

export interface NoteInfo {
  id: string;
  title: string;
  tags: string[];
}

/**
 * The canonical layout: `##` sections, `###` questions with `{#id}`, answers up to the next heading of level
 * 3 or higher, an optional meta quote, and a `## 参考` list. Every departure from it is an error.
 */
export function extractCanonical(tree: Root, file: VFile, note: NoteInfo, context: NoteContext): QuestionRecord[] {
  const drafts: QuestionDraft[] = [];
  let section: string | undefined;
  let inReferences = false;
  let current: { draft: QuestionDraft; heading: Heading } | undefined;

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
        current = { draft: openQuestion(file, node, text, note, section), heading: node };
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
      if (current.draft.answerNodes.length === 0 && node.type === 'blockquote' && takeMetaQuote(file, node, current.draft)) continue;
      current.draft.answerNodes.push(node);
    } else if (!isInvisible(node)) {
      report(file, 'error', 'content-outside-question', 'Unexpected content outside any question, expected it under a `###` question heading (or remove it)', node.position);
    }
  }
  close();

  return drafts.map((draft) => {
    const record = toRecord(draft, context);
    if (record.status === 'unanswered' && draft.answerNodes.length > 0) {
      report(file, 'error', 'placeholder-answer', `Unexpected placeholder answer “${plainText(draft.answerNodes)}”, expected a real answer`, draft.answerNodes[0]?.position);
    }
    return record;
  });
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
