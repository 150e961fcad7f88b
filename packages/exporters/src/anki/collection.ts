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

/** The `collection.anki2` SQLite file. Same input, same bytes: nothing here reads the clock. */
export async function writeCollection(input: CollectionInput): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database();
  try {
    db.exec(SCHEMA);
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
    // One transaction and two prepared statements keep 100k notes fast.
    db.exec('BEGIN');
    const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const insertCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    for (const note of input.notes) {
      insertNote.run([note.id, note.guid, input.modelId, note.mod, note.tags, note.fields.join(FIELD_SEPARATOR), note.sortField, note.checksum, '']);
      insertCard.run([note.id, note.id, note.deckId, note.mod, note.due, '']);
    }
    insertNote.free();
    insertCard.free();
    db.exec('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
