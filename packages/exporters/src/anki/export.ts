import type { Dataset, QuestionRecord } from '@mianjing/schema';
import type { ExportResult, ExportWarning } from '../output.js';
import { cleanText } from '../text.js';
import { packageApkg } from './apkg.js';
import { NoteBatcher } from './collection.js';
import { openCollection } from './collection-thread.js';
import { DeckSet, deckConfJson, deckPath } from './decks.js';
import { renderKey, resolveImages, textToHtml, type RenderedAnswer } from './html.js';
import { MediaStore } from './media.js';
import { MODEL_ID, modelJson } from './model.js';
import { formatTags } from './note.js';

export interface AnkiOptions {
  /** Root deck of the breadcrumb decks; `::` in it adds levels, "" means none. Default `面经`. */
  deckRoot?: string;
  /** Seconds since the epoch for the collection and, without `modTime`, every note. Default 0. */
  timestamp?: number;
  /**
   * Each note's modification time in seconds. Anki updates an already imported note only when
   * this is newer, so it should grow when the record changes (e.g. its last commit time).
   */
  modTime?: (record: QuestionRecord) => number;
  /** Absolute directory the notes live in: images under it are embedded in the package. */
  contentRoot?: string;
  /**
   * Answers already rendered to HTML, by a key of the Markdown and the renderer's code. Rendering
   * is nearly all of an export's time; pass a store kept between runs (a `Map` works; the CLI
   * keeps one on disk) and only new or edited answers are rendered again. The deck is the same
   * either way. Entries are trusted: keep the store where only you can write.
   */
  renderCache?: RenderCache;
  /**
   * Deflate the collection inside the package (default true; about a third of the size). False
   * stores it as is, as genanki does: faster for very large decks that are imported locally.
   */
  compress?: boolean;
}

/** Where `exportAnki` keeps rendered answers between runs. */
export interface RenderCache {
  get(key: string): RenderedAnswer | undefined;
  set(key: string, rendered: RenderedAnswer): void;
}

/**
 * `mianjing.apkg`: one note (and card) per answered question, in decks following the breadcrumb.
 * Unanswered questions make no card; they are counted in the summary.
 */
export async function exportAnki(dataset: Dataset, options: AnkiOptions = {}): Promise<ExportResult> {
  const timestamp = options.timestamp ?? 0;
  if (!Number.isSafeInteger(timestamp)) throw new RangeError(`timestamp must be whole seconds, got ${timestamp}`);
  const modTime = options.modTime ?? (() => timestamp);
  const root = options.deckRoot ?? '面经';
  const warnings: ExportWarning[] = [];
  const media = new MediaStore(options.contentRoot);
  const decks = new DeckSet();
  const rootDeckId = decks.add(deckPath(root, []));
  // Records share a few breadcrumbs and tag lists: work each out once.
  const breadcrumbs = new Map<string, { deckId: number; html: string }>();
  const tagLists = new Map<string, string>();
  const answered = dataset.questions.filter((record) => record.status !== 'unanswered');
  const collection = await openCollection({ modelId: MODEL_ID, estimatedBytes: estimateBytes(answered) }, answered.length >= THREAD_MIN_NOTES);
  const batcher = new NoteBatcher(collection.batchNotes);
  let file: Uint8Array;
  try {
    for (const [index, record] of answered.entries()) {
      const question = cleanText(record.question);
      const due = index + 1;
      const breadcrumb = once(breadcrumbs, JSON.stringify(record.breadcrumb), () => ({
        deckId: decks.add(deckPath(root, record.breadcrumb)),
        html: textToHtml(cleanText(record.breadcrumb.join(' › '))),
      }));
      const mod = Math.floor(modTime(record));
      if (!Number.isSafeInteger(mod)) throw new RangeError(`modTime gave ${mod} for ${record.id}, expected seconds since the epoch`);
      const full = batcher.add({
        // Anki matches notes by GUID on import: ids only need to be unique (milliseconds, as Anki's).
        id: timestamp * 1000 + due,
        recordId: record.id,
        mod,
        tags: once(tagLists, JSON.stringify(record.tags), () => formatTags(record.tags)),
        fields: [
          textToHtml(record.id),
          textToHtml(question),
          resolveImages(await render(record.answer, options.renderCache), media.rewriterFor(record, warnings)),
          breadcrumb.html,
          textToHtml(cleanText(`${record.source.path}:${record.source.line}-${record.source.endLine}`)),
        ],
        // Stripping the entities textToHtml adds gives back the text (record ids need none).
        sortField: question,
        deckId: breadcrumb.deckId,
        due,
      });
      if (full) collection.add(batcher.take());
    }
    if (batcher.count > 0) collection.add(batcher.take());
    file = await collection.finish({
      created: timestamp,
      modified: timestamp,
      models: { [MODEL_ID]: modelJson(timestamp, rootDeckId) },
      decks: decks.toJson(timestamp),
      dconf: deckConfJson(timestamp),
      conf: collectionConf(rootDeckId, answered.length + 1),
    });
  } finally {
    await collection.close();
  }
  return {
    files: [{ path: 'mianjing.apkg', data: await packageApkg(file, media.files, options.compress ?? true) }],
    summary: { notes: answered.length, decks: decks.size, media: media.files.length, unanswered: dataset.questions.length - answered.length },
    warnings,
  };
}

// From this many notes on, SQLite runs on its own thread (see openCollection): below, starting the
// thread and loading SQLite there (once per process) costs more than a small deck saves.
const THREAD_MIN_NOTES = 2000;

// What the notes will take in the collection file. Measured on the bundled notes, a note takes about 2.05 times the
// UTF-8 of its Markdown (the fields as HTML: markup, highlighting, escaping, plus its card and index entries); notes
// of 300 characters take less. Too low an estimate makes the file outgrow its room, and sql.js then grows it by
// copying it whole, an eighth at a time, and copies it out at the end; too high a one costs only address space,
// since the room is first touched where SQLite writes. So it errs high: 9% on the bundled notes, 36% on short ones.
function estimateBytes(records: readonly QuestionRecord[]): number {
  let bytes = 64 * 1024;
  for (const record of records) {
    let other = 2 * record.id.length + record.source.path.length;
    for (const entry of record.breadcrumb) other += entry.length + 3;
    for (const tag of record.tags) other += tag.length + 1;
    bytes += 2.1 * (Buffer.byteLength(record.answer) + Buffer.byteLength(record.question)) + 3 * other + 100;
  }
  return bytes;
}

function once<T>(known: Map<string, T>, key: string, make: () => T): T {
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = make()));
  return value;
}

// Keyed by the answer as stored: what is rendered (its cleaned text) follows from it.
async function render(answer: string, cache: RenderCache | undefined): Promise<RenderedAnswer> {
  if (!cache) return renderNow(answer);
  const key = renderKey(answer);
  let rendered = cache.get(key);
  if (!rendered) cache.set(key, (rendered = await renderNow(answer)));
  return rendered;
}

// The renderer is most of the exporters' load time: an export that finds every answer in the render cache never
// loads it.
let rendererModule: Promise<typeof import('./render.js')> | undefined;
async function renderNow(answer: string): Promise<RenderedAnswer> {
  const { renderAnswer } = await (rendererModule ??= import('./render.js'));
  return renderAnswer(cleanText(answer));
}

// genanki's collection settings, pointing at our note type, root deck and next new-card position.
function collectionConf(deckId: number, nextPos: number): Record<string, unknown> {
  return {
    activeDecks: [deckId],
    addToCur: true,
    collapseTime: 1200,
    curDeck: deckId,
    curModel: String(MODEL_ID),
    dueCounts: true,
    estTimes: true,
    newBury: true,
    newSpread: 0,
    nextPos,
    sortBackwards: false,
    sortType: 'noteFld',
    timeLim: 0,
  };
}
