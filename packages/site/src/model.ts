import type { Dataset, NoteInfo, QuestionRecord, Reference } from '@mianjing/schema';

/** A section of a note: the headings above its questions (none for questions directly under the note title). */
export interface SectionNode {
  /** Position in its note, for anchors and drill scopes. */
  index: number;
  titles: string[];
  records: QuestionRecord[];
}

export interface NoteNode {
  /** Position in the site's list of notes, for anchors, card files and drill scopes. */
  index: number;
  info: NoteInfo;
  sections: SectionNode[];
  records: QuestionRecord[];
}

export interface Located {
  record: QuestionRecord;
  note: NoteNode;
  section: SectionNode;
}

/** The topic tree: notes in the dataset's order, sections and questions in source order. */
export interface SiteModel {
  notes: NoteNode[];
  byId: Map<string, Located>;
  /** Retired ids with the record that replaced them (undefined when deleted). */
  retired: Map<string, string | undefined>;
}

export function siteModel(dataset: Dataset): SiteModel {
  const notes: NoteNode[] = [];
  const byPath = new Map<string, NoteNode>();
  const addNote = (info: NoteInfo) => {
    const note: NoteNode = { index: notes.length, info, sections: [], records: [] };
    notes.push(note);
    byPath.set(info.path, note);
    return note;
  };
  for (const info of dataset.notes) if (!byPath.has(info.path)) addNote(info);
  const byId = new Map<string, Located>();
  const sectionKeys = new Map<NoteNode, Map<string, SectionNode>>();
  for (const record of dataset.questions) {
    // A dataset without a note entry for a record's file (an older or hand-made one) still gets a note.
    const note = byPath.get(record.source.path) ?? addNote({ id: record.source.path, path: record.source.path, title: record.breadcrumb[0] ?? record.source.path, references: [] });
    const titles = record.breadcrumb.slice(1);
    const key = titles.join('\u0000');
    let keys = sectionKeys.get(note);
    if (!keys) sectionKeys.set(note, (keys = new Map()));
    let section = keys.get(key);
    if (!section) {
      section = { index: note.sections.length, titles, records: [] };
      note.sections.push(section);
      keys.set(key, section);
    }
    section.records.push(record);
    note.records.push(record);
    byId.set(record.id, { record, note, section });
  }
  const retired = new Map(dataset.retired.map((entry) => [entry.id, entry.mergedInto]));
  return { notes: notes.filter((note) => note.records.length > 0).map((note, index) => Object.assign(note, { index })), byId, retired };
}

/** The record a link or saved progress for `id` now means: itself, its survivor if it was merged, or undefined. */
export function currentId(model: SiteModel, id: string): string | undefined {
  if (model.byId.has(id)) return id;
  const seen = new Set<string>();
  let next = model.retired.get(id);
  // Merged ids may chain (a merged into b, b later into c).
  while (next !== undefined && !model.byId.has(next) && !seen.has(next)) {
    seen.add(next);
    next = model.retired.get(next);
  }
  return next !== undefined && model.byId.has(next) ? next : undefined;
}

/** The record's references, then its note's, without repeats. */
export function referencesOf(located: Located): Reference[] {
  const seen = new Set<string>();
  return [...located.record.references, ...located.note.info.references].filter((ref) => {
    const key = `${ref.title}\u0000${ref.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
