import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { fieldChecksum, noteGuid } from './note.js';

/** One note with its single card, ready to insert. */
export interface CollectionNote {
  id: number;
  /** The record's id: the note's GUID and duplicate checksum are derived from it, on the collection's thread. */
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

export interface CollectionOptions {
  /** Note type of every note. */
  modelId: number;
  /**
   * Roughly how many bytes the notes will take in the file. sql.js keeps the file in an
   * in-memory file system that grows by 1/8 at a time once past 1 MiB, copying the whole file
   * on each step; opening the empty collection from a buffer this much larger lets SQLite write
   * every page in place. Too little only brings back some copying.
   */
  estimatedBytes: number;
}

// Anki's schema 11 (the legacy `.anki2` format every Anki 2.1+ and AnkiDroid imports), as in genanki, but in pages of
// 16 KiB instead of SQLite's 4 KiB. A note of a few hundred characters (some 1.1 KB as a row) fits three to a 4 KiB
// page with 14% of it left over; 16 KiB pages pack such notes tighter, and 100,000 of them make a file 10% smaller,
// written and deflated 10–25% faster. Long answers (rows of 4–20 KB, like the bundled notes) come out the same once
// deflated, 6% larger stored, in the same time. Any SQLite reads any page size, and Anki copies the notes out on import.
const TABLES = `
PRAGMA page_size = 16384;
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

// Schema 11's indexes, made when every note is in: SQLite builds an index from its sorted keys much faster than it
// updates one note by note (the checksum index in random order), and keeps its pages together. For 100,000 short
// notes the deflated export took 2.4–3.2 s instead of 3.2–4.2 (runs interleaved), and the file is 1–4% smaller.
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
// Per note in a batch: id, mod, deck id, due.
const NUMBERS = 4;
// Per note in a batch: record id, tags, fields, sort field.
const TEXTS = 4;

/**
 * Notes packed for a trip to another thread: their numbers in one array and their text, UTF-8,
 * in one buffer, so posting a batch copies nothing and sends three buffers.
 */
export interface NoteBatch {
  count: number;
  numbers: Float64Array<ArrayBuffer>;
  text: Uint8Array<ArrayBuffer>;
  /** End offset in `text` of each text of each note. */
  ends: Uint32Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

/** Packs notes into batches of `size`. */
export class NoteBatcher {
  private numbers: Float64Array<ArrayBuffer>;
  private ends: Uint32Array<ArrayBuffer>;
  private text: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private used = 0;
  count = 0;

  constructor(readonly size: number) {
    this.numbers = new Float64Array(size * NUMBERS);
    this.ends = new Uint32Array(size * TEXTS);
  }

  /** Adds a note; true when the batch is full. */
  add(note: CollectionNote): boolean {
    const n = this.count * NUMBERS;
    this.numbers[n] = note.id;
    this.numbers[n + 1] = note.mod;
    this.numbers[n + 2] = note.deckId;
    this.numbers[n + 3] = note.due;
    const t = this.count * TEXTS;
    this.append(note.recordId, t);
    this.append(note.tags, t + 1);
    this.append(note.fields.join(FIELD_SEPARATOR), t + 2);
    this.append(note.sortField, t + 3);
    return ++this.count === this.size;
  }

  private append(text: string, end: number): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.text.length - this.used < text.length * 3) {
      const larger = new Uint8Array(Math.max(this.text.length * 2, this.used + text.length * 3));
      larger.set(this.text.subarray(0, this.used));
      this.text = larger;
    }
    this.used += utf8.encodeInto(text, this.text.subarray(this.used)).written;
    this.ends[end] = this.used;
  }

  /**
   * The notes added since the last take, as a batch; the batcher starts empty again. The batch is a view of the
   * batcher's buffers, good until the next `add`: a fresh copy of every batch would touch new memory on each one,
   * which costs more than inserting it. Whoever keeps a batch longer copies it (see copyBatch).
   */
  take(): NoteBatch {
    const batch = { count: this.count, numbers: this.numbers.subarray(0, this.count * NUMBERS), text: this.text.subarray(0, this.used), ends: this.ends.subarray(0, this.count * TEXTS) };
    this.count = 0;
    this.used = 0;
    return batch;
  }
}

/** A batch that owns its buffers, to be transferred to another thread. */
export function copyBatch(batch: NoteBatch): NoteBatch {
  return { count: batch.count, numbers: batch.numbers.slice(), text: batch.text.slice(), ends: batch.ends.slice() };
}

let sqlJs: Promise<SqlJsStatic> | undefined;
export const loadSqlJs = () => (sqlJs ??= initSqlJs());

// The file of a collection with the tables and nothing else, made once per thread.
let empty: Uint8Array | undefined;
function emptyCollection(SQL: SqlJsStatic): Uint8Array {
  if (!empty) {
    const db = new SQL.Database();
    try {
      db.exec(TABLES);
      empty = db.export();
    } finally {
      db.close();
    }
  }
  return empty;
}

/**
 * The empty collection with room to grow, as sql.js is given it. sql.js puts the buffer it is given into its
 * in-memory file system with `slice`. Offered, this `slice` hands over the room itself instead of a copy, so SQLite
 * writes its pages straight into the room, which is first touched there, and the finished file is read from it in
 * place (see CollectionBuilder.finish) where `export` would copy it whole into a second file: for a deck of 100,000
 * short notes, 150 MB less memory touched. Whether the room really became the file is checked before it is read.
 */
export class Room extends Uint8Array {
  /** Set by the builder just before sql.js opens the room; the one `slice` of the whole room after gives the room. */
  offered = false;
  /** True once that `slice` gave the room away. */
  taken = false;

  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    if (!this.offered || (start ?? 0) !== 0 || (end ?? this.length) !== this.length) return super.slice(start, end);
    this.offered = false;
    this.taken = true;
    return this as Uint8Array<ArrayBuffer>;
  }
}

/**
 * Writes the `collection.anki2` SQLite file from batches of notes, then the `col` row.
 * Same batches, same bytes: nothing here reads the clock.
 */
export class CollectionBuilder {
  private readonly db: Database;
  /** The empty collection's change counter, which the commit changes. */
  private readonly emptyCounter: number;
  private readonly room: Room;
  private readonly insertNote: Statement;
  private readonly insertCards: Statement;
  private open = true;

  constructor(SQL: SqlJsStatic, private readonly options: CollectionOptions) {
    const image = emptyCollection(SQL);
    this.emptyCounter = new DataView(image.buffer, image.byteOffset).getUint32(24);
    // The file system takes the whole room as the file; SQLite goes by the page count in its header, so it never
    // reads the unused rest.
    this.room = new Room(image.length + Math.ceil(options.estimatedBytes));
    this.room.set(image);
    this.room.offered = true;
    this.db = new SQL.Database(this.room);
    this.room.offered = false;
    // Nothing to roll back to: the database is thrown away if anything fails. One transaction
    // and a prepared statement keep 100k notes fast.
    this.db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN');
    // Text goes in as UTF-8 blobs cast to TEXT: the encoder is native, while binding a string
    // makes sql.js encode it in a JavaScript loop. The stored value is the same.
    this.insertNote = this.db.prepare(
      'INSERT INTO notes VALUES (?, CAST(? AS TEXT), ?, ?, -1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 0, \'\')',
    );
    // Each card is its note's one card: they are copied from the notes, one statement per run of
    // notes sharing a deck (and an id − due offset), which saves a call into SQLite per note.
    this.insertCards = this.db.prepare(
      "INSERT INTO cards SELECT id, id, ?, 0, mod, -1, 0, 0, id - ?, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM notes WHERE id BETWEEN ? AND ?",
    );
  }

  /** Adds the notes and their cards. */
  add(batch: NoteBatch): void {
    const { numbers, text, ends } = batch;
    const runs: CardRun[] = [];
    for (let i = 0; i < batch.count; i++) {
      const n = i * NUMBERS;
      const t = i * TEXTS;
      const start = t === 0 ? 0 : ends[t - 1]!;
      const [id, mod, deckId, due] = [numbers[n]!, numbers[n + 1]!, numbers[n + 2]!, numbers[n + 3]!];
      const recordId = text.subarray(start, ends[t]);
      this.insertNote.run([
        id,
        utf8.encode(noteGuid(recordId)),
        this.options.modelId,
        mod,
        text.subarray(ends[t]!, ends[t + 1]),
        text.subarray(ends[t + 1]!, ends[t + 2]),
        text.subarray(ends[t + 2]!, ends[t + 3]),
        fieldChecksum(recordId),
      ]);
      extendRuns(runs, id, due, deckId);
    }
    for (const run of runs) this.insertCards.run([run.deckId, run.offset, run.firstId, run.lastId]);
  }

  /** Adds the `col` row and gives the file; the builder is closed after. */
  finish(header: CollectionHeader): Uint8Array {
    let size: number;
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
      this.db.exec(INDEXES);
      this.db.exec('COMMIT');
      const pages = Number(this.db.exec('PRAGMA page_count')[0]!.values[0]![0]);
      size = pages * Number(this.db.exec('PRAGMA page_size')[0]!.values[0]![0]);
      if (!this.roomHoldsFile(pages, size)) return this.db.export();
    } finally {
      this.close();
    }
    return new Uint8Array(this.room.buffer, 0, size);
  }

  /**
   * Whether the room is the committed file: sql.js took the room itself, the file never outgrew it (growing moves
   * the file to a new buffer), and the header SQLite wrote on commit is there. Its change counter (at 24) differs
   * from the empty collection's, and the page count (at 28) is the one valid for it (at 92).
   */
  private roomHoldsFile(pages: number, size: number): boolean {
    if (!this.room.taken || size > this.room.length) return false;
    const header = new DataView(this.room.buffer);
    const counter = header.getUint32(24);
    return counter !== this.emptyCounter && header.getUint32(92) === counter && header.getUint32(28) === pages;
  }

  close(): void {
    if (this.open) {
      this.insertNote.free();
      this.insertCards.free();
      this.db.close();
    }
    this.open = false;
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
function extendRuns(runs: CardRun[], id: number, due: number, deckId: number): void {
  const run = runs.at(-1);
  const offset = id - due;
  if (run && run.deckId === deckId && run.offset === offset && id === run.lastId + 1) run.lastId = id;
  else runs.push({ deckId, offset, firstId: id, lastId: id });
}
