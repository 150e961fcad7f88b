import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { fieldChecksum, noteGuid } from './note.js';

/** One note with its single card, ready to insert. */
export interface CollectionNote {
  id: number;
  /** The record's id: the note's GUID and duplicate checksum are derived from it. */
  recordId: string;
  /** Seconds since the epoch; Anki only updates an existing note from a newer `mod`. */
  mod: number;
  /** Already in Anki's stored form (see formatTags). */
  tags: string;
  fields: readonly string[];
  sortField: string;
  deckId: number;
  /** Position of the new card in the new-card queue. */
  due: number;
}

/** The `col` row: known once every note is in (the decks, the next new-card position). */
export interface CollectionHeader {
  /** Collection creation time, seconds. */
  created: number;
  /** Collection modification time, seconds. */
  modified: number;
  models: Record<string, unknown>;
  decks: Record<string, unknown>;
  dconf: Record<string, unknown>;
  /** `col.conf`: the collection's settings. */
  conf: Record<string, unknown>;
}

// Anki's schema 11 (the legacy `.anki2` format every Anki 2.1+ and AnkiDroid imports), as genanki writes it, in
// SQLite's default 4 KiB pages: a card of several KiB fills larger pages badly (one per page at 16 KiB).
const TABLES = `
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
`;

// Schema 11's indexes, made once every note is in: SQLite builds an index from sorted keys faster than it updates
// one note by note.
const INDEXES = `
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
const utf8 = new TextEncoder();

let sqlJs: Promise<SqlJsStatic> | undefined;
export const loadSqlJs = () => (sqlJs ??= initSqlJs());

let emptyCollection: Uint8Array | undefined;

/**
 * The collection file to start from: the empty tables, followed by zeros up to the size the notes are expected to
 * take. sql.js keeps the file in memory and, once it is past 1 MiB, grows it by an eighth at a time, copying it whole
 * each time; SQLite goes by the page count in the file's header and writes new pages into the zeros, so a file that
 * starts large enough is never copied to grow. Too small an estimate only brings some copying back.
 */
function startingFile(SQL: SqlJsStatic, expectedBytes: number): Uint8Array {
  if (!emptyCollection) {
    const db = new SQL.Database();
    try {
      db.exec(TABLES);
      emptyCollection = db.export();
    } finally {
      db.close();
    }
  }
  const file = new Uint8Array(Math.max(emptyCollection.length, Math.ceil(expectedBytes)));
  file.set(emptyCollection);
  return file;
}

/** Encodes text as UTF-8 into a buffer it reuses: the view it returns is valid until the next call. */
class Utf8Buffer {
  private buffer = new Uint8Array(1024);

  encode(text: string): Uint8Array {
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
    if (this.buffer.length < text.length * 3) this.buffer = new Uint8Array(text.length * 3);
    return this.buffer.subarray(0, utf8.encodeInto(text, this.buffer).written);
  }
}

/** Writes the `collection.anki2` SQLite file note by note, then the `col` row. Same notes, same bytes. */
export class CollectionBuilder {
  private readonly db: Database;
  private readonly insertNote: Statement;
  private readonly insertCard: Statement;
  // sql.js copies a bound value as it binds it, so each column can reuse one buffer for every note.
  private readonly tags = new Utf8Buffer();
  private readonly fields = new Utf8Buffer();
  private readonly sortField = new Utf8Buffer();

  /** `expectedBytes`: about how large the finished file will be (see startingFile); 0 when unknown. */
  constructor(
    SQL: SqlJsStatic,
    private readonly modelId: number,
    expectedBytes = 0,
  ) {
    this.db = new SQL.Database(startingFile(SQL, expectedBytes));
    // Nothing to roll back to: the database is thrown away if anything fails.
    this.db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;');
    // Text is bound as UTF-8 bytes cast to TEXT: TextEncoder is native, while sql.js encodes a bound string in
    // JavaScript. The stored value is the same text.
    this.insertNote = this.db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 0, '')");
    this.insertCard = this.db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  }

  add(note: CollectionNote): void {
    const fields = note.fields.join(FIELD_SEPARATOR);
    this.insertNote.run([
      note.id,
      noteGuid(note.recordId),
      this.modelId,
      note.mod,
      this.tags.encode(note.tags),
      this.fields.encode(fields),
      this.sortField.encode(note.sortField),
      fieldChecksum(note.recordId),
    ]);
    // Each note has one card, with the note's id: Anki only needs card ids to be unique.
    this.insertCard.run([note.id, note.id, note.deckId, note.mod, note.due]);
  }

  /** Adds the `col` row and returns the file, exactly as large as its pages; the builder is closed after. */
  finish(header: CollectionHeader): Uint8Array {
    try {
      this.db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
        header.created,
        header.modified * 1000,
        header.modified * 1000,
        JSON.stringify(header.conf),
        JSON.stringify(header.models),
        JSON.stringify(header.decks),
        JSON.stringify(header.dconf),
        '{}',
      ]);
      this.db.exec(`${INDEXES} COMMIT;`);
      return this.db.export();
    } finally {
      this.close();
    }
  }

  close(): void {
    this.insertNote.free();
    this.insertCard.free();
    this.db.close();
  }
}
