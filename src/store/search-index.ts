import type { DenseQuery, LexicalQuery } from "./types.js";

/** One passage found by a search index: its chunk id, score and (lexical) matched terms. */
export interface IndexHit {
  chunkId: string;
  score: number;
  /** Lexical search only: which of the query's `matchTerms` (default: its terms) the passage has. */
  matchedTerms?: string[];
}

/**
 * The search index port: lexical (BM25 over weighted terms) and dense (cosine) search
 * over passage ids, terms and vectors, with the metadata filters of `ChunkFilter`. It
 * holds no records: hits are chunk ids and scores, which the catalog turns into chunks
 * and documents. Two adapters: the embedded postings index (`embedded-index.ts`, in the
 * catalog's SQLite file, written in the catalog's transaction) and the Qdrant index
 * (`qdrant/qdrant-index.ts`, points only, a `PointIndex`). Both pass
 * `tests/contract/search-index.contract.ts`.
 *
 * Results are ordered by score descending, then chunk id; the hits' scores are those
 * `DocumentStore.searchLexical` / `searchDense` promise (BM25 with query weights; cosine).
 */
export interface SearchIndex {
  searchLexical(query: LexicalQuery): Promise<IndexHit[]>;
  searchDense(query: DenseQuery): Promise<IndexHit[]>;
  /** How many active passages contain each term, and how many passages there are. */
  termStats(terms: string[]): Promise<{ chunks: number; df: Map<string, number> }>;
}

/** The fields of a passage's document a filter reads (docIds, numbers, kinds, date range). */
export interface PassageDocument {
  docId: string;
  number: string | null;
  kind: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  date: string | null;
}

/** A passage as an index outside the catalog stores it: id, terms, length, text hash, filter fields. */
export interface IndexPassage {
  chunkId: string;
  doc: PassageDocument;
  terms: Record<string, number>;
  length: number;
  /** sha256 of the text: passages of one text share a vector. */
  textHash: string;
}

/**
 * A search index outside the catalog's database (Qdrant): written around the catalog's
 * transaction by `compose-store.ts`, so its writes are idempotent and keyed by chunk id.
 */
export interface PointIndex extends SearchIndex {
  /** Checks the server and creates or checks the collection; every method calls it. */
  ensureReady(): Promise<void>;
  /**
   * Adds or overwrites passages. `averageLength` is the corpus mean chunk length their
   * BM25 values are computed with; `vectors` holds cached vectors by model, then text hash.
   */
  upsertPassages(
    passages: readonly IndexPassage[],
    options: { averageLength: number; vectors: ReadonlyMap<string, ReadonlyMap<string, Float32Array>> },
  ): Promise<void>;
  /** Removes a document's passages, except those in `keep`. */
  removePassages(docId: string, keep?: readonly string[]): Promise<void>;
  /** Gives passages a vector of `model` (creating the model's vector space when new). */
  setVectors(model: string, vectors: ReadonlyArray<{ chunkId: string; vector: Float32Array }>): Promise<void>;
  close(): Promise<void>;
}
