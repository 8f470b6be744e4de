import OpenAI from "openai";
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Embedder } from "./embedder.js";
import { endpointUnresponsive, recordEndpointSuccess, recordEndpointTimeout } from "./endpoint-health.js";

/** Shown to the user when the embedding endpoint cannot be used. */
export const EMBEDDING_FAILED_MESSAGE = "Dịch vụ tạo vector ngữ nghĩa tạm thời không phản hồi.";

export interface OpenAiEmbedderOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1. Default: OpenAI. */
  baseURL?: string;
  model: string;
  /** Asked of models that can shorten their vectors; every vector must then have it. */
  dimensions?: number;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Per request (the SDK's own timeout). Default 30000. */
  timeoutMs?: number;
  /** The SDK's retries of 429/5xx/connection errors. Default 2. */
  maxRetries?: number;
  logger?: Logger;
}

/**
 * The Embedder adapter for any OpenAI-compatible `/embeddings` endpoint.
 *
 * It always asks for `encoding_format: "float"`: left alone, the SDK asks for base64 and
 * decodes the reply as base64 even when a self-hosted server ignored the format and sent
 * number arrays, which silently yields empty vectors. A server that sends a base64 string
 * anyway is still decoded (little-endian float32). Inputs are sent in batches, in order;
 * every vector is checked (count, index, finite numbers, one dimension across all), and
 * anything wrong becomes a `ModelError` with code "embedding_failed".
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 64));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseURL = options.baseURL ?? "https://api.openai.com/v1";
  const log = options.logger?.child({ component: "openai-embedder", model: options.model });
  const client = new OpenAI({
    apiKey: options.apiKey,
    // Explicit values so the SDK never falls back to reading the environment itself.
    baseURL,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    logLevel: "off",
  });

  async function embed(
    texts: string[],
    embedOptions: { signal?: AbortSignal } = {},
  ): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    let dimension = options.dimensions;
    for (let start = 0; start < texts.length; start += batchSize) {
      // Endpoints reject empty strings; a single space embeds as "nothing".
      const batch = texts.slice(start, start + batchSize).map((t) => (t.trim() === "" ? " " : t));
      const vectors = await embedBatch(batch, embedOptions.signal, texts.length === 1);
      for (const [i, vector] of vectors.entries()) {
        dimension ??= vector.length;
        if (vector.length !== dimension) {
          throw fail("dimension_mismatch", {
            message: `embedding_failed: vector ${start + i} has dimension ${vector.length}, expected ${dimension}`,
            context: { index: start + i, dimension: vector.length, expected: dimension },
          });
        }
        out.push(vector);
      }
    }
    return out;
  }

  /**
   * `single`: one text, a question's embedding on the answer's critical path. It gets one
   * attempt, and none while the endpoint counts as unresponsive: retrieval is lexical then.
   */
  async function embedBatch(
    batch: string[],
    signal: AbortSignal | undefined,
    single: boolean,
  ): Promise<Float32Array[]> {
    if (single && endpointUnresponsive(baseURL)) {
      throw fail("endpoint_unresponsive", {
        message: "embedding_failed: the endpoint timed out recently; not waiting for it again",
      });
    }
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await client.embeddings.create(
        {
          model: options.model,
          input: batch,
          encoding_format: "float",
          ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
        },
        single ? { signal, maxRetries: 0 } : { signal },
      );
    } catch (error: unknown) {
      if (error instanceof OpenAI.APIConnectionTimeoutError) recordEndpointTimeout(baseURL);
      throw fromSdkError(error, signal);
    }
    recordEndpointSuccess(baseURL);
    const data: unknown = (response as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length !== batch.length) {
      throw fail("bad_response", {
        message: `embedding_failed: ${Array.isArray(data) ? data.length : "no"} vectors for ${batch.length} inputs`,
        context: { expected: batch.length, received: Array.isArray(data) ? data.length : null },
      });
    }
    const vectors = new Array<Float32Array | undefined>(batch.length);
    for (const [position, item] of data.entries()) {
      const entry = item as { index?: unknown; embedding?: unknown };
      const index = typeof entry.index === "number" ? entry.index : position;
      if (!Number.isInteger(index) || index < 0 || index >= batch.length || vectors[index] !== undefined) {
        throw fail("bad_response", {
          message: `embedding_failed: bad or repeated index ${String(entry.index)}`,
        });
      }
      const vector = toVector(entry.embedding);
      if (vector === null || vector.length === 0) {
        throw fail("bad_response", {
          message: `embedding_failed: vector ${index} is empty or not numeric`,
          context: { index },
        });
      }
      vectors[index] = vector;
    }
    return vectors as Float32Array[];
  }

  function fail(reason: string, details: { message: string; context?: Record<string, unknown> }): ModelError {
    const error = new ModelError("embedding_failed", EMBEDDING_FAILED_MESSAGE, {
      message: details.message,
      context: { reason, model: options.model, ...details.context },
    });
    log?.warn({ code: error.code, ...error.context }, "embedding response rejected");
    return error;
  }

  function fromSdkError(error: unknown, signal: AbortSignal | undefined): ModelError {
    let reason = "unknown";
    let status: number | undefined;
    if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) reason = "aborted";
    else if (error instanceof OpenAI.APIConnectionTimeoutError) reason = "timeout";
    else if (error instanceof OpenAI.APIConnectionError) reason = "connection";
    else if (error instanceof OpenAI.APIError) {
      status = error.status;
      reason =
        status === 429
          ? "rate_limited"
          : status !== undefined && status >= 500
            ? "server_error"
            : "http_error";
    }
    const wrapped = new ModelError("embedding_failed", EMBEDDING_FAILED_MESSAGE, {
      cause: error,
      context: { reason, status, model: options.model },
      message: `embedding_failed (${reason}${status ? ` ${status}` : ""}): ${error instanceof Error ? error.message : String(error)}`,
    });
    log?.warn({ code: wrapped.code, reason, status }, "embedding request failed");
    return wrapped;
  }

  return { model: options.model, embed };
}

/** A float array, or a base64 string of little-endian float32 values; null when neither. */
function toVector(embedding: unknown): Float32Array | null {
  if (typeof embedding === "string") return decodeFloat32Base64(embedding);
  if (!Array.isArray(embedding)) return null;
  const vector = new Float32Array(embedding.length);
  for (const [i, value] of embedding.entries()) {
    if (typeof value !== "number" || !Number.isFinite(value)) return null;
    vector[i] = value;
  }
  return vector;
}

function decodeFloat32Base64(text: string): Float32Array | null {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0 || bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(bytes.length / 4);
  for (let i = 0; i < vector.length; i++) {
    const value = view.getFloat32(i * 4, true);
    if (!Number.isFinite(value)) return null;
    vector[i] = value;
  }
  return vector;
}
