import { QdrantClient } from "@qdrant/js-client-rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeQdrantServer, startFakeQdrant } from "../support/qdrant-fake-server.js";
import { loadQdrantOpenApi } from "../support/qdrant-openapi.js";

/**
 * The fake Qdrant is only worth its green tests if it refuses what a real Qdrant refuses.
 * These tests send it malformed requests on purpose, through plain HTTP and through the
 * official client.
 */
describe("fake Qdrant server", () => {
  let server: FakeQdrantServer;
  let client: QdrantClient;

  async function send(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      json: (await response.json()) as { status: unknown; result?: unknown },
    };
  }

  beforeAll(async () => {
    server = await startFakeQdrant();
    client = new QdrantClient({ url: server.url, checkCompatibility: false });
    await client.createCollection("c", {
      vectors: { d: { size: 2, distance: "Cosine" } },
      sparse_vectors: { s: { modifier: "idf" } },
    });
    await client.createPayloadIndex("c", { field_name: "tag", field_schema: "keyword", wait: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it("reads Qdrant's REST schema from the client package's generated types", () => {
    const api = loadQdrantOpenApi();
    expect(api.clientVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const ids = api.operations.map((o) => o.operationId);
    for (const op of [
      "create_collection",
      "upsert_points",
      "query_points",
      "scroll_points",
      "count_points",
      "delete_points",
      "create_field_index",
      "update_vectors",
      "create_vector_name",
    ]) {
      expect(ids).toContain(op);
    }
    expect(api.match("POST", "/collections/c/points/query")?.operation.operationId).toBe("query_points");
    expect(api.match("POST", "/collections/aliases")?.operation.operationId).toBe("update_aliases");
    expect(api.match("GET", "/collections/c")?.params).toEqual({ collection_name: "c" });
  });

  it("refuses bodies outside the schema with a 400 that lists ajv's errors", async () => {
    const cases: Array<[string, string, unknown]> = [
      // Misspelt field.
      ["PUT", "/collections/c/points?wait=true", { points: [{ id: 1, vectors: { d: [1, 0] } }] }],
      // Point id neither an integer nor a string.
      ["PUT", "/collections/c/points?wait=true", { points: [{ id: true, vector: { d: [1, 0] } }] }],
      // Unknown match kind in a filter.
      [
        "POST",
        "/collections/c/points/scroll",
        { filter: { must: [{ key: "tag", match: { anyof: ["x"] } }] } },
      ],
      // Negative limit (uint).
      ["POST", "/collections/c/points/query", { query: [1, 0], using: "d", limit: -5 }],
      // Fusion that does not exist.
      ["POST", "/collections/c/points/query", { prefetch: [], query: { fusion: "sum" } }],
      // Sparse vector without values.
      ["POST", "/collections/c/points/query", { query: { indices: [1] }, using: "s" }],
      // Bad payload index type.
      ["PUT", "/collections/c/index", { field_name: "x", field_schema: "string" }],
    ];
    for (const [method, path, body] of cases) {
      const { status, json } = await send(method, path, body);
      expect({ path, body, status }).toEqual({ path, body, status: 400 });
      expect(JSON.stringify(json.status)).toMatch(/Format error in JSON body/);
    }
  });

  it("accepts the same requests written correctly", async () => {
    expect(
      (
        await send("PUT", "/collections/c/points?wait=true", {
          points: [{ id: 1, vector: { d: [1, 0] }, payload: { tag: "x" } }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send("POST", "/collections/c/points/scroll", {
          filter: { must: [{ key: "tag", match: { any: ["x"] } }] },
        })
      ).status,
    ).toBe(200);
    expect(
      (await send("POST", "/collections/c/points/query", { query: [1, 0], using: "d", limit: 5 })).status,
    ).toBe(200);
  });

  it("refuses what Qdrant refuses beyond the schema: wrong sizes, unknown vectors, unindexed filters, duplicate indices", async () => {
    const wrongSize = await send("PUT", "/collections/c/points?wait=true", {
      points: [{ id: 2, vector: { d: [1, 0, 0] } }],
    });
    expect(wrongSize.status).toBe(400);
    expect(JSON.stringify(wrongSize.json)).toMatch(/Vector dimension error: expected dim: 2, got 3/);
    const unknown = await send("PUT", "/collections/c/points?wait=true", {
      points: [{ id: 2, vector: { e: [1, 0] } }],
    });
    expect(JSON.stringify(unknown.json)).toMatch(/Not existing vector name/);
    const unindexed = await send("POST", "/collections/c/points/count", {
      filter: { must: [{ key: "color", match: { value: "red" } }] },
    });
    expect(unindexed.status).toBe(400);
    expect(JSON.stringify(unindexed.json)).toMatch(/Index required but not found for \\"color\\"/);
    const duplicate = await send("PUT", "/collections/c/points?wait=true", {
      points: [{ id: 3, vector: { s: { indices: [4, 4], values: [1, 2] } } }],
    });
    expect(duplicate.status).toBe(400);
    expect((await send("POST", "/collections/nope/points/count", {})).status).toBe(404);
  });

  it("scores sparse vectors with Qdrant's idf and fuses prefetches by reciprocal rank", async () => {
    await client.upsert("c", {
      wait: true,
      points: [
        { id: 10, vector: { s: { indices: [1, 2], values: [1, 1] } }, payload: { tag: "a" } },
        { id: 11, vector: { s: { indices: [1], values: [2] } }, payload: { tag: "a" } },
        { id: 12, vector: { s: { indices: [3], values: [1] } }, payload: { tag: "a" } },
      ],
    });
    const { points } = await client.query("c", {
      query: { indices: [2], values: [1] },
      using: "s",
      with_payload: false,
    });
    // N = 3 points hold "s", df(2) = 1: idf = ln(1 + 2.5 / 1.5).
    expect(points.map((p) => p.id)).toEqual([10]);
    expect(points[0]!.score).toBeCloseTo(Math.log(1 + 2.5 / 1.5), 5);
    const fused = await client.query("c", {
      prefetch: [
        { query: { indices: [1], values: [1] }, using: "s", limit: 5 },
        { query: { indices: [3], values: [1] }, using: "s", limit: 5 },
      ],
      query: { fusion: "rrf" },
    });
    // 11 and 12 tie (each first in one list); the fake gives ties newest first, not by id.
    expect(fused.points.map((p) => [p.id, p.score])).toEqual([
      [12, 0.5],
      [11, 0.5],
      [10, 1 / 3],
    ]);
  });
});
