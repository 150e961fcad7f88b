import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { CollectionBuilder, copyBatch, loadSqlJs, type CollectionHeader, type CollectionOptions, type NoteBatch } from './collection.js';

/** Where the export sends its batches of notes: a builder on this thread or on the collection thread. */
export interface CollectionSink {
  /** How many notes to send per batch. */
  readonly batchNotes: number;
  /** Adds a batch; the sink does not keep it, so its buffers can be refilled. */
  add(batch: NoteBatch): void;
  /** The `collection.anki2` file. */
  finish(header: CollectionHeader): Promise<Uint8Array>;
  /** Drops an unfinished collection. */
  close(): Promise<void>;
}

/** What the collection thread is sent on a session's port, and what it answers. */
export type SessionMessage = { batch: NoteBatch } | { header: CollectionHeader } | { close: true };
export type SessionReply = { file: Uint8Array } | { error: string };

/**
 * A collection written here, or on the collection thread. There, SQLite inserts one batch while
 * this thread prepares the next (each takes about half of a note's cost).
 */
export async function openCollection(options: CollectionOptions, onThread: boolean): Promise<CollectionSink> {
  if (onThread) return new CollectionSession(options);
  const builder = new CollectionBuilder(await loadSqlJs(), options);
  return {
    batchNotes: LOCAL_BATCH_NOTES,
    add: (batch) => builder.add(batch),
    finish: async (header) => builder.finish(header),
    close: async () => builder.close(),
  };
}

// Here a batch is inserted at once, so a small one does: the batcher's buffers then stay small and are reused.
const LOCAL_BATCH_NOTES = 64;
// Notes per trip to the collection thread (about 1 MB of text): the last one is inserted while this thread
// prepares the next.
const THREAD_BATCH_NOTES = 500;

// The compiled worker next to this module's compiled form, also when this module runs from src/ in tests.
const WORKER = new URL('../../dist/anki/collection-worker.js', import.meta.url);

// One collection thread per process, kept between exports: SQLite's WebAssembly and sql.js's
// JavaScript then run optimized from the second export on, as they do on this thread. It keeps
// the process alive only while a session is open.
let thread: Worker | undefined;
let sessions = 0;

function collectionThread(): Worker {
  if (!thread) {
    // No inherited Node flags: the worker runs compiled code, and some flags are refused by workers.
    const worker = new Worker(WORKER, { execArgv: [] });
    worker.once('exit', () => {
      if (thread === worker) thread = undefined;
    });
    thread = worker;
  }
  if (sessions++ === 0) thread.ref();
  return thread;
}

function release(): void {
  if (--sessions === 0) thread?.unref();
}

/** One collection on the collection thread, over a port of its own. */
class CollectionSession implements CollectionSink {
  readonly batchNotes = THREAD_BATCH_NOTES;
  private readonly port: MessagePort;
  private readonly file: Promise<Uint8Array>;
  private open = true;

  constructor(options: CollectionOptions) {
    const worker = collectionThread();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.file = new Promise<Uint8Array>((resolve, reject) => {
      const stopped = (code: number) => reject(new Error(`the Anki collection thread stopped (exit code ${code})`));
      worker.once('exit', stopped);
      worker.once('error', reject);
      port1.once('message', (reply: SessionReply) => {
        worker.off('exit', stopped);
        worker.off('error', reject);
        if ('file' in reply) resolve(reply.file);
        else reject(new Error(reply.error));
      });
    });
    // A failure while adding notes is reported by finish().
    this.file.catch(() => {});
    worker.postMessage({ options, port: port2 }, [port2]);
  }

  add(view: NoteBatch): void {
    const batch = copyBatch(view);
    this.port.postMessage({ batch } satisfies SessionMessage, [batch.numbers.buffer, batch.text.buffer, batch.ends.buffer]);
  }

  async finish(header: CollectionHeader): Promise<Uint8Array> {
    this.port.postMessage({ header } satisfies SessionMessage);
    try {
      return await this.file;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.port.postMessage({ close: true } satisfies SessionMessage);
    this.port.close();
    release();
  }
}
