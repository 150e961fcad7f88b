import { describe, expect, it } from 'vitest';
import { ParseThread } from './parse-pool.js';

describe('ParseThread', () => {
  it('gives each request its own answer when the thread answers out of order', async () => {
    const thread = new ParseThread(new URL('../test/workers/answers-reversed.mjs', import.meta.url), '/notes', { mode: 'canonical' });
    try {
      const notes = ['large.md', 'small.md', 'third.md', 'fourth.md'].map((path, index) => ({ path, absolute: `/notes/${path}`, size: 1000 - index }));
      const files = await Promise.all(notes.map((note) => thread.parse(note)));
      expect(files.map((file) => [file.path, file.data['size']])).toEqual(notes.map((note) => [note.path, note.size]));
    } finally {
      await thread.terminate();
    }
  });
});
