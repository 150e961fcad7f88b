import type { TextChunks } from '../output.js';
import type { FineTuningStyle } from './styles.js';

/** A written JSONL training file. */
export interface DataFile {
  style: FineTuningStyle;
  /** `undefined` when the examples are not split. */
  split: 'train' | 'validation' | undefined;
  path: string;
  text: TextChunks;
}
