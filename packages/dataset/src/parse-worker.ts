// A worker thread of parseNotes: parses the notes it is sent, one at a time, with one processor.
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type MianjingOptions } from '@mianjing/parser';
import { parseNoteFile } from './parse-note-file.js';
import { flatten } from './parse-pool.js';
import type { NoteFile } from './walk.js';

const { contentRoot, options } = workerData as { contentRoot: string; options: MianjingOptions & { mode: 'canonical' | 'lenient' } };
const processor = createProcessor(options);

// Each answer carries the id of its request, which the pool matches it by.
parentPort!.on('message', ({ id, note }: { id: number; note: NoteFile }) => {
  parentPort!.postMessage({ id, parsed: flatten(parseNoteFile(note, contentRoot, options.mode, processor)) });
});
