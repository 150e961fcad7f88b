import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import { isHanTerm, tokenize, tokens } from './tokenize.js';

/** The indexed fields, with how much a match in each counts: questions above summaries above answer text. */
export const FIELDS = ['question', 'aliases', 'summary', 'answer'] as const;
export type Field = (typeof FIELDS)[number];
export const BOOST: Record<Field, number> = { question: 6, aliases: 4, summary: 2, answer: 1 };

/** A document as one shard indexes it: each field is the shard's terms of that field, joined by spaces. */
export type ShardDocument = { id: number } & Record<Field, string>;

// Fields reach a shard already cut into terms (terms never contain spaces).
const splitTerms = (text: string) => (text === '' ? [] : text.split(' '));
export const SHARD_OPTIONS: Options<ShardDocument> = { fields: [...FIELDS], tokenize: splitTerms, processTerm: (term) => term };

/**
 * Which shard holds a term: chosen by its first character, so that a word typed so far (`lo` of `lora`) finds every
 * longer word in the one shard it loads.
 */
export function shardOf(term: string, shards: number): number {
  const first = term.codePointAt(0) ?? 0;
  // FNV-1a over the code point's four bytes: spreads neighbouring characters over the shards.
  let hash = 0x811c9dc5;
  for (let shift = 0; shift < 32; shift += 8) {
    hash ^= (first >>> shift) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** Loads (or returns the already loaded) shard `n`. */
export type ShardLoader = (n: number) => Promise<MiniSearch<ShardDocument>> | MiniSearch<ShardDocument>;

export function loadShard(data: AsPlainObject): MiniSearch<ShardDocument> {
  return MiniSearch.loadJS(data, SHARD_OPTIONS);
}

export interface Hit {
  /** Index of the record in the catalog. */
  doc: number;
  score: number;
  /** Index terms that matched (bigrams and words), for highlighting. */
  terms: string[];
  /** Fields that matched. */
  fields: Field[];
}

/** A query's distinct terms, each with how it is matched. */
export interface QueryTerm {
  term: string;
  /** The last word still being typed, or a lone Han character, also matches longer terms it starts. */
  prefix: boolean;
}

export function queryTerms(query: string): QueryTerm[] {
  const all = tokens(query);
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  all.forEach((token, i) => {
    if (seen.has(token.term)) return;
    seen.add(token.term);
    // A space after the last word says it is complete.
    const last = i === all.length - 1 && token.end === query.length;
    const prefix = isHanTerm(token.term) ? [...token.term].length === 1 : last;
    out.push({ term: token.term, prefix });
  });
  return out;
}

/**
 * Records matching a query, best first. Each term is looked up in its own shard, scored by MiniSearch (BM25 with
 * the field boosts), and the scores are added up; a record matching more of the query's terms ranks higher
 * (the sum is multiplied by the square of the share of terms matched).
 */
export async function search(query: string, load: ShardLoader, shards: number, limit = 50): Promise<Hit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const found = new Map<number, { score: number; matched: Set<string>; terms: Set<string>; fields: Set<Field> }>();
  const indexes = await Promise.all(terms.map((t) => load(shardOf(t.term, shards))));
  terms.forEach((queryTerm, i) => {
    const options: SearchOptions = {
      boost: BOOST,
      prefix: queryTerm.prefix,
      fuzzy: !isHanTerm(queryTerm.term) && queryTerm.term.length >= 5 ? 0.2 : false,
      weights: { prefix: 0.5, fuzzy: 0.4 },
    };
    for (const result of indexes[i]!.search(queryTerm.term, options)) {
      const entry = found.get(result.id as number) ?? { score: 0, matched: new Set(), terms: new Set(), fields: new Set() };
      entry.score += result.score;
      entry.matched.add(queryTerm.term);
      for (const term of result.terms) {
        entry.terms.add(term);
        for (const field of result.match[term] ?? []) entry.fields.add(field as Field);
      }
      found.set(result.id as number, entry);
    }
  });
  const hits: Hit[] = [];
  for (const [doc, entry] of found) {
    const share = entry.matched.size / terms.length;
    hits.push({ doc, score: entry.score * share * share, terms: [...entry.terms], fields: FIELDS.filter((f) => entry.fields.has(f)) });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits.slice(0, limit);
}

/** About how many term occurrences one shard holds: a query loads one shard per distinct term. */
export const TERMS_PER_SHARD = 8000;

/** How many shards the documents' index is cut into, so that each stays small however many records there are. */
export function shardCount(docs: ReadonlyArray<Record<Field, string>>): number {
  let terms = 0;
  for (const doc of docs) for (const field of FIELDS) terms += tokenize(doc[field]).length;
  return Math.max(1, Math.ceil(terms / TERMS_PER_SHARD));
}

/** Build-time: split the records' fields into terms once and group them into shards. */
export function buildShards(docs: ReadonlyArray<Record<Field, string>>, shards: number): AsPlainObject[] {
  const perShard: ShardDocument[][] = Array.from({ length: shards }, () => []);
  docs.forEach((doc, id) => {
    const split: Record<Field, string[]>[] = Array.from({ length: shards }, () => ({ question: [], aliases: [], summary: [], answer: [] }));
    for (const field of FIELDS) for (const term of tokenize(doc[field])) split[shardOf(term, shards)]![field].push(term);
    split.forEach((fields, n) => {
      if (FIELDS.every((f) => fields[f].length === 0)) return;
      perShard[n]!.push({ id, question: fields.question.join(' '), aliases: fields.aliases.join(' '), summary: fields.summary.join(' '), answer: fields.answer.join(' ') });
    });
  });
  return perShard.map((list) => {
    const index = new MiniSearch<ShardDocument>(SHARD_OPTIONS);
    index.addAll(list);
    return index.toJSON();
  });
}

/**
 * Spans of `text` to highlight for the matched index terms: the characters of each matching bigram or word.
 * Returns sorted, merged [start, end) ranges in UTF-16 offsets.
 */
export function highlightRanges(text: string, terms: Iterable<string>): Array<[number, number]> {
  const wanted = new Set(terms);
  const ranges: Array<[number, number]> = [];
  for (const token of tokens(text)) {
    if (!wanted.has(token.term)) continue;
    const last = ranges.at(-1);
    if (last && token.start <= last[1]) last[1] = Math.max(last[1], token.end);
    else ranges.push([token.start, token.end]);
  }
  return ranges;
}
