import type { Schemas } from "@qdrant/js-client-rest";
import { storeError } from "../errors.js";
import { numberKey } from "../filter.js";
import type { ArchivedVersion, ChunkRecord, DocumentRecord, IndexedChunk } from "../types.js";
import { dateKey, FILTER_KEYS } from "./filter.js";
import { chunkPointId, recordPointId } from "./point-id.js";

/**
 * Store schema 1: the payloads of a deployment made before the catalog left Qdrant. Since
 * the split the index writes `passage-point.ts` points and the catalog is SQLite; this
 * module is read by `adopt-legacy-catalog.ts` to bring such a deployment's catalog over,
 * and its writers build such a deployment in tests.
 *
 * A chunk point carried the chunk (chunk_id, position, heading_path, text, content_hash
 * of the text for the embedding cache, length, its term list `terms` for matchedTerms and
 * df counts) and, flat beside it, its document's record (doc_id, source, title, kind,
 * number and its `number_key`, date and its `date_int`, version, ...).
 *
 * Points of the records collection (`<collection>_docs`) carry `record_type`: "document"
 * (the active record), "version" (an archived version with its chunks), "embedding" (a
 * cached vector) or "meta" (corpus totals and embedding models).
 */

export type Payload = Record<string, unknown>;
export type NamedVectors = Record<string, number[] | { indices: number[]; values: number[] }>;

/** Corpus totals and embedding models, kept in one record. */
export interface MetaRecord {
  schemaVersion: number;
  /** Sum of active chunk lengths: the mean length for BM25 is this over the chunk count. */
  totalLength: number;
  models: Array<{ model: string; dimension: number }>;
}

export const META_POINT_ID = recordPointId("meta");

export function documentPointId(docId: string): string {
  return recordPointId("document", docId);
}

export function versionPointId(docId: string, version: number): string {
  return recordPointId("version", docId, String(version));
}

export function embeddingPointId(model: string, contentHash: string): string {
  return recordPointId("embedding", model, contentHash);
}

function str(payload: Payload, key: string): string {
  const value = payload[key];
  if (typeof value !== "string") throw storeError("corrupt", `payload field ${key} is not a string`);
  return value;
}

function nullableStr(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === "string" ? value : null;
}

export function payloadNumber(payload: Payload, key: string): number {
  const value = payload[key];
  if (typeof value !== "number") throw storeError("corrupt", `payload field ${key} is not a number`);
  return value;
}

export function payloadString(payload: Payload, key: string): string {
  return str(payload, key);
}

/** The document fields and filter keys every chunk point carries (flat, snake_case). */
export function documentFields(record: DocumentRecord): Payload {
  const fields: Payload = {
    doc_id: record.docId,
    source: record.source,
    title: record.title,
    kind: record.kind,
    number: record.number,
    number_key: record.number === null ? null : numberKey(record.number),
    issuer: record.issuer,
    date: record.date,
    format: record.format,
    doc_content_hash: record.contentHash,
    pipeline: record.pipeline ?? null,
    relations: record.relations && record.relations.length > 0 ? JSON.stringify(record.relations) : null,
    pages: record.pages,
    chunk_count: record.chunkCount,
    version: record.version,
    added_at: record.addedAt,
    updated_at: record.updatedAt,
  };
  if (record.date !== null) fields[FILTER_KEYS.date] = dateKey(record.date);
  return fields;
}

export function documentOfChunkPayload(payload: Payload): DocumentRecord {
  const pages = payload.pages;
  return {
    docId: str(payload, "doc_id"),
    source: str(payload, "source"),
    title: str(payload, "title"),
    kind: nullableStr(payload, "kind"),
    number: nullableStr(payload, "number"),
    issuer: nullableStr(payload, "issuer"),
    date: nullableStr(payload, "date"),
    format: str(payload, "format"),
    contentHash: str(payload, "doc_content_hash"),
    ...(typeof payload.pipeline === "number" ? { pipeline: payload.pipeline } : {}),
    ...(typeof payload.relations === "string"
      ? { relations: JSON.parse(payload.relations) as DocumentRecord["relations"] }
      : {}),
    pages: typeof pages === "number" ? pages : null,
    chunkCount: payloadNumber(payload, "chunk_count"),
    version: payloadNumber(payload, "version"),
    addedAt: str(payload, "added_at"),
    updatedAt: str(payload, "updated_at"),
  };
}

export function chunkOfPayload(payload: Payload): ChunkRecord {
  const headingPath = payload.heading_path;
  return {
    chunkId: str(payload, "chunk_id"),
    docId: str(payload, "doc_id"),
    position: payloadNumber(payload, "position"),
    headingPath: Array.isArray(headingPath) ? headingPath.map(String) : [],
    text: str(payload, "text"),
  };
}

/** Payload keys a chunk record is read from (for `with_payload` selections). */
export const CHUNK_RECORD_KEYS = ["chunk_id", "doc_id", "position", "heading_path", "text"];

/** The record of a "document" or "version" point. */
export function recordOfPayload(payload: Payload | null | undefined): DocumentRecord {
  const record = payload?.record;
  if (typeof record !== "object" || record === null) {
    throw storeError("corrupt", "document record point has no record");
  }
  return record as DocumentRecord;
}

/** A chunk's point: its id as a UUID, its vectors, its payload with the document's fields. */
export function chunkPoint(
  chunk: IndexedChunk,
  seq: number,
  fields: { document: Payload; contentHash: string; averageLength: number },
  vector: NamedVectors,
): Schemas["PointStruct"] {
  return {
    id: chunkPointId(chunk.chunkId),
    vector,
    payload: {
      ...fields.document,
      chunk_id: chunk.chunkId,
      position: chunk.position,
      // Order among chunks at the same position, as given.
      seq,
      heading_path: chunk.headingPath,
      text: chunk.text,
      content_hash: fields.contentHash,
      length: chunk.length,
      // The mean length its BM25 values were computed with (see `refreshLexicalWeights`).
      bm25_avg_length: fields.averageLength,
      terms: Object.keys(chunk.terms).filter((t) => (chunk.terms[t] ?? 0) > 0),
    },
  };
}

export function versionPoint(version: ArchivedVersion): Schemas["PointStruct"] {
  return {
    id: versionPointId(version.docId, version.version),
    vector: {},
    payload: {
      record_type: "version",
      doc_id: version.docId,
      version: version.version,
      superseded_at: version.supersededAt,
      record: version.record,
      chunks: version.chunks,
    },
  };
}

export function documentPoint(record: DocumentRecord): Schemas["PointStruct"] {
  const payload: Payload = {
    record_type: "document",
    doc_id: record.docId,
    number_key: record.number === null ? null : numberKey(record.number),
    kind: record.kind,
    added_at: record.addedAt,
    record,
  };
  if (record.date !== null) payload[FILTER_KEYS.date] = dateKey(record.date);
  return { id: documentPointId(record.docId), vector: {}, payload };
}

export function metaPoint(meta: MetaRecord): Schemas["PointStruct"] {
  return {
    id: META_POINT_ID,
    vector: {},
    payload: {
      record_type: "meta",
      schema_version: meta.schemaVersion,
      total_length: meta.totalLength,
      models: meta.models,
    },
  };
}

export function metaOfPayload(payload: Payload, fallbackVersion: number): MetaRecord {
  const models = Array.isArray(payload.models) ? (payload.models as MetaRecord["models"]) : [];
  return {
    schemaVersion: typeof payload.schema_version === "number" ? payload.schema_version : fallbackVersion,
    totalLength: typeof payload.total_length === "number" ? payload.total_length : 0,
    models: models.filter((m) => typeof m?.model === "string" && typeof m.dimension === "number"),
  };
}
