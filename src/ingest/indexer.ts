import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CorpusLog } from "../audit/corpus-log.js";
import { sha256 } from "../hash.js";
import type { Logger } from "../logger.js";
import type { Embedder } from "../retrieval/embedder.js";
import type { DocumentInput, DocumentStore, IndexedChunk, UpsertResult } from "../store/types.js";
import { docIdForSource, toIndexedChunksYielding } from "./index-chunks.js";
import { parseIsolated } from "./parse-pool.js";
import { INGEST_PIPELINE } from "./pipeline-version.js";
import type { StoreWriter } from "./store-writer.js";
import type { PageProgress, ParsedDocument, ParseOptions } from "./types.js";

export { docIdForSource, makeChunkIds, toIndexedChunks } from "./index-chunks.js";

export interface IngestOptions extends ParseOptions {
  /** Who made the change, for the audit log: a Telegram user id, or null (CLI, sync). */
  actorId?: number | null;
  /** "telegram", "cli" or "sync" (default). */
  via?: string;
  /** Explicit document id (replace an existing document, or add as a separate one). */
  docId?: string;
  /**
   * False when the content did not change and only the pipeline did (a re-index after an
   * upgrade): nothing new for readers, so nothing goes to the audit log or the digest.
   */
  audit?: boolean;
  /** Called with the indexing stage; fraction 0..1. */
  onStage?: (
    stage: "reading" | "ocr" | "chunking" | "indexing" | "embedding",
    fraction: number,
    pages?: PageProgress,
  ) => void;
}

export interface IngestOutcome {
  result: UpsertResult;
  parsed: ParsedDocument;
}

export interface Indexer {
  /** Parses, analyzes and stores one file's bytes; atomic per document. */
  ingestBytes(bytes: Uint8Array, fileName: string, options?: IngestOptions): Promise<IngestOutcome>;
  /**
   * Stores a document parsed earlier (`parseDocument`), so a caller that had to look at
   * the metadata first (the Telegram upload checks the number for a replacement) does not
   * parse twice. Same recording and embedding as `ingestBytes`.
   */
  indexParsed(parsed: ParsedDocument, options?: IngestOptions): Promise<IngestOutcome>;
  /**
   * Stores several parsed documents (each under the id of its file name) in one store
   * write where the store supports it: all or none. The start-up sync of a corpus of many
   * small files uses it.
   */
  indexParsedMany(documents: ParsedDocument[], options?: IngestOptions): Promise<IngestOutcome[]>;
  ingestFile(path: string, options?: IngestOptions): Promise<IngestOutcome>;
  /** Deletes a document and records who did it; false when there was none. */
  removeDocument(docId: string, actor?: { actorId?: number | null; via?: string }): Promise<boolean>;
}

export interface IndexerDeps {
  store: DocumentStore;
  embedder?: Embedder;
  logger?: Logger;
  /** Where additions, replacements and removals are recorded (audit log, digest). */
  corpusLog?: CorpusLog;
  /**
   * Writes into the embedded store from a worker thread (analysis, postings and the
   * SQLite transaction off the bot's event loop). Without it, documents are analyzed
   * here and written through `store`. Both must be the same store.
   */
  writer?: StoreWriter;
  /** Called after any document is added, replaced or removed (caches of the catalog drop). */
  onChange?: () => void;
}

/** Wires parsing, Vietnamese analysis, the store and (optionally) embeddings together. */
export function createIndexer(deps: IndexerDeps): Indexer {
  /** Records the change, embeds new text, logs: what follows every store write. */
  async function afterUpsert(
    parsed: ParsedDocument,
    docId: string,
    chunks: Array<{ chunkId: string; text: string }>,
    result: UpsertResult,
    options: IngestOptions,
  ): Promise<void> {
    const source = parsed.source;
    if (result.status !== "unchanged") deps.onChange?.();
    if (result.status !== "unchanged" && options.audit !== false) {
      deps.corpusLog?.record({
        action: result.status,
        docId,
        title: parsed.metadata.title,
        number: parsed.metadata.number,
        docDate: parsed.metadata.date,
        version: result.version,
        actorId: options.actorId ?? null,
        via: options.via ?? "sync",
        source,
      });
    }
    if (deps.embedder && result.status !== "unchanged") {
      options.onStage?.("embedding", 0);
      await embedDocumentChunks(deps.store, deps.embedder, chunks, deps.logger);
      options.onStage?.("embedding", 1);
    }
    deps.logger?.info(
      { docId, source, status: result.status, chunks: result.chunkCount, version: result.version },
      "document ingested",
    );
  }

  /**
   * Analyzes and stores documents in one write: in the store writer's thread when there is
   * one (the embedded store), else here in slices that leave the event loop free.
   */
  async function store(
    items: Array<{ parsed: ParsedDocument; docId: string }>,
  ): Promise<Array<{ result: UpsertResult; chunks: Array<{ chunkId: string; text: string }> }>> {
    if (deps.writer) {
      const written = await deps.writer.write(
        items.map(({ parsed, docId }) => ({
          doc: toDocumentInput(parsed, docId),
          title: parsed.metadata.title,
          drafts: parsed.chunks,
        })),
      );
      return written.map(({ result, chunkIds }, i) => ({
        result,
        chunks: chunkIds.map((chunkId, k) => ({ chunkId, text: items[i]!.parsed.chunks[k]!.text })),
      }));
    }
    const prepared: Array<{ doc: DocumentInput; chunks: IndexedChunk[] }> = [];
    for (const { parsed, docId } of items) {
      prepared.push({
        doc: toDocumentInput(parsed, docId),
        chunks: await toIndexedChunksYielding(docId, parsed.metadata.title, parsed.chunks),
      });
    }
    const results =
      prepared.length === 1
        ? [await deps.store.upsertDocument(prepared[0]!.doc, prepared[0]!.chunks)]
        : deps.store.upsertDocuments
          ? await deps.store.upsertDocuments(prepared)
          : await sequentially(prepared, (item) => deps.store.upsertDocument(item.doc, item.chunks));
    return results.map((result, i) => ({ result, chunks: prepared[i]!.chunks }));
  }

  const indexer: Indexer = {
    async ingestBytes(bytes, fileName, options = {}) {
      const source = basename(fileName);
      const onStage = options.onStage;
      const parsed = await parseIsolated(bytes, source, {
        ...options,
        onProgress: (stage, fraction, pages) => onStage?.(stage, fraction, pages),
      });
      return indexer.indexParsed(parsed, options);
    },
    async indexParsed(parsed, options = {}) {
      const docId = options.docId ?? docIdForSource(parsed.source);
      options.onStage?.("indexing", 0);
      const [stored] = await store([{ parsed, docId }]);
      options.onStage?.("indexing", 1);
      await afterUpsert(parsed, docId, stored!.chunks, stored!.result, options);
      return { result: stored!.result, parsed };
    },
    async indexParsedMany(documents, options = {}) {
      const items = documents.map((parsed) => ({ parsed, docId: docIdForSource(parsed.source) }));
      const stored = await store(items);
      const outcomes: IngestOutcome[] = [];
      for (const [i, item] of items.entries()) {
        await afterUpsert(item.parsed, item.docId, stored[i]!.chunks, stored[i]!.result, options);
        outcomes.push({ result: stored[i]!.result, parsed: item.parsed });
      }
      return outcomes;
    },
    async removeDocument(docId, actor = {}) {
      const doc = await deps.store.getDocument(docId);
      if (!doc) return false;
      const removed = await deps.store.deleteDocument(docId);
      if (removed) {
        deps.onChange?.();
        deps.corpusLog?.record({
          action: "removed",
          docId,
          title: doc.title,
          number: doc.number,
          docDate: doc.date,
          version: doc.version,
          actorId: actor.actorId ?? null,
          via: actor.via ?? "cli",
          source: doc.source,
        });
        deps.logger?.info({ docId, source: doc.source }, "document removed");
      }
      return removed;
    },
    async ingestFile(path, options) {
      const bytes = await readFile(path);
      return indexer.ingestBytes(bytes, basename(path), options);
    },
  };
  return indexer;
}

/**
 * Embeds chunks, re-using vectors cached by content hash. A failing endpoint is logged
 * and leaves the document searchable lexically; vectors can be added later (`reindex`).
 */
export async function embedDocumentChunks(
  store: DocumentStore,
  embedder: Embedder,
  chunks: Array<{ chunkId: string; text: string }>,
  logger?: Logger,
): Promise<void> {
  try {
    const hashes = chunks.map((c) => sha256(c.text));
    const cached = await store.getVectorsByContentHash(embedder.model, hashes);
    const missing = chunks.map((c, i) => ({ c, hash: hashes[i]! })).filter((x) => !cached.has(x.hash));
    const vectors = missing.length > 0 ? await embedder.embed(missing.map((m) => m.c.text)) : [];
    for (const [i, m] of missing.entries()) cached.set(m.hash, vectors[i]!);
    await store.putVectors(
      embedder.model,
      chunks.map((c, i) => ({
        chunkId: c.chunkId,
        contentHash: hashes[i]!,
        vector: cached.get(hashes[i]!)!,
      })),
    );
  } catch (error) {
    logger?.warn({ err: error }, "embedding failed; document stays searchable lexically");
  }
}

function toDocumentInput(parsed: ParsedDocument, docId: string): DocumentInput {
  return {
    docId,
    source: parsed.source,
    title: parsed.metadata.title,
    kind: parsed.metadata.kind,
    number: parsed.metadata.number,
    issuer: parsed.metadata.issuer,
    date: parsed.metadata.date,
    format: parsed.format,
    contentHash: parsed.contentHash,
    pipeline: INGEST_PIPELINE,
    ...(parsed.metadata.relations?.length ? { relations: parsed.metadata.relations } : {}),
    pages: parsed.pages,
  };
}

async function sequentially<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}
