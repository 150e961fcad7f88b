import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { type CollectionHeader, type CollectionNote, NoteBatcher, Room } from './collection.js';
import { openCollection } from './collection-thread.js';
import { fieldChecksum, noteGuid } from './note.js';

const header: CollectionHeader = { created: 1, modified: 2, models: { 7: { id: 7 } }, decks: { 1: { id: 1, name: 'Default' } }, dconf: {}, conf: { nextPos: 1 } };

function note(index: number, deckId = 1 + (index % 3 === 0 ? 1 : 0)): CollectionNote {
  return {
    id: 1000 + index,
    recordId: `q-${index}`,
    mod: 5,
    tags: index % 2 ? ' a b ' : '',
    fields: [`q-${index}`, `问题 ${index}`, `<p>答案 ${'长'.repeat(index % 50)}</p>`, 'x › y', 'a.md:1-2'],
    sortField: `问题 ${index}`,
    deckId,
    due: index + 1,
  };
}

async function write(notes: readonly CollectionNote[], onThread: boolean, batchSize = 64, estimatedBytes = 1 << 16): Promise<Uint8Array> {
  const collection = await openCollection({ modelId: 7, estimatedBytes }, onThread);
  try {
    const batcher = new NoteBatcher(batchSize);
    for (const n of notes) if (batcher.add(n)) collection.add(batcher.take());
    if (batcher.count > 0) collection.add(batcher.take());
    return await collection.finish(header);
  } finally {
    await collection.close();
  }
}

async function rows(file: Uint8Array, sql: string): Promise<unknown[][]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(file);
  try {
    return db.exec(sql)[0]?.values ?? [];
  } finally {
    db.close();
  }
}

const notes = Array.from({ length: 300 }, (_, i) => note(i));

describe('the collection file', () => {
  it('is the same byte for byte on this thread and on the collection thread', async () => {
    const [here, there] = await Promise.all([write(notes, false), write(notes, true)]);
    expect(Buffer.from(there).equals(Buffer.from(here))).toBe(true);
    expect(await rows(there, 'PRAGMA integrity_check')).toEqual([['ok']]);
  });

  it('holds every note with its card, as batched', async () => {
    const file = await write(notes, true, 7);
    const stored = await rows(file, 'SELECT n.id, n.guid, n.mid, n.tags, n.flds, n.sfld, n.csum, c.did, c.due FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id');
    expect(stored).toEqual(notes.map((n) => [n.id, noteGuid(n.recordId), 7, n.tags, n.fields.join('\u001f'), n.sortField, fieldChecksum(n.recordId), n.deckId, n.due]));
    expect(await rows(file, 'SELECT typeof(guid), typeof(flds), typeof(sfld) FROM notes LIMIT 1')).toEqual([['text', 'text', 'text']]);
    expect(await rows(file, 'SELECT crt, mod, conf FROM col')).toEqual([[1, 2000, '{"nextPos":1}']]);
    expect(await rows(file, 'PRAGMA page_size')).toEqual([[16384]]);
  });

  it('runs several collections at once on the one thread', async () => {
    const files = await Promise.all([0, 1, 2].map((k) => write(notes.slice(k * 100, k * 100 + 100), true, 10)));
    for (const [k, file] of files.entries()) {
      expect(await rows(file, 'SELECT min(id), count(*) FROM notes')).toEqual([[1000 + k * 100, 100]]);
    }
  });

  it('reports what SQLite refused, and the thread goes on serving', async () => {
    const duplicate = [note(1), note(2), { ...note(3), id: note(1).id }];
    await expect(write(duplicate, true)).rejects.toThrow(/UNIQUE constraint failed: notes\.id/);
    await expect(write(duplicate, false)).rejects.toThrow(/UNIQUE constraint failed: notes\.id/);
    expect(await rows(await write(notes.slice(0, 5), true), 'SELECT count(*) FROM cards')).toEqual([[5]]);
  });
});

describe('the room a collection grows into', () => {
  it('is read in place when the file fits, and the file is the same as one that outgrew its room', async () => {
    for (const onThread of [false, true]) {
      const [roomy, cramped] = await Promise.all([write(notes, onThread, 64, 1 << 20), write(notes, onThread, 64, 0)]);
      // In place, the file is a view of the room, which is larger; outgrown, it is sql.js's exact copy.
      expect(roomy.buffer.byteLength).toBeGreaterThan(roomy.length);
      expect(cramped.buffer.byteLength).toBe(cramped.length);
      expect(roomy.length).toBeGreaterThan(1 << 16);
      // sql.js exports through SQLite's backup into a new file, whose change counter (24–27, repeated at 92–95) and
      // schema cookie (40–43) are its own; every other byte is the same.
      const differing = [...roomy.keys()].filter((i) => roomy[i] !== cramped[i]);
      expect(roomy.length).toBe(cramped.length);
      expect(differing.every((i) => (i >= 24 && i < 28) || (i >= 40 && i < 44) || (i >= 92 && i < 96))).toBe(true);
      expect(await rows(roomy, 'SELECT count(*) FROM notes')).toEqual([[notes.length]]);
    }
  });

  it('slices to copies, except for the one whole slice it was offered for, which gives the room itself', () => {
    const room = new Room(10_000);
    room.set([83, 81, 76, 0, 9], 0);
    const plain = Uint8Array.from(room);
    for (const [start, end] of [[0, 10_000], [0, 3], [2, 10_000], [-4, undefined], [undefined, undefined]] as const) {
      const copy = room.slice(start, end);
      expect(copy).not.toBe(room);
      expect(Buffer.from(copy).equals(Buffer.from(plain.slice(start, end)))).toBe(true);
    }
    room.offered = true;
    expect(room.slice(1)).not.toBe(room);
    expect(room.slice()).toBe(room);
    expect(room.taken).toBe(true);
    expect(room.slice()).not.toBe(room);
    expect([...room.subarray(1, 4).slice()]).toEqual([81, 76, 0]);
  });
});
