import { sha256 } from "../hash.js";
import { PackedTerms, type TermCounts } from "../store/term-counts.js";
import type { IndexedChunk } from "../store/types.js";
import { passageTerms } from "../text/passage-terms.js";
import type { ChunkDraft, PassageAnalysis } from "./types.js";

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

/**
 * The passages with their ids and index terms. Terms computed earlier (`analysis`, in
 * the parse worker) are used when they were computed under this title for as many
 * passages; otherwise the passages are analyzed here.
 */
export function toIndexedChunks(
  docId: string,
  title: string,
  drafts: ChunkDraft[],
  analysis?: PassageAnalysis,
): IndexedChunk[] {
  const ids = makeChunkIds(docId, drafts);
  const ready = usableAnalysis(title, drafts, analysis);
  return drafts.map((draft, i) => indexedChunk(docId, ids[i]!, title, draft, ready?.[i]));
}

type Analyzed = { terms: TermCounts; length: number };

/** Analyzes every passage of the document under the title given, packed (`PassageAnalysis`). */
export function analyzePassages(title: string, drafts: ChunkDraft[]): PassageAnalysis {
  const terms: string[] = [];
  const counts: number[] = [];
  const sizes = new Int32Array(drafts.length);
  const lengths = new Float64Array(drafts.length);
  for (const [i, draft] of drafts.entries()) {
    const analyzed = passageTerms(draft, title);
    for (const [term, count] of Object.entries(analyzed.terms)) {
      terms.push(term);
      counts.push(count);
    }
    sizes[i] = Object.keys(analyzed.terms).length;
    lengths[i] = analyzed.length;
  }
  return { title, terms: terms.join("\n"), counts: Float64Array.from(counts), sizes, lengths };
}

/** Each passage's terms from the packed analysis, when it was made under this title for these passages. */
function usableAnalysis(
  title: string,
  drafts: ChunkDraft[],
  analysis: PassageAnalysis | undefined,
): Analyzed[] | undefined {
  if (!analysis || analysis.title !== title || analysis.sizes.length !== drafts.length) return undefined;
  const terms = analysis.terms ? analysis.terms.split("\n") : [];
  if (terms.length !== analysis.counts.length) return undefined;
  const out: Analyzed[] = [];
  let next = 0;
  for (const [i, size] of analysis.sizes.entries()) {
    const names = terms.slice(next, next + size);
    out.push({
      terms: new PackedTerms(names, analysis.counts.subarray(next, next + size)),
      length: analysis.lengths[i]!,
    });
    next += size;
  }
  return next === terms.length ? out : undefined;
}

/** One passage with its id and its analyzed terms. */
function indexedChunk(
  docId: string,
  chunkId: string,
  title: string,
  draft: ChunkDraft,
  analyzed?: Analyzed,
): IndexedChunk {
  const { terms, length } = analyzed ?? passageTerms(draft, title);
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
  analysis?: PassageAnalysis,
): Promise<IndexedChunk[]> {
  const ids = makeChunkIds(docId, drafts);
  const ready = usableAnalysis(title, drafts, analysis);
  const out: IndexedChunk[] = [];
  let sliceStart = performance.now();
  for (const [i, draft] of drafts.entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    out.push(indexedChunk(docId, ids[i]!, title, draft, ready?.[i]));
  }
  return out;
}
