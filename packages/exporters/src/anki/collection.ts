import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

/** One note with its single card, ready to insert. */
export interface CollectionNote {
  id: number;
  guid: string;
  /** Seconds since the epoch; Anki only updates an existing note from a newer `mod`. */
  mod: number;
  /** Already in Anki's stored form (see formatTags). */
  tags: string;
  fields: readonly string[];
  sortField: string;
  checksum: number;
  deckId: number;
  /** Position of the new card in the new-card queue. */
  due: number;
}

export interface CollectionInput {
  /** Collection creation time, seconds. */
  created: number;
  /** Collection modification time, seconds. */
  modified: number;
  models: Record<string, unknown>;
  decks: Record<string, unknown>;
  dconf: Record<string, unknown>;
  /** `col.conf`: the collection's settings. */
  conf: Record<string, unknown>;
  /** Note type of every note. */
  modelId: number;
  notes: readonly CollectionNote[];
}

// Anki's schema 11 (the legacy `.anki2` format every Anki 2.1+ and AnkiDroid imports), as in genanki.
const SCHEMA = `
CREATE TABLE col (
  id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null,
  conf text not null, models text not null, decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
  id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null,
  csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
  id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null,
  due integer not null, ivl integer not null, factor integer not null, reps integer not null,
  lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null
);
CREATE TABLE revlog (
  id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

// Anki separates the fields of a note with U+001F.
const FIELD_SEPARATOR = '\u001f';

let sqlJs: Promise<SqlJsStatic> | undefined;
const utf8 = new TextEncoder();

/** The `collection.anki2` SQLite file. Same input, same bytes: nothing here reads the clock. */
export async function writeCollection(input: CollectionInput): Promise<Uint8Array> {
  const SQL = await (sqlJs ??= initSqlJs());
  // The fields go in as UTF-8 blobs cast to TEXT: TextEncoder is native, while binding a string
  // makes sql.js encode it in a JavaScript loop. The result is the same TEXT value.
  const fields = input.notes.map((note) => utf8.encode(note.fields.join(FIELD_SEPARATOR)));

  // sql.js keeps the file in an in-memory file system that grows by 1/8 at a time once past 1 MiB,
  // copying the whole file on each step. Opening the empty collection from a buffer sized for the
  // final file leaves SQLite room to write every page in place; it still records the true size.
  const empty = new SQL.Database();
  let image: Uint8Array;
  try {
    empty.exec(SCHEMA);
    image = empty.export();
  } finally {
    empty.close();
  }
  const room = new Uint8Array(image.length + estimateBytes(input.notes, fields));
  room.set(image);
  const db = new SQL.Database(room);
  try {
    // Nothing to roll back to: the database is thrown away if anything fails.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF');
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      input.created,
      input.modified * 1000,
      input.modified * 1000,
      JSON.stringify(input.conf),
      JSON.stringify(input.models),
      JSON.stringify(input.decks),
      JSON.stringify(input.dconf),
      '{}',
    ]);
    // One transaction and prepared statements keep 100k notes fast. Each card is its note's one
    // card: they are copied from the notes in one statement per run of notes sharing a deck (and
    // an id − due offset), which saves a call into SQLite per note.
    db.exec('BEGIN');
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, CAST(? AS TEXT), ?, ?, 0, '')");
    input.notes.forEach((note, index) => {
      insertNote.run([note.id, note.guid, input.modelId, note.mod, note.tags, fields[index]!, note.sortField, note.checksum]);
    });
    insertNote.free();
    const insertCards = db.prepare(
      "INSERT INTO cards SELECT id, id, ?, 0, mod, -1, 0, 0, id - ?, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM notes WHERE id BETWEEN ? AND ?",
    );
    for (const run of cardRuns(input.notes)) insertCards.run([run.deckId, run.offset, run.firstId, run.lastId]);
    insertCards.free();
    db.exec('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

interface CardRun {
  deckId: number;
  /** note id − due, the same for every note of the run */
  offset: number;
  firstId: number;
  lastId: number;
}

// Runs of consecutive notes with ascending ids, one deck and one id − due offset.
function cardRuns(notes: readonly CollectionNote[]): CardRun[] {
  const runs: CardRun[] = [];
  let run: CardRun | undefined;
  for (const note of notes) {
    const offset = note.id - note.due;
    if (run && run.deckId === note.deckId && run.offset === offset && note.id === run.lastId + 1) run.lastId = note.id;
    else runs.push((run = { deckId: note.deckId, offset, firstId: note.id, lastId: note.id }));
  }
  return runs;
}

// A bound on what the notes add to the file: the note row (the sort field is UTF-8, up to 3 bytes a
// character), the card row, index entries and page slack. Too little only brings back some copying;
// SQLite never writes the unused rest.
function estimateBytes(notes: readonly CollectionNote[], fields: readonly Uint8Array[]): number {
  let bytes = 1 << 20;
  notes.forEach((note, index) => {
    bytes += 1.25 * (fields[index]!.length + 3 * (note.guid.length + note.tags.length + note.sortField.length)) + 400;
  });
  return Math.ceil(bytes);
}
