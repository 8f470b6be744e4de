import type { Schemas } from "@qdrant/js-client-rest";
import { FILTER_KEYS } from "./filter.js";
import { termIndex } from "./sparse.js";

/**
 * The Qdrant index's collection, and the checks run on it at start.
 *
 * `<collection>` holds one point per active chunk: the sparse vector `lexical` (BM25,
 * `modifier: "idf"`), one dense vector per embedding model (`dense-…`, cosine), and the
 * payload of `passage-point.ts`. Only active chunks live there, so Qdrant's idf
 * statistics count exactly the active corpus.
 *
 * `<collection>_docs` is store schema 1 (before the catalog moved to SQLite): document
 * records, archived versions, the store's metadata and the embedding cache (one point per
 * model and chunk text hash, its raw vector in a `raw-…` vector). It is only read now, to
 * adopt an old deployment's catalog; its specs stay to describe (and in tests, build) it.
 */

export const LEXICAL_VECTOR = "lexical";
/** The schema of a `<collection>_docs` metadata record (the layout before the split). */
export const SCHEMA_VERSION = 1;
/**
 * The Query API and the idf modifier arrived in Qdrant 1.10, the `has_vector` condition
 * (used to count and list chunks by embedding model) in 1.13. Adding a model's vectors to
 * an existing collection needs a server with the named-vector endpoint (1.18); older ones
 * work when the model is configured before the collections are created.
 */
export const MIN_QDRANT_VERSION: readonly [number, number] = [1, 13];

export function recordsCollectionName(collection: string): string {
  return `${collection}_docs`;
}

function vectorSlug(model: string): string {
  const readable = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  // The hash keeps two models whose readable parts coincide ("a/b" and "a-b") apart.
  return `${readable || "model"}-${termIndex(model).toString(16).padStart(8, "0")}`;
}

/** The searchable (cosine) vector of an embedding model on chunk points. */
export function denseVectorName(model: string): string {
  return `dense-${vectorSlug(model)}`;
}

/** The raw vector of an embedding model in the embedding cache. */
export function cacheVectorName(model: string): string {
  return `raw-${vectorSlug(model)}`;
}

export interface PayloadIndexSpec {
  field: string;
  schema: Schemas["PayloadSchemaType"];
}

/** Indexes on every chunk payload key a filter or a count reads. */
export const CHUNK_PAYLOAD_INDEXES: readonly PayloadIndexSpec[] = [
  { field: FILTER_KEYS.docId, schema: "keyword" },
  { field: FILTER_KEYS.numberKey, schema: "keyword" },
  { field: FILTER_KEYS.kind, schema: "keyword" },
  { field: FILTER_KEYS.date, schema: "integer" },
  { field: "content_hash", schema: "keyword" },
  // df counts for termStats.
  { field: "terms", schema: "keyword" },
];

export const RECORD_PAYLOAD_INDEXES: readonly PayloadIndexSpec[] = [
  { field: "record_type", schema: "keyword" },
  { field: FILTER_KEYS.docId, schema: "keyword" },
  { field: FILTER_KEYS.numberKey, schema: "keyword" },
  { field: FILTER_KEYS.kind, schema: "keyword" },
];

export interface DenseModelSpec {
  name: string;
  dimension: number;
}

/** Creation body of the chunk collection; the configured model's vector is made up front. */
export function chunkCollectionSpec(dense?: DenseModelSpec): Schemas["CreateCollection"] {
  return {
    vectors: dense ? { [denseVectorName(dense.name)]: { size: dense.dimension, distance: "Cosine" } } : {},
    sparse_vectors: { [LEXICAL_VECTOR]: { modifier: "idf" } },
  };
}

/** Parameters of a cache vector: stored as given (Dot never normalizes), never searched. */
export const CACHE_VECTOR_PARAMS = { hnsw_config: { m: 0 }, on_disk: true } as const;

export function recordsCollectionSpec(dense?: DenseModelSpec): Schemas["CreateCollection"] {
  return {
    vectors: dense
      ? { [cacheVectorName(dense.name)]: { size: dense.dimension, distance: "Dot", ...CACHE_VECTOR_PARAMS } }
      : {},
  };
}

export interface CollectionShape {
  /** Named dense vectors with their size and distance. */
  vectors: Map<string, { size: number; distance: string }>;
  /** Payload keys that have an index. */
  indexed: Set<string>;
  /** What makes the collection unusable, in words an operator can act on; empty when fine. */
  problems: string[];
}

function namedVectors(
  name: string,
  config: Schemas["VectorsConfig"] | undefined,
  problems: string[],
): Map<string, { size: number; distance: string }> {
  const vectors = new Map<string, { size: number; distance: string }>();
  if (config === undefined) return vectors;
  if ("size" in config && typeof config.size === "number") {
    problems.push(
      `collection "${name}" has a single unnamed vector: it was not created by this bot; use another QDRANT_COLLECTION`,
    );
    return vectors;
  }
  for (const [vectorName, params] of Object.entries(
    config as Record<string, Schemas["VectorParams"] | undefined>,
  )) {
    if (params) vectors.set(vectorName, { size: params.size, distance: params.distance });
  }
  return vectors;
}

/** Reads the chunk collection's configuration and lists what does not fit this store. */
export function inspectChunkCollection(name: string, info: Schemas["CollectionInfo"]): CollectionShape {
  const problems: string[] = [];
  const params = info.config.params;
  const vectors = namedVectors(name, params.vectors, problems);
  const lexical = params.sparse_vectors?.[LEXICAL_VECTOR];
  if (!lexical) {
    problems.push(
      `collection "${name}" has no sparse vector "${LEXICAL_VECTOR}"; use another QDRANT_COLLECTION`,
    );
  } else if (lexical.modifier !== "idf") {
    problems.push(
      `sparse vector "${LEXICAL_VECTOR}" of collection "${name}" lacks modifier "idf"; recreate the collection (migrate again)`,
    );
  }
  for (const [vectorName, v] of vectors) {
    if (vectorName.startsWith("dense-") && v.distance !== "Cosine") {
      problems.push(`vector "${vectorName}" of collection "${name}" uses ${v.distance}, expected Cosine`);
    }
  }
  return { vectors, indexed: new Set(Object.keys(info.payload_schema)), problems };
}

export function inspectRecordsCollection(name: string, info: Schemas["CollectionInfo"]): CollectionShape {
  const problems: string[] = [];
  const vectors = namedVectors(name, info.config.params.vectors, problems);
  for (const [vectorName, v] of vectors) {
    if (vectorName.startsWith("raw-") && v.distance !== "Dot") {
      problems.push(`vector "${vectorName}" of collection "${name}" uses ${v.distance}, expected Dot`);
    }
  }
  return { vectors, indexed: new Set(Object.keys(info.payload_schema)), problems };
}

/** "1.12.4" → true when at least `MIN_QDRANT_VERSION`; unparsable versions pass. */
export function isSupportedVersion(version: string): boolean {
  const found = /^v?(\d+)\.(\d+)/.exec(version);
  if (!found) return true;
  const major = Number(found[1]);
  const minor = Number(found[2]);
  return major > MIN_QDRANT_VERSION[0] || (major === MIN_QDRANT_VERSION[0] && minor >= MIN_QDRANT_VERSION[1]);
}
