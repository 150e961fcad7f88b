import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { counts, exportProgress, mergeProgress, parseProgress, preview, ProgressError, review, waitText } from './progress.js';

const now = new Date('2025-03-01T08:00:00Z');

describe('scheduling', () => {
  it('schedules a new card by grade: Again soonest, Easy latest', () => {
    const next = preview(undefined, now);
    const waits = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((grade) => next.get(grade)!.getTime() - now.getTime());
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waitText(now, next.get(Rating.Again)!)).toBe('1 分钟');
    const easy = review(undefined, Rating.Easy, now);
    expect(easy.reps).toBe(1);
    expect(Date.parse(easy.due)).toBeGreaterThan(now.getTime() + 86_400_000);
    expect(easy.last_review).toBe(now.toISOString());
  });

  it('counts new, due today and later cards', () => {
    const progress = { a: review(undefined, Rating.Good, now), b: review(undefined, Rating.Easy, now) };
    expect(counts(['a', 'b', 'c'], progress, now)).toEqual({ fresh: 1, dueToday: 1, later: 1 });
  });
});

describe('export and import', () => {
  const card = review(undefined, Rating.Good, now);
  const later = review(card, Rating.Good, new Date('2025-03-02T08:00:00Z'));

  it('round-trips through the exported file', () => {
    const text = exportProgress({ 'cnn/b': card, 'cnn/a': later }, now);
    expect(JSON.parse(text)).toMatchObject({ format: 'mianjing-progress', version: 1, exported: now.toISOString() });
    expect(Object.keys(JSON.parse(text).cards)).toEqual(['cnn/a', 'cnn/b']);
    expect(parseProgress(text)).toEqual({ 'cnn/a': later, 'cnn/b': card });
  });

  it('moves the cards of merged ids to their survivor, drops deleted ones, and keeps the latest review', () => {
    const retired: Record<string, string | null> = { 'cnn/old': 'cnn/new', 'cnn/gone': null };
    const resolve = (id: string) => (id in retired ? retired[id]! : id);
    const result = mergeProgress({ 'cnn/new': card }, { 'cnn/old': later, 'cnn/gone': card, 'rnn/x': card }, resolve);
    expect(result).toEqual({ progress: { 'cnn/new': later, 'rnn/x': card }, added: 2, moved: 1, dropped: 1 });
    expect(mergeProgress({ 'cnn/new': later }, { 'cnn/old': card }, resolve).progress).toEqual({ 'cnn/new': later });
  });

  it('refuses files that are not progress, and skips malformed cards', () => {
    expect(() => parseProgress('not json')).toThrow(ProgressError);
    expect(() => parseProgress('{"cards":{}}')).toThrow(/mianjing 的进度文件/);
    expect(parseProgress(JSON.stringify({ format: 'mianjing-progress', cards: { a: card, b: { ...card, due: 'soon' }, c: 1 } }))).toEqual({ a: card });
  });
});
