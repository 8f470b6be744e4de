import type {
  ArchivedVersion,
  ChunkFilter,
  ChunkRecord,
  DocumentInput,
  DocumentRecord,
  IndexedChunk,
  StoredVector,
  UpsertResult,
} from "./types.js";

/** A chunk with its document, as the catalog gives it back. */
export interface CatalogPassage {
  chunk: ChunkRecord;
  doc: DocumentRecord;
}

/** Corpus totals the search index scores with (BM25's N and mean length). */
export interface CatalogTotals {
  documents: number;
  chunks: number;
  /** Sum of the active chunks' lengths. */
  totalLength: number;
}

/**
 * The catalog port: what the corpus is, apart from how it is searched. Documents and their
 * versions, chunks' text and metadata, the embedding cache and the corpus totals. One
 * adapter, SQLite on the bot's disk (`sqlite-catalog.ts`), whatever the search index:
 * the catalog of a Qdrant deployment lives beside the bot's state, audit and digest
 * logs, not in Qdrant.
 *
 * Writes of one document (or of a batch) are one SQLite transaction. A search index
 * outside the catalog's database (Qdrant) is written around that transaction; the
 * pending marks (`markPending` ...) journal such a write so a crash between the two is
 * repaired at the next start (see `compose-store.ts`).
 */
export interface Catalog {
  getDocument(docId: string): Promise<DocumentRecord | null>;
  /** Active documents, newest first. */
  listDocuments(filter?: Pick<ChunkFilter, "kinds" | "numbers">): Promise<DocumentRecord[]>;
  findByNumber(number: string): Promise<DocumentRecord[]>;
  /** Documents whose number begins with `lead` followed by a non-digit ("67" → "67/2025/NĐ-CP"). */
  findByLeadingNumber(lead: string): Promise<DocumentRecord[]>;
  listVersions(docId: string): Promise<ArchivedVersion[]>;
  getChunk(chunkId: string): Promise<CatalogPassage | null>;
  /** A document's chunks in position order; with `limit`, only its first `limit`. */
  getChunks(docId: string, limit?: number): Promise<ChunkRecord[]>;
  /** Active chunks with their documents by chunk id: how index hits become records. Unknown ids are absent. */
  getPassages(chunkIds: readonly string[]): Promise<Map<string, CatalogPassage>>;
  /** The document each of these chunk ids belongs to (active chunks only). */
  chunkOwners(chunkIds: readonly string[]): Promise<Map<string, string>>;
  /** How many active chunks a document has and their total length. */
  chunkTotals(docId: string): Promise<{ chunks: number; length: number }>;
  /** Models the embedding cache has held vectors of (cheap: no counting). */
  embeddingModelNames(): Promise<string[]>;
  /** Active chunk ids whose text has one of these sha256 hashes. */
  chunksWithTextHashes(hashes: readonly string[]): Promise<Array<{ chunkId: string; textHash: string }>>;
  /**
   * Adds or replaces documents, all or none, archiving replaced versions; same docId,
   * contentHash and pipeline is "unchanged" and writes nothing.
   */
  commitDocuments(
    items: ReadonlyArray<{ doc: DocumentInput; chunks: IndexedChunk[] }>,
  ): Promise<UpsertResult[]>;
  /**
   * Writes a document exactly as another store holds it (record, timestamps, version,
   * archived versions); "skipped" when present with the same content hash and version.
   */
  importDocument(
    record: DocumentRecord,
    chunks: IndexedChunk[],
    versions: ArchivedVersion[],
  ): Promise<"written" | "skipped">;
  /** Removes a document, its versions and chunks; embeddings no active chunk uses go too. */
  deleteDocument(docId: string): Promise<boolean>;
  totals(): Promise<CatalogTotals>;
  /** Caches vectors by text hash; returns those kept (text of an active chunk). */
  putEmbeddings(model: string, vectors: StoredVector[]): Promise<StoredVector[]>;
  getEmbeddings(model: string, contentHashes: readonly string[]): Promise<Map<string, Float32Array>>;
  /** Active chunks whose text has no cached vector for `model`. */
  chunksWithoutEmbeddings(model: string, limit: number): Promise<ChunkRecord[]>;
  /** Models with cached vectors of active chunks: dimension and how many chunks have one. */
  embeddingModels(): Promise<Array<{ model: string; dimension: number; count: number }>>;
  /** Journals that a document's index write has begun (cleared by `clearPending`). */
  markPending(docId: string): Promise<void>;
  clearPending(docId: string): Promise<void>;
  /** Documents whose index write began and never finished. */
  pendingDocuments(): Promise<string[]>;
  close(): Promise<void>;
}
