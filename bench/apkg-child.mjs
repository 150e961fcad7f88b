// One anki-apkg-export run in a fresh process: its sql.js (asm.js) heap is fixed at 16 MB, shared by every
// deck in the process and never freed, so each size gets its own process. A deck of WARM_UP other notes goes
// first, so its code is warm as exportAnki's is when it is timed (anki-child.mjs); that deck is all the warm-up
// it can take, as its memory is never given back. Prints one JSON line.
// Usage: node bench/apkg-child.mjs <dataset.json> <notes> (it takes each record's question and Markdown answer)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WARM_UP = 10;
const [file, count] = process.argv.slice(2);
const all = JSON.parse(readFileSync(file, 'utf8')).questions;
const records = all.slice(0, Number(count));
const AnkiExport = createRequire(import.meta.url)('anki-apkg-export').default;

const start = performance.now();
try {
  const warm = new AnkiExport('warm-up');
  for (const record of all.slice(-WARM_UP)) warm.addCard(record.question, record.answer);
  await warm.save();
  const startTimed = performance.now();
  const deck = new AnkiExport('bench');
  for (const record of records) deck.addCard(record.question, record.answer);
  const zip = await deck.save();
  console.log(JSON.stringify({ ok: true, ms: performance.now() - startTimed, bytes: zip.length }));
} catch (error) {
  const message = String(error?.message ?? error)
    .replace(/^abort\("?/, '')
    .split(/\.\s|\n/)[0];
  console.log(JSON.stringify({ ok: false, ms: performance.now() - start, error: message }));
}
