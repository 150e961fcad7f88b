import type { Heading, RootContent } from 'mdast';
import { inlineText } from '@mianjing/markdown';
import { readMetaQuote } from '../meta-quote.js';
import { QUESTION_MARKER } from '../question-like.js';
import type { HeadingInfo, NoteShape } from './note-shape.js';
import type { Claim, OpenQuestion, ReaderView, Step } from './types.js';

/**
 * Headings at any level (ATX or setext). A heading that reads as a question (or is numbered `Q01 ·`, or has an
 * `{#id}`) opens a question whose answer runs to the next heading of its level or above. Below a question, plain
 * sub-headings (`#### 代码`, `### 2.1 Prefix LM`, `Why Fine-Tuning Is Needed:`) stay inside its answer; a
 * sub-heading that is a question, or that groups questions (`### 追问` over `Q：` items), starts a new part.
 * A topic heading (`## 卷积`) is a question when the note is a question note, the heading sits at a depth where
 * question headings occur and it carries its own answer (or only sub-headings below the note's question depth);
 * `3.9.1 阶梯衰减` under `3.9` is one in any note. Other headings are sections (the breadcrumb): labels
 * (`一、动机篇`), tables of contents, README headings (`这是什么？`, `License`). `# Question (EN)` and
 * `## Answer (EN)` headings pair a question with its answer by language.
 */
export function headings(view: ReaderView, index: number): Claim | undefined {
  const node = view.blocks[index];
  if (node?.type !== 'heading') return undefined;
  const info = view.shape.headings.get(index)!;
  const current = view.current;
  if (current && (keepsInAnswer(current, info, view.shape) || subheadingOfBlockAnswer(current, info, view))) return { take: 1, steps: [{ type: 'answer', nodes: [node] }] };

  const steps: Step[] = [{ type: 'close' }];
  if (view.region) steps.push({ type: 'region', region: undefined });
  if (info.form === 'title') return { take: 1, steps };
  steps.push({ type: 'level', depth: node.depth });

  switch (info.form) {
    case 'question-label': {
      const next = view.blocks[index + 1];
      const question = next && questionText(next);
      if (!question) break;
      // The question starts at its label heading, so the label is part of it.
      steps.push({ type: 'question', question: { kind: 'heading', text: question, start: node.position!.start, tag: info.tag ?? '', endLine: next.position!.end.line } });
      return { take: 2, steps };
    }
    case 'answer-label':
      if (view.awaiting.includes(info.tag ?? '') || (info.tag === '' && view.awaiting.length > 0)) {
        steps.push({ type: 'resume', tag: info.tag ?? '', depth: node.depth });
        return { take: 1, steps };
      }
      break;
    case 'question':
      return openHeading(view, index, node, steps, 'question');
    case 'topic':
      if (isTopicQuestion(info, view.shape)) return openHeading(view, index, node, steps, 'topic');
      break;
    default:
      break;
  }
  // A `## 目录` heading names no part of the questions (its list is a table of contents only if its entries link to
  // headings; an outline of questions under it is read as one), nor do README headings.
  steps.push({ type: 'section', heading: node, text: info.parts.text, breadcrumb: info.form !== 'meta' && info.form !== 'toc' && info.parts.text !== '' });
  return { take: 1, steps };
}

/** Whether a heading below the open question stays inside its answer. */
function keepsInAnswer(current: OpenQuestion, info: HeadingInfo, shape: NoteShape): boolean {
  if (current.scope === 'labelled') return info.depth >= current.depth && info.form !== 'question-label' && info.form !== 'answer-label' && info.form !== 'title';
  if (current.scope !== 'heading' || info.depth <= current.depth) return false;
  if (current.form === 'question' && info.form === 'question' && info.numberedPart && !info.groupsQuestions) return true;
  if (info.form === 'question' || info.form === 'question-label' || info.form === 'answer-label' || info.groupsQuestions) return false;
  if (current.form === 'question') return true;
  // Under a topic heading, only sub-headings below the depth of the note's questions are parts of its answer.
  return info.depth > shape.deepestQuestionDepth;
}

/**
 * In a note whose questions are bold paragraphs or marked lines (no question headings), a plain heading under such
 * a question that starts with answer text, not with the next question, is a sub-heading of that answer
 * (`**• How to estimate the cost …?**` then `### **SaaS-Based LLMs**`). Numbered headings and those at or above the
 * current section's level are sections.
 */
function subheadingOfBlockAnswer(current: OpenQuestion, info: HeadingInfo, view: ReaderView): boolean {
  if (current.scope !== 'block' || (current.kind !== 'bold' && current.kind !== 'marker')) return false;
  if (view.shape.questionDepths.size > 0 || info.form !== 'topic' || info.parts.number !== '') return false;
  return info.depth > view.sectionDepth && info.ownContent && !info.opensWithQuestion;
}

function isTopicQuestion(info: HeadingInfo, shape: NoteShape): boolean {
  if (info.groupsQuestions) return false;
  // DeepLearning-500 style: "3.9.1 阶梯衰减" under "3.9 常见调度方式", with no sub-headings of its own.
  if (/^\d+(?:\.\d+)+$/.test(info.parts.number) && !info.hasChildren) return true;
  if (!shape.questionNote || !shape.questionDepths.has(info.depth)) return false;
  if (info.parts.number !== '' && !info.hasChildren) return true;
  if (info.ownContent) return true;
  return info.hasChildren && info.plainChildren && info.childDepth > shape.deepestQuestionDepth;
}

function openHeading(view: ReaderView, index: number, node: Heading, steps: Step[], form: 'question' | 'topic'): Claim {
  const next = view.blocks[index + 1];
  const meta = next?.type === 'blockquote' ? readMetaQuote(next) : 'none';
  const extra = typeof meta === 'string' ? {} : { aliases: meta.aliases, tags: meta.tags };
  // "### Q: Tell me about …": the marker is not part of the question.
  const text = inlineText(node).replace(QUESTION_MARKER, '');
  steps.push({ type: 'question', question: { kind: 'heading', text, start: node.position!.start, open: { scope: 'heading', depth: node.depth, form }, ...extra } });
  return { take: typeof meta === 'string' ? 1 : 2, steps };
}

/** The question under a `# Question (EN)` heading: a one-paragraph blockquote or paragraph. */
function questionText(node: RootContent): string | undefined {
  const paragraph = node.type === 'blockquote' && node.children.length === 1 ? node.children[0] : node;
  if (paragraph?.type !== 'paragraph') return undefined;
  return inlineText(paragraph).trim() || undefined;
}
