import type { QuestionRecord, Reference } from '@mianjing/schema';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { extractCanonical, type NoteInfo } from './canonical.js';
import { extractLenient, findTitleHeading, type Accounting } from './lenient/index.js';
import { shortHash } from './hash.js';
import type { BuiltRecord, NoteContext } from './record.js';
import { readFrontMatter, type NoteFrontMatter } from './front-matter.js';
import { inlineText } from '@mianjing/markdown';
import { checkMath } from './math.js';
import { emit, type ParseMode } from './rules.js';

export interface MianjingOptions {
  mode?: ParseMode;
  /** The language of the notes (BCP 47) when their folder declares one; a note's front matter `lang` wins over it. */
  language?: string | undefined;
}

/** A link from one record to another, kept so the build can check that its target exists. */
export interface RecordLink {
  from: string;
  target: string;
  line: number;
  column: number;
}

/** What the parser knows about a note as a whole. */
export interface NoteSummary extends NoteInfo {
  path: string;
  references: Reference[];
}

declare module 'vfile' {
  interface DataMap {
    /** The question records of the note, in source order. */
    records: QuestionRecord[];
    note: NoteSummary;
    /** Question candidates seen, records made, and why the others were dropped. */
    accounting: Accounting;
    /** Every link from a record of the note to another question. */
    links: RecordLink[];
  }
}

/**
 * The unified plugin that reads questions out of a note. It expects `file.path` to be the note's path relative
 * to the content root (it becomes `source.path` and, without front matter, the note id), and writes
 * `file.data.records` and `file.data.note`. Problems are reported as positioned messages on the file.
 */
export const remarkMianjing: Plugin<[MianjingOptions?], Root> = (options = {}) => {
  const mode = options.mode ?? 'canonical';
  return (tree, file) => {
    const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    let meta: NoteFrontMatter = {};
    if (front) meta = readFrontMatter(file, front, mode);
    else emit(file, mode, 'missing-front-matter', 'Missing front matter, expected `---` then `id`, `title` and `tags` keys at the top of the note', { line: 1, column: 1 });

    const path = notePath(file);
    const titleHeading = findTitleHeading(tree);
    const note: NoteInfo = {
      id: meta.id ?? derivedNoteId(path),
      title: meta.title?.trim() || (titleHeading ? inlineText(titleHeading) : '') || fileStem(path),
      tags: meta.tags ?? [],
    };
    const context: NoteContext = {
      noteId: note.id,
      path,
      mode,
      source: String(file.value),
      tags: [...note.tags],
      references: [] as Reference[],
      language: meta.lang ?? options.language,
    };
    const { records, accounting } = mode === 'canonical' ? canonicalRecords(extractCanonical(tree, file, note, context)) : extractLenient(tree, file, note, context);
    file.data.records = records.map((built) => built.record);
    file.data.accounting = accounting;
    file.data.links = records.flatMap(({ record, links }) =>
      links.map((link) => ({ from: record.id, target: link.target, line: link.node.position!.start.line, column: link.node.position!.start.column })),
    );
    file.data.note = { ...note, tags: context.tags, path, references: context.references };
    checkMath(tree, file, mode);
  };
};

function canonicalRecords(records: BuiltRecord[]): { records: BuiltRecord[]; accounting: Accounting } {
  return { records, accounting: { candidates: records.length, records: records.length, dropped: [], unassigned: [] } };
}

function notePath(file: VFile): string {
  return (file.path ? file.path : 'note.md').split('\\').join('/');
}

function fileStem(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(md|markdown)$/i, '');
}

/** A note id from its path: the ASCII words of each folder and of the file name, plus a hash when words were lost. */
export function derivedNoteId(path: string): string {
  const stem = path.replace(/\.(md|markdown)$/i, '');
  const segments = stem.split('/').map((segment) => (segment.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-'));
  // eslint-disable-next-line no-control-regex
  const lossless = /^[\x00-\x7f]*$/.test(stem) && segments.every(Boolean);
  const words = segments.filter(Boolean).join('/') || 'note';
  return lossless ? words : `${words}-${shortHash(stem)}`;
}
