import { storeError } from "./errors.js";
import type { Database } from "./sqlite.js";
import type { ChunkRecord, StoredVector } from "./types.js";

interface ChunkRow {
  chunk_id: string;
  doc_id: string;
  position: number;
  heading_path: string;
  text: string;
}

/** A vector as stored: float32 little-endian bytes. */
export function toFloat32(blob: Uint8Array): Float32Array {
  const out = new Float32Array(Math.floor(blob.byteLength / 4));
  new Uint8Array(out.buffer).set(blob.subarray(0, out.length * 4));
  return out;
}

function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

/**
 * The catalog's embedding cache: one row per (chunk text hash, model). A chunk has a
 * vector for a model when an embedding of its exact text exists, so re-ingesting
 * unchanged passages re-uses vectors and identical passages share one. Embeddings no
 * active chunk uses any more are removed with the chunks (`collect`). Part of the catalog
 * whatever the search index: the embedded index searches these rows directly, the Qdrant
 * index gets a copy on its points.
 */
export interface EmbeddingCache {
  /**
   * Stores vectors; must run inside the caller's write transaction. Returns the vectors
   * kept: a vector for text no active chunk has (its document was replaced meanwhile)
   * is dropped.
   */
  put(model: string, vectors: readonly StoredVector[]): StoredVector[];
  get(model: string, contentHashes: readonly string[]): Map<string, Float32Array>;
  dimension(model: string): number | null;
  withoutVectors(model: string, limit: number): ChunkRecord[];
  models(): Array<{ model: string; dimension: number; count: number }>;
  /** Deletes embeddings of these text hashes unless an active chunk still has that text. */
  collect(textHashes: Iterable<string>): void;
}

/** Creates the embedding cache over the catalog's tables; statements prepared once. */
export function createEmbeddingCache(db: Database): EmbeddingCache {
  const stmt = {
    modelDimension: db.prepare<[string], number>("SELECT dimension FROM store_vector_models WHERE model = ?"),
    modelUpsert: db.prepare(
      `INSERT INTO store_vector_models (model, dimension) VALUES (?, ?)
       ON CONFLICT (model) DO UPDATE SET dimension = excluded.dimension`,
    ),
    modelHasEmbeddings: db.prepare<[string], number>(
      "SELECT 1 FROM store_embeddings WHERE model = ? LIMIT 1",
    ),
    chunkHash: db.prepare<[string], string>("SELECT text_hash FROM store_chunks WHERE chunk_id = ?"),
    hashInUse: db.prepare<[string], number>("SELECT 1 FROM store_chunks WHERE text_hash = ? LIMIT 1"),
    embeddingUpsert: db.prepare(
      `INSERT INTO store_embeddings (content_hash, model, vector) VALUES (?, ?, ?)
       ON CONFLICT (content_hash, model) DO UPDATE SET vector = excluded.vector`,
    ),
    embeddingGet: db.prepare<[string, string], Buffer>(
      "SELECT vector FROM store_embeddings WHERE content_hash = ? AND model = ?",
    ),
    embeddingCollect: db.prepare(
      `DELETE FROM store_embeddings WHERE content_hash = @hash
       AND NOT EXISTS (SELECT 1 FROM store_chunks WHERE text_hash = @hash)`,
    ),
    withoutVectors: db.prepare<[string, number], ChunkRow>(
      `SELECT chunk_id, doc_id, position, heading_path, text FROM store_chunks c
       WHERE NOT EXISTS (SELECT 1 FROM store_embeddings e WHERE e.content_hash = c.text_hash AND e.model = ?)
       ORDER BY chunk_key LIMIT ?`,
    ),
    models: db.prepare<[], { model: string; dimension: number; count: number }>(
      `SELECT e.model AS model, m.dimension AS dimension, count(*) AS count
       FROM store_chunks c
       JOIN store_embeddings e ON e.content_hash = c.text_hash
       JOIN store_vector_models m ON m.model = e.model
       GROUP BY e.model ORDER BY e.model`,
    ),
  };
  stmt.modelDimension.pluck(true);
  stmt.modelHasEmbeddings.pluck(true);
  stmt.chunkHash.pluck(true);
  stmt.hashInUse.pluck(true);
  stmt.embeddingGet.pluck(true);

  return {
    put(model, vectors) {
      if (vectors.length === 0) return [];
      const dimension = vectors[0]!.vector.length;
      if (dimension === 0 || vectors.some((v) => v.vector.length !== dimension)) {
        throw storeError("vectorDimension", `vectors for ${model} differ in dimension or are empty`, {
          context: { model },
        });
      }
      const known = stmt.modelDimension.get(model);
      if (known !== undefined && known !== dimension) {
        if (stmt.modelHasEmbeddings.get(model) !== undefined) {
          throw storeError("vectorDimension", `model ${model} has dimension ${known}, got ${dimension}`, {
            context: { model, expected: known, got: dimension },
          });
        }
      }
      if (known !== dimension) stmt.modelUpsert.run(model, dimension);
      const kept: StoredVector[] = [];
      for (const v of vectors) {
        const hash = stmt.chunkHash.get(v.chunkId);
        if (hash !== undefined && hash !== v.contentHash) {
          throw storeError("invalidInput", `content hash of chunk ${v.chunkId} does not match its text`, {
            context: { chunkId: v.chunkId },
          });
        }
        if (hash === undefined && stmt.hashInUse.get(v.contentHash) === undefined) continue;
        stmt.embeddingUpsert.run(v.contentHash, model, toBlob(v.vector));
        kept.push(v);
      }
      return kept;
    },

    get(model, contentHashes) {
      const out = new Map<string, Float32Array>();
      for (const hash of contentHashes) {
        if (out.has(hash)) continue;
        const blob = stmt.embeddingGet.get(hash, model);
        if (blob) out.set(hash, toFloat32(blob));
      }
      return out;
    },

    dimension(model) {
      return stmt.modelDimension.get(model) ?? null;
    },

    withoutVectors(model, limit) {
      if (limit <= 0) return [];
      return stmt.withoutVectors.all(model, Math.floor(limit)).map((row) => ({
        chunkId: row.chunk_id,
        docId: row.doc_id,
        position: row.position,
        headingPath: JSON.parse(row.heading_path) as string[],
        text: row.text,
      }));
    },

    models() {
      return stmt.models.all();
    },

    collect(textHashes) {
      for (const hash of new Set(textHashes)) stmt.embeddingCollect.run({ hash });
    },
  };
}
