// A worker thread of parseNotes: parses the notes it is sent, one at a time, with one processor.
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type ParseMode } from '@mianjing/parser';
import { parseNoteFile } from './parse-note-file.js';
import { flatten } from './parse-pool.js';
import type { NoteFile } from './walk.js';

const { contentRoot, mode } = workerData as { contentRoot: string; mode: ParseMode };
const processor = createProcessor({ mode });

// Notes are parsed concurrently (each first awaits its file), so each answer carries the id of its request.
parentPort!.on('message', async ({ id, note }: { id: number; note: NoteFile }) => {
  parentPort!.postMessage({ id, parsed: flatten(await parseNoteFile(note, contentRoot, mode, processor)) });
});
