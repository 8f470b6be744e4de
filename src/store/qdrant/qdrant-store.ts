import { QdrantClient, type Schemas } from "@qdrant/js-client-rest";
import type { StoreError } from "../../errors.js";
import { sha256 } from "../../hash.js";
import type { Logger } from "../../logger.js";
import { assertBm25Params, isBigramTerm } from "../bm25-scorer.js";
import { storeError } from "../errors.js";
import { numberKey } from "../filter.js";
import type {
  ArchivedVersion,
  ChunkFilter,
  ChunkRecord,
  DenseQuery,
  DocumentInput,
  DocumentRecord,
  DocumentStore,
  IndexedChunk,
  ScoredChunk,
  StoredVector,
  UpsertResult,
  WeightedTerm,
} from "../types.js";
import { combineWeights, validateChunks, validateDocument } from "../validate.js";
import {
  FILTER_KEYS,
  type QdrantCondition,
  type QdrantFilter,
  toQdrantFilter,
  withConditions,
} from "./filter.js";
import {
  CHUNK_RECORD_KEYS,
  chunkOfPayload,
  chunkPoint,
  documentFields,
  documentOfChunkPayload,
  documentPoint,
  documentPointId,
  embeddingPointId,
  META_POINT_ID,
  type MetaRecord,
  metaOfPayload,
  metaPoint,
  type NamedVectors,
  payloadNumber,
  payloadString,
  recordOfPayload,
  versionPoint,
} from "./payload.js";
import { chunkIdOfPoint, chunkPointId, isChunkId } from "./point-id.js";
import { createQdrantRequests, describeError, inBatches, type PointId, SCROLL_PAGE } from "./requests.js";
import { DEFAULT_RETRY, httpStatusOf, type RetryPolicy, withRetry } from "./retry.js";
import {
  CACHE_VECTOR_PARAMS,
  CHUNK_PAYLOAD_INDEXES,
  type CollectionShape,
  cacheVectorName,
  chunkCollectionSpec,
  type DenseModelSpec,
  denseVectorName,
  inspectChunkCollection,
  inspectRecordsCollection,
  isSupportedVersion,
  LEXICAL_VECTOR,
  MIN_QDRANT_VERSION,
  type PayloadIndexSpec,
  RECORD_PAYLOAD_INDEXES,
  recordsCollectionName,
  recordsCollectionSpec,
  SCHEMA_VERSION,
} from "./schema-check.js";
import {
  type Bm25Params,
  DEFAULT_BM25,
  reweight,
  termIndex,
  toDocumentSparseVector,
  toQuerySparseVector,
} from "./sparse.js";

export interface QdrantStoreOptions {
  /** Qdrant's REST address, e.g. "http://localhost:6333". */
  url: string;
  apiKey?: string;
  /** Name of the chunk collection; records live in `<collection>_docs`. */
  collection: string;
  /** A client to use instead of one built from `url` and `apiKey` (tests, custom agents). */
  client?: QdrantClient;
  logger?: Logger;
  /** BM25 saturation and length normalization (defaults k1 = 1.2, b = 0.75, as the embedded store). */
  bm25?: Partial<Bm25Params>;
  /**
   * The embedding model in use. Its vectors are declared when the collections are
   * created (so servers that cannot add vectors later still work), and a collection whose
   * vector for this model has another size is refused at start. Other models get their
   * vectors when `putVectors` first stores them.
   */
  denseModel?: DenseModelSpec;
  /** Source of document timestamps (default: the system clock). */
  clock?: () => Date;
  /** Points per upsert request (default 256); batches are sent one after another. */
  batchSize?: number;
  /** How transient failures are retried (see `retry.ts`). */
  retry?: Partial<RetryPolicy>;
  /** Per-request time-out in ms for a client built here (default 30 s). */
  timeoutMs?: number;
  /** Candidates each representation brings to `searchHybrid` at least (default 50). */
  hybridPrefetch?: number;
}

export type ImportStatus = "written" | "skipped";

/** The Qdrant adapter: the port, plus what only this backend offers. */
export type QdrantStore = DocumentStore &
  Required<Pick<DocumentStore, "termStats">> & {
    readonly collection: string;
    readonly recordsCollection: string;
    /**
     * Checks the server (reachable, recent enough), creates missing collections and
     * payload indexes, and refuses collections of another shape. Every method calls it
     * once; call it at start to fail early with a clear message.
     */
    ensureReady(): Promise<void>;
    /**
     * Server-side hybrid search: one prefetch per representation (lexical, and dense when
     * the model has vectors), each bringing at least `limit` candidates, fused by Qdrant's
     * reciprocal rank fusion. The retriever fuses lexical and dense lists itself; this is
     * for callers that want one request. Hits carry `matchedTerms` of the lexical terms.
     */
    searchHybrid(
      lexicalTerms: WeightedTerm[],
      vector: Float32Array,
      model: string,
      limit: number,
      filter?: ChunkFilter,
    ): Promise<ScoredChunk[]>;
    /**
     * Writes a document exactly as another store holds it (record, timestamps, version,
     * archived versions), for `migrateToQdrant`. Skips a document already present with the
     * same content hash and version. `averageLength` fixes the mean chunk length its BM25
     * values are computed with (the whole corpus's, when known).
     */
    importDocument(
      record: DocumentRecord,
      chunks: IndexedChunk[],
      versions: ArchivedVersion[],
      options?: { averageLength?: number },
    ): Promise<ImportStatus>;
    /** Recounts the corpus length total from every chunk (after a migration, or to undo drift). */
    recomputeTotals(): Promise<{ chunks: number; totalLength: number }>;
    /**
     * Brings every chunk's stored BM25 values to the current mean chunk length (see
     * `sparse.ts` on drift): recounts the totals, then rewrites the lexical vector of each
     * chunk written under another mean. A full pass over the collection; run it after a
     * large first load, or when the mean has moved. Returns how many chunks changed.
     */
    refreshLexicalWeights(): Promise<{ chunks: number; updated: number; averageLength: number }>;
  };

const COUNT_CONCURRENCY = 8;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

function nextOffset(page: Schemas["ScrollResult"]): PointId | undefined {
  const next = page.next_page_offset;
  return next === undefined || next === null || typeof next === "object" ? undefined : next;
}

/**
 * Creates the Qdrant `DocumentStore` (see `schema-check.ts` for the collections,
 * `payload.ts` for what points carry, `sparse.ts` for how BM25 is split between client
 * and server).
 *
 * Writes of one document are ordered so a crash leaves a state the next write repairs:
 * archived version first, then the new chunks, then the old chunks are removed, and the
 * document record is written last. Qdrant has no multi-point transactions, so between
 * those steps a reader may briefly see the new chunks beside the old record; ingesting
 * the same document again (corpus sync does at start) completes an interrupted write.
 * Corpus totals (for the BM25 mean length) are read and written around each write
 * without a lock: two replicas writing at the same instant may leave the total slightly
 * off, which `recomputeTotals` corrects. Counts (`stats`, `termStats`) are always exact.
 */
export function createQdrantStore(options: QdrantStoreOptions): QdrantStore {
  const collection = options.collection;
  const records = recordsCollectionName(collection);
  const bm25: Bm25Params = { ...DEFAULT_BM25, ...options.bm25 };
  assertBm25Params(bm25);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(collection)) {
    throw storeError(
      "invalidInput",
      `invalid Qdrant collection name "${collection}": use letters, digits, _ and -`,
    );
  }
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 256));
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const clock = options.clock ?? (() => new Date());
  const hybridPrefetch = Math.max(1, Math.floor(options.hybridPrefetch ?? 50));
  const log = options.logger?.child({ component: "qdrant-store", collection });
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

  let closed = false;
  let ready: Promise<void> | null = null;
  let chunkShape: CollectionShape | null = null;
  let recordShape: CollectionShape | null = null;

  const isDocument: QdrantCondition = { key: "record_type", match: { value: "document" } };
  const isVersion: QdrantCondition = { key: "record_type", match: { value: "version" } };
  const ofDoc = (docId: string): QdrantCondition => ({ key: FILTER_KEYS.docId, match: { value: docId } });
  const withHash = (hashes: string[]): QdrantCondition => ({ key: "content_hash", match: { any: hashes } });

  function ensureOpen(): void {
    if (closed) throw storeError("closed", "the store is closed");
  }

  // ----- collections ----------------------------------------------------------------

  function unreachable(error: unknown): StoreError {
    const status = httpStatusOf(error);
    if (status === 401 || status === 403) {
      return storeError(
        "openFailed",
        `Qdrant at ${options.url} refused the request (HTTP ${status}): check QDRANT_API_KEY`,
        { cause: error, context: { url: options.url } },
      );
    }
    return storeError(
      "openFailed",
      `Qdrant at ${options.url} is unreachable (${describeError(error)}): start it or check QDRANT_URL`,
      { cause: error, context: { url: options.url } },
    );
  }

  async function ensureCollection(
    name: string,
    spec: Schemas["CreateCollection"],
    inspect: (name: string, info: Schemas["CollectionInfo"]) => CollectionShape,
    indexes: readonly PayloadIndexSpec[],
  ): Promise<CollectionShape> {
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
    const shape = inspect(name, await call(`info ${name}`, () => client.getCollection(name)));
    if (shape.problems.length > 0) {
      throw storeError("openFailed", shape.problems.join("; "), { context: { collection: name } });
    }
    for (const index of indexes) {
      if (shape.indexed.has(index.field)) continue;
      await call(`index ${name}.${index.field}`, () =>
        client.createPayloadIndex(name, { wait: true, field_name: index.field, field_schema: index.schema }),
      );
      shape.indexed.add(index.field);
    }
    return shape;
  }

  async function refreshShapes(): Promise<{ chunks: CollectionShape; records: CollectionShape }> {
    const chunks = inspectChunkCollection(
      collection,
      await call("info", () => client.getCollection(collection)),
    );
    const recs = inspectRecordsCollection(records, await call("info", () => client.getCollection(records)));
    chunkShape = chunks;
    recordShape = recs;
    return { chunks, records: recs };
  }

  async function shapes(): Promise<{ chunks: CollectionShape; records: CollectionShape }> {
    return chunkShape && recordShape ? { chunks: chunkShape, records: recordShape } : refreshShapes();
  }

  function checkModelSize(shape: CollectionShape, vectorName: string, model: DenseModelSpec): void {
    const existing = shape.vectors.get(vectorName);
    if (existing && existing.size !== model.dimension) {
      throw storeError(
        "vectorDimension",
        `Qdrant vector ${vectorName} for model ${model.name} has size ${existing.size}, but the configured model gives ${model.dimension}: use another QDRANT_COLLECTION or delete the old vectors`,
        { context: { model: model.name, expected: existing.size, got: model.dimension } },
      );
    }
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
        `Qdrant ${version} at ${options.url} is too old: the store needs ${MIN_QDRANT_VERSION.join(".")} or newer`,
        { context: { version } },
      );
    }
    const dense = options.denseModel;
    const chunks = await ensureCollection(
      collection,
      chunkCollectionSpec(dense),
      inspectChunkCollection,
      CHUNK_PAYLOAD_INDEXES,
    );
    const recs = await ensureCollection(
      records,
      recordsCollectionSpec(dense),
      inspectRecordsCollection,
      RECORD_PAYLOAD_INDEXES,
    );
    chunkShape = chunks;
    recordShape = recs;
    if (dense) {
      checkModelSize(chunks, denseVectorName(dense.name), dense);
      checkModelSize(recs, cacheVectorName(dense.name), dense);
    }
    const meta = await readMetaPoint();
    if (meta === null) {
      const initial: MetaRecord = { schemaVersion: SCHEMA_VERSION, totalLength: 0, models: [] };
      if (dense && chunks.vectors.has(denseVectorName(dense.name))) {
        initial.models.push({ model: dense.name, dimension: dense.dimension });
      }
      await writeMeta(initial);
    } else if (meta.schemaVersion > SCHEMA_VERSION) {
      throw storeError(
        "schemaTooNew",
        `collection ${collection} has store schema ${meta.schemaVersion}, this bot knows ${SCHEMA_VERSION}`,
      );
    }
    log?.debug({ version }, "Qdrant store ready");
  }

  async function ensureReady(): Promise<void> {
    ensureOpen();
    if (!ready) {
      ready = prepare().catch((error: unknown) => {
        ready = null;
        throw error;
      });
    }
    await ready;
  }

  // ----- metadata -------------------------------------------------------------------

  async function readMetaPoint(): Promise<MetaRecord | null> {
    const [point] = await qdrant.retrieve(records, [META_POINT_ID]);
    return point?.payload ? metaOfPayload(point.payload, SCHEMA_VERSION) : null;
  }

  async function readMeta(): Promise<MetaRecord> {
    return (await readMetaPoint()) ?? { schemaVersion: SCHEMA_VERSION, totalLength: 0, models: [] };
  }

  async function writeMeta(meta: MetaRecord): Promise<void> {
    await qdrant.upsert(records, [metaPoint(meta)]);
  }

  // ----- reading --------------------------------------------------------------------

  async function getDocumentRecord(docId: string): Promise<DocumentRecord | null> {
    const [point] = await qdrant.retrieve(records, [documentPointId(docId)]);
    return point?.payload ? recordOfPayload(point.payload) : null;
  }

  /** Records matching the filter, newest first (then by id, for a stable order). */
  async function documentsWhere(filter: QdrantFilter): Promise<DocumentRecord[]> {
    const points = await qdrant.scroll(records, filter, { payload: ["record"] });
    return points
      .map((p) => recordOfPayload(p.payload))
      .sort((a, b) => compareStrings(b.addedAt, a.addedAt) || compareStrings(b.docId, a.docId));
  }

  async function chunksOf(docId: string): Promise<ChunkRecord[]> {
    const points = await qdrant.scroll(
      collection,
      { must: [ofDoc(docId)] },
      { payload: [...CHUNK_RECORD_KEYS, "seq"] },
    );
    return points
      .map((p) => ({ chunk: chunkOfPayload(p.payload ?? {}), seq: Number(p.payload?.seq ?? 0) }))
      .sort((a, b) => a.chunk.position - b.chunk.position || a.seq - b.seq)
      .map(({ chunk }) => chunk);
  }

  function toScored(
    point: Schemas["ScoredPoint"] | Schemas["Record"],
    terms?: readonly string[],
  ): ScoredChunk {
    const payload = point.payload ?? {};
    const hit: ScoredChunk = {
      chunk: chunkOfPayload(payload),
      doc: documentOfChunkPayload(payload),
      score: "score" in point ? point.score : 0,
    };
    if (terms) {
      const stored = new Set(Array.isArray(payload.terms) ? (payload.terms as string[]) : []);
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
      const result = await call(`query ${collection}`, () =>
        client.query(collection, { ...body, limit: size, with_payload: true }),
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

  /** The dense vector of a model when the collection has it (refreshing once on a miss: another replica may have added it). */
  async function denseVectorOf(model: string): Promise<{ name: string; size: number } | null> {
    const name = denseVectorName(model);
    const found =
      (await shapes()).chunks.vectors.get(name) ?? (await refreshShapes()).chunks.vectors.get(name);
    return found ? { name, size: found.size } : null;
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

  async function cachedVectors(model: string, hashes: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const name = cacheVectorName(model);
    if (hashes.length === 0) return out;
    if (!(await shapes()).records.vectors.has(name) && !(await refreshShapes()).records.vectors.has(name)) {
      return out;
    }
    const points = await qdrant.retrieve(
      records,
      hashes.map((h) => embeddingPointId(model, h)),
      { payload: ["content_hash"], vector: [name] },
    );
    for (const point of points) {
      const hash = point.payload?.content_hash;
      const vector = (point.vector as NamedVectors | undefined)?.[name];
      if (typeof hash === "string" && Array.isArray(vector)) out.set(hash, vector);
    }
    return out;
  }

  // ----- writing --------------------------------------------------------------------

  async function checkChunkOwners(docId: string, list: readonly IndexedChunk[]): Promise<void> {
    const found = await qdrant.retrieve(
      collection,
      list.map((c) => chunkPointId(c.chunkId)),
      { payload: ["doc_id"] },
    );
    for (const point of found) {
      const owner = point.payload?.doc_id;
      if (owner !== docId) {
        const chunkId = chunkIdOfPoint(point.id);
        throw storeError("invalidInput", `chunk ${chunkId} already belongs to document ${String(owner)}`, {
          context: { docId, chunkId, owner },
        });
      }
    }
  }

  /** Removes cached embeddings of texts no active chunk has any more. */
  async function collectEmbeddings(models: MetaRecord["models"], hashes: readonly string[]): Promise<void> {
    if (models.length === 0 || hashes.length === 0) return;
    const inUse = new Set<string>();
    for (const batch of inBatches([...new Set(hashes)], SCROLL_PAGE)) {
      const points = await qdrant.scroll(
        collection,
        { must: [withHash(batch)] },
        { payload: ["content_hash"] },
      );
      for (const p of points) inUse.add(String(p.payload?.content_hash));
    }
    const unused = hashes.filter((h) => !inUse.has(h));
    const ids = models.flatMap(({ model }) => unused.map((h) => embeddingPointId(model, h)));
    if (ids.length > 0) await qdrant.deleteIds(records, ids);
  }

  async function chunkTotalsOf(
    docId: string,
  ): Promise<{ count: number; length: number; hashes: Set<string> }> {
    const points = await qdrant.scroll(
      collection,
      { must: [ofDoc(docId)] },
      { payload: ["length", "content_hash"] },
    );
    let length = 0;
    const hashes = new Set<string>();
    for (const p of points) {
      length += Number(p.payload?.length ?? 0);
      if (typeof p.payload?.content_hash === "string") hashes.add(p.payload.content_hash);
    }
    return { count: points.length, length, hashes };
  }

  /** Writes a document's version: archive, chunks (with cached vectors), cleanup, record, totals. */
  async function writeDocument(
    record: DocumentRecord,
    list: readonly IndexedChunk[],
    archive: readonly ArchivedVersion[],
    averageOverride?: number,
  ): Promise<void> {
    const docId = record.docId;
    const meta = await readMeta();
    const old = await chunkTotalsOf(docId);
    const activeChunks = Math.max(0, (await qdrant.count(collection)) - old.count + list.length);
    const addedLength = list.reduce((sum, c) => sum + c.length, 0);
    const totalLength = Math.max(0, meta.totalLength - old.length + addedLength);
    const averageLength =
      averageOverride !== undefined && averageOverride > 0
        ? averageOverride
        : activeChunks > 0 && totalLength > 0
          ? totalLength / activeChunks
          : 1;

    if (archive.length > 0) await qdrant.upsert(records, archive.map(versionPoint));

    // Texts that already have embeddings (an unchanged passage, an identical one
    // elsewhere) get their vectors at once, as in the embedded store.
    const hashes = list.map((c) => sha256(c.text));
    const denseByModel: Array<{ name: string; vectors: Map<string, number[]> }> = [];
    for (const { model } of meta.models) {
      const vectors = await cachedVectors(model, [...new Set(hashes)]);
      if (vectors.size > 0) denseByModel.push({ name: denseVectorName(model), vectors });
    }
    const document = documentFields(record);
    const points = list.map((chunk, seq) => {
      const contentHash = hashes[seq]!;
      const vector: NamedVectors = {
        [LEXICAL_VECTOR]: toDocumentSparseVector(chunk.terms, chunk.length, averageLength, bm25),
      };
      for (const { name, vectors } of denseByModel) {
        const cached = vectors.get(contentHash);
        if (cached) vector[name] = cached;
      }
      return chunkPoint(chunk, seq, { document, contentHash, averageLength }, vector);
    });
    await qdrant.upsert(collection, points);
    // Every other chunk of the document goes: the previous version's, and any left by an
    // interrupted earlier write.
    await qdrant.deleteWhere(
      collection,
      points.length > 0
        ? { must: [ofDoc(docId)], must_not: [{ has_id: points.map((p) => p.id) }] }
        : { must: [ofDoc(docId)] },
    );
    await qdrant.upsert(records, [documentPoint(record)]);
    await writeMeta({ ...meta, totalLength });
    const kept = new Set(hashes);
    await collectEmbeddings(
      meta.models,
      [...old.hashes].filter((h) => !kept.has(h)),
    );
  }

  async function upsertDocument(input: DocumentInput, list: IndexedChunk[]): Promise<UpsertResult> {
    validateDocument(input);
    validateChunks(input.docId, list);
    await ensureReady();
    const existing = await getDocumentRecord(input.docId);
    if (existing && existing.contentHash === input.contentHash && existing.pipeline === input.pipeline) {
      return {
        docId: input.docId,
        status: "unchanged",
        version: existing.version,
        chunkCount: existing.chunkCount,
      };
    }
    await checkChunkOwners(input.docId, list);
    const now = clock().toISOString();
    const version = existing ? existing.version + 1 : 1;
    const record: DocumentRecord = {
      docId: input.docId,
      source: input.source,
      title: input.title,
      kind: input.kind,
      number: input.number,
      issuer: input.issuer,
      date: input.date,
      format: input.format,
      contentHash: input.contentHash,
      ...(input.pipeline !== undefined ? { pipeline: input.pipeline } : {}),
      ...(input.relations && input.relations.length > 0 ? { relations: input.relations } : {}),
      pages: input.pages,
      chunkCount: list.length,
      version,
      addedAt: existing?.addedAt ?? now,
      updatedAt: now,
    };
    const archive: ArchivedVersion[] = existing
      ? [
          {
            docId: input.docId,
            version: existing.version,
            record: existing,
            chunks: await chunksOf(input.docId),
            supersededAt: now,
          },
        ]
      : [];
    await writeDocument(record, list, archive);
    return { docId: input.docId, status: existing ? "replaced" : "added", version, chunkCount: list.length };
  }

  async function deleteDocument(docId: string): Promise<boolean> {
    await ensureReady();
    const existing = await getDocumentRecord(docId);
    const meta = await readMeta();
    const old = await chunkTotalsOf(docId);
    // Chunks first: a crash in between leaves a record without chunks, which deleting
    // again removes; never searchable chunks without a record.
    if (old.count > 0) await qdrant.deleteWhere(collection, { must: [ofDoc(docId)] });
    await qdrant.deleteWhere(records, { must: [ofDoc(docId)] });
    if (old.count > 0) {
      await writeMeta({ ...meta, totalLength: Math.max(0, meta.totalLength - old.length) });
      await collectEmbeddings(meta.models, [...old.hashes]);
    }
    return existing !== null;
  }

  /** Creates the model's vectors (searchable and cache) when missing; registers the model. */
  async function ensureModelVectors(model: string, dimension: number): Promise<void> {
    const targets: Array<{ target: string; name: string; distance: "Cosine" | "Dot" }> = [
      { target: collection, name: denseVectorName(model), distance: "Cosine" },
      { target: records, name: cacheVectorName(model), distance: "Dot" },
    ];
    let changed = false;
    for (const { target, name, distance } of targets) {
      const current = await shapes();
      const existing = (target === collection ? current.chunks : current.records).vectors.get(name);
      if (existing?.size === dimension) continue;
      if (existing) {
        const stored = await qdrant.count(target, { must: [{ has_vector: name }] });
        if (stored > 0) {
          throw storeError(
            "vectorDimension",
            `model ${model} has dimension ${existing.size}, got ${dimension}`,
            {
              context: { model, expected: existing.size, got: dimension },
            },
          );
        }
        await call(`delete vector ${name}`, () => client.deleteVectorName(target, name, { wait: true }));
      }
      try {
        await call(`create vector ${name}`, () =>
          client.createVectorName(target, name, { dense: { size: dimension, distance } }, { wait: true }),
        );
      } catch (error) {
        const now = await refreshShapes();
        if ((target === collection ? now.chunks : now.records).vectors.get(name)?.size === dimension)
          continue;
        if (httpStatusOf((error as { cause?: unknown }).cause) === 404) {
          throw storeError(
            "openFailed",
            `this Qdrant server cannot add vector ${name} to an existing collection: upgrade Qdrant, or set the embedding model before the collection is first created`,
            { cause: error, context: { model } },
          );
        }
        throw error;
      }
      if (target === records) {
        await call(`tune vector ${name}`, () =>
          client.updateCollection(records, { vectors: { [name]: CACHE_VECTOR_PARAMS } }),
        );
      }
      changed = true;
      log?.info({ model, vector: name, dimension }, "added Qdrant vector for embedding model");
    }
    if (changed) await refreshShapes();
    const meta = await readMeta();
    if (meta.models.find((m) => m.model === model)?.dimension !== dimension) {
      await writeMeta({
        ...meta,
        models: [...meta.models.filter((m) => m.model !== model), { model, dimension }],
      });
    }
  }

  async function putVectors(model: string, vectors: StoredVector[]): Promise<void> {
    if (vectors.length === 0) return;
    const dimension = vectors[0]!.vector.length;
    if (dimension === 0 || vectors.some((v) => v.vector.length !== dimension)) {
      throw storeError("vectorDimension", `vectors for ${model} differ in dimension or are empty`, {
        context: { model },
      });
    }
    for (const v of vectors) {
      if (!isChunkId(v.chunkId)) {
        throw storeError("invalidInput", `not a chunk id: ${v.chunkId}`, { context: { chunkId: v.chunkId } });
      }
    }
    await ensureReady();
    await ensureModelVectors(model, dimension);

    const existing = await qdrant.retrieve(
      collection,
      vectors.map((v) => chunkPointId(v.chunkId)),
      { payload: ["content_hash"] },
    );
    const hashOf = new Map(existing.map((p) => [chunkIdOfPoint(p.id), String(p.payload?.content_hash)]));
    for (const v of vectors) {
      const hash = hashOf.get(v.chunkId);
      if (hash !== undefined && hash !== v.contentHash) {
        throw storeError("invalidInput", `content hash of chunk ${v.chunkId} does not match its text`, {
          context: { chunkId: v.chunkId },
        });
      }
    }
    const byHash = new Map<string, number[]>();
    for (const v of vectors) byHash.set(v.contentHash, Array.from(v.vector));
    // Every active chunk with one of these texts gets the vector; a text no active chunk
    // has any more (its document was replaced meanwhile) is dropped.
    const targets: Array<{ id: PointId; hash: string }> = [];
    for (const batch of inBatches([...byHash.keys()], SCROLL_PAGE)) {
      const points = await qdrant.scroll(
        collection,
        { must: [withHash(batch)] },
        { payload: ["content_hash"] },
      );
      for (const p of points) targets.push({ id: p.id, hash: String(p.payload?.content_hash) });
    }
    const cacheName = cacheVectorName(model);
    await qdrant.upsert(
      records,
      [...new Set(targets.map((t) => t.hash))].map((hash) => ({
        id: embeddingPointId(model, hash),
        vector: { [cacheName]: byHash.get(hash)! },
        payload: { record_type: "embedding", model, content_hash: hash },
      })),
    );
    const denseName = denseVectorName(model);
    for (const batch of inBatches(targets, batchSize)) {
      await call(`update vectors ${collection}`, () =>
        client.updateVectors(collection, {
          wait: true,
          points: batch.map((t) => ({ id: t.id, vector: { [denseName]: byHash.get(t.hash)! } })),
        }),
      );
    }
  }

  // ----- searching ------------------------------------------------------------------

  async function searchLexical(query: Parameters<DocumentStore["searchLexical"]>[0]): Promise<ScoredChunk[]> {
    const weights = combineWeights(query.terms);
    const limit = Math.floor(query.limit);
    if (weights.size === 0 || !(limit > 0)) return [];
    await ensureReady();
    const plan = toQdrantFilter(query.filter);
    if (plan.matchesNothing) return [];
    const sparse = toQuerySparseVector(weights);
    if (sparse.indices.length === 0) return [];
    const points = await queryRanked({ query: sparse, using: LEXICAL_VECTOR, filter: plan.filter }, limit);
    const terms = query.matchTerms ? [...new Set(query.matchTerms)] : [...weights.keys()];
    return points.map((p) => toScored(p, terms));
  }

  async function searchDense(query: DenseQuery): Promise<ScoredChunk[]> {
    const limit = Math.floor(query.limit);
    if (!(limit > 0)) return [];
    await ensureReady();
    const plan = toQdrantFilter(query.filter);
    if (plan.matchesNothing) return [];
    const dense = await denseVectorOf(query.model);
    if (!dense) return [];
    checkQueryDimension(query.model, query.vector, dense.size);
    if (!(vectorNorm(query.vector) > 0)) return [];
    const points = await queryRanked(
      { query: Array.from(query.vector), using: dense.name, filter: plan.filter },
      limit,
    );
    return points.map((p) => toScored(p));
  }

  async function searchHybrid(
    lexicalTerms: WeightedTerm[],
    vector: Float32Array,
    model: string,
    limit: number,
    filter?: ChunkFilter,
  ): Promise<ScoredChunk[]> {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    await ensureReady();
    const plan = toQdrantFilter(filter);
    if (plan.matchesNothing) return [];
    const weights = combineWeights(lexicalTerms);
    const sparse = toQuerySparseVector(weights);
    const depth = Math.max(max, hybridPrefetch);
    const prefetch: Schemas["Prefetch"][] = [];
    if (sparse.indices.length > 0) {
      prefetch.push({ query: sparse, using: LEXICAL_VECTOR, filter: plan.filter, limit: depth });
    }
    const dense = await denseVectorOf(model);
    if (dense && vector.length > 0) {
      checkQueryDimension(model, vector, dense.size);
      if (vectorNorm(vector) > 0) {
        prefetch.push({ query: Array.from(vector), using: dense.name, filter: plan.filter, limit: depth });
      }
    }
    if (prefetch.length === 0) return [];
    const points = await queryRanked({ prefetch, query: { fusion: "rrf" }, filter: plan.filter }, max);
    const terms = [...weights.keys()];
    return points.map((p) => toScored(p, terms));
  }

  // ----- migration and maintenance --------------------------------------------------

  async function importDocument(
    record: DocumentRecord,
    list: IndexedChunk[],
    versions: ArchivedVersion[],
    importOptions: { averageLength?: number } = {},
  ): Promise<ImportStatus> {
    validateDocument(record);
    validateChunks(record.docId, list);
    await ensureReady();
    const existing = await getDocumentRecord(record.docId);
    if (existing && existing.contentHash === record.contentHash && existing.version === record.version) {
      return "skipped";
    }
    await checkChunkOwners(record.docId, list);
    if (existing) await qdrant.deleteWhere(records, { must: [ofDoc(record.docId), isVersion] });
    await writeDocument({ ...record, chunkCount: list.length }, list, versions, importOptions.averageLength);
    return "written";
  }

  async function recomputeTotals(): Promise<{ chunks: number; totalLength: number }> {
    await ensureReady();
    const points = await qdrant.scroll(collection, undefined, { payload: ["length"] });
    const totalLength = points.reduce((sum, p) => sum + Number(p.payload?.length ?? 0), 0);
    await writeMeta({ ...(await readMeta()), totalLength });
    return { chunks: points.length, totalLength };
  }

  async function refreshLexicalWeights(): Promise<{
    chunks: number;
    updated: number;
    averageLength: number;
  }> {
    const totals = await recomputeTotals();
    const averageLength =
      totals.chunks > 0 && totals.totalLength > 0 ? totals.totalLength / totals.chunks : 1;
    let updated = 0;
    // Without saturation or length normalization the stored values do not depend on the mean.
    if ((bm25.k1 === 0 && bm25.bigramK1 === 0) || bm25.b === 0)
      return { chunks: totals.chunks, updated, averageLength };
    let offset: PointId | undefined;
    do {
      const page = await call(`scroll ${collection}`, () =>
        client.scroll(collection, {
          limit: SCROLL_PAGE,
          offset,
          with_payload: ["length", "bm25_avg_length", "terms"],
          with_vector: [LEXICAL_VECTOR],
        }),
      );
      const changed: Array<{ id: PointId; vector: { indices: number[]; values: number[] } }> = [];
      for (const point of page.points) {
        const previous = Number(point.payload?.bm25_avg_length);
        const sparse = (point.vector as NamedVectors | undefined)?.[LEXICAL_VECTOR];
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
        await call(`update vectors ${collection}`, () =>
          client.updateVectors(collection, {
            wait: true,
            points: batch.map((c) => ({ id: c.id, vector: { [LEXICAL_VECTOR]: c.vector } })),
          }),
        );
        await call(`set payload ${collection}`, () =>
          client.setPayload(collection, {
            wait: true,
            payload: { bm25_avg_length: averageLength },
            points: batch.map((c) => c.id),
          }),
        );
      }
      updated += changed.length;
      offset = nextOffset(page);
    } while (offset !== undefined);
    log?.info({ updated, averageLength }, "refreshed lexical weights");
    return { chunks: totals.chunks, updated, averageLength };
  }

  /** Every method: refuse after close, then run. */
  function guard<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      ensureOpen();
      return fn(...args);
    };
  }

  return {
    collection,
    recordsCollection: records,
    ensureReady,
    upsertDocument: guard(upsertDocument),
    deleteDocument: guard(deleteDocument),

    getDocument: guard(async (docId) => {
      await ensureReady();
      return getDocumentRecord(docId);
    }),

    listDocuments: guard(async (filter) => {
      await ensureReady();
      const plan = toQdrantFilter({ kinds: filter?.kinds, numbers: filter?.numbers });
      if (plan.matchesNothing) return [];
      return documentsWhere(withConditions(plan.filter, isDocument));
    }),

    findByNumber: guard(async (number) => {
      await ensureReady();
      return documentsWhere({
        must: [isDocument, { key: FILTER_KEYS.numberKey, match: { value: numberKey(number) } }],
      });
    }),

    listVersions: guard(async (docId) => {
      await ensureReady();
      const current = await getDocumentRecord(docId);
      if (!current) return [];
      const points = await qdrant.scroll(records, { must: [isVersion, ofDoc(docId)] });
      return (
        points
          .map((p): ArchivedVersion => {
            const payload = p.payload ?? {};
            return {
              docId,
              version: payloadNumber(payload, "version"),
              record: recordOfPayload(payload),
              chunks: Array.isArray(payload.chunks) ? (payload.chunks as ChunkRecord[]) : [],
              supersededAt: payloadString(payload, "superseded_at"),
            };
          })
          // A version point at or past the current version is left by an interrupted write.
          .filter((v) => v.version < current.version)
          .sort((a, b) => a.version - b.version)
      );
    }),

    getChunk: guard(async (chunkId) => {
      await ensureReady();
      if (!isChunkId(chunkId)) return null;
      const [point] = await qdrant.retrieve(collection, [chunkPointId(chunkId)]);
      return point ? toScored(point) : null;
    }),

    getChunks: guard(async (docId) => {
      await ensureReady();
      return chunksOf(docId);
    }),

    searchLexical: guard(searchLexical),
    searchDense: guard(searchDense),
    searchHybrid: guard(searchHybrid),
    putVectors: guard(putVectors),

    getVectorsByContentHash: guard(async (model, contentHashes) => {
      await ensureReady();
      const out = new Map<string, Float32Array>();
      for (const [hash, vector] of await cachedVectors(model, [...new Set(contentHashes)])) {
        out.set(hash, Float32Array.from(vector));
      }
      return out;
    }),

    chunksWithoutVectors: guard(async (model, limit) => {
      const max = Math.floor(limit);
      if (!(max > 0)) return [];
      await ensureReady();
      const dense = await denseVectorOf(model);
      const filter: QdrantFilter | undefined = dense ? { must_not: [{ has_vector: dense.name }] } : undefined;
      const points = await qdrant.scroll(collection, filter, { payload: CHUNK_RECORD_KEYS, limit: max });
      return points.map((p) => chunkOfPayload(p.payload ?? {}));
    }),

    vectorModels: guard(async () => {
      await ensureReady();
      const meta = await readMeta();
      const { chunks } = await shapes();
      const out: Array<{ model: string; dimension: number; count: number }> = [];
      for (const { model, dimension } of meta.models) {
        const name = denseVectorName(model);
        if (!chunks.vectors.has(name)) continue;
        const count = await qdrant.count(collection, { must: [{ has_vector: name }] });
        if (count > 0) out.push({ model, dimension, count });
      }
      return out.sort((a, b) => compareStrings(a.model, b.model));
    }),

    stats: guard(async () => {
      await ensureReady();
      const [documents, chunkCount] = await Promise.all([
        qdrant.count(records, { must: [isDocument] }),
        qdrant.count(collection),
      ]);
      return { documents, chunks: chunkCount };
    }),

    termStats: guard(async (terms) => {
      await ensureReady();
      const unique = [...new Set(terms)];
      const [total, counts] = await Promise.all([
        qdrant.count(collection),
        mapLimit(unique, COUNT_CONCURRENCY, (term) =>
          qdrant.count(collection, { must: [{ key: "terms", match: { value: term } }] }),
        ),
      ]);
      const df = new Map<string, number>();
      unique.forEach((term, i) => {
        df.set(term, counts[i] ?? 0);
      });
      return { chunks: total, df };
    }),

    importDocument: guard(importDocument),
    recomputeTotals: guard(recomputeTotals),
    refreshLexicalWeights: guard(refreshLexicalWeights),

    async close() {
      closed = true;
    },
  };
}
