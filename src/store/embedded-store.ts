import { join } from "node:path";
import { createEmbeddedIndex, type EmbeddedIndex } from "./embedded-index.js";
import { asStoreError, storeError } from "./errors.js";
import type { LexicalIndexTuning } from "./lexical-index.js";
import { type Database, type OpenDatabaseOptions, openDatabase } from "./sqlite.js";
import { createSqliteCatalog, type KeyedChunk, type MetaRow, type SqliteCatalog } from "./sqlite-catalog.js";
import type { DocumentInput, DocumentStore, IndexedChunk, UpsertResult } from "./types.js";

/** The file the embedded store keeps in its directory. */
export const EMBEDDED_STORE_FILE = "nhatthe.db";

export interface EmbeddedStoreOptions {
  /** An open database (see `openDatabase`); other modules may keep their tables in it. */
  db: Database;
  /**
   * BM25 saturation (k1, default 1.2; bigramK1 for bigram terms, default 0.3) and length
   * normalization (b, default 0.75).
   */
  bm25?: { k1?: number; bigramK1?: number; b?: number };
  /** Source of the timestamps written on documents (default: the system clock). */
  clock?: () => Date;
  /** Whether `close()` closes the database too (default false: whoever opened it closes it). */
  ownsDatabase?: boolean;
  /** Segment merging and cache sizes of the lexical index. */
  tuning?: LexicalIndexTuning;
}

/** The embedded store: the port, plus its database for the modules that share the file. */
export type EmbeddedStore = DocumentStore &
  Required<Pick<DocumentStore, "termStats" | "upsertDocuments" | "findByLeadingNumber" | "compactIndex">> & {
    readonly db: Database;
    /** The two ports it is made of (contract tests, tools). */
    readonly catalog: SqliteCatalog;
    readonly index: EmbeddedIndex;
  };

/**
 * Creates the embedded `DocumentStore`: the SQLite catalog and the embedded search index
 * composed over one database file. Each upsert or delete is ONE transaction across both
 * (catalog rows, postings, totals), so a crash leaves the previous state or the new one.
 * Nothing is rebuilt at start: the first query reads what it needs and keeps it in memory
 * until a write (from this or another process) changes it.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  const { db } = options;
  const catalog = createSqliteCatalog({ db, clock: options.clock });
  const index = createEmbeddedIndex({ catalog, bm25: options.bm25, tuning: options.tuning });
  const { local } = catalog;
  let closed = false;

  function ensureOpen(): void {
    if (closed) throw storeError("closed", "the store is closed");
  }

  /** Runs a write in one IMMEDIATE transaction; afterwards drops the caches it made stale. */
  function write<T>(body: (meta: MetaRow) => { value: T; meta: MetaRow | null }): T {
    ensureOpen();
    let outcome: { value: T; meta: MetaRow | null; before: MetaRow };
    try {
      outcome = db
        .transaction(() => {
          const before = local.meta();
          const result = body(before);
          if (result.meta) local.writeMeta(result.meta);
          return { ...result, before };
        })
        .immediate();
    } catch (error) {
      index.afterFailure();
      throw asStoreError(error, "store write failed");
    }
    index.afterWrite(outcome.before, outcome.meta);
    return outcome.value;
  }

  function read<T>(body: () => T): T {
    ensureOpen();
    try {
      return db.transaction(body).deferred();
    } catch (error) {
      throw asStoreError(error, "store read failed");
    }
  }

  /**
   * Several documents in ONE transaction and one postings segment: a corpus of many
   * small files is written without a segment (and its merges) per file.
   */
  function upsertMany(items: ReadonlyArray<{ doc: DocumentInput; chunks: IndexedChunk[] }>): UpsertResult[] {
    const prepared = local.prepare(items);
    return write<UpsertResult[]>((meta) => {
      const added: KeyedChunk[] = [];
      const removed: Array<{ lo: number; hi: number }> = [];
      const results: UpsertResult[] = [];
      let current = meta;
      let changed = false;
      items.forEach((item, i) => {
        const applied = local.applyUpsert(item.doc, prepared[i]!, current, added);
        results.push(applied.value);
        if (applied.removedKeys) removed.push(applied.removedKeys);
        if (applied.meta) {
          current = applied.meta;
          changed = true;
        }
      });
      if (!changed) return { value: results, meta: null };
      index.follow(added, removed);
      return { value: results, meta: current };
    });
  }

  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      ensureOpen();
      return fn(...args);
    };

  return {
    db,
    catalog,
    index,

    async upsertDocument(doc, chunks) {
      return upsertMany([{ doc, chunks }])[0]!;
    },

    async upsertDocuments(items) {
      return upsertMany(items);
    },

    async deleteDocument(docId) {
      return write<boolean>((meta) => {
        const applied = local.applyDelete(docId, meta);
        if (applied.value) index.follow([], applied.removedKeys ? [applied.removedKeys] : []);
        return { value: applied.value, meta: applied.meta };
      });
    },

    getDocument: guard((docId: string) => catalog.getDocument(docId)),
    listDocuments: guard((filter?: Parameters<DocumentStore["listDocuments"]>[0]) =>
      catalog.listDocuments(filter),
    ),
    findByNumber: guard((number: string) => catalog.findByNumber(number)),
    findByLeadingNumber: guard((lead: string) => catalog.findByLeadingNumber(lead)),
    listVersions: guard((docId: string) => catalog.listVersions(docId)),

    async getChunk(chunkId) {
      ensureOpen();
      const found = await catalog.getChunk(chunkId);
      return found ? { ...found, score: 0 } : null;
    },

    getChunks: guard((docId: string, limit?: number) => catalog.getChunks(docId, limit)),

    async searchLexical(query) {
      return read(() => index.lexicalHits(query));
    },

    async searchDense(query) {
      return read(() => index.denseHits(query));
    },

    async putVectors(model, vectors) {
      if (vectors.length === 0) return;
      write<void>((meta) => {
        local.embeddings.put(model, vectors);
        return { value: undefined, meta: { ...meta, vector_generation: meta.vector_generation + 1 } };
      });
    },

    getVectorsByContentHash: guard((model: string, hashes: string[]) => catalog.getEmbeddings(model, hashes)),
    chunksWithoutVectors: guard((model: string, limit: number) =>
      catalog.chunksWithoutEmbeddings(model, limit),
    ),
    vectorModels: guard(() => catalog.embeddingModels()),

    async stats() {
      ensureOpen();
      const meta = local.meta();
      return { documents: meta.documents, chunks: meta.chunks };
    },

    async termStats(terms) {
      return read(() => index.termCounts(terms));
    },

    async compactIndex(options = {}) {
      if (options.whenSegmentsOver !== undefined) {
        const segments = read(() => index.segmentCount());
        if (segments <= options.whenSegmentsOver)
          return { segmentsBefore: segments, segmentsAfter: segments, vacuumed: false };
      }
      // A new generation: other connections to the file drop the segments they knew.
      const { before, after } = write((meta) => ({
        value: index.compact(),
        meta: { ...meta, generation: meta.generation + 1 },
      }));
      // The merged segment was written before the old ones were dropped: their pages are
      // free inside the file (the crawl's store 656 → 896 MB) until VACUUM rewrites it
      // (→ 523 MB, 7 s; in WAL mode readers, a running bot, go on meanwhile). Another
      // connection writing makes it wait, then give up: later writes reuse the free pages.
      let vacuumed = false;
      if (before !== after) {
        // VACUUM builds the new file as a temporary database, which this connection keeps
        // in memory (temp_store): the crawl's whole store, 400 MB more at the peak. On disk
        // for this one statement.
        const tempStore = db.pragma("temp_store", { simple: true });
        try {
          db.pragma("temp_store = FILE");
          db.exec("VACUUM");
          vacuumed = true;
        } catch (error) {
          if (!(error instanceof Error && /busy|locked/i.test(error.message)))
            throw asStoreError(error, "vacuum failed");
        } finally {
          db.pragma(`temp_store = ${Number(tempStore)}`);
        }
      }
      return { segmentsBefore: before, segmentsAfter: after, vacuumed };
    },

    async close() {
      if (closed) return;
      closed = true;
      index.reset();
      await catalog.close();
      if (options.ownsDatabase) db.close();
    },
  };
}

/**
 * Opens (creating when missing) the store kept in `<storeDir>/nhatthe.db`. The store
 * owns this database: `close()` closes it. Other modules reach it through `store.db`.
 */
export function openEmbeddedStore(
  storeDir: string,
  options: Omit<EmbeddedStoreOptions, "db" | "ownsDatabase"> & { database?: OpenDatabaseOptions } = {},
): EmbeddedStore {
  const db = openDatabase(join(storeDir, EMBEDDED_STORE_FILE), options.database);
  try {
    return createEmbeddedStore({ ...options, db, ownsDatabase: true });
  } catch (error) {
    db.close();
    throw error;
  }
}
