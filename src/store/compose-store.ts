import { sha256 } from "../hash.js";
import type { Logger } from "../logger.js";
import type { Catalog, CatalogPassage } from "./catalog.js";
import { isUnchanged } from "./catalog-writes.js";
import { storeError } from "./errors.js";
import type { IndexHit, IndexPassage, PointIndex } from "./search-index.js";
import type {
  ArchivedVersion,
  DocumentInput,
  DocumentRecord,
  DocumentStore,
  IndexedChunk,
  ScoredChunk,
  StoredVector,
  UpsertResult,
} from "./types.js";
import { validateChunks, validateDocument } from "./validate.js";

/** A `DocumentStore` made of the catalog and an index outside its database. */
export type ComposedStore = DocumentStore &
  Required<Pick<DocumentStore, "termStats" | "findByLeadingNumber">> & {
    /** Checks the index and repairs writes a crash interrupted (once per process). */
    ensureReady(): Promise<void>;
    /** Index hits as records, in hit order; hits the catalog does not know are left out. */
    hydrate(hits: readonly IndexHit[]): Promise<ScoredChunk[]>;
    /** Writes a document as another store holds it (see `Catalog.importDocument`). */
    importDocument(
      record: DocumentRecord,
      chunks: IndexedChunk[],
      versions: ArchivedVersion[],
      options?: { averageLength?: number },
    ): Promise<"written" | "skipped">;
    /** Documents repaired at start (their interrupted index writes completed). */
    repair(): Promise<string[]>;
  };

/**
 * Composes the catalog (SQLite, the truth about documents) with a search index kept
 * elsewhere (Qdrant points). No transaction spans both, so each write is ordered for
 * crash safety and journalled in the catalog (`markPending` ... `clearPending`):
 *
 * - upsert: mark the document pending; upsert its passages' points (idempotent: by
 *   chunk id, same content gives the same point); commit the catalog (one SQLite
 *   transaction: the new version, the archived one, totals); delete the document's points
 *   that are not in the new version; clear the mark.
 * - delete: mark; delete from the catalog; delete the document's points; clear.
 *
 * A crash before the catalog commit leaves the previous version in the catalog and some
 * of the new points in the index; after it, stale points of the previous version. Either
 * way the index holds points the catalog does not know, never the reverse: searches leave
 * such hits out (`hydrate`), and at the next start `repair` deletes, for each pending
 * document, every point not among its active chunks (writing the document again, as the
 * corpus sync does, repairs it too). Scores may count orphan points in df until then.
 */
export function composeStore(deps: {
  catalog: Catalog;
  index: PointIndex;
  logger?: Logger;
  /** Runs once at start, after the index is ready and before the repair (adopting an old layout). */
  prepare?: () => Promise<unknown>;
}): ComposedStore {
  const { catalog, index } = deps;
  const log = deps.logger?.child({ component: "store" });
  let closed = false;
  let repaired: Promise<string[]> | null = null;

  async function repair(): Promise<string[]> {
    await deps.prepare?.();
    const pending = await catalog.pendingDocuments();
    for (const docId of pending) {
      const keep = (await catalog.getChunks(docId)).map((c) => c.chunkId);
      await index.removePassages(docId, keep);
      await catalog.clearPending(docId);
    }
    if (pending.length > 0) log?.warn({ documents: pending }, "repaired interrupted index writes");
    return pending;
  }

  async function ready(): Promise<void> {
    if (closed) throw storeError("closed", "the store is closed");
    await index.ensureReady();
    if (!repaired) {
      repaired = repair().catch((error: unknown) => {
        repaired = null;
        throw error;
      });
    }
    await repaired;
  }

  async function hydrate(hits: readonly IndexHit[]): Promise<ScoredChunk[]> {
    const found = await catalog.getPassages(hits.map((h) => h.chunkId));
    const out: ScoredChunk[] = [];
    for (const hit of hits) {
      const passage: CatalogPassage | undefined = found.get(hit.chunkId);
      if (!passage) continue;
      out.push({
        chunk: passage.chunk,
        doc: passage.doc,
        score: hit.score,
        ...(hit.matchedTerms ? { matchedTerms: hit.matchedTerms } : {}),
      });
    }
    return out;
  }

  async function checkOwners(docId: string, chunks: readonly IndexedChunk[]): Promise<void> {
    for (const [chunkId, owner] of await catalog.chunkOwners(chunks.map((c) => c.chunkId))) {
      if (owner !== docId) {
        throw storeError("invalidInput", `chunk ${chunkId} already belongs to document ${owner}`, {
          context: { docId, chunkId, owner },
        });
      }
    }
  }

  /** The corpus mean chunk length once this document's chunks replace its current ones. */
  async function meanLengthAfter(docId: string, chunks: readonly IndexedChunk[]): Promise<number> {
    const [totals, old] = await Promise.all([catalog.totals(), catalog.chunkTotals(docId)]);
    const count = totals.chunks - old.chunks + chunks.length;
    const length = totals.totalLength - old.length + chunks.reduce((sum, c) => sum + c.length, 0);
    return count > 0 && length > 0 ? length / count : 1;
  }

  /** Points of a document's chunks, with the vectors the embedding cache has for their texts. */
  async function writePoints(
    doc: Pick<DocumentInput, "docId" | "number" | "kind" | "date">,
    chunks: readonly IndexedChunk[],
    averageLength: number,
  ): Promise<void> {
    const passages: IndexPassage[] = chunks.map((chunk) => ({
      chunkId: chunk.chunkId,
      doc: { docId: doc.docId, number: doc.number, kind: doc.kind, date: doc.date },
      terms: chunk.terms,
      length: chunk.length,
      textHash: sha256(chunk.text),
    }));
    const hashes = [...new Set(passages.map((p) => p.textHash))];
    const vectors = new Map<string, Map<string, Float32Array>>();
    for (const model of await catalog.embeddingModelNames()) {
      const cached = await catalog.getEmbeddings(model, hashes);
      if (cached.size > 0) vectors.set(model, cached);
    }
    await index.upsertPassages(passages, { averageLength, vectors });
  }

  /** Points, then the catalog, then stale points: see the ordering above. */
  async function journalled<T>(
    docId: string,
    chunks: readonly IndexedChunk[],
    commit: () => Promise<T>,
  ): Promise<T> {
    await catalog.markPending(docId);
    const value = await commit();
    await index.removePassages(
      docId,
      chunks.map((c) => c.chunkId),
    );
    await catalog.clearPending(docId);
    return value;
  }

  async function upsertDocument(input: DocumentInput, chunks: IndexedChunk[]): Promise<UpsertResult> {
    validateDocument(input);
    validateChunks(input.docId, chunks);
    await ready();
    const existing = await catalog.getDocument(input.docId);
    if (existing && isUnchanged(existing, input)) {
      return {
        docId: input.docId,
        status: "unchanged",
        version: existing.version,
        chunkCount: existing.chunkCount,
      };
    }
    await checkOwners(input.docId, chunks);
    const averageLength = await meanLengthAfter(input.docId, chunks);
    return journalled(input.docId, chunks, async () => {
      await writePoints(input, chunks, averageLength);
      const [result] = await catalog.commitDocuments([{ doc: input, chunks }]);
      return result!;
    });
  }

  async function putVectors(model: string, vectors: StoredVector[]): Promise<void> {
    if (vectors.length === 0) return;
    await ready();
    const byHash = new Map<string, Float32Array>();
    for (const v of vectors) byHash.set(v.contentHash, v.vector);
    const targets = await catalog.chunksWithTextHashes([...byHash.keys()]);
    const hashOf = new Map(targets.map((t) => [t.chunkId, t.textHash]));
    const active = await catalog.chunkOwners(vectors.map((v) => v.chunkId));
    for (const v of vectors) {
      if (active.has(v.chunkId) && hashOf.get(v.chunkId) !== v.contentHash) {
        throw storeError("invalidInput", `content hash of chunk ${v.chunkId} does not match its text`, {
          context: { chunkId: v.chunkId },
        });
      }
    }
    // The index first: a crash before the cache write leaves chunks the catalog still
    // lists as without vectors, so they are embedded again, never missed.
    await index.setVectors(
      model,
      targets.map((t) => ({ chunkId: t.chunkId, vector: byHash.get(t.textHash)! })),
    );
    await catalog.putEmbeddings(model, vectors);
  }

  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ready();
      return fn(...args);
    };

  return {
    ensureReady: ready,
    hydrate,
    repair: async () => {
      await index.ensureReady();
      return repair();
    },
    upsertDocument,
    putVectors,

    async deleteDocument(docId) {
      await ready();
      return journalled(docId, [], () => catalog.deleteDocument(docId));
    },

    async importDocument(record, chunks, versions, options = {}) {
      validateDocument(record);
      validateChunks(record.docId, chunks);
      await ready();
      const existing = await catalog.getDocument(record.docId);
      if (existing && existing.contentHash === record.contentHash && existing.version === record.version) {
        return "skipped";
      }
      await checkOwners(record.docId, chunks);
      const averageLength =
        options.averageLength !== undefined && options.averageLength > 0
          ? options.averageLength
          : await meanLengthAfter(record.docId, chunks);
      return journalled(record.docId, chunks, async () => {
        await writePoints(record, chunks, averageLength);
        return catalog.importDocument(record, chunks, versions);
      });
    },

    getDocument: guard((docId: string) => catalog.getDocument(docId)),
    listDocuments: guard((filter?: Parameters<DocumentStore["listDocuments"]>[0]) =>
      catalog.listDocuments(filter),
    ),
    findByNumber: guard((number: string) => catalog.findByNumber(number)),
    findByLeadingNumber: guard((lead: string) => catalog.findByLeadingNumber(lead)),
    listVersions: guard((docId: string) => catalog.listVersions(docId)),
    getChunks: guard((docId: string, limit?: number) => catalog.getChunks(docId, limit)),

    getChunk: guard(async (chunkId: string) => {
      const found = await catalog.getChunk(chunkId);
      return found ? { ...found, score: 0 } : null;
    }),

    searchLexical: guard(async (query: Parameters<DocumentStore["searchLexical"]>[0]) =>
      hydrate(await index.searchLexical(query)),
    ),
    searchDense: guard(async (query: Parameters<DocumentStore["searchDense"]>[0]) =>
      hydrate(await index.searchDense(query)),
    ),
    termStats: guard((terms: string[]) => index.termStats(terms)),

    getVectorsByContentHash: guard((model: string, hashes: string[]) => catalog.getEmbeddings(model, hashes)),
    chunksWithoutVectors: guard((model: string, limit: number) =>
      catalog.chunksWithoutEmbeddings(model, limit),
    ),
    vectorModels: guard(() => catalog.embeddingModels()),

    stats: guard(async () => {
      const totals = await catalog.totals();
      return { documents: totals.documents, chunks: totals.chunks };
    }),

    async close() {
      if (closed) return;
      closed = true;
      await index.close();
      await catalog.close();
    },
  };
}
