/**
 * The DocumentStore port: everything the engine needs from a corpus store.
 *
 * It is made of two ports (LlamaIndex's doc store / vector store split): a `Catalog`
 * (`catalog.ts`: documents, versions, chunks' text and metadata, the embedding cache and
 * the totals; always SQLite on the bot's disk) and a `SearchIndex` (`search-index.ts`:
 * lexical and dense search over passage ids; the embedded postings or Qdrant points).
 * Two compositions implement it: the embedded store (`embedded-store.ts`, catalog and
 * index in one SQLite file, one transaction per write) and the Qdrant store
 * (`qdrant/qdrant-store.ts` over `compose-store.ts`: the catalog in SQLite, the index in
 * Qdrant). Both must pass `tests/contract/document-store.contract.ts`.
 * The store never analyzes text itself: callers hand it pre-computed term
 * frequencies (see `src/text/analyze.ts`), so every adapter scores the same terms.
 */

/** One document as the store keeps it (the active version). */
export interface DocumentRecord {
  /** Stable id chosen by the caller (derived from the source key); survives replacements. */
  docId: string;
  /** File name as it was ingested (for an upload, the file name the admin sent). */
  source: string;
  title: string;
  /** "Nghị quyết", "Kết luận", "Quyết định", ... or null when unknown. */
  kind: string | null;
  /** Document number such as "18-NQ/TW" or "178/2024/NĐ-CP", or null. */
  number: string | null;
  issuer: string | null;
  /** ISO date (YYYY-MM-DD) of issue, or null. */
  date: string | null;
  /** "pdf" | "docx" | "html" | "md" | "txt" */
  format: string;
  /** sha256 hex of the original bytes: same hash means same content. */
  contentHash: string;
  /**
   * Version of the ingest pipeline (parsing, cleaning, chunking, term analysis) that
   * made the stored passages; absent when the caller gave none. The same content under
   * another pipeline counts as a change, so an upgrade can index a file again.
   */
  pipeline?: number;
  /** What the document says about others and itself (amends, replaces, in force from ...), when read. */
  relations?: DocumentRelation[];
  pages: number | null;
  chunkCount: number;
  /** 1 for the first version, +1 on each replacement. */
  version: number;
  /** ISO timestamps. */
  addedAt: string;
  updatedAt: string;
}

/** What one document says another (or itself) does: read from its words at ingest. */
export interface DocumentRelation {
  kind: "amends" | "replaces" | "repeals" | "guides" | "effective";
  /**
   * The document that acts (amends, replaces ...) as its number is written; for the
   * stating document ("Nghị định này thay thế ..."), its own number, or null without one.
   */
  source: string | null;
  /**
   * The document acted on, as written ("Nghị định số 178/2024/NĐ-CP", "Quy định 214"); for
   * "effective", the document whose effect begins (null: the stating document, without a number).
   */
  target: string | null;
  /** ISO date: when the acting document was issued, or, for "effective", the first day in force. */
  date: string | null;
  /** Stated by a document that reports it (a news article, a web page), not by the acting document. */
  reported: boolean;
  /** The sentence that states it (at most 300 characters). */
  evidence: string;
}

/** A passage of a document: the unit of retrieval and citation. */
export interface ChunkRecord {
  /** Derived from content (see `makeChunkId`); 32 lowercase hex chars, so it maps to a UUID. */
  chunkId: string;
  docId: string;
  /** 0-based order within the document. */
  position: number;
  /** Headings above this passage, outermost first ("Phần I", "Điều 5. ...", ...). */
  headingPath: string[];
  text: string;
}

/** A chunk ready to be indexed: the record plus its lexical terms. */
export interface IndexedChunk extends ChunkRecord {
  /** term → frequency in this chunk (terms are analyzer output such as "f:nhat", "b:nhat_the"). */
  terms: Record<string, number>;
  /** Length used for BM25 length normalization (number of syllables). */
  length: number;
}

/** Metadata filters shared by lexical and dense search. All given fields must match. */
export interface ChunkFilter {
  docIds?: string[];
  /** Document numbers, compared case-insensitively after trimming. */
  numbers?: string[];
  kinds?: string[];
  /** Inclusive ISO date bounds on the document date; documents without a date are excluded when set. */
  dateFrom?: string;
  dateTo?: string;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface LexicalQuery {
  terms: WeightedTerm[];
  limit: number;
  filter?: ChunkFilter;
  /**
   * Terms whose presence each hit reports in `matchedTerms` (default: the searched
   * terms). The retriever asks about every topic term of the question, also those too
   * common to search on, and judges coverage without re-analyzing passage text.
   */
  matchTerms?: string[];
}

export interface DenseQuery {
  vector: Float32Array;
  /** Embedding model name: only vectors of this model are searched. */
  model: string;
  limit: number;
  filter?: ChunkFilter;
}

export interface ScoredChunk {
  chunk: ChunkRecord;
  doc: DocumentRecord;
  score: number;
  /**
   * Lexical search only: which of the query's `matchTerms` (default: its terms) this
   * chunk contains. Lets the retriever judge coverage (how much of the question a
   * passage answers) without re-analyzing text.
   */
  matchedTerms?: string[];
}

/** What `upsertDocument` receives for the document itself. */
export type DocumentInput = Omit<DocumentRecord, "chunkCount" | "version" | "addedAt" | "updatedAt">;

export type UpsertStatus = "added" | "replaced" | "unchanged";

export interface UpsertResult {
  docId: string;
  status: UpsertStatus;
  version: number;
  chunkCount: number;
}

/** An earlier version of a replaced document, kept on record but never searched. */
export interface ArchivedVersion {
  docId: string;
  version: number;
  record: DocumentRecord;
  chunks: ChunkRecord[];
  /** ISO timestamp when this version stopped being active. */
  supersededAt: string;
}

export interface StoredVector {
  chunkId: string;
  /** sha256 hex of the chunk text: the embedding cache key. */
  contentHash: string;
  vector: Float32Array;
}

export interface StoreStats {
  documents: number;
  chunks: number;
}

/**
 * The store port. All methods are async so a remote adapter fits; the embedded store
 * resolves synchronously underneath. Writes of one document are atomic: after a crash
 * the store holds either the previous state or the new one, never a mix.
 */
export interface DocumentStore {
  /**
   * Adds a document, or replaces the active version with the same docId in one
   * transaction (the old version is archived). Same docId, contentHash and pipeline: "unchanged".
   */
  upsertDocument(doc: DocumentInput, chunks: IndexedChunk[]): Promise<UpsertResult>;
  /**
   * Several documents at once, all or none (one transaction where the adapter has them).
   * Optional: callers fall back to `upsertDocument` one by one. Faster for many small files.
   */
  upsertDocuments?(
    items: ReadonlyArray<{ doc: DocumentInput; chunks: IndexedChunk[] }>,
  ): Promise<UpsertResult[]>;
  /** Removes a document and its chunks and vectors; false when there was none. */
  deleteDocument(docId: string): Promise<boolean>;
  getDocument(docId: string): Promise<DocumentRecord | null>;
  /** Active documents, newest first. */
  listDocuments(filter?: Pick<ChunkFilter, "kinds" | "numbers">): Promise<DocumentRecord[]>;
  /** Documents whose number matches (case-insensitive), for replace-by-number. */
  findByNumber(number: string): Promise<DocumentRecord[]>;
  /**
   * Documents whose number begins with this number ("67" finds "67/2025/NĐ-CP" and
   * "67-KL/TW", not "670/..."), newest first, through an index: a question naming "NĐ 67"
   * must not read every document of a large archive. Optional: without it callers list
   * the documents.
   */
  findByLeadingNumber?(lead: string): Promise<DocumentRecord[]>;
  /** Earlier versions of a document, oldest first. */
  listVersions(docId: string): Promise<ArchivedVersion[]>;
  getChunk(chunkId: string): Promise<ScoredChunk | null>;
  /** All chunks of a document in position order; with `limit`, only its first `limit` (an opening). */
  getChunks(docId: string, limit?: number): Promise<ChunkRecord[]>;
  /** BM25 over the given weighted terms (sum over terms of weight × idf × saturated tf). */
  searchLexical(query: LexicalQuery): Promise<ScoredChunk[]>;
  /** Cosine similarity over stored vectors of `query.model`. Empty when none are stored. */
  searchDense(query: DenseQuery): Promise<ScoredChunk[]>;
  /** Stores vectors for chunks (model and dimension recorded). */
  putVectors(model: string, vectors: StoredVector[]): Promise<void>;
  /** Cached vectors by chunk content hash for a model: avoids re-embedding unchanged text. */
  getVectorsByContentHash(model: string, contentHashes: string[]): Promise<Map<string, Float32Array>>;
  /** Chunks of active documents that have no vector for `model` yet. */
  chunksWithoutVectors(model: string, limit: number): Promise<ChunkRecord[]>;
  /** Model names and dimensions of stored vectors (to detect a model change at start). */
  vectorModels(): Promise<Array<{ model: string; dimension: number; count: number }>>;
  stats(): Promise<StoreStats>;
  /**
   * Corpus statistics for the given terms: how many active chunks contain each, and the
   * number of active chunks. The retriever uses it to weigh how much of a question a
   * passage covers (its confidence signal). Terms absent from the corpus have df 0.
   */
  termStats?(terms: string[]): Promise<{ chunks: number; df: Map<string, number> }>;
  /**
   * Merges the store's lexical index into one segment, for after a bulk ingest (the
   * embedded store only: Qdrant keeps its own index), then gives the file back the pages
   * the old segments held when no other connection is reading. How many segments there
   * were and are, and whether the file was shrunk. With `whenSegmentsOver`, an index of
   * that many segments or fewer is left as it is (nothing written).
   */
  compactIndex?(options?: {
    whenSegmentsOver?: number;
  }): Promise<{ segmentsBefore: number; segmentsAfter: number; vacuumed: boolean }>;
  close(): Promise<void>;
}
