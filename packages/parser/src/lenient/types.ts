import type { Reference } from '@mianjing/schema';
import type { Heading, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { QuestionDraft } from '../record.js';
import type { RuleId } from '../rules.js';
import type { NoteShape } from './note-shape.js';
import type { SourceText } from './source.js';

/** How a question candidate was written, for the accounting report. */
export type CandidateKind = 'heading' | 'bold' | 'marker' | 'list-item' | 'details' | 'quote' | 'numbered' | 'fence';

export interface DroppedCandidate {
  line: number;
  column: number;
  question: string;
  reason: string;
}

/** Text that belongs to no question, reported as a warning: lines `line`…`endLine` and why. */
export interface UnassignedText {
  line: number;
  endLine: number;
  reason: string;
}

/** Every question candidate of a note: how many were seen, how many became records, why the rest did not. */
export interface Accounting {
  candidates: number;
  records: number;
  dropped: DroppedCandidate[];
  /** Text outside every question (lenient mode), each run also a positioned warning. */
  unassigned: UnassignedText[];
}

/** A question the reader has seen, before it becomes a record or is dropped. */
export interface Candidate {
  draft: QuestionDraft;
  kind: CandidateKind;
  column: number;
  dropped?: string;
  /** `Question (EN)` headings: the language tag their `Answer (EN)` heading names. */
  tag?: string;
  /** The last line the candidate and its answer cover, for the message of a dropped candidate. */
  endLine: number;
}

/**
 * Where the answer of the open question ends. `heading`: at the next heading of its depth or above (and at
 * sub-headings that are questions); `labelled`: at the next `Question`/`Answer` label heading; `block`: at the next
 * question, heading or thematic break.
 */
export type AnswerScope = 'heading' | 'labelled' | 'block';

/** What recognizers may know about the open question. */
export interface OpenQuestion {
  kind: CandidateKind;
  scope: AnswerScope;
  /** The heading depth that ends the answer (7 for `block`). */
  depth: number;
  /** `question`: a heading phrased as a question keeps every plain sub-heading; `topic`: only those below the note's question depth. */
  form: 'question' | 'topic';
  number: string;
  /** The position of a numbered question in its sequence (`9.` after `8.`), from its list marker or numbering. */
  ordinal: number | undefined;
  hasAnswer: boolean;
}

/** A stretch of the note read in a particular way until it ends. */
export type Region = { kind: 'toc' } | { kind: 'references'; depth: number } | { kind: 'question-references' } | { kind: 'details'; role: 'answer' | 'questions' };

/** A question a recognizer found. */
export interface NewQuestion {
  kind: CandidateKind;
  /** The question as written, numbering and `{#id}` included. */
  text: string;
  start: Point;
  answer?: RootContent[];
  /** Levels between the sections and the question (the groups of a list outline). */
  breadcrumb?: string[];
  dropped?: string;
  /** When set, the blocks that follow may join the answer, within this scope. */
  open?: Omit<OpenQuestion, 'kind' | 'number' | 'ordinal' | 'hasAnswer'>;
  /** Its position in a numbered sequence, when the numbering is a list marker rather than part of the text. */
  ordinal?: number;
  aliases?: string[];
  tags?: string[];
  tag?: string;
  /** The last line of the question's own text, when it spans lines the answer does not cover. */
  endLine?: number;
}

/** One effect of a claim, applied by the driver in order. */
export type Step =
  | { type: 'question'; question: NewQuestion }
  | { type: 'answer'; nodes: RootContent[] }
  | { type: 'close' }
  /** A heading of this depth: the sections at its level and below end. */
  | { type: 'level'; depth: number }
  | { type: 'section'; heading: Heading; text: string; breadcrumb: boolean }
  | { type: 'region'; region: Region | undefined }
  | { type: 'references'; references: Reference[]; owner: 'note' | 'question' }
  | { type: 'tags'; tags: string[] }
  /** Text that belongs to no question. */
  | { type: 'outside'; start: Point; end: Point; reason: string }
  | { type: 'problem'; ruleId: RuleId; reason: string; start: Point; end: Point }
  /** Reopen the `Question (tag)` candidate whose answer a label heading starts. */
  | { type: 'resume'; tag: string; depth: number };

/** What a recognizer takes: `take` blocks from the cursor, with these effects (`take: 0` only leaves a region). */
export interface Claim {
  take: number;
  steps: Step[];
}

/** The read-only state a recognizer looks at. */
export interface ReaderView {
  readonly blocks: readonly RootContent[];
  readonly text: SourceText;
  readonly shape: NoteShape;
  readonly current: OpenQuestion | undefined;
  readonly region: Region | undefined;
  /** The depth of the innermost section heading (0 outside any). */
  readonly sectionDepth: number;
  /** Language tags of `Question (tag)` candidates still waiting for their answer. */
  readonly awaiting: readonly string[];
}

/** Looks at the block(s) at `index` and claims them, or declines with `undefined`. Pure. */
export type Recognizer = (view: ReaderView, index: number) => Claim | undefined;
