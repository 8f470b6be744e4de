import { QdrantClient, type Schemas } from "@qdrant/js-client-rest";
import type { Logger } from "../../logger.js";
import { assertBm25Params, isBigramTerm } from "../bm25-scorer.js";
import { storeError } from "../errors.js";
import type { IndexHit, PointIndex } from "../search-index.js";
import type { ChunkFilter, DenseQuery, LexicalQuery, WeightedTerm } from "../types.js";
import { combineWeights } from "../validate.js";
import { FILTER_KEYS, toQdrantFilter } from "./filter.js";
import { passagePoint } from "./passage-point.js";
import { chunkIdOfPoint, chunkPointId, isChunkId } from "./point-id.js";
import { createQdrantCollection } from "./qdrant-collection.js";
import { createQdrantRequests, inBatches, type PointId, SCROLL_PAGE } from "./requests.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";
import { type DenseModelSpec, denseVectorName, LEXICAL_VECTOR } from "./schema-check.js";
import { type Bm25Params, DEFAULT_BM25, reweight, termIndex, toQuerySparseVector } from "./sparse.js";

export interface QdrantIndexOptions {
  /** Qdrant's REST address, e.g. "http://localhost:6333". */
  url: string;
  apiKey?: string;
  /** Name of the collection of passage points. */
  collection: string;
  /** A client to use instead of one built from `url` and `apiKey` (tests, custom agents). */
  client?: QdrantClient;
  logger?: Logger;
  /** BM25 saturation and length normalization (defaults k1 = 1.2, b = 0.75, as the embedded index). */
  bm25?: Partial<Bm25Params>;
  /**
   * The embedding model in use: its vector is declared when the collection is created (so
   * servers that cannot add vectors later still work), and a collection whose vector for
   * this model has another size is refused at start.
   */
  denseModel?: DenseModelSpec;
  /** Points per upsert request (default 256); batches are sent one after another. */
  batchSize?: number;
  retry?: Partial<RetryPolicy>;
  /** Per-request time-out in ms for a client built here (default 30 s). */
  timeoutMs?: number;
  /** Candidates each representation brings to `searchHybrid` at least (default 50). */
  hybridPrefetch?: number;
}

/** The Qdrant search index: the port, plus what only this backend offers. */
export type QdrantIndex = PointIndex & {
  readonly collection: string;
  /** Server-side hybrid search: a prefetch per representation, fused by reciprocal rank fusion. */
  searchHybrid(
    lexicalTerms: WeightedTerm[],
    vector: Float32Array,
    model: string,
    limit: number,
    filter?: ChunkFilter,
  ): Promise<IndexHit[]>;
  /** Rewrites the lexical vector of every point written under another mean length (see `sparse.ts`). */
  refreshLexicalWeights(averageLength: number): Promise<{ updated: number }>;
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts hits by score, then chunk id: the order the port promises, whatever Qdrant's tie order. */
function byScoreThenId(points: Schemas["ScoredPoint"][]): Schemas["ScoredPoint"][] {
  return points
    .map((p) => ({ p, id: String(p.id).toLowerCase() }))
    .sort((a, b) => b.p.score - a.p.score || compareStrings(a.id, b.id))
    .map(({ p }) => p);
}

function vectorNorm(vector: Float32Array): number {
  let sum = 0;
  for (const v of vector) sum += v * v;
  return Math.sqrt(sum);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

const COUNT_CONCURRENCY = 8;

/**
 * Creates the Qdrant index: one collection of passage points (`passage-point.ts`), BM25
 * split between client and server (`sparse.ts`), dense vectors named per model
 * (`schema-check.ts`). It holds points only: the catalog (records, text, versions,
 * embedding cache, totals) is SQLite on the bot's disk, and `compose-store.ts` orders
 * the writes of both. Every write is idempotent (by point id or by filter).
 */
export function createQdrantIndex(options: QdrantIndexOptions): QdrantIndex {
  const name = options.collection;
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(name)) {
    throw storeError(
      "invalidInput",
      `invalid Qdrant collection name "${name}": use letters, digits, _ and -`,
    );
  }
  const bm25: Bm25Params = { ...DEFAULT_BM25, ...options.bm25 };
  assertBm25Params(bm25);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 256));
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const hybridPrefetch = Math.max(1, Math.floor(options.hybridPrefetch ?? 50));
  const log = options.logger?.child({ component: "qdrant-index", collection: name });
  const client =
    options.client ??
    new QdrantClient({
      url: options.url,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 30_000,
      checkCompatibility: false,
    });
  const qdrant = createQdrantRequests({ client, retry, batchSize, url: options.url, logger: log });
  const { call } = qdrant;
  const collection = createQdrantCollection({
    client,
    requests: qdrant,
    name,
    url: options.url,
    retry,
    denseModel: options.denseModel,
    logger: log,
  });
  let closed = false;

  const ofDoc = (docId: string) => ({ key: FILTER_KEYS.docId, match: { value: docId } });

  async function ready(): Promise<void> {
    if (closed) throw storeError("closed", "the store is closed");
    await collection.ensureReady();
  }

  function toHit(point: Schemas["ScoredPoint"], terms?: readonly string[]): IndexHit {
    const hit: IndexHit = { chunkId: chunkIdOfPoint(point.id), score: point.score };
    if (terms) {
      const stored = new Set(Array.isArray(point.payload?.terms) ? (point.payload.terms as string[]) : []);
      hit.matchedTerms = terms.filter((t) => stored.has(t));
    }
    return hit;
  }

  /**
   * The best `limit` points of a query, ties broken by chunk id. Qdrant breaks ties its
   * own way, so when the last score kept equals the first one left out, the query is
   * repeated with a larger limit until the tie is inside the window (bounded).
   */
  async function queryRanked(
    body: Omit<Schemas["QueryRequest"], "limit" | "with_payload">,
    limit: number,
  ): Promise<Schemas["ScoredPoint"][]> {
    const cap = limit * 4 + 256;
    let fetch = limit + 1;
    let points: Schemas["ScoredPoint"][];
    for (;;) {
      const size = fetch;
      const result = await call(`query ${name}`, () =>
        client.query(name, { ...body, limit: size, with_payload: ["terms"] }),
      );
      points = byScoreThenId(result.points);
      if (points.length < size || points.length <= limit) break;
      const boundary = points[limit - 1]!.score;
      const last = points[points.length - 1]!.score;
      if (last < boundary || fetch >= cap) break;
      fetch = Math.min(cap, fetch * 2 + limit);
    }
    return points.slice(0, limit);
  }

  function checkQueryDimension(model: string, vector: Float32Array, size: number): void {
    if (vector.length !== size) {
      throw storeError(
        "vectorDimension",
        `query vector has dimension ${vector.length}, ${model} has ${size}`,
        {
          context: { model, expected: size, got: vector.length },
        },
      );
    }
  }

  async function searchLexical(query: LexicalQuery): Promise<IndexHit[]> {
    const weights = combineWeights(query.terms);
    const limit = Math.floor(query.limit);
    if (weights.size === 0 || !(limit > 0)) return [];
    await ready();
    const plan = toQdrantFilter(query.filter);
    if (plan.matchesNothing) return [];
    const sparse = toQuerySparseVector(weights);
    if (sparse.indices.length === 0) return [];
    const points = await queryRanked({ query: sparse, using: LEXICAL_VECTOR, filter: plan.filter }, limit);
    const terms = query.matchTerms ? [...new Set(query.matchTerms)] : [...weights.keys()];
    return points.map((p) => toHit(p, terms));
  }

  async function searchDense(query: DenseQuery): Promise<IndexHit[]> {
    const limit = Math.floor(query.limit);
    if (!(limit > 0)) return [];
    await ready();
    const plan = toQdrantFilter(query.filter);
    if (plan.matchesNothing) return [];
    const dense = await collection.denseVectorOf(query.model);
    if (!dense) return [];
    checkQueryDimension(query.model, query.vector, dense.size);
    if (!(vectorNorm(query.vector) > 0)) return [];
    const points = await queryRanked(
      { query: Array.from(query.vector), using: dense.name, filter: plan.filter },
      limit,
    );
    return points.map((p) => toHit(p));
  }

  return {
    collection: name,
    ensureReady: ready,
    searchLexical,
    searchDense,

    async searchHybrid(lexicalTerms, vector, model, limit, filter) {
      const max = Math.floor(limit);
      if (!(max > 0)) return [];
      await ready();
      const plan = toQdrantFilter(filter);
      if (plan.matchesNothing) return [];
      const weights = combineWeights(lexicalTerms);
      const sparse = toQuerySparseVector(weights);
      const depth = Math.max(max, hybridPrefetch);
      const prefetch: Schemas["Prefetch"][] = [];
      if (sparse.indices.length > 0) {
        prefetch.push({ query: sparse, using: LEXICAL_VECTOR, filter: plan.filter, limit: depth });
      }
      const dense = await collection.denseVectorOf(model);
      if (dense && vector.length > 0) {
        checkQueryDimension(model, vector, dense.size);
        if (vectorNorm(vector) > 0) {
          prefetch.push({ query: Array.from(vector), using: dense.name, filter: plan.filter, limit: depth });
        }
      }
      if (prefetch.length === 0) return [];
      const points = await queryRanked({ prefetch, query: { fusion: "rrf" }, filter: plan.filter }, max);
      const terms = [...weights.keys()];
      return points.map((p) => toHit(p, terms));
    },

    async termStats(terms) {
      await ready();
      const unique = [...new Set(terms)];
      const [total, counts] = await Promise.all([
        qdrant.count(name),
        mapLimit(unique, COUNT_CONCURRENCY, (term) =>
          qdrant.count(name, { must: [{ key: "terms", match: { value: term } }] }),
        ),
      ]);
      const df = new Map<string, number>();
      unique.forEach((term, i) => {
        df.set(term, counts[i] ?? 0);
      });
      return { chunks: total, df };
    },

    async upsertPassages(passages, { averageLength, vectors }) {
      if (passages.length === 0) return;
      await ready();
      const names = [...vectors.keys()].map((model) => ({ model, name: denseVectorName(model) }));
      const points = passages.map((passage) => {
        const dense: Record<string, number[]> = {};
        for (const { model, name: vectorName } of names) {
          const cached = vectors.get(model)?.get(passage.textHash);
          if (cached) dense[vectorName] = Array.from(cached);
        }
        return passagePoint(passage, { averageLength, bm25, dense });
      });
      await qdrant.upsert(name, points);
    },

    async removePassages(docId, keep = []) {
      await ready();
      await qdrant.deleteWhere(
        name,
        keep.length > 0
          ? { must: [ofDoc(docId)], must_not: [{ has_id: keep.map(chunkPointId) }] }
          : { must: [ofDoc(docId)] },
      );
    },

    async setVectors(model, vectors) {
      if (vectors.length === 0) return;
      const dimension = vectors[0]!.vector.length;
      if (dimension === 0 || vectors.some((v) => v.vector.length !== dimension)) {
        throw storeError("vectorDimension", `vectors for ${model} differ in dimension or are empty`, {
          context: { model },
        });
      }
      for (const v of vectors) {
        if (!isChunkId(v.chunkId)) {
          throw storeError("invalidInput", `not a chunk id: ${v.chunkId}`, {
            context: { chunkId: v.chunkId },
          });
        }
      }
      await ready();
      await collection.ensureModelVector(model, dimension);
      // Only points that exist: updating a missing point is an error in Qdrant.
      const present = new Set(
        (
          await qdrant.retrieve(
            name,
            vectors.map((v) => chunkPointId(v.chunkId)),
            { payload: false },
          )
        ).map((p) => chunkIdOfPoint(p.id)),
      );
      const vectorName = denseVectorName(model);
      const targets = vectors.filter((v) => present.has(v.chunkId));
      for (const batch of inBatches(targets, batchSize)) {
        await call(`update vectors ${name}`, () =>
          client.updateVectors(name, {
            wait: true,
            points: batch.map((v) => ({
              id: chunkPointId(v.chunkId),
              vector: { [vectorName]: Array.from(v.vector) },
            })),
          }),
        );
      }
    },

    async refreshLexicalWeights(averageLength) {
      await ready();
      let updated = 0;
      // Without saturation or length normalization the stored values do not depend on the mean.
      if ((bm25.k1 === 0 && bm25.bigramK1 === 0) || bm25.b === 0) return { updated };
      let offset: PointId | undefined;
      do {
        const page = await call(`scroll ${name}`, () =>
          client.scroll(name, {
            limit: SCROLL_PAGE,
            offset,
            with_payload: ["length", "bm25_avg_length", "terms"],
            with_vector: [LEXICAL_VECTOR],
          }),
        );
        const changed: Array<{ id: PointId; vector: { indices: number[]; values: number[] } }> = [];
        for (const point of page.points) {
          const previous = Number(point.payload?.bm25_avg_length);
          const sparse = (point.vector as Record<string, unknown> | undefined)?.[LEXICAL_VECTOR] as
            | { indices: number[]; values: number[] }
            | undefined;
          if (!sparse || Array.isArray(sparse) || !(previous > 0)) continue;
          if (Math.abs(previous - averageLength) <= averageLength * 1e-9) continue;
          const length = Number(point.payload?.length ?? 0);
          const terms = Array.isArray(point.payload?.terms) ? (point.payload.terms as string[]) : [];
          const bigrams = new Set(terms.filter(isBigramTerm).map(termIndex));
          changed.push({
            id: point.id,
            vector: reweight(sparse, length, previous, averageLength, bm25, bigrams),
          });
        }
        for (const batch of inBatches(changed, batchSize)) {
          await call(`update vectors ${name}`, () =>
            client.updateVectors(name, {
              wait: true,
              points: batch.map((c) => ({ id: c.id, vector: { [LEXICAL_VECTOR]: c.vector } })),
            }),
          );
          await call(`set payload ${name}`, () =>
            client.setPayload(name, {
              wait: true,
              payload: { bm25_avg_length: averageLength },
              points: batch.map((c) => c.id),
            }),
          );
        }
        updated += changed.length;
        const next = page.next_page_offset;
        offset = next === undefined || next === null || typeof next === "object" ? undefined : next;
      } while (offset !== undefined);
      log?.info({ updated, averageLength }, "refreshed lexical weights");
      return { updated };
    },

    async close() {
      closed = true;
    },
  };
}
