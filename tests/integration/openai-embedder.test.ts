import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelError } from "../../src/errors.js";
import { createOpenAiEmbedder, EMBEDDING_FAILED_MESSAGE } from "../../src/retrieval/openai-embedder.js";
import {
  defaultEmbedding,
  type OpenAiWireServer,
  startOpenAiWireServer,
} from "../support/openai-wire-server.js";

const API_KEY = "sk-embed-0123456789";
const TEXTS = [
  "Nhất thể hóa chức danh bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân.",
  "Trưởng ban tuyên giáo đồng thời là giám đốc trung tâm chính trị.",
  "Sắp xếp tổ chức bộ máy tinh gọn, hiệu lực, hiệu quả.",
];

let server: OpenAiWireServer;
beforeAll(async () => {
  server = await startOpenAiWireServer({ dimension: 48 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setEmbeddingEncoding("honour");
});

function embedder(overrides: Partial<Parameters<typeof createOpenAiEmbedder>[0]> = {}) {
  return createOpenAiEmbedder({
    apiKey: API_KEY,
    baseURL: server.baseURL,
    model: "test-embedding",
    ...overrides,
  });
}

function expectVectors(actual: Float32Array[], texts: string[], dimension = 48): void {
  expect(actual).toHaveLength(texts.length);
  for (const [i, vector] of actual.entries()) {
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(dimension);
    const expected = defaultEmbedding(texts[i]!, dimension);
    for (const [j, value] of vector.entries()) expect(value).toBeCloseTo(expected[j]!, 6);
  }
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).code).toBe("embedding_failed");
  expect((error as ModelError).userMessage).toBe(EMBEDDING_FAILED_MESSAGE);
  return error as ModelError;
}

describe("createOpenAiEmbedder against an OpenAI-wire server", () => {
  it("asks for floats, sends the key, and returns full Float32Array vectors in order", async () => {
    const vectors = await embedder().embed(TEXTS);
    expectVectors(vectors, TEXTS);
    const [request] = server.embeddingRequests();
    expect(request?.body.encoding_format).toBe("float");
    expect(request?.body.input).toEqual(TEXTS);
    expect(request?.body.model).toBe("test-embedding");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("decodes base64 when a server sends it although floats were asked for", async () => {
    server.setEmbeddingEncoding("always-base64");
    const vectors = await embedder().embed(TEXTS);
    expectVectors(vectors, TEXTS);
    expect(server.embeddingRequests()[0]?.body.encoding_format).toBe("float");
  });

  it("base64 round trip on a server that honours the format (what the SDK asks by default)", async () => {
    const client = new OpenAI({ apiKey: API_KEY, baseURL: server.baseURL, logLevel: "off" });
    const response = await client.embeddings.create({ model: "test-embedding", input: TEXTS });
    expect(server.embeddingRequests()[0]?.body.encoding_format).toBe("base64");
    const decoded = response.data.map((d) => Float32Array.from(d.embedding));
    expectVectors(decoded, TEXTS);
  });

  it("gets full vectors from a server that always answers floats (where the SDK's default breaks)", async () => {
    server.setEmbeddingEncoding("always-float");

    // The SDK left to its default asks for base64 and then "decodes" the float arrays.
    const client = new OpenAI({ apiKey: API_KEY, baseURL: server.baseURL, logLevel: "off" });
    const broken = await client.embeddings.create({ model: "test-embedding", input: TEXTS }).then(
      (r) => r.data.map((d) => Array.from(d.embedding as ArrayLike<number>)),
      () => null,
    );
    const good = (vector: number[] | undefined, text: string) =>
      vector !== undefined &&
      vector.length === 48 &&
      vector.every((v, j) => Math.abs(v - defaultEmbedding(text, 48)[j]!) < 1e-6);
    expect(broken === null || !broken.every((v, i) => good(v, TEXTS[i]!))).toBe(true);

    server.reset();
    const vectors = await embedder().embed(TEXTS);
    expectVectors(vectors, TEXTS);
  });

  it("batches inputs, keeps their order, and sorts items by index", async () => {
    const texts = Array.from({ length: 150 }, (_, i) => `Đoạn văn số ${i} về chức danh ${i % 7}`);
    const vectors = await embedder({ batchSize: 64 }).embed(texts);
    expectVectors(vectors, texts);
    expect(server.embeddingRequests().map((r) => (r.body.input as string[]).length)).toEqual([64, 64, 22]);

    server.reset();
    server.queueEmbeddings({
      embeddings: (input) => input.map((t) => defaultEmbedding(t, 48)),
      reverseOrder: true,
    });
    expectVectors(await embedder().embed(TEXTS), TEXTS);
  });

  it("sends dimensions when configured", async () => {
    const vectors = await embedder({ dimensions: 16 }).embed(TEXTS);
    expectVectors(vectors, TEXTS, 16);
    expect(server.embeddingRequests()[0]?.body.dimensions).toBe(16);
  });

  it("embeds nothing without a request, and sends a blank text as a space", async () => {
    expect(await embedder().embed([])).toEqual([]);
    expect(server.embeddingRequests()).toHaveLength(0);
    const [vector] = await embedder().embed([""]);
    expect(vector).toHaveLength(48);
    expect(server.embeddingRequests()[0]?.body.input).toEqual([" "]);
  });

  it("rejects vectors of different dimensions, within and across batches", async () => {
    server.queueEmbeddings({
      embeddings: (input) => input.map((_, i) => new Array(i === 1 ? 8 : 4).fill(0.5)),
    });
    const within = await rejection(embedder().embed(TEXTS));
    expect(within.context).toMatchObject({
      reason: "dimension_mismatch",
      index: 1,
      dimension: 8,
      expected: 4,
    });

    server.queueEmbeddings(
      { embeddings: (input) => input.map(() => [1, 0, 0]) },
      { embeddings: (input) => input.map(() => [1, 0]) },
    );
    const across = await rejection(embedder({ batchSize: 2 }).embed(TEXTS));
    expect(across.context).toMatchObject({ reason: "dimension_mismatch", index: 2 });

    server.queueEmbeddings({ embeddings: (input) => input.map(() => [1, 2, 3]) });
    const expectedDim = await rejection(embedder({ dimensions: 32 }).embed(TEXTS.slice(0, 1)));
    expect(expectedDim.context).toMatchObject({ reason: "dimension_mismatch", expected: 32, dimension: 3 });
  });

  it("rejects empty vectors and a wrong number of vectors", async () => {
    server.queueEmbeddings({ embeddings: (input) => input.map(() => []) });
    expect((await rejection(embedder().embed(TEXTS))).context.reason).toBe("bad_response");
    server.queueEmbeddings({ embeddings: () => [[1, 0]] });
    expect((await rejection(embedder().embed(TEXTS))).context.reason).toBe("bad_response");
  });

  it("retries a 429 then succeeds; a hang times out; a 500 after retries fails", async () => {
    server.queueEmbeddings({ status: 429, retryAfter: 0.05 });
    expectVectors(await embedder().embed(TEXTS), TEXTS);
    expect(server.embeddingRequests()).toHaveLength(2);

    server.queueEmbeddings({ hang: true });
    const started = Date.now();
    const timeout = await rejection(embedder({ timeoutMs: 300, maxRetries: 0 }).embed(TEXTS));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(timeout.context.reason).toBe("timeout");

    server.queueEmbeddings({ status: 500, retryAfterMs: 5 }, { status: 500, retryAfterMs: 5 });
    const failed = await rejection(embedder({ maxRetries: 1 }).embed(TEXTS));
    expect(failed.context).toMatchObject({ reason: "server_error", status: 500 });
  });
});
