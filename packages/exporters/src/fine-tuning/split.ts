import { leadingNumber, sha256 } from '../hash.js';

export interface SplitOptions {
  /** Share of examples in the validation set, 0..1. */
  validation: number;
  /** Changes which examples are drawn; default "". */
  seed?: string;
}

/**
 * Whether a record belongs to the validation set. Hashing seed and record id (not Math.random,
 * not the position) keeps every record on its side across builds and as other records come and go.
 */
export function isValidation(recordId: string, split: SplitOptions): boolean {
  const draw = leadingNumber(sha256(`${split.seed ?? ''}\u0000${recordId}`), 4) / 2 ** 32;
  return draw < split.validation;
}
