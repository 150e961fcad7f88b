// A worker thread of parseNotes: parses the notes it is sent, one at a time, with one processor.
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type ParseMode } from '@mianjing/parser';
import { parseNoteFile } from './parse-note-file.js';
import { flatten } from './parse-pool.js';
import type { NoteFile } from './walk.js';

const { contentRoot, mode } = workerData as { contentRoot: string; mode: ParseMode };
const processor = createProcessor({ mode });

// Each answer carries the id of its request, which the pool matches it by.
parentPort!.on('message', ({ id, note }: { id: number; note: NoteFile }) => {
  parentPort!.postMessage({ id, parsed: flatten(parseNoteFile(note, contentRoot, mode, processor)) });
});
