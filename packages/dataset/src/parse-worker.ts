// A worker thread of parseNotes: parses the notes it is sent, one at a time, with one processor.
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type ParseMode } from '@mianjing/parser';
import { parseNoteFile } from './parse-note-file.js';
import { flatten } from './parse-pool.js';
import type { NoteFile } from './walk.js';

const { contentRoot, mode } = workerData as { contentRoot: string; mode: ParseMode };
const processor = createProcessor({ mode });

parentPort!.on('message', async (note: NoteFile) => {
  parentPort!.postMessage(flatten(await parseNoteFile(note, contentRoot, mode, processor)));
});
