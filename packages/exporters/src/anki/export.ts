import type { Dataset, QuestionRecord } from '@mianjing/schema';
import type { ExportResult, ExportWarning } from '../output.js';
import { cleanText } from '../text.js';
import { packageApkg } from './apkg.js';
import { type CollectionNote, writeCollection } from './collection.js';
import { DeckSet, deckConfJson, deckPath } from './decks.js';
import { markdownToHtml, textToHtml } from './html.js';
import { MediaStore } from './media.js';
import { MODEL_ID, modelJson } from './model.js';
import { fieldChecksum, formatTags, noteGuid } from './note.js';

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
  const notes: CollectionNote[] = [];
  let unanswered = 0;

  for (const record of dataset.questions) {
    if (record.status === 'unanswered') {
      unanswered++;
      continue;
    }
    const question = cleanText(record.question);
    const due = notes.length + 1;
    const mod = Math.floor(modTime(record));
    if (!Number.isSafeInteger(mod)) throw new RangeError(`modTime gave ${mod} for ${record.id}, expected seconds since the epoch`);
    notes.push({
      // Anki matches notes by GUID on import: ids only need to be unique (milliseconds, as Anki's).
      id: timestamp * 1000 + due,
      guid: noteGuid(record.id),
      mod,
      tags: formatTags(record.tags),
      fields: [
        textToHtml(record.id),
        textToHtml(question),
        markdownToHtml(cleanText(record.answer), media.rewriterFor(record, warnings)),
        textToHtml(cleanText(record.breadcrumb.join(' › '))),
        textToHtml(cleanText(`${record.source.path}:${record.source.line}-${record.source.endLine}`)),
      ],
      // Stripping the entities textToHtml adds gives back the text (record ids need none).
      sortField: question,
      checksum: fieldChecksum(record.id),
      deckId: decks.add(deckPath(root, record.breadcrumb)),
      due,
    });
  }

  const collection = await writeCollection({
    created: timestamp,
    modified: timestamp,
    modelId: MODEL_ID,
    models: { [MODEL_ID]: modelJson(timestamp, rootDeckId) },
    decks: decks.toJson(timestamp),
    dconf: deckConfJson(timestamp),
    conf: collectionConf(rootDeckId, notes.length + 1),
    notes,
  });
  return {
    files: [{ path: 'mianjing.apkg', data: packageApkg(collection, media.files) }],
    summary: { notes: notes.length, decks: decks.size, media: media.files.length, unanswered },
    warnings,
  };
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
