import { toFloat32 } from "./embedding-cache.js";
import { storeError } from "./errors.js";
import type { Database } from "./sqlite.js";

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

/**
 * The dense half of the embedded search index. It keeps no vectors of its own: it
 * searches the catalog's embedding cache (`embedding-cache.ts`) joined to the active
 * chunks by text hash, in the same database file. Search is brute force cosine over a
 * matrix of unit vectors decoded once per model and kept until the next write.
 */
export interface DenseIndex {
  /** Cosine similarities of active chunks with vectors of `model`, `allowed` masking chunk keys. */
  score(model: string, vector: Float32Array, allowed: Uint8Array | null): DenseCandidates;
  /** Drops decoded matrices (after any write). */
  reset(): void;
}

/** Creates the dense index over the store's tables; statements prepared once. */
export function createDenseIndex(db: Database): DenseIndex {
  const stmt = {
    modelDimension: db.prepare<[string], number>("SELECT dimension FROM store_vector_models WHERE model = ?"),
    matrix: db.prepare<[string], [number, Buffer]>(
      `SELECT c.chunk_key, e.vector FROM store_chunks c
       JOIN store_embeddings e ON e.content_hash = c.text_hash AND e.model = ?
       ORDER BY c.chunk_key`,
    ),
  };
  stmt.modelDimension.pluck(true);
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

    reset() {
      matrices.clear();
    },
  };
  return index;
}
