import type { AsPlainObject } from 'minisearch';
import type { Catalog } from '../build.js';

declare global {
  interface Window {
    mjCatalog?: Catalog;
    mjSnippets?: string[];
    mjShards?: Record<number, AsPlainObject>;
    /** Per note: each record's question, summary and answer HTML. */
    mjCards?: Record<number, Array<[string, string, string]>>;
  }
}
