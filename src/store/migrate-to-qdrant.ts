import { sha256 } from "../hash.js";
import { passageTerms } from "../text/passage-terms.js";
import type { QdrantStore } from "./qdrant/qdrant-store.js";
import type { ChunkRecord, DocumentRecord, DocumentStore, IndexedChunk, StoredVector } from "./types.js";

/** One document handled by `migrateToQdrant`. */
export interface MigrationProgress {
  /** 1-based position of this document in the run. */
  index: number;
  total: number;
  docId: string;
  source: string;
  /** "written", or "skipped" when the target already had this version (a resumed run). */
  status: "written" | "skipped";
  chunks: number;
  /** Archived versions copied with it. */
  versions: number;
  /** Vectors copied for it, over all embedding models. */
  vectors: number;
}

export interface MigrationReport {
  documents: number;
  written: number;
  skipped: number;
  chunks: number;
  versions: number;
  vectors: number;
  /** The mean chunk length the lexical weights were written with. */
  averageLength: number;
}

export interface MigrateToQdrantOptions {
  /** The store to copy from (the embedded store); only read. */
  from: DocumentStore;
  to: QdrantStore;
  onProgress?: (progress: MigrationProgress) => void;
}

const VECTOR_BATCH = 256;

/** A stored chunk with its terms recomputed exactly as ingestion computes them. */
function reindex(chunk: ChunkRecord, title: string): IndexedChunk {
  const { terms, length } = passageTerms(chunk, title);
  return { ...chunk, terms, length };
}

/**
 * Copies a corpus into Qdrant: every active document with its record (timestamps and
 * version kept), its archived versions, its chunks, and the vectors stored for them under
 * each embedding model (read from the source store's embedding cache by chunk text hash:
 * nothing is embedded again). Lexical terms are not stored by the source, so they are
 * recomputed from each chunk's text, title and headings as ingestion does (`passageTerms`).
 *
 * Resumable: a document the target already holds with the same content hash and version
 * is skipped, and only the vectors it still lacks are copied, so an interrupted run is
 * simply started again. All lexical weights are written with the mean chunk length of the
 * whole source corpus, computed in a first pass, so documents copied early are weighed
 * like those copied last.
 */
export async function migrateToQdrant(options: MigrateToQdrantOptions): Promise<MigrationReport> {
  const { from, to, onProgress } = options;
  await to.ensureReady();
  // Oldest first, so the target's document list fills in the order documents arrived.
  const documents: DocumentRecord[] = (await from.listDocuments()).reverse();
  const models = await from.vectorModels();

  let totalLength = 0;
  let totalChunks = 0;
  for (const doc of documents) {
    for (const chunk of await from.getChunks(doc.docId)) {
      totalLength += passageTerms(chunk, doc.title).length;
      totalChunks++;
    }
  }
  const averageLength = totalChunks > 0 && totalLength > 0 ? totalLength / totalChunks : 1;

  const report: MigrationReport = {
    documents: documents.length,
    written: 0,
    skipped: 0,
    chunks: 0,
    versions: 0,
    vectors: 0,
    averageLength,
  };
  for (const [i, doc] of documents.entries()) {
    const chunks = await from.getChunks(doc.docId);
    const versions = await from.listVersions(doc.docId);
    const status = await to.importDocument(
      doc,
      chunks.map((c) => reindex(c, doc.title)),
      versions,
      { averageLength },
    );

    let vectors = 0;
    const hashes = chunks.map((c) => sha256(c.text));
    for (const { model } of models) {
      const present = await to.getVectorsByContentHash(model, [...new Set(hashes)]);
      const missing = [...new Set(hashes.filter((h) => !present.has(h)))];
      if (missing.length === 0) continue;
      const source = await from.getVectorsByContentHash(model, missing);
      const stored: StoredVector[] = [];
      chunks.forEach((chunk, k) => {
        const vector = source.get(hashes[k]!);
        if (vector) stored.push({ chunkId: chunk.chunkId, contentHash: hashes[k]!, vector });
      });
      for (let start = 0; start < stored.length; start += VECTOR_BATCH) {
        await to.putVectors(model, stored.slice(start, start + VECTOR_BATCH));
      }
      vectors += stored.length;
    }

    if (status === "written") report.written++;
    else report.skipped++;
    report.chunks += chunks.length;
    report.versions += versions.length;
    report.vectors += vectors;
    onProgress?.({
      index: i + 1,
      total: documents.length,
      docId: doc.docId,
      source: doc.source,
      status,
      chunks: chunks.length,
      versions: versions.length,
      vectors,
    });
  }
  await to.recomputeTotals();
  return report;
}
