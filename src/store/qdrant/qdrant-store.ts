import { join } from "node:path";
import { QdrantClient } from "@qdrant/js-client-rest";
import { type ComposedStore, composeStore } from "../compose-store.js";
import { type Database, openDatabase } from "../sqlite.js";
import { createSqliteCatalog, type SqliteCatalog } from "../sqlite-catalog.js";
import type { ChunkFilter, ScoredChunk, WeightedTerm } from "../types.js";
import { adoptLegacyCatalog } from "./adopt-legacy-catalog.js";
import { createQdrantIndex, type QdrantIndex, type QdrantIndexOptions } from "./qdrant-index.js";
import { createQdrantRequests } from "./requests.js";
import { DEFAULT_RETRY } from "./retry.js";

export interface QdrantStoreOptions extends QdrantIndexOptions {
  /**
   * The SQLite database of the catalog (documents, versions, chunks' text, embedding
   * cache, totals): on the bot's disk, `<STORE_DIR>/qdrant-<collection>.db` (see
   * `openQdrantStore`), or ":memory:" in tests.
   */
  db: Database;
  /** Source of document timestamps (default: the system clock). */
  clock?: () => Date;
  /** Whether `close()` closes `db` too (default false: whoever opened it closes it). */
  ownsDatabase?: boolean;
}

export type ImportStatus = "written" | "skipped";

/** The Qdrant store: the port, plus what only this backend offers. */
export type QdrantStore = ComposedStore & {
  readonly collection: string;
  readonly catalog: SqliteCatalog;
  readonly index: QdrantIndex;
  /**
   * Server-side hybrid search: one prefetch per representation (lexical, and dense when
   * the model has vectors), each bringing at least `limit` candidates, fused by Qdrant's
   * reciprocal rank fusion. The retriever fuses lexical and dense lists itself; this is
   * for callers that want one request. Hits carry `matchedTerms` of the lexical terms.
   */
  searchHybrid(
    lexicalTerms: WeightedTerm[],
    vector: Float32Array,
    model: string,
    limit: number,
    filter?: ChunkFilter,
  ): Promise<ScoredChunk[]>;
  /** The corpus totals BM25 uses (exact: counted by the catalog). */
  recomputeTotals(): Promise<{ chunks: number; totalLength: number }>;
  /**
   * Brings every point's stored BM25 values to the current mean chunk length (see
   * `sparse.ts` on drift). A full pass over the collection; run it after a large first
   * load, or when the mean has moved. Returns how many points changed.
   */
  refreshLexicalWeights(): Promise<{ chunks: number; updated: number; averageLength: number }>;
};

/** The catalog file of a Qdrant deployment, in STORE_DIR beside the bot's state. */
export function qdrantCatalogFile(collection: string): string {
  return `qdrant-${collection}.db`;
}

/**
 * Creates the Qdrant `DocumentStore`: the SQLite catalog composed with the Qdrant index
 * (points only; see `compose-store.ts` for the order of writes and the repair of an
 * interrupted one, `qdrant-index.ts` for the points).
 */
export function createQdrantStore(options: QdrantStoreOptions): QdrantStore {
  const client =
    options.client ??
    new QdrantClient({
      url: options.url,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 30_000,
      checkCompatibility: false,
    });
  const index = createQdrantIndex({ ...options, client });
  const catalog = createSqliteCatalog({
    db: options.db,
    clock: options.clock,
    ownsDatabase: options.ownsDatabase,
  });
  const requests = createQdrantRequests({
    client,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    batchSize: options.batchSize ?? 256,
    url: options.url,
    logger: options.logger,
  });
  const store = composeStore({
    catalog,
    index,
    logger: options.logger,
    // An upgraded deployment brings its catalog over from Qdrant once.
    prepare: () =>
      adoptLegacyCatalog({ client, requests, collection: index.collection, catalog, logger: options.logger }),
  });

  async function averageLength(): Promise<{ chunks: number; totalLength: number; averageLength: number }> {
    const totals = await catalog.totals();
    const mean = totals.chunks > 0 && totals.totalLength > 0 ? totals.totalLength / totals.chunks : 1;
    return { chunks: totals.chunks, totalLength: totals.totalLength, averageLength: mean };
  }

  return {
    ...store,
    collection: index.collection,
    catalog,
    index,

    async searchHybrid(lexicalTerms, vector, model, limit, filter) {
      await store.ensureReady();
      return store.hydrate(await index.searchHybrid(lexicalTerms, vector, model, limit, filter));
    },

    async recomputeTotals() {
      await store.ensureReady();
      const { chunks, totalLength } = await averageLength();
      return { chunks, totalLength };
    },

    async refreshLexicalWeights() {
      await store.ensureReady();
      const totals = await averageLength();
      const { updated } = await index.refreshLexicalWeights(totals.averageLength);
      return { chunks: totals.chunks, updated, averageLength: totals.averageLength };
    },
  };
}

/**
 * Opens the Qdrant store with its catalog in `<storeDir>/qdrant-<collection>.db`
 * (created when missing); `close()` closes that file.
 */
export function openQdrantStore(
  storeDir: string,
  options: Omit<QdrantStoreOptions, "db" | "ownsDatabase">,
): QdrantStore {
  const db = openDatabase(join(storeDir, qdrantCatalogFile(options.collection)));
  try {
    return createQdrantStore({ ...options, db, ownsDatabase: true });
  } catch (error) {
    db.close();
    throw error;
  }
}
