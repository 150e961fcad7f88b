import { sha256 } from '../hash.js';

export interface SplitOptions {
  /** Share of examples in the validation set, 0..1. */
  validation: number;
  /** Changes which examples are drawn; default "". */
  seed?: string;
}

/**
 * The ids that go to the validation set: `round(validation × n)` of them, the ones whose hash of seed and id comes
 * first. Hashing (not Math.random, not the position) keeps the split the same on every build, and a record that is
 * added or removed moves at most one other across.
 */
export function validationIds(ids: readonly string[], split: SplitOptions): Set<string> {
  const count = Math.round(split.validation * ids.length);
  const ranked = ids.map((id) => ({ id, key: sha256(`${split.seed ?? ''}\u0000${id}`) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Set(ranked.slice(0, count).map((entry) => entry.id));
}
