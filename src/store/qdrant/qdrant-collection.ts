import type { QdrantClient, Schemas } from "@qdrant/js-client-rest";
import type { StoreError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { storeError } from "../errors.js";
import { describeError, type QdrantRequests } from "./requests.js";
import { httpStatusOf, type RetryPolicy, withRetry } from "./retry.js";
import {
  CHUNK_PAYLOAD_INDEXES,
  type CollectionShape,
  chunkCollectionSpec,
  type DenseModelSpec,
  denseVectorName,
  inspectChunkCollection,
  isSupportedVersion,
  MIN_QDRANT_VERSION,
} from "./schema-check.js";

/**
 * The Qdrant index's one collection: made or checked at start (server version, shape,
 * payload indexes, the configured model's vector size), and a model's dense vector added
 * when vectors of a new embedding model arrive. Its shape is cached and re-read on a miss
 * (another replica may have added a vector).
 */
export interface QdrantCollection {
  readonly name: string;
  /** Checks the server and the collection once (again after a failure). */
  ensureReady(): Promise<void>;
  /** The dense vector of a model, when the collection has it. */
  denseVectorOf(model: string): Promise<{ name: string; size: number } | null>;
  /** Creates the model's dense vector when missing; refuses another size when vectors exist. */
  ensureModelVector(model: string, dimension: number): Promise<void>;
}

export function createQdrantCollection(deps: {
  client: QdrantClient;
  requests: QdrantRequests;
  name: string;
  url: string;
  retry: RetryPolicy;
  denseModel?: DenseModelSpec;
  logger?: Logger;
}): QdrantCollection {
  const { client, requests, name, url, retry, logger: log } = deps;
  const { call } = requests;
  let ready: Promise<void> | null = null;
  let shape: CollectionShape | null = null;

  function unreachable(error: unknown): StoreError {
    const status = httpStatusOf(error);
    if (status === 401 || status === 403) {
      return storeError(
        "openFailed",
        `Qdrant at ${url} refused the request (HTTP ${status}): check QDRANT_API_KEY`,
        { cause: error, context: { url } },
      );
    }
    return storeError(
      "openFailed",
      `Qdrant at ${url} is unreachable (${describeError(error)}): start it or check QDRANT_URL`,
      { cause: error, context: { url } },
    );
  }

  async function refreshShape(): Promise<CollectionShape> {
    shape = inspectChunkCollection(name, await call("info", () => client.getCollection(name)));
    return shape;
  }

  async function currentShape(): Promise<CollectionShape> {
    return shape ?? refreshShape();
  }

  async function ensureCollection(spec: Schemas["CreateCollection"]): Promise<CollectionShape> {
    const { exists } = await call(`exists ${name}`, () => client.collectionExists(name));
    if (!exists) {
      try {
        await call(`create ${name}`, () => client.createCollection(name, spec));
        log?.info({ created: name }, "created Qdrant collection");
      } catch (error) {
        // Another replica may have created it meanwhile.
        const again = await call(`exists ${name}`, () => client.collectionExists(name));
        if (!again.exists) throw error;
      }
    }
    const found = inspectChunkCollection(name, await call(`info ${name}`, () => client.getCollection(name)));
    if (found.problems.length > 0) {
      throw storeError("openFailed", found.problems.join("; "), { context: { collection: name } });
    }
    for (const index of CHUNK_PAYLOAD_INDEXES) {
      if (found.indexed.has(index.field)) continue;
      await call(`index ${name}.${index.field}`, () =>
        client.createPayloadIndex(name, { wait: true, field_name: index.field, field_schema: index.schema }),
      );
      found.indexed.add(index.field);
    }
    return found;
  }

  async function prepare(): Promise<void> {
    let version: string;
    try {
      const info = await withRetry(() => client.versionInfo(), {
        ...retry,
        retries: Math.min(retry.retries, 2),
      });
      version = info.version;
    } catch (error) {
      throw unreachable(error);
    }
    if (!isSupportedVersion(version)) {
      throw storeError(
        "openFailed",
        `Qdrant ${version} at ${url} is too old: the store needs ${MIN_QDRANT_VERSION.join(".")} or newer`,
        { context: { version } },
      );
    }
    const dense = deps.denseModel;
    shape = await ensureCollection(chunkCollectionSpec(dense));
    const existing = dense ? shape.vectors.get(denseVectorName(dense.name)) : undefined;
    if (dense && existing && existing.size !== dense.dimension) {
      throw storeError(
        "vectorDimension",
        `Qdrant vector ${denseVectorName(dense.name)} for model ${dense.name} has size ${existing.size}, but the configured model gives ${dense.dimension}: use another QDRANT_COLLECTION or delete the old vectors`,
        { context: { model: dense.name, expected: existing.size, got: dense.dimension } },
      );
    }
    log?.debug({ version }, "Qdrant index ready");
  }

  return {
    name,

    async ensureReady() {
      if (!ready) {
        ready = prepare().catch((error: unknown) => {
          ready = null;
          throw error;
        });
      }
      await ready;
    },

    async denseVectorOf(model) {
      const vectorName = denseVectorName(model);
      const found =
        (await currentShape()).vectors.get(vectorName) ?? (await refreshShape()).vectors.get(vectorName);
      return found ? { name: vectorName, size: found.size } : null;
    },

    async ensureModelVector(model, dimension) {
      const vectorName = denseVectorName(model);
      const existing = (await currentShape()).vectors.get(vectorName);
      if (existing?.size === dimension) return;
      if (existing) {
        const stored = await requests.count(name, { must: [{ has_vector: vectorName }] });
        if (stored > 0) {
          throw storeError(
            "vectorDimension",
            `model ${model} has dimension ${existing.size}, got ${dimension}`,
            {
              context: { model, expected: existing.size, got: dimension },
            },
          );
        }
        await call(`delete vector ${vectorName}`, () =>
          client.deleteVectorName(name, vectorName, { wait: true }),
        );
      }
      try {
        await call(`create vector ${vectorName}`, () =>
          client.createVectorName(
            name,
            vectorName,
            { dense: { size: dimension, distance: "Cosine" } },
            { wait: true },
          ),
        );
      } catch (error) {
        if ((await refreshShape()).vectors.get(vectorName)?.size === dimension) return;
        if (httpStatusOf((error as { cause?: unknown }).cause) === 404) {
          throw storeError(
            "openFailed",
            `this Qdrant server cannot add vector ${vectorName} to an existing collection: upgrade Qdrant, or set the embedding model before the collection is first created`,
            { cause: error, context: { model } },
          );
        }
        throw error;
      }
      log?.info({ model, vector: vectorName, dimension }, "added Qdrant vector for embedding model");
      await refreshShape();
    },
  };
}
