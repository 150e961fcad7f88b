// A stand-in parse worker for parse-pool.test.ts: holds each pair of requests and answers the second first,
// as a real worker does when the second note's file is read before the first's.
import { parentPort } from 'node:worker_threads';

const held = [];
parentPort.on('message', ({ id, note }) => {
  held.push({ id, parsed: { path: note.path, data: { size: note.size }, messages: [] } });
  if (held.length === 2) for (const answer of held.splice(0).reverse()) parentPort.postMessage(answer);
});
