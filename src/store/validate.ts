import { storeError } from "./errors.js";
import type { DocumentInput, IndexedChunk, WeightedTerm } from "./types.js";

const CHUNK_ID = /^[0-9a-f]{32}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(message: string, context: Record<string, unknown>): never {
  throw storeError("invalidInput", message, { context });
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === "string";
}

/** Rejects a document the store could not keep faithfully (ids, hash, date, counts). */
export function validateDocument(doc: DocumentInput): void {
  const docId = doc.docId;
  if (typeof docId !== "string" || docId.length === 0) invalid("docId must be a non-empty string", { docId });
  if (typeof doc.contentHash !== "string" || doc.contentHash.length === 0) {
    invalid("contentHash must be a non-empty string", { docId });
  }
  for (const field of ["source", "title", "format"] as const) {
    if (typeof doc[field] !== "string") invalid(`${field} must be a string`, { docId, field });
  }
  for (const field of ["kind", "number", "issuer", "date"] as const) {
    if (!isNullableString(doc[field])) invalid(`${field} must be a string or null`, { docId, field });
  }
  if (doc.date !== null && !ISO_DATE.test(doc.date))
    invalid("date must be YYYY-MM-DD", { docId, date: doc.date });
  if (doc.pipeline !== undefined && !(Number.isInteger(doc.pipeline) && doc.pipeline >= 1)) {
    invalid("pipeline must be a positive integer when given", { docId, pipeline: doc.pipeline });
  }
  if (doc.relations !== undefined && !Array.isArray(doc.relations)) {
    invalid("relations must be an array when given", { docId });
  }
  if (doc.pages !== null && !(Number.isInteger(doc.pages) && doc.pages >= 0)) {
    invalid("pages must be a non-negative integer or null", { docId, pages: doc.pages });
  }
}

/** Rejects chunks with bad ids, another document's id, duplicates, or non-finite numbers. */
export function validateChunks(docId: string, chunks: readonly IndexedChunk[]): void {
  const seen = new Set<string>();
  for (const chunk of chunks) {
    const chunkId = chunk.chunkId;
    if (typeof chunkId !== "string" || !CHUNK_ID.test(chunkId)) {
      invalid("chunkId must be 32 lowercase hex characters", { docId, chunkId });
    }
    if (seen.has(chunkId)) invalid("duplicate chunkId in one document", { docId, chunkId });
    seen.add(chunkId);
    if (chunk.docId !== docId)
      invalid("chunk belongs to another document", { docId, chunkId, chunkDoc: chunk.docId });
    if (!Number.isInteger(chunk.position)) invalid("position must be an integer", { docId, chunkId });
    if (!Array.isArray(chunk.headingPath) || chunk.headingPath.some((h) => typeof h !== "string")) {
      invalid("headingPath must be an array of strings", { docId, chunkId });
    }
    if (typeof chunk.text !== "string") invalid("text must be a string", { docId, chunkId });
    if (!(Number.isFinite(chunk.length) && chunk.length >= 0)) {
      invalid("length must be a finite non-negative number", { docId, chunkId });
    }
    for (const term in chunk.terms) {
      const tf = chunk.terms[term];
      if (typeof tf !== "number" || !Number.isFinite(tf) || tf < 0) {
        invalid("term frequencies must be finite non-negative numbers", { docId, chunkId, term });
      }
    }
  }
}

/** Sums the weights of repeated terms; rejects non-finite weights. */
export function combineWeights(terms: readonly WeightedTerm[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const { term, weight } of terms) {
    if (typeof term !== "string" || !Number.isFinite(weight))
      invalid("query terms need finite weights", { term });
    weights.set(term, (weights.get(term) ?? 0) + weight);
  }
  return weights;
}
