// A worker thread of parseNotes: parses the notes it is sent, one at a time, with one processor.
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor } from '@mianjing/parser';
import { parseNoteFile } from './parse-note-file.js';
import { flatten, type ParseOptions } from './parse-pool.js';
import type { NoteFile } from './walk.js';

const { contentRoot, options } = workerData as { contentRoot: string; options: ParseOptions };
const processor = createProcessor(options);

parentPort!.on('message', ({ id, note }: { id: number; note: NoteFile }) => {
  parentPort!.postMessage({ id, parsed: flatten(parseNoteFile(note, contentRoot, options.mode, processor)) });
});
