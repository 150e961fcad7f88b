import type { ChunkMetadata, RagChunk } from './chunk.js';

/** The shape of a LangChain.js `Document`. */
export interface LangChainDocument {
  pageContent: string;
  metadata: ChunkMetadata;
  id: string;
}

/** The shape of a LlamaIndex `TextNode` (its JSON field names). */
export interface LlamaIndexNode {
  id_: string;
  text: string;
  metadata: ChunkMetadata;
  excluded_embed_metadata_keys: string[];
  excluded_llm_metadata_keys: string[];
}

// LlamaIndex puts unexcluded metadata in front of the text it embeds or prompts with: bookkeeping
// keys are noise there, and the breadcrumb is in the text already.
const BOOKKEEPING: ReadonlyArray<keyof ChunkMetadata> = ['hash', 'line', 'endLine', 'datasetVersion', 'parentId', 'breadcrumb', 'related', 'lang'];
const NOT_EMBEDDED: ReadonlyArray<keyof ChunkMetadata> = [...BOOKKEEPING, 'source', 'status', 'datasetName', 'part', 'parts'];

export function toLangChainDocument(chunk: RagChunk): LangChainDocument {
  return { pageContent: chunk.text, metadata: copyMetadata(chunk.metadata), id: chunk.id };
}

export function toLlamaIndexNode(chunk: RagChunk): LlamaIndexNode {
  const present = (keys: ReadonlyArray<keyof ChunkMetadata>) => keys.filter((key) => key in chunk.metadata);
  return {
    id_: chunk.id,
    text: chunk.text,
    metadata: copyMetadata(chunk.metadata),
    excluded_embed_metadata_keys: present(NOT_EMBEDDED),
    excluded_llm_metadata_keys: present(BOOKKEEPING),
  };
}

const copyMetadata = (metadata: ChunkMetadata): ChunkMetadata => ({ ...metadata, tags: [...metadata.tags], related: [...metadata.related] });
