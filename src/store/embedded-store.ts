import { join } from "node:path";
import { sha256 } from "../hash.js";
import { assertBm25Params, type Bm25Context, DEFAULT_BIGRAM_K1 } from "./bm25-scorer.js";
import { createDenseIndex } from "./dense-index.js";
import { asStoreError, storeError } from "./errors.js";
import { type CompiledFilter, compileFilter, matchesFilter, numberKey } from "./filter.js";
import { createLexicalIndex, type IndexEntry, type LexicalIndexTuning } from "./lexical-index.js";
import { LruCache } from "./lru-cache.js";
import { includesKey } from "./postings.js";
import { type Database, migrate, openDatabase } from "./sqlite.js";
import { STORE_MIGRATIONS } from "./store-schema.js";
import { selectTop } from "./top-k.js";
import type {
  ArchivedVersion,
  ChunkFilter,
  ChunkRecord,
  DocumentInput,
  DocumentRecord,
  DocumentRelation,
  DocumentStore,
  IndexedChunk,
  ScoredChunk,
  UpsertResult,
} from "./types.js";
import { combineWeights, validateChunks, validateDocument } from "./validate.js";

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
  Required<Pick<DocumentStore, "termStats" | "upsertDocuments" | "findByLeadingNumber">> & {
    readonly db: Database;
  };

interface MetaRow {
  generation: number;
  vector_generation: number;
  documents: number;
  chunks: number;
  total_length: number;
}

interface DocumentRow {
  doc_id: string;
  source: string;
  title: string;
  kind: string | null;
  number: string | null;
  number_key: string | null;
  issuer: string | null;
  date: string | null;
  format: string;
  content_hash: string;
  pages: number | null;
  chunk_count: number;
  version: number;
  added_at: string;
  updated_at: string;
  key_lo: number | null;
  key_hi: number | null;
  pipeline: number | null;
  relations: string | null;
}

interface ChunkRow {
  chunk_key: number;
  chunk_id: string;
  doc_id: string;
  position: number;
  heading_path: string;
  text: string;
}

interface CachedDocument {
  record: DocumentRecord;
  keyLo: number | null;
  keyHi: number | null;
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    docId: row.doc_id,
    source: row.source,
    title: row.title,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    date: row.date,
    format: row.format,
    contentHash: row.content_hash,
    ...(row.pipeline !== null && row.pipeline !== undefined ? { pipeline: row.pipeline } : {}),
    ...(row.relations ? { relations: JSON.parse(row.relations) as DocumentRelation[] } : {}),
    pages: row.pages,
    chunkCount: row.chunk_count,
    version: row.version,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
  };
}

/** Chunks kept in memory once read for a search result (the best passages recur). */
const CHUNK_CACHE_SIZE = 10_000;

function toChunk(row: Omit<ChunkRow, "chunk_key">): ChunkRecord {
  return {
    chunkId: row.chunk_id,
    docId: row.doc_id,
    position: row.position,
    headingPath: JSON.parse(row.heading_path) as string[],
    text: row.text,
  };
}

/**
 * Creates the embedded `DocumentStore` over an open SQLite database: documents, chunks,
 * archived versions, a segmented BM25 index and vectors, all in one file, each upsert
 * or delete one transaction. Nothing is rebuilt at start: the first query reads what it
 * needs and keeps it in memory until a write (from this or another process) changes it.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  const { db } = options;
  const k1 = options.bm25?.k1 ?? 1.2;
  const bigramK1 = options.bm25?.bigramK1 ?? DEFAULT_BIGRAM_K1;
  const b = options.bm25?.b ?? 0.75;
  assertBm25Params({ k1, bigramK1, b });
  const clock = options.clock ?? (() => new Date());
  migrate(db, "store", STORE_MIGRATIONS);

  const lexical = createLexicalIndex(db, options.tuning);
  const dense = createDenseIndex(db);

  const stmt = {
    meta: db.prepare<[], MetaRow>("SELECT * FROM store_meta WHERE id = 1"),
    metaUpdate: db.prepare(
      `UPDATE store_meta SET generation = @generation, vector_generation = @vector_generation,
         documents = @documents, chunks = @chunks, total_length = @total_length WHERE id = 1`,
    ),
    vectorGenerationBump: db.prepare(
      "UPDATE store_meta SET vector_generation = vector_generation + 1 WHERE id = 1",
    ),
    docGet: db.prepare<[string], DocumentRow>("SELECT * FROM store_documents WHERE doc_id = ?"),
    docsAll: db.prepare<[], DocumentRow>("SELECT * FROM store_documents ORDER BY added_at DESC, rowid DESC"),
    docsByNumber: db.prepare<[string], DocumentRow>(
      "SELECT * FROM store_documents WHERE number_key = ? ORDER BY added_at DESC, rowid DESC",
    ),
    // A range over the number index (number_key is lower-cased, so digits sort first).
    docsByNumberPrefix: db.prepare<[string, string], DocumentRow>(
      `SELECT * FROM store_documents WHERE number_key >= ? AND number_key < ?
       ORDER BY added_at DESC, rowid DESC`,
    ),
    docUpsert: db.prepare(
      `INSERT INTO store_documents (doc_id, source, title, kind, number, number_key, issuer, date, format,
         content_hash, pages, chunk_count, version, added_at, updated_at, key_lo, key_hi, pipeline, relations)
       VALUES (@doc_id, @source, @title, @kind, @number, @number_key, @issuer, @date, @format,
         @content_hash, @pages, @chunk_count, @version, @added_at, @updated_at, @key_lo, @key_hi, @pipeline,
         @relations)
       ON CONFLICT (doc_id) DO UPDATE SET source = excluded.source, title = excluded.title, kind = excluded.kind,
         number = excluded.number, number_key = excluded.number_key, issuer = excluded.issuer, date = excluded.date,
         format = excluded.format, content_hash = excluded.content_hash, pages = excluded.pages,
         chunk_count = excluded.chunk_count, version = excluded.version, added_at = excluded.added_at,
         updated_at = excluded.updated_at, key_lo = excluded.key_lo, key_hi = excluded.key_hi,
         pipeline = excluded.pipeline, relations = excluded.relations`,
    ),
    docKeys: db.prepare("UPDATE store_documents SET key_lo = ?, key_hi = ? WHERE doc_id = ?"),
    docDelete: db.prepare("DELETE FROM store_documents WHERE doc_id = ?"),
    chunkInsert: db.prepare(
      `INSERT INTO store_chunks (chunk_id, doc_id, position, heading_path, text, length, text_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    chunkOwner: db.prepare<[string], string>("SELECT doc_id FROM store_chunks WHERE chunk_id = ?"),
    chunkById: db.prepare<[string], ChunkRow>(
      "SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks WHERE chunk_id = ?",
    ),
    chunkByKey: db.prepare<[number], ChunkRow>(
      "SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks WHERE chunk_key = ?",
    ),
    chunkIdsByKeys: db.prepare<[string], [number, string]>(
      "SELECT chunk_key, chunk_id FROM store_chunks WHERE chunk_key IN (SELECT value FROM json_each(?))",
    ),
    chunksOfDoc: db.prepare<[string], ChunkRow>(
      `SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks
       WHERE doc_id = ? ORDER BY position, chunk_key`,
    ),
    chunkTotalsOfDoc: db.prepare<[string], { count: number; length: number }>(
      "SELECT count(*) AS count, total(length) AS length FROM store_chunks WHERE doc_id = ?",
    ),
    textHashesOfDoc: db.prepare<[string], string>(
      "SELECT DISTINCT text_hash FROM store_chunks WHERE doc_id = ?",
    ),
    chunksDelete: db.prepare("DELETE FROM store_chunks WHERE doc_id = ?"),
    archiveVersion: db.prepare(
      "INSERT INTO store_archived_versions (doc_id, version, record, superseded_at) VALUES (?, ?, ?, ?)",
    ),
    archiveChunks: db.prepare(
      `INSERT INTO store_archived_chunks (doc_id, version, seq, chunk_id, position, heading_path, text)
       SELECT doc_id, ?, row_number() OVER (ORDER BY position, chunk_key) - 1, chunk_id, position, heading_path, text
       FROM store_chunks WHERE doc_id = ?`,
    ),
    archivedVersions: db.prepare<[string], { version: number; record: string; superseded_at: string }>(
      "SELECT version, record, superseded_at FROM store_archived_versions WHERE doc_id = ? ORDER BY version",
    ),
    archivedChunks: db.prepare<[string, number], Omit<ChunkRow, "chunk_key">>(
      `SELECT chunk_id, doc_id, position, heading_path, text FROM store_archived_chunks
       WHERE doc_id = ? AND version = ? ORDER BY seq`,
    ),
    archiveDeleteVersions: db.prepare("DELETE FROM store_archived_versions WHERE doc_id = ?"),
    archiveDeleteChunks: db.prepare("DELETE FROM store_archived_chunks WHERE doc_id = ?"),
  };
  stmt.chunkOwner.pluck(true);
  stmt.chunkIdsByKeys.raw(true);
  stmt.textHashesOfDoc.pluck(true);

  let closed = false;
  // What this connection last saw of the store; a different value in store_meta means
  // another connection wrote, and every cache is dropped.
  let knownGeneration = -1;
  let knownVectorGeneration = -1;
  let documents: Map<string, CachedDocument> | null = null;

  function ensureOpen(): void {
    if (closed) throw storeError("closed", "the store is closed");
  }

  /** Reads the totals and drops caches another connection's writes made stale. */
  function sync(): MetaRow {
    const meta = stmt.meta.get();
    if (!meta) throw storeError("corrupt", "store_meta row is missing");
    if (meta.generation !== knownGeneration) {
      lexical.forget();
      lexical.reset();
      dense.reset();
      documents = null;
      knownGeneration = meta.generation;
    }
    if (meta.vector_generation !== knownVectorGeneration) {
      dense.reset();
      knownVectorGeneration = meta.vector_generation;
    }
    return meta;
  }

  function loadDocuments(): Map<string, CachedDocument> {
    if (documents) return documents;
    const map = new Map<string, CachedDocument>();
    for (const row of stmt.docsAll.all())
      map.set(row.doc_id, { record: toRecord(row), keyLo: row.key_lo, keyHi: row.key_hi });
    documents = map;
    return map;
  }

  /** A mask over chunk keys of the documents passing the filter; null when unfiltered. */
  function allowedKeys(filter: CompiledFilter | null): Uint8Array | null {
    if (filter === null) return null;
    const docs = loadDocuments();
    let maxKey = -1;
    for (const doc of docs.values()) if (doc.keyHi !== null) maxKey = Math.max(maxKey, doc.keyHi);
    const mask = new Uint8Array(maxKey + 1);
    for (const doc of docs.values()) {
      if (doc.keyLo === null || doc.keyHi === null || !matchesFilter(doc.record, filter)) continue;
      mask.fill(1, doc.keyLo, doc.keyHi + 1);
    }
    return mask;
  }

  /** BM25 parameters with the corpus totals of `meta` (non-empty corpus). */
  function bm25Context(meta: MetaRow): Bm25Context {
    return { k1, bigramK1, b, chunks: meta.chunks, averageLength: meta.total_length / meta.chunks };
  }

  // Chunk keys are never reused (AUTOINCREMENT) and a chunk row never changes, so a
  // chunk read once stays valid; a deleted chunk's key is never scored again.
  const chunkCache = new LruCache<number, ChunkRecord>(CHUNK_CACHE_SIZE, () => 1);
  function chunkByKey(key: number): ChunkRecord | undefined {
    const cached = chunkCache.get(key);
    if (cached) return cached;
    const row = stmt.chunkByKey.get(key);
    if (!row) return undefined;
    const chunk = toChunk(row);
    chunkCache.set(key, chunk);
    return chunk;
  }

  /** The best `limit` of the candidates, as records, score descending then chunk id. */
  function rank(
    keys: Int32Array,
    scores: Float64Array,
    count: number,
    limit: number,
    annotate?: (hit: ScoredChunk, key: number) => void,
  ): ScoredChunk[] {
    const picked = selectTop(scores, count, limit, (ties) => {
      const ids = new Map<number, string>();
      for (const [key, id] of stmt.chunkIdsByKeys.all(JSON.stringify(ties.map((i) => keys[i]!))))
        ids.set(key, id);
      return ties.sort((x, y) => {
        const a = ids.get(keys[x]!) ?? "";
        const c = ids.get(keys[y]!) ?? "";
        return a < c ? -1 : a > c ? 1 : 0;
      });
    });
    const docs = loadDocuments();
    const out: ScoredChunk[] = [];
    for (const i of picked) {
      const chunk = chunkByKey(keys[i]!);
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

  /** Removes a document's active chunks (postings, unused vectors); returns what left. */
  function removeChunksOf(row: DocumentRow): { count: number; length: number; hashes: string[] } {
    if (row.key_lo === null || row.key_hi === null) return { count: 0, length: 0, hashes: [] };
    const totals = stmt.chunkTotalsOfDoc.get(row.doc_id) ?? { count: 0, length: 0 };
    const hashes = stmt.textHashesOfDoc.all(row.doc_id);
    stmt.chunksDelete.run(row.doc_id);
    lexical.removeKeys(row.key_lo, row.key_hi);
    return { count: totals.count, length: totals.length, hashes };
  }

  /** Runs a write in one IMMEDIATE transaction; afterwards drops the caches it made stale. */
  function write<T>(body: (meta: MetaRow) => { value: T; meta: MetaRow | null }): T {
    ensureOpen();
    let outcome: { value: T; meta: MetaRow | null; before: MetaRow };
    try {
      outcome = db
        .transaction(() => {
          const before = stmt.meta.get();
          if (!before) throw storeError("corrupt", "store_meta row is missing");
          const result = body(before);
          if (result.meta) stmt.metaUpdate.run(result.meta);
          return { ...result, before };
        })
        .immediate();
    } catch (error) {
      lexical.reset();
      dense.reset();
      documents = null;
      throw asStoreError(error, "store write failed");
    }
    const { value, meta, before } = outcome;
    if (meta) {
      if (meta.generation !== before.generation) {
        // N and the mean length changed, so every cached impact is stale.
        lexical.forget();
        documents = null;
        knownGeneration = meta.generation;
      }
      dense.reset();
      knownVectorGeneration = meta.vector_generation;
    }
    lexical.reset();
    return value;
  }

  function read<T>(body: () => T): T {
    ensureOpen();
    try {
      return db.transaction(body).deferred();
    } catch (error) {
      throw asStoreError(error, "store read failed");
    }
  }

  type Prepared = { chunk: IndexedChunk; headingPath: string; textHash: string };

  function prepare(input: DocumentInput, chunks: IndexedChunk[]): Prepared[] {
    validateDocument(input);
    validateChunks(input.docId, chunks);
    return chunks.map((chunk) => ({
      chunk,
      headingPath: JSON.stringify(chunk.headingPath),
      textHash: sha256(chunk.text),
    }));
  }

  /**
   * One document's upsert inside a write transaction: rows written, postings entries
   * appended to `entries` (the caller writes them as one segment), corpus totals updated.
   */
  function applyUpsert(
    input: DocumentInput,
    prepared: Prepared[],
    meta: MetaRow,
    entries: IndexEntry[],
  ): { value: UpsertResult; meta: MetaRow | null } {
    const existing = stmt.docGet.get(input.docId);
    if (
      existing &&
      existing.content_hash === input.contentHash &&
      existing.pipeline === (input.pipeline ?? null)
    ) {
      return {
        value: {
          docId: input.docId,
          status: "unchanged",
          version: existing.version,
          chunkCount: existing.chunk_count,
        },
        meta: null,
      };
    }
    const now = clock().toISOString();
    let removed = { count: 0, length: 0, hashes: [] as string[] };
    if (existing) {
      stmt.archiveVersion.run(existing.doc_id, existing.version, JSON.stringify(toRecord(existing)), now);
      stmt.archiveChunks.run(existing.version, existing.doc_id);
      removed = removeChunksOf(existing);
    }
    const version = existing ? existing.version + 1 : 1;
    stmt.docUpsert.run({
      doc_id: input.docId,
      source: input.source,
      title: input.title,
      kind: input.kind,
      number: input.number,
      number_key: input.number === null ? null : numberKey(input.number),
      issuer: input.issuer,
      date: input.date,
      format: input.format,
      content_hash: input.contentHash,
      pages: input.pages,
      chunk_count: prepared.length,
      version,
      added_at: existing?.added_at ?? now,
      updated_at: now,
      key_lo: null,
      key_hi: null,
      pipeline: input.pipeline ?? null,
      relations: input.relations && input.relations.length > 0 ? JSON.stringify(input.relations) : null,
    });
    const first = entries.length;
    let addedLength = 0;
    for (const { chunk, headingPath, textHash } of prepared) {
      const owner = stmt.chunkOwner.get(chunk.chunkId);
      if (owner !== undefined) {
        throw storeError("invalidInput", `chunk ${chunk.chunkId} already belongs to document ${owner}`, {
          context: { docId: input.docId, chunkId: chunk.chunkId, owner },
        });
      }
      const key = Number(
        stmt.chunkInsert.run(
          chunk.chunkId,
          input.docId,
          chunk.position,
          headingPath,
          chunk.text,
          chunk.length,
          textHash,
        ).lastInsertRowid,
      );
      const previous = entries[entries.length - 1];
      if (entries.length > first && previous && key !== previous.key + 1) {
        throw storeError("corrupt", "chunk keys of one document are not consecutive", { context: { key } });
      }
      entries.push({ key, terms: chunk.terms, length: chunk.length });
      addedLength += chunk.length;
    }
    if (entries.length > first)
      stmt.docKeys.run(entries[first]!.key, entries[entries.length - 1]!.key, input.docId);
    const newHashes = new Set(prepared.map((p) => p.textHash));
    dense.collect(removed.hashes.filter((hash) => !newHashes.has(hash)));
    return {
      value: {
        docId: input.docId,
        status: existing ? "replaced" : "added",
        version,
        chunkCount: prepared.length,
      },
      meta: {
        generation: meta.generation + 1,
        vector_generation: meta.vector_generation + 1,
        documents: meta.documents + (existing ? 0 : 1),
        chunks: meta.chunks - removed.count + prepared.length,
        total_length: Math.max(0, meta.total_length - removed.length + addedLength),
      },
    };
  }

  function upsert(input: DocumentInput, chunks: IndexedChunk[]): UpsertResult {
    return upsertMany([{ doc: input, chunks }])[0]!;
  }

  /**
   * Several documents in ONE transaction and one postings segment: a corpus of many
   * small files is written without a segment (and its merges) per file.
   */
  function upsertMany(items: ReadonlyArray<{ doc: DocumentInput; chunks: IndexedChunk[] }>): UpsertResult[] {
    const prepared = items.map((item) => prepare(item.doc, item.chunks));
    const ids = new Set<string>();
    for (const item of items) {
      if (ids.has(item.doc.docId))
        throw storeError("invalidInput", `document ${item.doc.docId} appears twice in one batch`);
      ids.add(item.doc.docId);
    }
    return write<UpsertResult[]>((meta) => {
      const entries: IndexEntry[] = [];
      const results: UpsertResult[] = [];
      let current = meta;
      let changed = false;
      items.forEach((item, i) => {
        const outcome = applyUpsert(item.doc, prepared[i]!, current, entries);
        results.push(outcome.value);
        if (outcome.meta) {
          current = outcome.meta;
          changed = true;
        }
      });
      if (!changed) return { value: results, meta: null };
      lexical.addSegment(entries);
      lexical.maintain();
      return { value: results, meta: current };
    });
  }

  function searchScored(
    filter: ChunkFilter | undefined,
    limit: number,
    score: (
      allowed: Uint8Array | null,
      meta: MetaRow,
    ) => { keys: Int32Array; scores: Float64Array; count: number },
    annotate?: (meta: MetaRow) => (hit: ScoredChunk, key: number) => void,
  ): ScoredChunk[] {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    return read(() => {
      const meta = sync();
      if (meta.chunks === 0) return [];
      const compiled = compileFilter(filter);
      const allowed = allowedKeys(compiled);
      if (allowed !== null && !allowed.includes(1)) return [];
      const { keys, scores, count } = score(allowed, meta);
      return rank(keys, scores, count, max, annotate?.(meta));
    });
  }

  const store: EmbeddedStore = {
    db,

    async upsertDocument(doc, chunks) {
      return upsert(doc, chunks);
    },

    async upsertDocuments(items) {
      return upsertMany(items);
    },

    async deleteDocument(docId) {
      return write<boolean>((meta) => {
        const existing = stmt.docGet.get(docId);
        if (!existing) return { value: false, meta: null };
        const removed = removeChunksOf(existing);
        stmt.archiveDeleteChunks.run(docId);
        stmt.archiveDeleteVersions.run(docId);
        stmt.docDelete.run(docId);
        dense.collect(removed.hashes);
        lexical.maintain();
        return {
          value: true,
          meta: {
            generation: meta.generation + 1,
            vector_generation: meta.vector_generation + 1,
            documents: meta.documents - 1,
            chunks: meta.chunks - removed.count,
            total_length: Math.max(0, meta.total_length - removed.length),
          },
        };
      });
    },

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
        if (!row) return null;
        const doc = stmt.docGet.get(row.doc_id);
        if (!doc) throw storeError("corrupt", `chunk ${chunkId} has no document`);
        return { chunk: toChunk(row), doc: toRecord(doc), score: 0 };
      });
    },

    async getChunks(docId) {
      ensureOpen();
      return stmt.chunksOfDoc.all(docId).map(toChunk);
    },

    async searchLexical(query) {
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

    async searchDense(query) {
      return searchScored(query.filter, query.limit, (allowed) =>
        dense.score(query.model, query.vector, allowed),
      );
    },

    async putVectors(model, vectors) {
      if (vectors.length === 0) return;
      write<void>((meta) => {
        dense.put(model, vectors);
        return {
          value: undefined,
          meta: { ...meta, vector_generation: meta.vector_generation + 1 },
        };
      });
    },

    async getVectorsByContentHash(model, contentHashes) {
      return read(() => dense.get(model, contentHashes));
    },

    async chunksWithoutVectors(model, limit) {
      return read(() => dense.withoutVectors(model, limit));
    },

    async vectorModels() {
      return read(() => dense.models());
    },

    async stats() {
      ensureOpen();
      const meta = stmt.meta.get();
      return { documents: meta?.documents ?? 0, chunks: meta?.chunks ?? 0 };
    },

    async termStats(terms) {
      return read(() => {
        const meta = sync();
        const df = new Map<string, number>();
        if (meta.chunks === 0) {
          for (const term of terms) df.set(term, 0);
          return { chunks: 0, df };
        }
        for (const [term, postings] of lexical.lists(terms, bm25Context(meta)))
          df.set(term, postings.keys.length);
        return { chunks: meta.chunks, df };
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      lexical.forget();
      lexical.reset();
      dense.reset();
      documents = null;
      if (options.ownsDatabase) db.close();
    },
  };
  return store;
}

/**
 * Opens (creating when missing) the store kept in `<storeDir>/nhatthe.db`. The store
 * owns this database: `close()` closes it. Other modules reach it through `store.db`.
 */
export function openEmbeddedStore(
  storeDir: string,
  options: Omit<EmbeddedStoreOptions, "db" | "ownsDatabase"> = {},
): EmbeddedStore {
  const db = openDatabase(join(storeDir, EMBEDDED_STORE_FILE));
  try {
    return createEmbeddedStore({ ...options, db, ownsDatabase: true });
  } catch (error) {
    db.close();
    throw error;
  }
}
