import type { Heading, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { plainText } from '@mianjing/markdown';
import { derivedQuestionId, type NoteInfo } from '../canonical.js';
import { isPlaceholder, QUESTION_ID, splitHeading } from '../heading.js';
import { normalizeQuestion, toRecord, type BuiltRecord, type NoteContext } from '../record.js';
import { emit, report, type RuleId } from '../rules.js';
import { boldQuestions } from './bold-questions.js';
import { details, detailsAnswer } from './details.js';
import { fencedList, unclosedFence } from './fences.js';
import { headings } from './headings.js';
import { lazyListLines, listOutline } from './list-outline.js';
import { answerMarkers, markers } from './markers.js';
import { answer, markup, tagLines, tocRegion } from './markup.js';
import { readNoteShape, type NoteShape } from './note-shape.js';
import { numberedItems } from './numbered-items.js';
import { quotedQuestions } from './quoted-questions.js';
import { referenceSections } from './reference-sections.js';
import { SourceText } from './source.js';
import type { Accounting, Candidate, Claim, DroppedCandidate, NewQuestion, OpenQuestion, ReaderView, Recognizer, Region, Step, UnassignedText } from './types.js';

export type { Accounting, CandidateKind, DroppedCandidate, UnassignedText } from './types.js';
export { findTitleHeading } from './note-shape.js';

/**
 * The recognizers, in the order they are tried at each block; the first that claims the block wins. Regions come
 * first (a table of contents, a reference list, the inside of a `<details>` answer), then headings, then the
 * layouts that open questions, most explicit first, and last the fallback that adds the block to the open answer
 * or reports it as text outside any question.
 */
export const RECOGNIZERS: readonly Recognizer[] = [
  tocRegion, // <!-- TOC --> … <!-- /TOC -->
  referenceSections, // 参考 / References headings and lines, a question's own references
  headings, // question, topic, section and label headings; sub-headings inside answers
  details, // <details>: question summary, answer label, collapsed question list
  detailsAnswer, // the blocks inside an open <details> answer
  markup, // ---, comments, layout HTML, [TOC]
  tagLines, // Obsidian #tags
  markers, // ● ①, Q: 问：, Interviewer: / I:
  answerMarkers, // A: 答：, Candidate: / C: (and orphans)
  boldQuestions, // **问题？**
  quotedQuestions, // > 1、问题？
  numberedItems, // 9.问题, a one-item list continuing the numbering
  listOutline, // outlines, checklists, question lists, tables of contents
  lazyListLines, // a name over list lines CommonMark folded into its paragraph
  fencedList, // a question list pasted in a ```text fence
  unclosedFence, // a fence that swallows the rest of the note
  answer, // the open answer, or text outside any question
];

interface Section {
  depth: number;
  text: string;
  heading: Heading;
  breadcrumb: boolean;
  used: boolean;
}

interface Open extends OpenQuestion {
  candidate: Candidate;
}

interface Outside {
  start: Point;
  end: Point;
  reason: string;
}

/**
 * Other people's layouts (see the README's table): the note's blocks are read in order by the recognizers above.
 * Every question candidate ends up a record or a `question-candidate-dropped` message (tables of contents,
 * duplicates), and every other block with text is part of an answer, a section name, a reference, or reported as
 * `text-outside-question`.
 */
export function extractLenient(tree: Root, file: VFile, note: NoteInfo, context: NoteContext): { records: BuiltRecord[]; accounting: Accounting } {
  const text = new SourceText(context.source);
  const blocks = tree.children.filter((node) => node.type !== 'yaml');
  const shape = readNoteShape(tree, blocks, text, note.title);
  const reader = new Reader(text, shape, note, context);
  for (let index = 0; index < blocks.length; ) {
    const view = reader.view(blocks);
    let claim: Claim | undefined;
    for (const recognize of RECOGNIZERS) {
      claim = recognize(view, index);
      if (claim) break;
    }
    reader.apply(claim!.steps);
    index += claim!.take;
  }
  return reader.finish(file);
}

/** The shared state of one reading: sections, the open question, the region, and what was found. */
class Reader {
  private readonly candidates: Candidate[] = [];
  private readonly sections: Section[] = [];
  private readonly outside: Outside[] = [];
  private readonly allSections: Section[] = [];
  /** `Question (tag)` candidates whose `Answer (tag)` heading has not come yet. */
  private readonly awaiting: Candidate[] = [];
  private readonly problems: Array<{ ruleId: RuleId; reason: string; start: Point; end: Point }> = [];
  private current: Open | undefined;
  private region: Region | undefined;
  private readonly folders: string[];

  constructor(
    private readonly text: SourceText,
    private readonly shape: NoteShape,
    private readonly note: NoteInfo,
    private readonly context: NoteContext,
  ) {
    this.folders = context.path.split('/').slice(0, -1);
  }

  view(blocks: readonly RootContent[]): ReaderView {
    const open = this.current;
    // A copy for the recognizers, made key by key (as every open question is) so that all have one shape.
    const current = open && {
      candidate: open.candidate,
      kind: open.kind,
      scope: open.scope,
      depth: open.depth,
      form: open.form,
      number: open.number,
      ordinal: open.ordinal,
      hasAnswer: open.candidate.draft.answerNodes.length > 0,
    };
    return { blocks, text: this.text, shape: this.shape, current, region: this.region, sectionDepth: this.sections.at(-1)?.depth ?? 0, awaiting: this.awaiting.map((c) => c.tag!) };
  }

  apply(steps: readonly Step[]): void {
    for (const step of steps) {
      switch (step.type) {
        case 'question':
          this.open(step.question);
          break;
        case 'answer':
          if (this.current) this.addAnswer(this.current.candidate, step.nodes);
          else for (const node of step.nodes) this.outside.push({ start: node.position!.start, end: node.position!.end, reason: 'text outside any question' });
          break;
        case 'close':
          this.current = undefined;
          break;
        case 'level':
          while (this.sections.length > 0 && this.sections.at(-1)!.depth >= step.depth) this.sections.pop();
          break;
        case 'section':
          while (this.sections.length > 0 && this.sections.at(-1)!.depth >= step.heading.depth) this.sections.pop();
          this.sections.push({ depth: step.heading.depth, text: step.text, heading: step.heading, breadcrumb: step.breadcrumb, used: false });
          this.allSections.push(this.sections.at(-1)!);
          break;
        case 'region':
          this.region = step.region;
          break;
        case 'references':
          if (step.owner === 'note' || !this.current) this.context.references.push(...step.references);
          else this.current.candidate.draft.references.push(...step.references);
          break;
        case 'tags':
          this.context.tags.push(...step.tags);
          break;
        case 'outside':
          this.outside.push(step);
          break;
        case 'problem':
          this.problems.push(step);
          break;
        case 'resume': {
          const candidate = this.awaiting.find((c) => c.tag === step.tag) ?? this.awaiting[0];
          if (!candidate) break;
          this.awaiting.splice(this.awaiting.indexOf(candidate), 1);
          delete candidate.tag;
          this.current = { candidate, kind: candidate.kind, scope: 'labelled', depth: step.depth, form: 'question', number: candidate.draft.number, ordinal: undefined, hasAnswer: false };
          break;
        }
      }
    }
  }

  private open(question: NewQuestion): void {
    const parts = splitHeading(question.text);
    const explicit = parts.id !== undefined && QUESTION_ID.test(parts.id) ? parts.id : undefined;
    for (const section of this.sections) section.used = true;
    const candidate: Candidate = {
      kind: question.kind,
      column: question.start.column,
      endLine: Math.max(question.start.line, question.endLine ?? 0),
      draft: {
        id: `${this.note.id}/${explicit ?? derivedQuestionId(parts.text)}`,
        question: parts.text,
        number: parts.number,
        aliases: question.aliases ?? [],
        tags: question.tags ?? [],
        breadcrumb: [...this.folders, this.note.title, ...this.sections.filter((s) => s.breadcrumb).map((s) => s.text), ...(question.breadcrumb ?? [])],
        line: question.start.line,
        answerNodes: [],
        references: [],
      },
    };
    if (question.tag !== undefined) {
      candidate.tag = question.tag;
      this.awaiting.push(candidate);
    }
    if (!parts.text) candidate.dropped = 'no question text besides the numbering';
    if (question.dropped) candidate.dropped = question.dropped;
    this.candidates.push(candidate);
    this.addAnswer(candidate, question.answer ?? []);
    const ordinal = question.ordinal ?? (/^\d+$/.test(parts.number) ? Number(parts.number) : undefined);
    const open = question.open;
    this.current = open && { candidate, kind: question.kind, scope: open.scope, depth: open.depth, form: open.form, number: parts.number, ordinal, hasAnswer: false };
  }

  private addAnswer(candidate: Candidate, nodes: readonly RootContent[]): void {
    candidate.draft.answerNodes.push(...nodes);
    for (const node of nodes) candidate.endLine = Math.max(candidate.endLine, node.position!.end.line);
  }

  finish(file: VFile): { records: BuiltRecord[]; accounting: Accounting } {
    const { candidates, context } = this;
    dropDuplicates(candidates);
    const questionIds = new Set(candidates.filter((c) => !c.dropped).map((c) => c.draft.id.slice(this.note.id.length + 1)));
    const records: BuiltRecord[] = [];
    const dropped: DroppedCandidate[] = [];
    const range = (candidate: Candidate) => ({
      start: { line: candidate.draft.line, column: candidate.column },
      end: { line: candidate.endLine, column: this.text.lineLength(candidate.endLine) + 1 },
    });
    for (const candidate of candidates) {
      if (candidate.dropped) {
        dropped.push({ line: candidate.draft.line, column: candidate.column, question: candidate.draft.question, reason: candidate.dropped });
        report(file, 'info', 'question-candidate-dropped', `Dropped question candidate “${candidate.draft.question}”: ${candidate.dropped}`, range(candidate));
        continue;
      }
      const built = toRecord(candidate.draft, context, questionIds);
      if (built.record.status === 'unanswered') {
        const ruleId = candidate.draft.answerNodes.length > 0 ? 'placeholder-answer' : 'question-without-answer';
        emit(file, 'lenient', ruleId, `Question “${built.record.question}” has no answer yet; it is kept as unanswered`, range(candidate));
      }
      records.push(built);
    }
    for (const problem of this.problems) emit(file, 'lenient', problem.ruleId, problem.reason, { start: problem.start, end: problem.end });
    const unassigned = this.unassigned();
    for (const run of unassigned) {
      const lines = run.line === run.endLine ? `line ${run.line}` : `lines ${run.line}–${run.endLine}`;
      emit(file, 'lenient', 'text-outside-question', `Unexpected ${run.reason} (${lines}), expected it under a question; it is in no record`, {
        start: { line: run.line, column: 1 },
        end: { line: run.endLine, column: this.text.lineLength(run.endLine) + 1 },
      });
    }
    return { records, accounting: { candidates: candidates.length, records: records.length, dropped, unassigned } };
  }

  /** Runs of text outside every question, with the section headings that name nothing but such text. */
  private unassigned(): UnassignedText[] {
    const spans = this.outside.map((o) => ({ line: o.start.line, endLine: o.end.line, reason: o.reason }));
    for (const section of this.allSections) {
      if (!section.used) spans.push({ line: section.heading.position!.start.line, endLine: section.heading.position!.end.line, reason: 'section heading with no question under it' });
    }
    spans.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
    const runs: UnassignedText[] = [];
    for (const span of spans) {
      const last = runs.at(-1);
      if (last && this.text.onlyMarkupBetween(last.endLine, span.line)) {
        last.endLine = Math.max(last.endLine, span.endLine);
        if (last.reason !== span.reason) last.reason = 'text outside any question';
        continue;
      }
      runs.push({ ...span });
    }
    return runs;
  }
}

/**
 * The same question twice in one note: a question list at the top answered below, or a question repeated. The copies
 * without an answer are dropped, pointing at the one kept ("listed again at line N" when the kept one comes later,
 * "duplicate of line N" otherwise). Two answered copies are both kept.
 */
function dropDuplicates(candidates: Candidate[]): void {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.dropped) continue;
    const key = normalizeQuestion(candidate.draft.question);
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const answered = group.filter((c) => c.draft.answerNodes.length > 0 && !isPlaceholder(plainText(c.draft.answerNodes)));
    const kept = answered[0] ?? group[0]!;
    for (const candidate of group) {
      if (candidate === kept || answered.includes(candidate)) continue;
      candidate.dropped = candidate.draft.line < kept.draft.line ? `listed again at line ${kept.draft.line}` : `duplicate of line ${kept.draft.line}`;
    }
  }
}
