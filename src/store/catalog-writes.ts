import { sha256 } from "../hash.js";
import { type CatalogStatements, type DocumentRow, type MetaRow, toRecord } from "./catalog-rows.js";
import type { EmbeddingCache } from "./embedding-cache.js";
import { storeError } from "./errors.js";
import { numberKey } from "./filter.js";
import type { ArchivedVersion, DocumentInput, DocumentRecord, IndexedChunk, UpsertResult } from "./types.js";
import { validateChunks, validateDocument } from "./validate.js";

/** A chunk as a search index sees it: its integer key in the catalog, its terms and length. */
export interface KeyedChunk {
  key: number;
  terms: Record<string, number>;
  length: number;
}

export interface PreparedChunk {
  chunk: IndexedChunk;
  headingPath: string;
  textHash: string;
}

/** What one write did, for an index kept in the same database to follow in the same transaction. */
export interface AppliedWrite<T> {
  value: T;
  /** The totals afterwards; null when nothing changed. */
  meta: MetaRow | null;
  /** Keys of the chunks that left the active set (consecutive), or null. */
  removedKeys: { lo: number; hi: number } | null;
}

/** Whether an upsert of `input` over `existing` changes nothing (same content, same pipeline). */
export function isUnchanged(existing: DocumentRecord | null, input: DocumentInput): boolean {
  return (
    existing !== null &&
    existing.contentHash === input.contentHash &&
    (existing.pipeline ?? null) === (input.pipeline ?? null)
  );
}

/** The catalog's writes; each runs inside a transaction its caller opened. */
export interface CatalogWrites {
  /** Validates a batch (documents, chunks, no docId twice) and hashes chunk texts. */
  prepare(items: ReadonlyArray<{ doc: DocumentInput; chunks: IndexedChunk[] }>): PreparedChunk[][];
  /** One document's upsert; the new chunks' keys and terms are appended to `added`. */
  applyUpsert(
    input: DocumentInput,
    prepared: PreparedChunk[],
    meta: MetaRow,
    added: KeyedChunk[],
  ): AppliedWrite<UpsertResult>;
  applyDelete(docId: string, meta: MetaRow): AppliedWrite<boolean>;
  /** A document exactly as another store holds it (record, version, archive). */
  applyImport(
    record: DocumentRecord,
    chunks: IndexedChunk[],
    versions: ArchivedVersion[],
    meta: MetaRow,
  ): AppliedWrite<"written" | "skipped">;
}

function prepareChunks(chunks: readonly IndexedChunk[]): PreparedChunk[] {
  return chunks.map((chunk) => ({
    chunk,
    headingPath: JSON.stringify(chunk.headingPath),
    textHash: sha256(chunk.text),
  }));
}

function documentRow(record: DocumentRecord, chunkCount: number): Record<string, unknown> {
  return {
    doc_id: record.docId,
    source: record.source,
    title: record.title,
    kind: record.kind,
    number: record.number,
    number_key: record.number === null ? null : numberKey(record.number),
    issuer: record.issuer,
    date: record.date,
    format: record.format,
    content_hash: record.contentHash,
    pages: record.pages,
    chunk_count: chunkCount,
    version: record.version,
    added_at: record.addedAt,
    updated_at: record.updatedAt,
    key_lo: null,
    key_hi: null,
    pipeline: record.pipeline ?? null,
    relations: record.relations && record.relations.length > 0 ? JSON.stringify(record.relations) : null,
  };
}

/**
 * The catalog's write side: archive the replaced version, insert chunks with consecutive
 * keys, keep the totals, drop embeddings no active chunk uses. Pure SQL over the
 * statements; the transaction and the caches are the caller's.
 */
export function createCatalogWrites(deps: {
  stmt: CatalogStatements;
  embeddings: EmbeddingCache;
  clock: () => Date;
}): CatalogWrites {
  const { stmt, embeddings, clock } = deps;

  /** Removes a document's active chunks; returns what left. */
  function removeChunksOf(row: DocumentRow): {
    count: number;
    length: number;
    hashes: string[];
    keys: { lo: number; hi: number } | null;
  } {
    if (row.key_lo === null || row.key_hi === null) return { count: 0, length: 0, hashes: [], keys: null };
    const totals = stmt.chunkTotalsOfDoc.get(row.doc_id) ?? { count: 0, length: 0 };
    const hashes = stmt.textHashesOfDoc.all(row.doc_id);
    stmt.chunksDelete.run(row.doc_id);
    return { count: totals.count, length: totals.length, hashes, keys: { lo: row.key_lo, hi: row.key_hi } };
  }

  function checkOwner(docId: string, chunkId: string): void {
    const owner = stmt.chunkOwner.get(chunkId);
    if (owner !== undefined) {
      throw storeError("invalidInput", `chunk ${chunkId} already belongs to document ${owner}`, {
        context: { docId, chunkId, owner },
      });
    }
  }

  /** Inserts a document's chunks; their keys are consecutive and appended to `added`. */
  function insertChunks(docId: string, prepared: readonly PreparedChunk[], added: KeyedChunk[]): number {
    const first = added.length;
    let addedLength = 0;
    for (const { chunk, headingPath, textHash } of prepared) {
      checkOwner(docId, chunk.chunkId);
      const key = Number(
        stmt.chunkInsert.run(
          chunk.chunkId,
          docId,
          chunk.position,
          headingPath,
          chunk.text,
          chunk.length,
          textHash,
        ).lastInsertRowid,
      );
      const previous = added[added.length - 1];
      if (added.length > first && previous && key !== previous.key + 1) {
        throw storeError("corrupt", "chunk keys of one document are not consecutive", { context: { key } });
      }
      added.push({ key, terms: chunk.terms, length: chunk.length });
      addedLength += chunk.length;
    }
    if (added.length > first) stmt.docKeys.run(added[first]!.key, added[added.length - 1]!.key, docId);
    return addedLength;
  }

  return {
    prepare(items) {
      const ids = new Set<string>();
      const prepared = items.map((item) => {
        validateDocument(item.doc);
        validateChunks(item.doc.docId, item.chunks);
        return prepareChunks(item.chunks);
      });
      for (const item of items) {
        if (ids.has(item.doc.docId))
          throw storeError("invalidInput", `document ${item.doc.docId} appears twice in one batch`);
        ids.add(item.doc.docId);
      }
      return prepared;
    },

    applyUpsert(input, prepared, before, added) {
      const existing = stmt.docGet.get(input.docId);
      if (existing && isUnchanged(toRecord(existing), input)) {
        return {
          value: {
            docId: input.docId,
            status: "unchanged",
            version: existing.version,
            chunkCount: existing.chunk_count,
          },
          meta: null,
          removedKeys: null,
        };
      }
      const now = clock().toISOString();
      let removed: ReturnType<typeof removeChunksOf> = { count: 0, length: 0, hashes: [], keys: null };
      if (existing) {
        stmt.archiveVersion.run(existing.doc_id, existing.version, JSON.stringify(toRecord(existing)), now);
        stmt.archiveChunks.run(existing.version, existing.doc_id);
        removed = removeChunksOf(existing);
      }
      const version = existing ? existing.version + 1 : 1;
      const record: DocumentRecord = {
        ...input,
        chunkCount: prepared.length,
        version,
        addedAt: existing?.added_at ?? now,
        updatedAt: now,
      };
      stmt.docUpsert.run(documentRow(record, prepared.length));
      const addedLength = insertChunks(input.docId, prepared, added);
      const newHashes = new Set(prepared.map((p) => p.textHash));
      embeddings.collect(removed.hashes.filter((hash) => !newHashes.has(hash)));
      return {
        value: {
          docId: input.docId,
          status: existing ? "replaced" : "added",
          version,
          chunkCount: prepared.length,
        },
        meta: {
          generation: before.generation + 1,
          vector_generation: before.vector_generation + 1,
          documents: before.documents + (existing ? 0 : 1),
          chunks: before.chunks - removed.count + prepared.length,
          total_length: Math.max(0, before.total_length - removed.length + addedLength),
        },
        removedKeys: removed.keys,
      };
    },

    applyDelete(docId, before) {
      const existing = stmt.docGet.get(docId);
      if (!existing) return { value: false, meta: null, removedKeys: null };
      const removed = removeChunksOf(existing);
      stmt.archiveDeleteChunks.run(docId);
      stmt.archiveDeleteVersions.run(docId);
      stmt.docDelete.run(docId);
      embeddings.collect(removed.hashes);
      return {
        value: true,
        meta: {
          generation: before.generation + 1,
          vector_generation: before.vector_generation + 1,
          documents: before.documents - 1,
          chunks: before.chunks - removed.count,
          total_length: Math.max(0, before.total_length - removed.length),
        },
        removedKeys: removed.keys,
      };
    },

    applyImport(record, chunks, versions, before) {
      const prepared = prepareChunks(chunks);
      {
        const existing = stmt.docGet.get(record.docId);
        if (existing && existing.content_hash === record.contentHash && existing.version === record.version) {
          return { value: "skipped", meta: null, removedKeys: null };
        }
        let removed: ReturnType<typeof removeChunksOf> = { count: 0, length: 0, hashes: [], keys: null };
        if (existing) {
          removed = removeChunksOf(existing);
          stmt.archiveDeleteChunks.run(record.docId);
          stmt.archiveDeleteVersions.run(record.docId);
        }
        stmt.docUpsert.run(documentRow(record, prepared.length));
        const addedLength = insertChunks(record.docId, prepared, []);
        for (const v of versions) {
          stmt.archiveVersion.run(record.docId, v.version, JSON.stringify(v.record), v.supersededAt);
          v.chunks.forEach((c, seq) => {
            stmt.archivedChunkInsert.run(
              record.docId,
              v.version,
              seq,
              c.chunkId,
              c.position,
              JSON.stringify(c.headingPath),
              c.text,
            );
          });
        }
        const kept = new Set(prepared.map((p) => p.textHash));
        embeddings.collect(removed.hashes.filter((h) => !kept.has(h)));
        return {
          removedKeys: removed.keys,
          value: "written",
          meta: {
            generation: before.generation + 1,
            vector_generation: before.vector_generation + 1,
            documents: before.documents + (existing ? 0 : 1),
            chunks: before.chunks - removed.count + prepared.length,
            total_length: Math.max(0, before.total_length - removed.length + addedLength),
          },
        };
      }
    },
  };
}
