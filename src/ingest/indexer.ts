import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Logger } from "../logger.js";
import type { Embedder } from "../retrieval/embedder.js";
import type { DocumentStore, UpsertResult } from "../store/types.js";
import { docIdForSource, sha256, toIndexedChunks } from "./index-chunks.js";
import { parseDocument } from "./parse-document.js";
import type { ParsedDocument, ParseOptions } from "./types.js";

export { docIdForSource, makeChunkIds, sha256, toIndexedChunks } from "./index-chunks.js";

export interface IngestOptions extends ParseOptions {
  /** Explicit document id (replace an existing document, or add as a separate one). */
  docId?: string;
  /** Called with the indexing stage; fraction 0..1. */
  onStage?: (stage: "reading" | "chunking" | "indexing" | "embedding", fraction: number) => void;
}

export interface IngestOutcome {
  result: UpsertResult;
  parsed: ParsedDocument;
}

export interface Indexer {
  /** Parses, analyzes and stores one file's bytes; atomic per document. */
  ingestBytes(bytes: Uint8Array, fileName: string, options?: IngestOptions): Promise<IngestOutcome>;
  ingestFile(path: string, options?: IngestOptions): Promise<IngestOutcome>;
}

export interface IndexerDeps {
  store: DocumentStore;
  embedder?: Embedder;
  logger?: Logger;
}

/** Wires parsing, Vietnamese analysis, the store and (optionally) embeddings together. */
export function createIndexer(deps: IndexerDeps): Indexer {
  const indexer: Indexer = {
    async ingestBytes(bytes, fileName, options = {}) {
      const source = basename(fileName);
      const onStage = options.onStage;
      const parsed = await parseDocument(bytes, source, {
        ...options,
        onProgress: (stage, fraction) => onStage?.(stage, fraction),
      });
      const docId = options.docId ?? docIdForSource(source);
      onStage?.("indexing", 0);
      const chunks = toIndexedChunks(docId, parsed.metadata.title, parsed.chunks);
      const result = await deps.store.upsertDocument(
        {
          docId,
          source,
          title: parsed.metadata.title,
          kind: parsed.metadata.kind,
          number: parsed.metadata.number,
          issuer: parsed.metadata.issuer,
          date: parsed.metadata.date,
          format: parsed.format,
          contentHash: parsed.contentHash,
          pages: parsed.pages,
        },
        chunks,
      );
      onStage?.("indexing", 1);
      if (deps.embedder && result.status !== "unchanged") {
        onStage?.("embedding", 0);
        await embedDocumentChunks(deps.store, deps.embedder, chunks, deps.logger);
        onStage?.("embedding", 1);
      }
      deps.logger?.info(
        { docId, source, status: result.status, chunks: result.chunkCount, version: result.version },
        "document ingested",
      );
      return { result, parsed };
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
