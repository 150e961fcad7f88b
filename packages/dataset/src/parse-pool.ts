import { Worker } from 'node:worker_threads';
import { addMessage, createProcessor, type MianjingOptions, type ParseMode } from '@mianjing/parser';
import { VFile } from 'vfile';
import { parseNoteFile } from './parse-note-file.js';
import type { NoteFile } from './walk.js';

/** A parsed note as it crosses from a worker thread: its data and its messages, without the text. */
export interface ParsedNote {
  path: string;
  data: VFile['data'];
  messages: Array<{ reason: string; line?: number; column?: number; endLine?: number; endColumn?: number; ruleId?: string; source?: string; fatal?: boolean | null }>;
}

export type ParseOptions = MianjingOptions & { mode: ParseMode };

/** Called after each note with how many are parsed and how many there are. */
export type ParseProgress = (done: number, total: number) => void;

// Below this much Markdown the notes are parsed on the calling thread, which is faster; above it, the parse's garbage
// would grow the heap that holds the records with the folder (figures in bench/README.md).
const OWN_THREAD_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Parse every note on `jobs` worker threads (default 1), or on the calling thread for a folder of less than 16 MiB.
 * A large folder parses on its own thread even with one job: parsing makes several times more short-lived garbage
 * than records, and in the heap that holds the dataset that garbage would grow with the dataset; a worker's heap
 * only ever holds one note's. Results come back in the order of `notes`, so the dataset is byte-identical for any
 * number of jobs.
 */
export async function parseNotes(notes: readonly NoteFile[], contentRoot: string, options: ParseOptions, jobs = 1, onProgress?: ParseProgress): Promise<VFile[]> {
  const threads = Math.min(jobs, notes.length);
  const bytes = notes.reduce((sum, note) => sum + note.size, 0);
  if (threads <= 1 && bytes < OWN_THREAD_MIN_BYTES) {
    const processor = createProcessor(options);
    return notes.map((note, index) => {
      const file = parseNoteFile(note, contentRoot, options.mode, processor);
      onProgress?.(index + 1, notes.length);
      return file;
    });
  }
  const results: VFile[] = new Array(notes.length);
  let done = 0;
  // Largest files first, so no thread is left with a big one at the end.
  const queue = notes.map((_, index) => index).sort((a, b) => notes[b]!.size - notes[a]!.size || a - b);
  await Promise.all(
    Array.from({ length: Math.max(1, threads) }, async () => {
      const thread = new ParseThread(PARSE_WORKER, contentRoot, options);
      try {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
          results[index] = await thread.parse(notes[index]!);
          onProgress?.(++done, notes.length);
        }
      } finally {
        await thread.terminate();
      }
    }),
  );
  return results;
}

// The compiled worker beside the compiled pool; tests that run this module from src/ check that dist/ is current.
const PARSE_WORKER = new URL('../dist/parse-worker.js', import.meta.url);

/** A worker thread that parses the notes it is sent; answers are matched to requests by id. */
export class ParseThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (file: VFile) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(script: URL, contentRoot: string, options: ParseOptions) {
    // The worker runs compiled code: it must not inherit flags such as a test runner's source-code conditions.
    this.worker = new Worker(script, { workerData: { contentRoot, options }, execArgv: [] });
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
    messages: file.messages.map((m) => ({
      reason: m.reason,
      line: m.line,
      column: m.column,
      endLine: m.place && 'end' in m.place ? m.place.end.line : undefined,
      endColumn: m.place && 'end' in m.place ? m.place.end.column : undefined,
      ruleId: m.ruleId,
      source: m.source,
      fatal: m.fatal,
    })),
  };
}

function revive(parsed: ParsedNote, contentRoot: string): VFile {
  const file = new VFile({ path: parsed.path, cwd: contentRoot });
  file.data = parsed.data;
  for (const m of parsed.messages) {
    const start = { line: m.line ?? 1, column: m.column ?? 1 };
    const place = m.endLine !== undefined && m.endColumn !== undefined ? { start, end: { line: m.endLine, column: m.endColumn } } : start;
    const message = addMessage(file, m.reason, { place, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal;
  }
  return file;
}
