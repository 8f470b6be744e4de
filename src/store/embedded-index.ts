import { assertBm25Params, type Bm25Context, DEFAULT_BIGRAM_K1 } from "./bm25-scorer.js";
import { createDenseIndex } from "./dense-index.js";
import { storeError } from "./errors.js";
import { type CompiledFilter, compileFilter, matchesFilter } from "./filter.js";
import { createLexicalIndex, type LexicalIndexTuning } from "./lexical-index.js";
import { includesKey } from "./postings.js";
import type { SearchIndex } from "./search-index.js";
import type { KeyedChunk, MetaRow, SqliteCatalog } from "./sqlite-catalog.js";
import { selectTop } from "./top-k.js";
import type { ChunkFilter, ScoredChunk } from "./types.js";
import { combineWeights } from "./validate.js";

export interface EmbeddedIndexOptions {
  /** The catalog whose database holds the postings (chunk keys are the catalog's). */
  catalog: SqliteCatalog;
  /** BM25 k1 (default 1.2; bigramK1 for bigram terms, default 0.3) and b (default 0.75). */
  bm25?: { k1?: number; bigramK1?: number; b?: number };
  tuning?: LexicalIndexTuning;
}

type Scored = { keys: Int32Array; scores: Float64Array; count: number };

/**
 * The embedded search index: segmented BM25 postings and brute-force cosine over the
 * catalog's embedding cache, in the catalog's SQLite file and keyed by its chunk keys, so
 * a document commit is one transaction across catalog and index (`embedded-store.ts`
 * runs it). Caches follow the catalog's generations: a write by this or another process
 * drops what it made stale.
 */
export interface EmbeddedIndex extends SearchIndex {
  /** Postings of the chunks a write added, and the keys it removed (inside its transaction). */
  follow(added: readonly KeyedChunk[], removed: ReadonlyArray<{ lo: number; hi: number }>): void;
  /** After a committed write: drops caches by what changed (`before` → `after`). */
  afterWrite(before: MetaRow, after: MetaRow | null): void;
  /** After a failed write: drops every cache. */
  afterFailure(): void;
  /** Merges the lexical index into one segment (inside a write transaction; see LexicalIndex). */
  compact(): { before: number; after: number };
  /** How many segments the lexical index has (inside a read transaction). */
  segmentCount(): number;
  /** Lexical search with hits as records (inside a read transaction). */
  lexicalHits(query: Parameters<SearchIndex["searchLexical"]>[0]): ScoredChunk[];
  denseHits(query: Parameters<SearchIndex["searchDense"]>[0]): ScoredChunk[];
  termCounts(terms: string[]): { chunks: number; df: Map<string, number> };
  reset(): void;
}

export function createEmbeddedIndex(options: EmbeddedIndexOptions): EmbeddedIndex {
  const { catalog } = options;
  const { db, local } = catalog;
  const k1 = options.bm25?.k1 ?? 1.2;
  const bigramK1 = options.bm25?.bigramK1 ?? DEFAULT_BIGRAM_K1;
  const b = options.bm25?.b ?? 0.75;
  assertBm25Params({ k1, bigramK1, b });
  const lexical = createLexicalIndex(db, options.tuning);
  const dense = createDenseIndex(db);
  // What this connection last saw of the store; a different value in store_meta means
  // another connection wrote, and every cache is dropped.
  let knownGeneration = -1;
  let knownVectorGeneration = -1;

  /** Reads the totals and drops caches another connection's writes made stale. */
  function sync(): MetaRow {
    const meta = local.meta();
    if (meta.generation !== knownGeneration) {
      lexical.forget();
      lexical.reset();
      dense.reset();
      local.forgetDocuments();
      knownGeneration = meta.generation;
    }
    if (meta.vector_generation !== knownVectorGeneration) {
      dense.reset();
      knownVectorGeneration = meta.vector_generation;
    }
    return meta;
  }

  // The largest chunk key of the documents map it was found in (the catalog builds a new
  // map after any write): a question naming a decree searched its passages with a mask,
  // and finding the mask's size went over all 14,000 documents each time.
  let largest: { docs: ReadonlyMap<string, { keyHi: number | null }>; key: number } | null = null;
  function largestKey(docs: ReadonlyMap<string, { keyHi: number | null }>): number {
    if (largest?.docs !== docs) {
      let key = -1;
      for (const doc of docs.values()) if (doc.keyHi !== null && doc.keyHi > key) key = doc.keyHi;
      largest = { docs, key };
    }
    return largest.key;
  }

  /**
   * A mask over chunk keys of the documents passing the filter (null when unfiltered),
   * and whether it lets any chunk through (then a search is not run at all).
   */
  function allowedKeys(filter: CompiledFilter | null): { mask: Uint8Array | null; any: boolean } {
    if (filter === null) return { mask: null, any: true };
    const docs = local.documents();
    const mask = new Uint8Array(largestKey(docs) + 1);
    // A filter naming its documents (a question naming a decree) needs only theirs looked
    // at, not the whole catalog's 14,000 documents.
    const candidates = filter.docIds
      ? [...filter.docIds].flatMap((docId) => docs.get(docId) ?? [])
      : docs.values();
    let any = false;
    for (const doc of candidates) {
      if (doc.keyLo === null || doc.keyHi === null || !matchesFilter(doc.record, filter)) continue;
      mask.fill(1, doc.keyLo, doc.keyHi + 1);
      if (doc.keyHi >= doc.keyLo) any = true;
    }
    return { mask, any };
  }

  /** BM25 parameters with the corpus totals of `meta` (non-empty corpus). */
  function bm25Context(meta: MetaRow): Bm25Context {
    return { k1, bigramK1, b, chunks: meta.chunks, averageLength: meta.total_length / meta.chunks };
  }

  /** The best `limit` of the candidates, as records, score descending then chunk id. */
  function rank(
    { keys, scores, count }: Scored,
    limit: number,
    annotate?: (hit: ScoredChunk, key: number) => void,
  ): ScoredChunk[] {
    const picked = selectTop(scores, count, limit, (ties) => {
      const ids = local.chunkIdsByKeys(ties.map((i) => keys[i]!));
      return ties.sort((x, y) => {
        const a = ids.get(keys[x]!) ?? "";
        const c = ids.get(keys[y]!) ?? "";
        return a < c ? -1 : a > c ? 1 : 0;
      });
    });
    const docs = local.documents();
    const out: ScoredChunk[] = [];
    for (const i of picked) {
      const chunk = local.chunkByKey(keys[i]!);
      const doc = chunk ? docs.get(chunk.docId) : undefined;
      if (!chunk || !doc)
        throw storeError("corrupt", `indexed chunk key ${keys[i]} has no chunk or document`);
      // Copies: callers may change what they get without touching the caches.
      const hit: ScoredChunk = {
        chunk: { ...chunk, headingPath: [...chunk.headingPath] },
        doc: { ...doc.record },
        score: scores[i]!,
      };
      annotate?.(hit, keys[i]!);
      out.push(hit);
    }
    return out.sort(
      (x, y) =>
        y.score - x.score ||
        (x.chunk.chunkId < y.chunk.chunkId ? -1 : x.chunk.chunkId > y.chunk.chunkId ? 1 : 0),
    );
  }

  function searchScored(
    filter: ChunkFilter | undefined,
    limit: number,
    score: (allowed: Uint8Array | null, meta: MetaRow) => Scored,
    annotate?: (meta: MetaRow) => (hit: ScoredChunk, key: number) => void,
  ): ScoredChunk[] {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const meta = sync();
    if (meta.chunks === 0) return [];
    const allowed = allowedKeys(compileFilter(filter));
    if (!allowed.any) return [];
    return rank(score(allowed.mask, meta), max, annotate?.(meta));
  }

  function toIndexHits(hits: ScoredChunk[]) {
    return hits.map((h) => ({
      chunkId: h.chunk.chunkId,
      score: h.score,
      ...(h.matchedTerms ? { matchedTerms: h.matchedTerms } : {}),
    }));
  }

  function inRead<T>(body: () => T): T {
    return db.transaction(body).deferred();
  }

  const index: EmbeddedIndex = {
    follow(added, removed) {
      for (const range of removed) lexical.removeKeys(range.lo, range.hi);
      if (added.length > 0) lexical.addSegment(added);
      lexical.maintain();
    },

    afterWrite(before, after) {
      if (after) {
        if (after.generation !== before.generation) {
          // N and the mean length changed, so every cached impact is stale.
          lexical.forget();
          local.forgetDocuments();
          knownGeneration = after.generation;
        }
        dense.reset();
        knownVectorGeneration = after.vector_generation;
      }
      lexical.reset();
    },

    compact() {
      return lexical.compact();
    },

    segmentCount() {
      return lexical.segmentCount();
    },

    afterFailure() {
      lexical.reset();
      dense.reset();
      local.forgetDocuments();
    },

    lexicalHits(query) {
      const weights = combineWeights(query.terms);
      if (weights.size === 0) return [];
      const matchTerms = [...new Set(query.matchTerms ?? weights.keys())];
      return searchScored(
        query.filter,
        query.limit,
        (allowed, meta) => lexical.score(weights, bm25Context(meta), allowed, Math.floor(query.limit)),
        (meta) => {
          // The posting lists are cached (most were just scored): a binary search per term.
          const lists = lexical.lists(matchTerms, bm25Context(meta));
          const postingKeys = matchTerms.map((term) => lists.get(term)!.keys);
          return (hit, key) => {
            const matched: string[] = [];
            for (let t = 0; t < postingKeys.length; t++) {
              if (includesKey(postingKeys[t]!, key)) matched.push(matchTerms[t]!);
            }
            hit.matchedTerms = matched;
          };
        },
      );
    },

    denseHits(query) {
      return searchScored(query.filter, query.limit, (allowed) =>
        dense.score(query.model, query.vector, allowed),
      );
    },

    termCounts(terms) {
      const meta = sync();
      const df = new Map<string, number>();
      if (meta.chunks === 0) {
        for (const term of terms) df.set(term, 0);
        return { chunks: 0, df };
      }
      for (const [term, postings] of lexical.lists(terms, bm25Context(meta)))
        df.set(term, postings.keys.length);
      return { chunks: meta.chunks, df };
    },

    async searchLexical(query) {
      return toIndexHits(inRead(() => index.lexicalHits(query)));
    },

    async searchDense(query) {
      return toIndexHits(inRead(() => index.denseHits(query)));
    },

    async termStats(terms) {
      return inRead(() => index.termCounts(terms));
    },

    reset() {
      lexical.forget();
      lexical.reset();
      dense.reset();
      local.forgetDocuments();
    },
  };
  return index;
}
