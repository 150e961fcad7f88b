import initSqlJs from 'sql.js';
import { expect, it } from 'vitest';
import { CollectionBuilder, type CollectionHeader, type CollectionNote, loadSqlJs } from './collection.js';

const header: CollectionHeader = { created: 1, modified: 2, models: { 7: { id: 7 } }, decks: { 1: { id: 1, name: 'Default' } }, dconf: {}, conf: { nextPos: 1 } };

const note = (index: number): CollectionNote => ({
  id: 1000 + index,
  recordId: `q-${index}`,
  mod: 5,
  tags: index % 2 ? ' a b ' : '',
  // Lengths go up and down, and one answer is far longer than the rest: each value is stored exactly.
  fields: [`q-${index}`, `问题 ${index}`, `<p>答案 ${'长'.repeat(index === 7 ? 5000 : index % 50)}</p>`, 'x › y', 'a.md:1-2'],
  sortField: `问题 ${index}`,
  deckId: 1 + (index % 3 === 0 ? 1 : 0),
  due: index + 1,
});

async function rows(file: Uint8Array, sql: string): Promise<unknown[][]> {
  const db = new (await initSqlJs()).Database(file);
  try {
    return db.exec(sql)[0]?.values ?? [];
  } finally {
    db.close();
  }
}

it('writes every note with its one card, as text, and the col row', async () => {
  const builder = new CollectionBuilder(await loadSqlJs(), 7);
  const notes = Array.from({ length: 300 }, (_, i) => note(i));
  for (const n of notes) builder.add(n);
  const file = builder.finish(header);
  expect(await rows(file, 'PRAGMA integrity_check')).toEqual([['ok']]);
  const stored = await rows(file, 'SELECT n.id, n.mid, n.tags, n.flds, n.sfld, c.id, c.did, c.due, c.ord FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id');
  expect(stored).toEqual(notes.map((n) => [n.id, 7, n.tags, n.fields.join('\u001f'), n.sortField, n.id, n.deckId, n.due, 0]));
  expect(await rows(file, 'SELECT DISTINCT typeof(guid), typeof(flds), typeof(sfld), typeof(tags) FROM notes')).toEqual([['text', 'text', 'text', 'text']]);
  // Anki reads scm (schema time, ms) and tags (JSON) of the col row too.
  expect(await rows(file, 'SELECT crt, mod, scm, ver, conf, tags FROM col')).toEqual([[1, 2000, 2000, 11, '{"nextPos":1}', '{}']]);
  // Finished means closed: nothing more can be added.
  expect(() => builder.add(note(300))).toThrow();
});

it('starts from a file sized for the notes and finishes exactly as large as its pages', async () => {
  // Depends on SQLite trusting the page count in the file's header over the file's length (sql.js keeps the file
  // in memory): if an upgrade changed that, the zeros would stay in the deck or the file would not open.
  const builder = new CollectionBuilder(await loadSqlJs(), 7, 4 << 20);
  for (let i = 0; i < 50; i++) builder.add(note(i));
  const file = builder.finish(header);
  const pages = (await rows(file, 'PRAGMA page_count'))[0]?.[0];
  const pageSize = (await rows(file, 'PRAGMA page_size'))[0]?.[0];
  expect(file.length).toBe(Number(pages) * Number(pageSize));
  expect(file.length).toBeLessThan(1 << 20);
  expect(await rows(file, 'SELECT count(*) FROM notes')).toEqual([[50]]);
});

it('reports what SQLite refused and frees the database', async () => {
  const builder = new CollectionBuilder(await loadSqlJs(), 7);
  builder.add(note(1));
  expect(() => builder.add({ ...note(2), id: note(1).id })).toThrow(/UNIQUE constraint failed: notes\.id/);
  builder.close();
  expect(() => builder.add(note(3))).toThrow();
});
