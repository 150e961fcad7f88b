import type { AnsweredRecord, QuestionRecord, ReadonlyDataset, Reference } from '@mianjing/schema';
import { cutWarnings, resolveImages } from '@mianjing/markdown/html';
import type { ExportResult, ExportWarning } from '../output.js';
import { cleanText } from '../text.js';
import { packageApkg } from './apkg.js';
import { CollectionBuilder, loadSqlJs } from './collection.js';
import { DeckSet, deckConfJson, deckPath } from './decks.js';
import { escapeTemplateSyntax, renderForCard, renderKey, textToHtml, type RenderedAnswer } from './html.js';
import { MediaStore } from './media.js';
import { MODEL_ID, modelJson } from './model.js';
import { formatTags } from './note.js';

export interface AnkiOptions {
  /** Root deck of the breadcrumb decks; `::` in it adds levels, "" means none. Default `面经`. */
  deckRoot?: string;
  /** Seconds since the epoch for the collection and, without `modTime`, every note. Default 0. */
  timestamp?: number;
  /**
   * Each note's modification time in seconds. Anki updates an already imported note only when this is newer, so it
   * should grow when the record changes (e.g. its last commit time). A time before FIELDS_MOD, the last change to how
   * fields render, counts as FIELDS_MOD. Retired notes get the newest of these times.
   */
  modTime?: (record: QuestionRecord) => number;
  /** Absolute directory the notes live in: images under it are embedded in the package. */
  contentRoot?: string;
  /**
   * Answers already rendered to HTML, by a key of the Markdown and the renderer's code. Rendering is most of an
   * export's time; pass a store kept between runs (a `Map` works; the CLI keeps one on disk) and only new or edited
   * answers are rendered again. The deck is the same either way. Entries are trusted: keep the store where only you
   * can write.
   */
  renderCache?: RenderCache;
  /** Deflate the collection inside the package (default true; about a third of the size). False stores it as is. */
  compress?: boolean;
  /** Called after each note with the number of notes done and the total, for progress reports. */
  onProgress?: (done: number, total: number) => void;
}

/** Where `exportAnki` keeps rendered answers between runs. */
export interface RenderCache {
  get(key: string): RenderedAnswer | undefined;
  set(key: string, rendered: RenderedAnswer): void;
}

/**
 * When the HTML of the notes' fields last changed for the same record (seconds): no note's `mod` is older, so a
 * collection that imported cards from an earlier mianjing takes the new rendering even of unchanged notes (Anki updates
 * a note only when the imported one is newer). Every change to how fields render moves this forward (a test pins the
 * two together).
 */
export const FIELDS_MOD = 1_796_515_200;

/** The tag of notes whose question was merged into another or deleted: search `tag:mianjing::retired` to find them. */
export const RETIRED_TAG = 'mianjing::retired';

/**
 * `mianjing.apkg`: one note (and card) per answered question, in decks following the breadcrumb, plus one note per
 * retired id so that a collection that has it learns where it went. Unanswered questions make no card; they are
 * counted in the summary.
 */
export async function exportAnki(dataset: ReadonlyDataset, options: AnkiOptions = {}): Promise<ExportResult> {
  const timestamp = options.timestamp ?? 0;
  if (!Number.isSafeInteger(timestamp)) throw new RangeError(`timestamp must be whole seconds, got ${timestamp}`);
  const modTime = options.modTime ?? (() => timestamp);
  const root = options.deckRoot ?? '面经';
  const warnings: ExportWarning[] = [];
  const media = new MediaStore(options.contentRoot);
  const decks = new DeckSet();
  const rootDeckId = decks.add(deckPath(root, []));
  const render = renderer(options.renderCache, warnings);
  const byId = new Map(dataset.questions.map((record) => [record.id, record]));
  const noteReferences = new Map(dataset.notes.map((note) => [note.path, note.references]));
  // Records share a few breadcrumbs and tag lists: work each out once.
  const breadcrumbs = new Map<string, { deckId: number; html: string }>();
  const tagLists = new Map<string, string>();
  const answered = dataset.questions.filter((record): record is AnsweredRecord => record.status === 'answered');
  const total = answered.length + dataset.retired.length;
  const collection = new CollectionBuilder(await loadSqlJs(), MODEL_ID, expectedCollectionBytes(answered));
  let file: Uint8Array;
  try {
    let newest = timestamp;
    for (const [index, record] of answered.entries()) {
      const question = cleanText(record.question);
      const breadcrumb = once(breadcrumbs, JSON.stringify(record.breadcrumb), () => ({
        deckId: decks.add(deckPath(root, record.breadcrumb)),
        html: textToHtml(cleanText(record.breadcrumb.join(' › '))),
      }));
      const time = Math.floor(modTime(record));
      if (!Number.isSafeInteger(time)) throw new RangeError(`modTime gave ${time} for ${record.id}, expected seconds since the epoch`);
      const mod = Math.max(time, FIELDS_MOD);
      newest = Math.max(newest, mod);
      const images = media.rewriterFor(record, warnings);
      // Rendered HTML is escaped already; only what an image brings in needs it again.
      const finish = (rendered: RenderedAnswer) => (rendered.images.length === 0 ? rendered.html : escapeTemplateSyntax(resolveImages(rendered, images)));
      const answerField = [
        record.summary === undefined ? '' : `<div class="summary">${finish(render(record, record.summary))}</div>`,
        `<div class="full-answer">${finish(render(record, record.answer))}</div>`,
        relatedHtml(record, byId),
        referencesHtml([...record.references, ...(noteReferences.get(record.source.path) ?? [])]),
      ].join('');
      collection.add({
        // Anki matches notes by GUID on import: ids only need to be unique (milliseconds, as Anki's).
        id: timestamp * 1000 + index + 1,
        recordId: record.id,
        mod,
        tags: once(tagLists, JSON.stringify(record.tags), () => formatTags(record.tags)),
        fields: [textToHtml(record.id), textToHtml(question), answerField, breadcrumb.html, textToHtml(cleanText(`${record.source.path}:${record.source.line}-${record.source.endLine}`))],
        // Stripping the entities textToHtml adds gives back the text (record ids need none).
        sortField: question,
        deckId: breadcrumb.deckId,
        due: index + 1,
      });
      options.onProgress?.(index + 1, total);
    }
    // A retired id keeps its GUID, so the note a collection has for it is updated to say where it went.
    const retiredDeck = dataset.retired.length > 0 ? decks.add(deckPath(root, ['已退役（可删除）'])) : rootDeckId;
    for (const [offset, retired] of dataset.retired.entries()) {
      const due = answered.length + offset + 1;
      const survivor = retired.mergedInto === undefined ? undefined : byId.get(retired.mergedInto);
      const question = survivor ? `（已合并）${cleanText(survivor.question)}` : '（已删除的问题）';
      const where = survivor ? `这道题已合并到「${textToHtml(cleanText(survivor.question))}」（${textToHtml(survivor.id)}），请复习那张卡片。` : '这道题已从数据集中删除。';
      collection.add({
        id: timestamp * 1000 + due,
        recordId: retired.id,
        mod: newest,
        tags: formatTags([RETIRED_TAG]),
        fields: [textToHtml(retired.id), textToHtml(question), `<div class="retired">${where}可以删除本卡片：在浏览器中搜索 <code>tag:${RETIRED_TAG}</code>。</div>`, '', ''],
        sortField: question,
        deckId: retiredDeck,
        due,
      });
      options.onProgress?.(due, total);
    }
    file = collection.finish({
      created: timestamp,
      modified: timestamp,
      models: { [MODEL_ID]: modelJson(rootDeckId) },
      decks: decks.toJson(timestamp),
      dconf: deckConfJson(timestamp),
      conf: collectionConf(rootDeckId, total + 1),
    });
  } catch (error) {
    collection.close();
    throw error;
  }
  return {
    files: [{ path: 'mianjing.apkg', data: await packageApkg(file, media.files, options.compress ?? true) }],
    summary: { notes: answered.length, retired: dataset.retired.length, decks: decks.size, media: media.files.length, unanswered: dataset.questions.length - answered.length },
    warnings,
  };
}

/** Renders Markdown for cards, through the cache when there is one, and warns about what the guards had to cut. */
function renderer(cache: RenderCache | undefined, warnings: ExportWarning[]): (record: QuestionRecord, markdown: string) => RenderedAnswer {
  // Texts repeat (a shared summary, a copied answer): each is rendered, or looked up by its hash, once per export.
  const seen = new Map<string, RenderedAnswer>();
  return (record, markdown) => {
    const known = seen.get(markdown);
    if (known) return known;
    const key = cache ? renderKey(markdown) : '';
    let rendered = cache?.get(key);
    if (!rendered) {
      const fresh = renderForCard(markdown);
      rendered = { html: fresh.html, images: fresh.images, cut: fresh.cut };
      cache?.set(key, rendered);
    }
    // From the cache too: a second export must say what it cut as the first one did.
    for (const warning of cutWarnings(rendered.cut, 'the card')) warnings.push({ recordId: record.id, ...warning });
    seen.set(markdown, rendered);
    return rendered;
  };
}

/**
 * About how large the collection will be: a card's HTML takes about twice the UTF-8 of its Markdown (markup,
 * highlighting, escaping), plus its other fields, its card row and its index entries.
 */
function expectedCollectionBytes(records: readonly AnsweredRecord[]): number {
  let bytes = 64 * 1024;
  for (const record of records) bytes += 2 * (Buffer.byteLength(record.answer) + Buffer.byteLength(record.summary ?? '')) + 4 * record.question.length + 600;
  return bytes;
}

function relatedHtml(record: QuestionRecord, byId: ReadonlyMap<string, QuestionRecord>): string {
  const items = record.related.map((id) => byId.get(id)).filter((related) => related !== undefined);
  if (items.length === 0) return '';
  return `<div class="related"><div class="label">相关问题</div><ul>${items.map((related) => `<li>${textToHtml(cleanText(related.question))}</li>`).join('')}</ul></div>`;
}

function referencesHtml(references: readonly Reference[]): string {
  if (references.length === 0) return '';
  const item = ({ title, url }: Reference) => {
    const text = textToHtml(cleanText(title));
    return /^https?:\/\//i.test(url) ? `<li><a href="${textToHtml(cleanText(url))}">${text}</a></li>` : `<li>${text}</li>`;
  };
  return `<div class="references"><div class="label">参考</div><ol>${references.map(item).join('')}</ol></div>`;
}

function once<T>(known: Map<string, T>, key: string, make: () => T): T {
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = make()));
  return value;
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
