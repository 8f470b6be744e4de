import { sha256 } from "../hash.js";
import type { IndexedChunk } from "../store/types.js";
import { passageTerms } from "../text/passage-terms.js";
import type { ChunkDraft } from "./types.js";

/** The document id of a source file name: stable, so re-ingesting the same name replaces. */
export function docIdForSource(source: string): string {
  return sha256(`source:${source.normalize("NFC")}`).slice(0, 16);
}

/**
 * Chunk ids derive from content (document, headings, text, and the rank among identical
 * passages), so an unchanged file yields the same ids and a re-ingest changes nothing.
 * 32 hex characters: they map one-to-one onto UUIDs for Qdrant point ids.
 */
export function makeChunkIds(docId: string, drafts: ChunkDraft[]): string[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const base = `${docId}\u0000${draft.headingPath.join("\u241f")}\u0000${draft.text}`;
    const dup = seen.get(base) ?? 0;
    seen.set(base, dup + 1);
    return sha256(`${base}\u0000${dup}`).slice(0, 32);
  });
}

export function toIndexedChunks(docId: string, title: string, drafts: ChunkDraft[]): IndexedChunk[] {
  const ids = makeChunkIds(docId, drafts);
  return drafts.map((draft, i) => indexedChunk(docId, ids[i]!, title, draft));
}

/** One passage with its id and its analyzed terms. */
function indexedChunk(docId: string, chunkId: string, title: string, draft: ChunkDraft): IndexedChunk {
  const { terms, length } = passageTerms(draft, title);
  return {
    chunkId,
    docId,
    position: draft.position,
    headingPath: draft.headingPath,
    text: draft.text,
    terms,
    length,
  };
}

/** Work done between two yields to the event loop while a large document is analyzed. */
const SLICE_MS = 10;

/**
 * `toIndexedChunks` for the bot's own thread: the same result, computed in slices of
 * about 10 ms with the event loop free in between, so that the term analysis of a large
 * document (1.9 s for 4,600 passages, measured) does not hold every cadre's answer.
 * The store write that follows is still one transaction: atomicity is unchanged.
 */
export async function toIndexedChunksYielding(
  docId: string,
  title: string,
  drafts: ChunkDraft[],
): Promise<IndexedChunk[]> {
  const ids = makeChunkIds(docId, drafts);
  const out: IndexedChunk[] = [];
  let sliceStart = performance.now();
  for (const [i, draft] of drafts.entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    out.push(indexedChunk(docId, ids[i]!, title, draft));
  }
  return out;
}
