import type { Catalog, CatalogPassage } from "./catalog.js";
import { type ChunkRow, type MetaRow, prepareCatalogStatements, toChunk, toRecord } from "./catalog-rows.js";
import { type CatalogWrites, createCatalogWrites } from "./catalog-writes.js";
import { chunksSignature, createDocumentChunksCache } from "./document-chunks-cache.js";
import { createEmbeddingCache, type EmbeddingCache } from "./embedding-cache.js";
import { asStoreError, storeError } from "./errors.js";
import { compileFilter, matchesFilter, numberKey } from "./filter.js";
import { LruCache } from "./lru-cache.js";
import { type Database, migrate } from "./sqlite.js";
import { STORE_MIGRATIONS } from "./store-schema.js";
import type { ArchivedVersion, ChunkRecord, DocumentRecord } from "./types.js";
import { validateChunks, validateDocument } from "./validate.js";

export type { MetaRow } from "./catalog-rows.js";
export { type AppliedWrite, isUnchanged, type KeyedChunk, type PreparedChunk } from "./catalog-writes.js";

/** A document's record with the range of its chunk keys (for filter masks). */
export interface CachedDocument {
  record: DocumentRecord;
  keyLo: number | null;
  keyHi: number | null;
}

/**
 * The synchronous side of the SQLite catalog, for a search index in the same database
 * file (the embedded index): its writes join the catalog's transaction, so a document
 * commit is one transaction across catalog and index. Every method runs inside a
 * transaction the caller opened.
 */
export interface LocalCatalog extends CatalogWrites {
  readonly embeddings: EmbeddingCache;
  meta(): MetaRow;
  writeMeta(meta: MetaRow): void;
  /** Active documents by id with their key ranges, cached until `forgetDocuments`. */
  documents(): Map<string, CachedDocument>;
  forgetDocuments(): void;
  chunkByKey(key: number): ChunkRecord | undefined;
  chunkIdsByKeys(keys: readonly number[]): Map<number, string>;
}

/** The SQLite catalog: the port, its database, and its synchronous side. */
export type SqliteCatalog = Catalog & { readonly db: Database; readonly local: LocalCatalog };

export interface SqliteCatalogOptions {
  db: Database;
  /** Source of the timestamps written on documents (default: the system clock). */
  clock?: () => Date;
  /** Whether `close()` closes the database too (default false). */
  ownsDatabase?: boolean;
}

/** Chunks kept in memory once read for a search result (the best passages recur). */
const CHUNK_CACHE_SIZE = 10_000;

/**
 * Creates the catalog over an open SQLite database (tables `store_*`, see
 * `store-schema.ts`): documents, chunks, archived versions, the embedding cache and the
 * corpus totals. The embedded store shares it with its index in one file; a Qdrant
 * deployment keeps it in its own file beside the bot's state.
 */
export function createSqliteCatalog(options: SqliteCatalogOptions): SqliteCatalog {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  migrate(db, "store", STORE_MIGRATIONS);
  const stmt = prepareCatalogStatements(db);
  const embeddings = createEmbeddingCache(db);
  let closed = false;
  let documentCache: Map<string, CachedDocument> | null = null;
  // Chunk keys are never reused (AUTOINCREMENT) and a chunk row never changes, so a
  // chunk read once stays valid; a deleted chunk's key is never asked for again.
  const chunkCache = new LruCache<number, ChunkRecord>(CHUNK_CACHE_SIZE, () => 1);
  const documentChunks = createDocumentChunksCache();

  function ensureOpen(): void {
    if (closed) throw storeError("closed", "the store is closed");
  }

  function meta(): MetaRow {
    const row = stmt.meta.get();
    if (!row) throw storeError("corrupt", "store_meta row is missing");
    return row;
  }

  function read<T>(body: () => T): T {
    ensureOpen();
    try {
      return db.transaction(body).deferred();
    } catch (error) {
      throw asStoreError(error, "store read failed");
    }
  }

  /** One IMMEDIATE transaction that may change the totals. */
  function write<T>(body: (before: MetaRow) => { value: T; meta: MetaRow | null }): T {
    ensureOpen();
    try {
      const value = db
        .transaction(() => {
          const result = body(meta());
          if (result.meta) stmt.metaUpdate.run(result.meta);
          return result.value;
        })
        .immediate();
      documentCache = null;
      return value;
    } catch (error) {
      documentCache = null;
      throw asStoreError(error, "store write failed");
    }
  }

  const writes = createCatalogWrites({ stmt, embeddings, clock });

  const local: LocalCatalog = {
    embeddings,
    meta,
    writeMeta(next) {
      stmt.metaUpdate.run(next);
    },

    ...writes,

    documents() {
      if (documentCache) return documentCache;
      const map = new Map<string, CachedDocument>();
      for (const row of stmt.docsAll.all())
        map.set(row.doc_id, { record: toRecord(row), keyLo: row.key_lo, keyHi: row.key_hi });
      documentCache = map;
      return map;
    },

    forgetDocuments() {
      documentCache = null;
    },

    chunkByKey(key) {
      const cached = chunkCache.get(key);
      if (cached) return cached;
      const row = stmt.chunkByKey.get(key);
      if (!row) return undefined;
      const chunk = toChunk(row);
      chunkCache.set(key, chunk);
      return chunk;
    },

    chunkIdsByKeys(keys) {
      const ids = new Map<number, string>();
      for (const [key, id] of stmt.chunkIdsByKeys.all(JSON.stringify(keys))) ids.set(key, id);
      return ids;
    },
  };

  function passagesOf(rows: readonly ChunkRow[]): Map<string, CatalogPassage> {
    const out = new Map<string, CatalogPassage>();
    const docs = new Map<string, DocumentRecord | null>();
    for (const row of rows) {
      if (!docs.has(row.doc_id)) {
        const doc = stmt.docGet.get(row.doc_id);
        docs.set(row.doc_id, doc ? toRecord(doc) : null);
      }
      const doc = docs.get(row.doc_id);
      if (!doc) throw storeError("corrupt", `chunk ${row.chunk_id} has no document`);
      out.set(row.chunk_id, { chunk: toChunk(row), doc: { ...doc } });
    }
    return out;
  }

  return {
    db,
    local,

    async getDocument(docId) {
      ensureOpen();
      const row = stmt.docGet.get(docId);
      return row ? toRecord(row) : null;
    },

    async listDocuments(filter) {
      ensureOpen();
      const compiled = compileFilter({ kinds: filter?.kinds, numbers: filter?.numbers });
      return stmt.docsAll
        .all()
        .map(toRecord)
        .filter((doc) => matchesFilter(doc, compiled));
    },

    async findByNumber(number) {
      ensureOpen();
      return stmt.docsByNumber.all(numberKey(number)).map(toRecord);
    },

    async findByLeadingNumber(lead) {
      ensureOpen();
      if (!/^\d+$/.test(lead)) return [];
      // "67" is followed by anything but another digit; leading zeros ("067") count too.
      const out: DocumentRecord[] = [];
      for (const prefix of [lead, `0${lead}`, `00${lead}`]) {
        for (const row of stmt.docsByNumberPrefix.all(prefix, `${prefix}\u{10ffff}`)) {
          if (!/\d/.test(row.number_key?.charAt(prefix.length) ?? "")) out.push(toRecord(row));
        }
      }
      return out;
    },

    async listVersions(docId) {
      return read(() =>
        stmt.archivedVersions.all(docId).map(
          (row): ArchivedVersion => ({
            docId,
            version: row.version,
            record: JSON.parse(row.record) as DocumentRecord,
            chunks: stmt.archivedChunks.all(docId, row.version).map(toChunk),
            supersededAt: row.superseded_at,
          }),
        ),
      );
    },

    async getChunk(chunkId) {
      return read(() => {
        const row = stmt.chunkById.get(chunkId);
        return row ? (passagesOf([row]).get(chunkId) ?? null) : null;
      });
    },

    async getChunks(docId, limit) {
      // An opening (the first passages) is read on its own: a long document's 200
      // passages are not read for two.
      if (limit !== undefined)
        return read(() => stmt.chunksOfDocFirst.all(docId, Math.max(0, limit)).map(toChunk));
      return read(() => {
        const { count, max_key } = stmt.chunkSignatureOfDoc.get(docId) ?? { count: 0, max_key: null };
        const signature = chunksSignature(count, max_key);
        const kept = documentChunks.get(docId, signature);
        if (kept) return kept;
        const chunks = stmt.chunksOfDoc.all(docId).map(toChunk);
        documentChunks.set(docId, signature, chunks);
        return chunks;
      });
    },

    async getPassages(chunkIds) {
      if (chunkIds.length === 0) return new Map();
      return read(() => passagesOf(stmt.chunksByIds.all(JSON.stringify([...new Set(chunkIds)]))));
    },

    async chunkOwners(chunkIds) {
      return read(() => {
        const out = new Map<string, string>();
        for (const id of chunkIds) {
          const owner = stmt.chunkOwner.get(id);
          if (owner !== undefined) out.set(id, owner);
        }
        return out;
      });
    },

    async chunkTotals(docId) {
      return read(() => {
        const row = stmt.chunkTotalsOfDoc.get(docId);
        return { chunks: row?.count ?? 0, length: row?.length ?? 0 };
      });
    },

    async embeddingModelNames() {
      return read(() => stmt.modelNames.all());
    },

    async chunksWithTextHashes(hashes) {
      if (hashes.length === 0) return [];
      return read(() =>
        stmt.chunksByTextHashes
          .all(JSON.stringify([...new Set(hashes)]))
          .map((row) => ({ chunkId: row.chunk_id, textHash: row.text_hash })),
      );
    },

    async commitDocuments(items) {
      const prepared = local.prepare(items);
      return write((before) => {
        let current = before;
        let changed = false;
        const results = items.map((item, i) => {
          const applied = local.applyUpsert(item.doc, prepared[i]!, current, []);
          if (applied.meta) {
            current = applied.meta;
            changed = true;
          }
          return applied.value;
        });
        return { value: results, meta: changed ? current : null };
      });
    },

    async importDocument(record, chunks, versions) {
      validateDocument(record);
      validateChunks(record.docId, chunks);
      return write((before) => {
        const applied = writes.applyImport(record, chunks, versions, before);
        return { value: applied.value, meta: applied.meta };
      });
    },

    async deleteDocument(docId) {
      return write((before) => {
        const applied = local.applyDelete(docId, before);
        return { value: applied.value, meta: applied.meta };
      });
    },

    async totals() {
      return read(() => {
        const row = meta();
        return { documents: row.documents, chunks: row.chunks, totalLength: row.total_length };
      });
    },

    async putEmbeddings(model, vectors) {
      if (vectors.length === 0) return [];
      return write((before) => ({
        value: embeddings.put(model, vectors),
        meta: { ...before, vector_generation: before.vector_generation + 1 },
      }));
    },

    async getEmbeddings(model, contentHashes) {
      return read(() => embeddings.get(model, contentHashes));
    },

    async chunksWithoutEmbeddings(model, limit) {
      return read(() => embeddings.withoutVectors(model, limit));
    },

    async embeddingModels() {
      return read(() => embeddings.models());
    },

    async markPending(docId) {
      ensureOpen();
      stmt.pendingMark.run(docId, clock().toISOString());
    },

    async clearPending(docId) {
      ensureOpen();
      stmt.pendingClear.run(docId);
    },

    async pendingDocuments() {
      ensureOpen();
      return stmt.pendingAll.all();
    },

    async close() {
      if (closed) return;
      closed = true;
      documentCache = null;
      if (options.ownsDatabase) db.close();
    },
  };
}
