import type { Schemas } from "@qdrant/js-client-rest";
import { numberKey } from "../filter.js";
import type { IndexPassage } from "../search-index.js";
import { dateKey, FILTER_KEYS } from "./filter.js";
import { chunkPointId } from "./point-id.js";
import { LEXICAL_VECTOR } from "./schema-check.js";
import { type Bm25Params, toDocumentSparseVector } from "./sparse.js";

/**
 * A passage as a Qdrant point (store schema 2: points only). The id is the chunk id as a
 * UUID; the vectors are the BM25 sparse vector and one dense vector per embedding model
 * whose cached vector the passage's text has; the payload carries only what filters,
 * counts and maintenance read: the document's filter keys (doc_id, number_key, kind,
 * date_int), the text hash (passages of one text get one vector), the length and the mean
 * length its BM25 values were computed with, and the term list (matchedTerms, df counts).
 * Text, headings and document records stay in the catalog.
 */
export function passagePoint(
  passage: IndexPassage,
  options: { averageLength: number; bm25: Bm25Params; dense: Record<string, number[]> },
): Schemas["PointStruct"] {
  const { doc } = passage;
  const payload: Record<string, unknown> = {
    [FILTER_KEYS.docId]: doc.docId,
    [FILTER_KEYS.numberKey]: doc.number === null ? null : numberKey(doc.number),
    [FILTER_KEYS.kind]: doc.kind,
    content_hash: passage.textHash,
    length: passage.length,
    bm25_avg_length: options.averageLength,
    terms: Object.keys(passage.terms).filter((t) => (passage.terms[t] ?? 0) > 0),
  };
  if (doc.date !== null) payload[FILTER_KEYS.date] = dateKey(doc.date);
  return {
    id: chunkPointId(passage.chunkId),
    vector: {
      [LEXICAL_VECTOR]: toDocumentSparseVector(
        passage.terms,
        passage.length,
        options.averageLength,
        options.bm25,
      ),
      ...options.dense,
    },
    payload,
  };
}
