import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createProcessor, type MianjingOptions } from '@mianjing/parser';
import { VFile } from 'vfile';
import { parseNoteFile } from './parse-note-file.js';
import type { NoteFile } from './walk.js';

/** A parsed note as it crosses from a worker thread: its data and its messages, without the text. */
export interface ParsedNote {
  path: string;
  data: VFile['data'];
  messages: Array<{ reason: string; line?: number; column?: number; endLine?: number; endColumn?: number; ruleId?: string; source?: string; fatal?: boolean | null }>;
}

export function defaultJobs(): number {
  return availableParallelism();
}

// Below this much Markdown, starting threads costs more than it saves.
const PARALLEL_MIN_BYTES = 512 * 1024;
// A single thread saves no time; it saves memory on large inputs (see parseNotes), for about a second of CPU time
// and some 40 MB to load a second copy of the parser. Below this much Markdown, the notes are parsed here.
const OWN_THREAD_MIN_BYTES = 8 * 1024 * 1024;
// The heap of a parse thread. Of what parsing a note allocates, some outlives a scavenge or two and is promoted,
// while only 13–25 MB of the old generation stays live. V8 lets an old generation grow to a multiple of what
// survived its last full collection, and takes that multiple from the heap limit, which it sizes to the machine:
// 4 from a 2 GiB limit up, 1.3–2 below. On a machine of 8 GB or more each parse thread's old generation thus grew
// to 80–100 MB between collections. A limit just under 2 GiB keeps it to about twice what lives, as V8 itself does
// on smaller machines. The young generation is three semi-spaces, each rounded up to a power of two: 24 MB gives
// 8 MB ones. Measured on the 100× corpus, building with jobs 2 (fresh processes, runs interleaved): V8's own limit
// and a 96 MB young generation took 21.1–26.1 s (median 22.9) and 505–532 MB peak RSS; these limits 21.9–29.8 s
// (median 24.1) and 305–317 MB. With jobs 1, 26.8–31.7 s and 243–246 MB instead of 25.7–29.0 s and 306–320 MB
// with a 48 MB young generation.
const PARSE_THREAD_LIMITS = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 2047 };

/**
 * Parse every note, on `jobs` worker threads when there is enough to do. Results come back in the order of
 * `notes`, whichever thread finished first, so the dataset is byte-identical to a build on this thread.
 *
 * On a large input one job is a worker thread too. Parsing makes far more garbage than records, and V8 lets a heap
 * grow to a few times what survived its last full collection: here that is the whole dataset so far, so this
 * thread's heap would grow to several times the dataset. A worker's heap only ever holds one note; this thread
 * then keeps just the records, copied out of the notes' text.
 */
export async function parseNotes(notes: NoteFile[], contentRoot: string, options: Required<Pick<MianjingOptions, 'mode'>> & MianjingOptions, jobs: number): Promise<VFile[]> {
  const { mode } = options;
  const total = notes.reduce((sum, note) => sum + note.size, 0);
  const threads = Math.min(jobs, notes.length);
  if (threads < 1 || total < (threads === 1 ? OWN_THREAD_MIN_BYTES : PARALLEL_MIN_BYTES)) {
    const processor = createProcessor(options);
    const files: VFile[] = [];
    for (const note of notes) files.push(parseNoteFile(note, contentRoot, mode, processor));
    return files;
  }
  const results: VFile[] = new Array(notes.length);
  // Largest files first, so no thread is left with a big one at the end.
  const queue = notes.map((_, index) => index).sort((a, b) => notes[b]!.size - notes[a]!.size || a - b);
  // The worker is the compiled file next to this one (dist/), also when this module runs from src/ in tests.
  const script = new URL('../dist/parse-worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const thread = new ParseThread(script, contentRoot, options);
      try {
        // Two notes in flight: the thread parses the next one while this thread takes in the last.
        const inFlight: Array<Promise<void>> = [];
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
          const at = index;
          const parsed = thread.parse(notes[at]!).then((file) => void (results[at] = file));
          // Awaited below; if an earlier one fails first, this one's failure is the same and must not go unhandled.
          parsed.catch(() => {});
          inFlight.push(parsed);
          if (inFlight.length === IN_FLIGHT) await inFlight.shift();
        }
        await Promise.all(inFlight);
      } finally {
        await thread.terminate();
      }
    }),
  );
  return results;
}

const IN_FLIGHT = 2;

/** A worker thread that parses the notes it is sent; answers are matched to requests by id. */
export class ParseThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (file: VFile) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(script: URL, contentRoot: string, options: MianjingOptions) {
    // No inherited Node flags: the worker runs compiled code (not vitest's source condition), and flags such as
    // --expose-gc are refused by worker threads.
    this.worker = new Worker(script, { workerData: { contentRoot, options }, execArgv: [], resourceLimits: PARSE_THREAD_LIMITS });
    this.worker.on('message', ({ id, parsed }: { id: number; parsed: ParsedNote }) => {
      const request = this.waiting.get(id);
      this.waiting.delete(id);
      request?.resolve(revive(parsed, contentRoot));
    });
    const fail = (error: Error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a parse thread stopped (exit code ${code})`)));
  }

  parse(note: NoteFile): Promise<VFile> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, note });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Turn a VFile into what a worker sends back. */
export function flatten(file: VFile): ParsedNote {
  return {
    path: file.path,
    data: file.data,
    messages: file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, endLine: m.place && 'end' in m.place ? m.place.end.line : undefined, endColumn: m.place && 'end' in m.place ? m.place.end.column : undefined, ruleId: m.ruleId, source: m.source, fatal: m.fatal })),
  };
}

function revive(parsed: ParsedNote, contentRoot: string): VFile {
  const file = new VFile({ path: parsed.path, cwd: contentRoot });
  file.data = parsed.data;
  for (const m of parsed.messages) {
    const start = { line: m.line ?? 1, column: m.column ?? 1 };
    const place = m.endLine !== undefined && m.endColumn !== undefined ? { start, end: { line: m.endLine, column: m.endColumn } } : start;
    const message = file.message(m.reason, { place, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal;
  }
  return file;
}
