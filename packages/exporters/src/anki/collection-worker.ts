// The collection thread (see collection-thread.ts): one CollectionBuilder per session, each on its own port.
import { type MessagePort, parentPort } from 'node:worker_threads';
import { CollectionBuilder, loadSqlJs, type CollectionOptions } from './collection.js';
import type { SessionMessage, SessionReply } from './collection-thread.js';

parentPort!.on('message', async ({ options, port }: { options: CollectionOptions; port: MessagePort }) => {
  let builder: CollectionBuilder | undefined;
  // Batches that come while SQLite loads wait in the port's queue until the listener is added.
  try {
    builder = new CollectionBuilder(await loadSqlJs(), options);
  } catch (error) {
    port.postMessage({ error: String(error) } satisfies SessionReply);
  }
  port.on('message', (message: SessionMessage) => {
    try {
      if ('close' in message) {
        builder?.close();
        port.close();
      } else if (!builder) {
        // The failure was reported already.
      } else if ('batch' in message) {
        builder.add(message.batch);
      } else {
        const file = builder.finish(message.header);
        builder = undefined;
        port.postMessage({ file } satisfies SessionReply, [file.buffer as ArrayBuffer]);
      }
    } catch (error) {
      builder?.close();
      builder = undefined;
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies SessionReply);
    }
  });
});
