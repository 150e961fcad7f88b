import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createProcessor, type ParseMode } from '@mianjing/parser';
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
// Parsing a note makes tens of MB of short-lived objects, and its tree lives until the note is done. In a small
// young generation much of it survives two scavenges and is promoted, and the old generation is then marked and
// compacted again and again. Measured on the 100× corpus with jobs 2 (fresh processes, medians of 3, notes parsed
// in sections): young generation 96 MB 31.0 s and 517 MB peak RSS; 32 MB 36.0 s, 411 MB; 16 MB 40.8 s, 367 MB;
// 8 MB 43.3 s, 346 MB. Capping the old generation instead costs more time still (bench/README.md).
const YOUNG_GENERATION_MB = 96;
// One thread (`jobs: 1`, what one picks to spare the machine) gives some of that time back for memory: on the same
// corpus, 48 MB took 32–41 s (median 35.6) and 301–326 MB peak RSS, 96 MB 29–42 s (31.6) and 368–372 MB (4 runs
// each, interleaved, fresh processes).
const ONE_THREAD_YOUNG_GENERATION_MB = 48;

/**
 * Parse every note, on `jobs` worker threads when there is enough to do. Results come back in the order of
 * `notes`, whichever thread finished first, so the dataset is byte-identical to a build on this thread.
 *
 * On a large input one job is a worker thread too. Parsing makes far more garbage than records, and V8 lets a heap
 * grow to a few times what survived its last full collection: here that is the whole dataset so far, so this
 * thread's heap would grow to several times the dataset. A worker's heap only ever holds one note; this thread
 * then keeps just the records, copied out of the notes' text.
 */
export async function parseNotes(notes: NoteFile[], contentRoot: string, mode: ParseMode, jobs: number): Promise<VFile[]> {
  const total = notes.reduce((sum, note) => sum + note.size, 0);
  const threads = Math.min(jobs, notes.length);
  if (threads < 1 || total < (threads === 1 ? OWN_THREAD_MIN_BYTES : PARALLEL_MIN_BYTES)) {
    const processor = createProcessor({ mode });
    const files: VFile[] = [];
    for (const note of notes) files.push(await parseNoteFile(note, contentRoot, mode, processor));
    return files;
  }
  const results: VFile[] = new Array(notes.length);
  // Largest files first, so no thread is left with a big one at the end.
  const queue = notes.map((_, index) => index).sort((a, b) => notes[b]!.size - notes[a]!.size || a - b);
  // The worker is the compiled file next to this one (dist/), also when this module runs from src/ in tests.
  const script = new URL('../dist/parse-worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const thread = new ParseThread(script, contentRoot, mode, threads === 1 ? ONE_THREAD_YOUNG_GENERATION_MB : YOUNG_GENERATION_MB);
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

  constructor(script: URL, contentRoot: string, mode: ParseMode, youngGenerationMb = YOUNG_GENERATION_MB) {
    // No inherited Node flags: the worker runs compiled code (not vitest's source condition), and flags such as
    // --expose-gc are refused by worker threads.
    this.worker = new Worker(script, { workerData: { contentRoot, mode }, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
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
