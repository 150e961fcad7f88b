import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** A card's FSRS state as stored: ts-fsrs's card with its dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

/** Study progress, keyed by record id. */
export type Progress = Record<string, StoredCard>;

export const STORAGE_KEY = 'mj-progress';
export const EXPORT_FORMAT = 'mianjing-progress';

/** The grades, in button order. */
export const GRADES: ReadonlyArray<{ grade: Grade; label: string; key: string }> = [
  { grade: Rating.Again, label: '重来', key: '1' },
  { grade: Rating.Hard, label: '困难', key: '2' },
  { grade: Rating.Good, label: '良好', key: '3' },
  { grade: Rating.Easy, label: '简单', key: '4' },
];

const scheduler = fsrs();

function toCard(stored: StoredCard | undefined, now: Date): Card {
  if (!stored) return createEmptyCard(now);
  return { ...stored, due: new Date(stored.due), last_review: stored.last_review ? new Date(stored.last_review) : undefined } as Card;
}

function toStored(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) stored.last_review = card.last_review.toISOString();
  return stored;
}

/** The card after grading it at `now`. */
export function review(stored: StoredCard | undefined, grade: Grade, now: Date): StoredCard {
  return toStored(scheduler.next(toCard(stored, now), now, grade).card);
}

/** When the card would next be due for each grade. */
export function preview(stored: StoredCard | undefined, now: Date): Map<Grade, Date> {
  const card = toCard(stored, now);
  return new Map(GRADES.map(({ grade }) => [grade, scheduler.next(card, now, grade).card.due]));
}

/** A wait as a reader says it: 1 分钟, 10 分钟, 3 小时, 2 天, 1.5 月. */
export function waitText(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)} 小时`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)} 天`;
  if (days < 365) return `${Math.round(days / 3) / 10} 月`;
  return `${Math.round(days / 36.5) / 10} 年`;
}

export interface Counts {
  /** Never reviewed. */
  fresh: number;
  /** Due by the end of the local day of `now`. */
  dueToday: number;
  /** Reviewed and not due today. */
  later: number;
}

export function counts(ids: Iterable<string>, progress: Progress, now: Date): Counts {
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  const out: Counts = { fresh: 0, dueToday: 0, later: 0 };
  for (const id of ids) {
    const card = progress[id];
    if (!card) out.fresh++;
    else if (new Date(card.due) <= endOfDay) out.dueToday++;
    else out.later++;
  }
  return out;
}

export function isDue(card: StoredCard | undefined, now: Date): boolean {
  return card === undefined || new Date(card.due) <= now;
}

/** The file `exportProgress` writes: progress with a format name and version to check on import. */
export function exportProgress(progress: Progress, now: Date): string {
  const sorted = Object.fromEntries(
    Object.keys(progress)
      .sort()
      .map((id) => [id, progress[id]!]),
  );
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, exported: now.toISOString(), cards: sorted }, null, 2)}\n`;
}

export class ProgressError extends Error {
  override name = 'ProgressError';
}

/** Progress read from an exported file (or from storage); throws ProgressError when it is not one. */
export function parseProgress(text: string): Progress {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProgressError('这不是 JSON 文件。', { cause: error });
  }
  const file = value as { format?: unknown; cards?: unknown };
  if (!file || typeof file !== 'object' || file.format !== EXPORT_FORMAT || !file.cards || typeof file.cards !== 'object') {
    throw new ProgressError(`这不是 mianjing 的进度文件（缺少 "format": "${EXPORT_FORMAT}"）。`);
  }
  const progress: Progress = {};
  for (const [id, card] of Object.entries(file.cards as Record<string, unknown>)) if (isStoredCard(card)) progress[id] = card;
  return progress;
}

function isStoredCard(value: unknown): value is StoredCard {
  if (!value || typeof value !== 'object') return false;
  const card = value as Record<string, unknown>;
  const numbers = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'];
  return (
    typeof card['due'] === 'string' &&
    !Number.isNaN(Date.parse(card['due'])) &&
    numbers.every((key) => typeof card[key] === 'number' && Number.isFinite(card[key])) &&
    (card['last_review'] === undefined || (typeof card['last_review'] === 'string' && !Number.isNaN(Date.parse(card['last_review']))))
  );
}

export interface Imported {
  progress: Progress;
  /** Cards taken from the file. */
  added: number;
  /** Cards whose id was retired and merged: moved to the survivor. */
  moved: number;
  /** Cards of deleted questions, left out. */
  dropped: number;
}

/**
 * Progress from a file merged into the current one. Ids are mapped through `resolve`: a retired id's card goes to its
 * survivor, a deleted question's card is dropped (null), unknown ids are kept (a newer dataset may have them).
 * When both have a card for a record, the one reviewed last wins.
 */
export function mergeProgress(current: Progress, incoming: Progress, resolve: (id: string) => string | null): Imported {
  const progress: Progress = { ...current };
  let added = 0;
  let moved = 0;
  let dropped = 0;
  for (const id of Object.keys(incoming).sort()) {
    const target = resolve(id);
    if (target === null) {
      dropped++;
      continue;
    }
    if (target !== id) moved++;
    const card = incoming[id]!;
    const existing = progress[target];
    if (!existing || reviewedAt(card) > reviewedAt(existing)) progress[target] = card;
    added++;
  }
  return { progress, added, moved, dropped };
}

const reviewedAt = (card: StoredCard) => (card.last_review ? Date.parse(card.last_review) : 0);
