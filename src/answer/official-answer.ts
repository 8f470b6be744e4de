import type { Retriever } from "../retrieval/retriever.js";
import { toCitation } from "./extractive.js";
import type { OfficialAnswerLookup } from "./official-match.js";
import type { AskResult } from "./types.js";

/** Passages of the cited documents shown under an official answer. */
export const OFFICIAL_PASSAGES = 3;

/**
 * The unit's official answer to a question, when one matches: its text as the admin wrote
 * it, then the passages of the documents it cites that best meet the question (retrieved
 * among those documents only). Null when no official answer matches.
 */
export async function answerOfficially(
  lookup: OfficialAnswerLookup,
  retriever: Retriever,
  question: string,
): Promise<Omit<AskResult, "ms"> | null> {
  const found = lookup.match(question);
  if (!found) return null;
  const { official } = found;
  const docIds = [...new Set(official.sources.map((s) => s.docId))];
  const retrieval =
    docIds.length > 0
      ? await retriever.search(question, { limit: OFFICIAL_PASSAGES, filter: { docIds } })
      : null;
  const hits = retrieval?.hits.slice(0, OFFICIAL_PASSAGES) ?? [];
  return {
    question,
    answer: official.answer,
    mode: "official",
    declined: false,
    citations: hits.map((hit, i) => toCitation(i + 1, hit)),
    retrieved: hits.map((h) => ({
      docId: h.doc.docId,
      source: h.doc.source,
      chunkId: h.chunk.chunkId,
      score: Math.round(h.score * 10_000) / 10_000,
      text: h.chunk.text,
    })),
    official: { id: official.id, updatedAt: official.updatedAt, similarity: found.similarity },
  };
}
