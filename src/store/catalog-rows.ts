import type { Database } from "./sqlite.js";
import type { ChunkRecord, DocumentRecord, DocumentRelation } from "./types.js";

/**
 * The catalog's rows and prepared statements (tables in `store-schema.ts`). Kept apart
 * from `sqlite-catalog.ts` so the catalog's logic reads without the SQL in between.
 */

export interface MetaRow {
  generation: number;
  vector_generation: number;
  documents: number;
  chunks: number;
  total_length: number;
}

export interface DocumentRow {
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

export interface ChunkRow {
  chunk_key: number;
  chunk_id: string;
  doc_id: string;
  position: number;
  heading_path: string;
  text: string;
}

export function toRecord(row: DocumentRow): DocumentRecord {
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

export function toChunk(row: Omit<ChunkRow, "chunk_key">): ChunkRecord {
  return {
    chunkId: row.chunk_id,
    docId: row.doc_id,
    position: row.position,
    headingPath: JSON.parse(row.heading_path) as string[],
    text: row.text,
  };
}

export type CatalogStatements = ReturnType<typeof prepareCatalogStatements>;

export function prepareCatalogStatements(db: Database) {
  const stmt = {
    meta: db.prepare<[], MetaRow>("SELECT * FROM store_meta WHERE id = 1"),
    metaUpdate: db.prepare(
      `UPDATE store_meta SET generation = @generation, vector_generation = @vector_generation,
         documents = @documents, chunks = @chunks, total_length = @total_length WHERE id = 1`,
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
    chunksByIds: db.prepare<[string], ChunkRow>(
      `SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks
       WHERE chunk_id IN (SELECT value FROM json_each(?))`,
    ),
    chunksByTextHashes: db.prepare<[string], { chunk_id: string; text_hash: string }>(
      `SELECT chunk_id, text_hash FROM store_chunks
       WHERE text_hash IN (SELECT value FROM json_each(?)) ORDER BY chunk_key`,
    ),
    chunksOfDoc: db.prepare<[string], ChunkRow>(
      `SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks
       WHERE doc_id = ? ORDER BY position, chunk_key`,
    ),
    chunksOfDocFirst: db.prepare<[string, number], ChunkRow>(
      `SELECT chunk_key, chunk_id, doc_id, position, heading_path, text FROM store_chunks
       WHERE doc_id = ? ORDER BY position, chunk_key LIMIT ?`,
    ),
    chunkSignatureOfDoc: db.prepare<[string], { count: number; max_key: number | null }>(
      "SELECT count(*) AS count, max(chunk_key) AS max_key FROM store_chunks WHERE doc_id = ?",
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
    archivedChunkInsert: db.prepare(
      `INSERT INTO store_archived_chunks (doc_id, version, seq, chunk_id, position, heading_path, text)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
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
    modelNames: db.prepare<[], string>("SELECT model FROM store_vector_models ORDER BY model"),
    pendingMark: db.prepare(
      "INSERT INTO store_index_pending (doc_id, since) VALUES (?, ?) ON CONFLICT (doc_id) DO NOTHING",
    ),
    pendingClear: db.prepare("DELETE FROM store_index_pending WHERE doc_id = ?"),
    pendingAll: db.prepare<[], string>("SELECT doc_id FROM store_index_pending ORDER BY since, doc_id"),
  };
  stmt.chunkOwner.pluck(true);
  stmt.chunkIdsByKeys.raw(true);
  stmt.textHashesOfDoc.pluck(true);
  stmt.pendingAll.pluck(true);
  stmt.modelNames.pluck(true);
  return stmt;
}
