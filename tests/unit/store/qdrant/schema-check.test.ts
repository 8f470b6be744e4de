import type { Schemas } from "@qdrant/js-client-rest";
import { describe, expect, it } from "vitest";
import {
  CACHE_VECTOR_PARAMS,
  cacheVectorName,
  chunkCollectionSpec,
  denseVectorName,
  inspectChunkCollection,
  inspectRecordsCollection,
  isSupportedVersion,
  recordsCollectionName,
  recordsCollectionSpec,
} from "../../../../src/store/qdrant/schema-check.js";
import { createQdrantSchemaValidator } from "../../../support/qdrant-openapi.js";

const schema = createQdrantSchemaValidator();

function info(
  params: Partial<Schemas["CollectionParams"]>,
  indexed: string[] = [],
): Schemas["CollectionInfo"] {
  return {
    status: "green",
    optimizer_status: "ok",
    segments_count: 1,
    config: {
      params,
      hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000 },
      optimizer_config: { default_segment_number: 0, flush_interval_sec: 5 },
    },
    payload_schema: Object.fromEntries(indexed.map((f) => [f, { data_type: "keyword", points: 0 }])),
  };
}

describe("collection specs", () => {
  it("declare a sparse `lexical` vector with the idf modifier, and the configured model's vectors", () => {
    const spec = chunkCollectionSpec({ name: "text-embedding-3-small", dimension: 1536 });
    expect(spec.sparse_vectors).toEqual({ lexical: { modifier: "idf" } });
    expect(spec.vectors).toEqual({
      [denseVectorName("text-embedding-3-small")]: { size: 1536, distance: "Cosine" },
    });
    expect(chunkCollectionSpec().vectors).toEqual({});
    expect(recordsCollectionSpec({ name: "m", dimension: 3 }).vectors).toEqual({
      [cacheVectorName("m")]: { size: 3, distance: "Dot", ...CACHE_VECTOR_PARAMS },
    });
  });

  it("are valid create-collection bodies for Qdrant", () => {
    for (const body of [
      chunkCollectionSpec(),
      chunkCollectionSpec({ name: "bge-m3", dimension: 1024 }),
      recordsCollectionSpec(),
      recordsCollectionSpec({ name: "bge-m3", dimension: 1024 }),
    ]) {
      expect(schema.checkRequest("create_collection", body)).toEqual([]);
    }
  });

  it("name vectors readably, safely and distinctly per model", () => {
    const name = denseVectorName("text-embedding-3-small");
    expect(name).toMatch(/^dense-text-embedding-3-small-[0-9a-f]{8}$/);
    expect(denseVectorName("BAAI/bge-m3")).toMatch(/^dense-baai-bge-m3-[0-9a-f]{8}$/);
    expect(denseVectorName("a/b")).not.toBe(denseVectorName("a-b"));
    expect(cacheVectorName("m")).toMatch(/^raw-m-/);
    expect(recordsCollectionName("nhatthe")).toBe("nhatthe_docs");
  });
});

describe("inspecting existing collections", () => {
  it("accepts a collection this store made, listing vectors and indexes", () => {
    const shape = inspectChunkCollection(
      "c",
      info(
        {
          vectors: { "dense-m-1": { size: 3, distance: "Cosine" } },
          sparse_vectors: { lexical: { modifier: "idf" } },
        },
        ["doc_id"],
      ),
    );
    expect(shape.problems).toEqual([]);
    expect(shape.vectors.get("dense-m-1")).toEqual({ size: 3, distance: "Cosine" });
    expect(shape.indexed.has("doc_id")).toBe(true);
  });

  it("explains what is wrong with a collection of another shape", () => {
    expect(
      inspectChunkCollection("c", info({ vectors: { size: 4, distance: "Dot" } })).problems.join(),
    ).toMatch(/single unnamed vector.*QDRANT_COLLECTION/);
    expect(inspectChunkCollection("c", info({ vectors: {} })).problems.join()).toMatch(
      /no sparse vector "lexical"/,
    );
    expect(
      inspectChunkCollection("c", info({ vectors: {}, sparse_vectors: { lexical: {} } })).problems.join(),
    ).toMatch(/lacks modifier "idf"/);
    expect(
      inspectChunkCollection(
        "c",
        info({
          vectors: { "dense-x": { size: 3, distance: "Dot" } },
          sparse_vectors: { lexical: { modifier: "idf" } },
        }),
      ).problems.join(),
    ).toMatch(/expected Cosine/);
    expect(
      inspectRecordsCollection(
        "c_docs",
        info({ vectors: { "raw-x": { size: 3, distance: "Cosine" } } }),
      ).problems.join(),
    ).toMatch(/expected Dot/);
  });
});

describe("isSupportedVersion", () => {
  it("needs Qdrant 1.13 or newer", () => {
    expect(isSupportedVersion("1.18.0")).toBe(true);
    expect(isSupportedVersion("1.13.0")).toBe(true);
    expect(isSupportedVersion("2.0.0")).toBe(true);
    expect(isSupportedVersion("1.12.6")).toBe(false);
    expect(isSupportedVersion("0.11.0")).toBe(false);
    expect(isSupportedVersion("dev")).toBe(true);
  });
});
