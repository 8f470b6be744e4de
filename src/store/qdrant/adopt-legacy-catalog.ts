import type { QdrantClient } from "@qdrant/js-client-rest";
import type { Logger } from "../../logger.js";
import type { Catalog } from "../catalog.js";
import type { ArchivedVersion, IndexedChunk, StoredVector } from "../types.js";
import { FILTER_KEYS } from "./filter.js";
import {
  CHUNK_RECORD_KEYS,
  chunkOfPayload,
  META_POINT_ID,
  metaOfPayload,
  type NamedVectors,
  payloadNumber,
  payloadString,
  recordOfPayload,
} from "./payload.js";
import type { QdrantRequests } from "./requests.js";
import { cacheVectorName, recordsCollectionName } from "./schema-check.js";

const EMBEDDING_BATCH = 256;

/**
 * Moves the catalog of a deployment made before the catalog left Qdrant (store schema 1:
 * records, archived versions, the embedding cache and the totals in `<collection>_docs`,
 * chunk text and headings in the chunk points' payloads; see `payload.ts`) into the SQLite
 * catalog. Runs at start when the catalog is empty and `<collection>_docs` exists, so an
 * upgraded bot keeps its documents, uploads included, without re-ingesting. The chunk
 * points are searchable as they are (their payload has every key the index reads); the
 * old collection is left for the operator to delete once satisfied. Returns how many
 * documents and cached vectors were adopted, or null when there was nothing to adopt.
 */
export async function adoptLegacyCatalog(deps: {
  client: QdrantClient;
  requests: QdrantRequests;
  collection: string;
  catalog: Catalog;
  logger?: Logger;
}): Promise<{ documents: number; embeddings: number } | null> {
  const { client, requests, collection, catalog } = deps;
  const records = recordsCollectionName(collection);
  if ((await catalog.totals()).documents > 0) return null;
  const { exists } = await requests.call(`exists ${records}`, () => client.collectionExists(records));
  if (!exists) return null;

  const isType = (type: string) => ({ key: "record_type", match: { value: type } });
  const documents = await requests.scroll(records, { must: [isType("document")] }, { payload: ["record"] });
  for (const point of documents) {
    const record = recordOfPayload(point.payload);
    const ofDoc = { key: FILTER_KEYS.docId, match: { value: record.docId } };
    const chunkPoints = await requests.scroll(
      collection,
      { must: [ofDoc] },
      { payload: [...CHUNK_RECORD_KEYS, "seq", "length"] },
    );
    const chunks: IndexedChunk[] = chunkPoints
      .map((p) => ({ payload: p.payload ?? {}, seq: Number(p.payload?.seq ?? 0) }))
      .sort((a, b) => Number(a.payload.position) - Number(b.payload.position) || a.seq - b.seq)
      .map(({ payload }) => ({ ...chunkOfPayload(payload), terms: {}, length: Number(payload.length ?? 0) }));
    const versions = (await requests.scroll(records, { must: [isType("version"), ofDoc] }))
      .map((p): ArchivedVersion => {
        const payload = p.payload ?? {};
        return {
          docId: record.docId,
          version: payloadNumber(payload, "version"),
          record: recordOfPayload(payload),
          chunks: Array.isArray(payload.chunks) ? (payload.chunks as ArchivedVersion["chunks"]) : [],
          supersededAt: payloadString(payload, "superseded_at"),
        };
      })
      // A version point at or past the current version was left by an interrupted write.
      .filter((v) => v.version < record.version)
      .sort((a, b) => a.version - b.version);
    await catalog.importDocument(record, chunks, versions);
  }

  let embeddings = 0;
  const [meta] = await requests.retrieve(records, [META_POINT_ID]);
  const models = meta?.payload ? metaOfPayload(meta.payload, 1).models : [];
  for (const { model } of models) {
    const name = cacheVectorName(model);
    const points = await requests.scroll(
      records,
      { must: [isType("embedding")] },
      { payload: ["model", "content_hash"], vector: [name] },
    );
    const vectors: StoredVector[] = [];
    for (const p of points) {
      const vector = (p.vector as NamedVectors | undefined)?.[name];
      const hash = p.payload?.content_hash;
      if (p.payload?.model !== model || typeof hash !== "string" || !Array.isArray(vector)) continue;
      // No chunk id: the cache is keyed by text hash, kept when an active chunk has that text.
      vectors.push({ chunkId: "", contentHash: hash, vector: Float32Array.from(vector) });
    }
    for (let i = 0; i < vectors.length; i += EMBEDDING_BATCH) {
      embeddings += (await catalog.putEmbeddings(model, vectors.slice(i, i + EMBEDDING_BATCH))).length;
    }
  }
  deps.logger?.info(
    { documents: documents.length, embeddings, from: records },
    "adopted the catalog kept in Qdrant into SQLite; the old collection can be deleted",
  );
  return { documents: documents.length, embeddings };
}
