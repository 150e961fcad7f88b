/** Metadata of a chunk: flat (strings, numbers, booleans, string lists), as vector stores require. */
export interface ChunkMetadata {
  /** Note path, relative to the content root. */
  source: string;
  line: number;
  endLine: number;
  /** Breadcrumb joined with " > ". */
  breadcrumb: string;
  tags: string[];
  hash: string;
  status: 'answered' | 'unanswered';
  /** Language of the record (BCP 47). */
  lang: string;
  /** The record's short answer (Markdown, links to other questions as their text), "" when it has none. */
  summary: string;
  /** Ids of the records this one links to: fetch them to follow a link. */
  related: string[];
  datasetName: string;
  datasetVersion: string;
  /** Only on parts of a split answer: the record id, the 1-based part and the number of parts. */
  parentId?: string;
  part?: number;
  parts?: number;
}

/** One line of `chunks.jsonl`. */
export interface RagChunk {
  /** The record id, or `<record id>#<part>` for a part of a split answer. */
  id: string;
  text: string;
  metadata: ChunkMetadata;
}
