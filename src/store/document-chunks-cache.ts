import { LruCache } from "./lru-cache.js";
import type { ChunkRecord } from "./types.js";

/**
 * The passages of the documents read last, by document id. Answers read a few documents'
 * passages again and again (the opening of a document the question's place may be in,
 * the passages of an act that changed the rule): a plan of 248 passages cost 9 to 11 ms
 * to read each time. A chunk row never changes and its key is never used again
 * (AUTOINCREMENT), so the number of a document's chunks and their largest key tell
 * whether what is kept is still its passages: any write of the document deletes or adds
 * chunks, and an added one has a larger key than any before it.
 */
export interface DocumentChunksCache {
  /** The document's passages as kept under `signature`, copies; undefined when not kept or stale. */
  get(docId: string, signature: string): ChunkRecord[] | undefined;
  /** Keeps copies of the passages read under `signature`. */
  set(docId: string, signature: string, chunks: readonly ChunkRecord[]): void;
}

/** The signature of a document's chunk rows: their number and largest key. */
export function chunksSignature(count: number, maxKey: number | null): string {
  return `${count}:${maxKey ?? ""}`;
}

/** Text kept in all, in characters (about 16 MB). */
const CACHED_CHARACTERS = 8_000_000;

export function createDocumentChunksCache(budget = CACHED_CHARACTERS): DocumentChunksCache {
  const cache = new LruCache<string, { signature: string; chunks: ChunkRecord[] }>(budget, (entry) =>
    entry.chunks.reduce((sum, chunk) => sum + chunk.text.length, 0),
  );
  return {
    get(docId, signature) {
      const entry = cache.get(docId);
      if (entry === undefined) return undefined;
      if (entry.signature !== signature) {
        cache.delete(docId);
        return undefined;
      }
      return entry.chunks.map(copyChunk);
    },
    set(docId, signature, chunks) {
      cache.set(docId, { signature, chunks: chunks.map(copyChunk) });
    },
  };
}

/** Callers may change what they get: each gets its own records. */
function copyChunk(chunk: ChunkRecord): ChunkRecord {
  return { ...chunk, headingPath: [...chunk.headingPath] };
}
