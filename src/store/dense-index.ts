import { storeError } from "./errors.js";
import type { Database } from "./sqlite.js";
import type { ChunkRecord, StoredVector } from "./types.js";

/** Candidates of a dense query: parallel arrays, `count` long. */
export interface DenseCandidates {
  keys: Int32Array;
  scores: Float64Array;
  count: number;
}

interface ModelMatrix {
  dimension: number;
  keys: Int32Array;
  /** Row i is the unit-length vector of chunk keys[i] (all zeros for a zero vector). */
  rows: Float32Array;
}

interface ChunkRow {
  chunk_id: string;
  doc_id: string;
  position: number;
  heading_path: string;
  text: string;
}

/**
 * Vectors of the embedded store. One row per (chunk text hash, model): a chunk has a
 * vector for a model when an embedding of its exact text exists, so re-ingesting
 * unchanged passages re-uses vectors and identical passages share one. Embeddings no
 * active chunk uses any more are removed with the chunks (`collect`). Search is brute
 * force cosine over a matrix of unit vectors decoded once per model and kept until the
 * next write.
 */
export interface DenseIndex {
  /** Stores vectors; must run inside the caller's write transaction. */
  put(model: string, vectors: readonly StoredVector[]): void;
  get(model: string, contentHashes: readonly string[]): Map<string, Float32Array>;
  dimension(model: string): number | null;
  /** Cosine similarities of active chunks with vectors of `model`, `allowed` masking chunk keys. */
  score(model: string, vector: Float32Array, allowed: Uint8Array | null): DenseCandidates;
  withoutVectors(model: string, limit: number): ChunkRecord[];
  models(): Array<{ model: string; dimension: number; count: number }>;
  /** Deletes embeddings of these text hashes unless an active chunk still has that text. */
  collect(textHashes: Iterable<string>): void;
  /** Drops decoded matrices (after any write). */
  reset(): void;
}

function toFloat32(blob: Uint8Array): Float32Array {
  const out = new Float32Array(Math.floor(blob.byteLength / 4));
  new Uint8Array(out.buffer).set(blob.subarray(0, out.length * 4));
  return out;
}

function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

/** Creates the dense index over the store's tables; statements prepared once. */
export function createDenseIndex(db: Database): DenseIndex {
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
    matrix: db.prepare<[string], [number, Buffer]>(
      `SELECT c.chunk_key, e.vector FROM store_chunks c
       JOIN store_embeddings e ON e.content_hash = c.text_hash AND e.model = ?
       ORDER BY c.chunk_key`,
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
  stmt.matrix.raw(true);

  const matrices = new Map<string, ModelMatrix>();

  function loadMatrix(model: string, dimension: number): ModelMatrix {
    const cached = matrices.get(model);
    if (cached) return cached;
    const rows = stmt.matrix.all(model);
    const keys = new Int32Array(rows.length);
    const data = new Float32Array(rows.length * dimension);
    rows.forEach(([key, blob], i) => {
      keys[i] = key;
      const v = toFloat32(blob);
      let norm = 0;
      for (let d = 0; d < dimension; d++) norm += (v[d] ?? 0) * (v[d] ?? 0);
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      const offset = i * dimension;
      for (let d = 0; d < dimension; d++) data[offset + d] = (v[d] ?? 0) * scale;
    });
    const matrix = { dimension, keys, rows: data };
    matrices.set(model, matrix);
    return matrix;
  }

  const index: DenseIndex = {
    put(model, vectors) {
      if (vectors.length === 0) return;
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
      for (const v of vectors) {
        const hash = stmt.chunkHash.get(v.chunkId);
        if (hash !== undefined && hash !== v.contentHash) {
          throw storeError("invalidInput", `content hash of chunk ${v.chunkId} does not match its text`, {
            context: { chunkId: v.chunkId },
          });
        }
        // A vector for text no active chunk has (its document was replaced meanwhile) is dropped.
        if (hash === undefined && stmt.hashInUse.get(v.contentHash) === undefined) continue;
        stmt.embeddingUpsert.run(v.contentHash, model, toBlob(v.vector));
      }
      matrices.delete(model);
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

    score(model, vector, allowed) {
      const empty = { keys: new Int32Array(0), scores: new Float64Array(0), count: 0 };
      const dimension = stmt.modelDimension.get(model);
      if (dimension === undefined) return empty;
      if (vector.length !== dimension) {
        throw storeError(
          "vectorDimension",
          `query vector has dimension ${vector.length}, ${model} has ${dimension}`,
          {
            context: { model, expected: dimension, got: vector.length },
          },
        );
      }
      let norm = 0;
      for (let d = 0; d < dimension; d++) norm += vector[d]! * vector[d]!;
      if (!(norm > 0)) return empty;
      const query = new Float32Array(dimension);
      const scale = 1 / Math.sqrt(norm);
      for (let d = 0; d < dimension; d++) query[d] = vector[d]! * scale;

      const matrix = loadMatrix(model, dimension);
      const keys = new Int32Array(matrix.keys.length);
      const scores = new Float64Array(matrix.keys.length);
      let count = 0;
      const rows = matrix.rows;
      for (let i = 0; i < matrix.keys.length; i++) {
        const key = matrix.keys[i]!;
        if (allowed !== null && allowed[key] !== 1) continue;
        let dot = 0;
        const offset = i * dimension;
        for (let d = 0; d < dimension; d++) dot += rows[offset + d]! * query[d]!;
        keys[count] = key;
        scores[count] = dot;
        count++;
      }
      return { keys, scores, count };
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

    reset() {
      matrices.clear();
    },
  };
  return index;
}
