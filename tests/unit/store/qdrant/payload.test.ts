import { describe, expect, it } from "vitest";
import {
  chunkOfPayload,
  chunkPoint,
  documentFields,
  documentOfChunkPayload,
  documentPoint,
  metaOfPayload,
  metaPoint,
  recordOfPayload,
  versionPoint,
} from "../../../../src/store/qdrant/payload.js";
import { chunkPointId } from "../../../../src/store/qdrant/point-id.js";
import type { DocumentRecord } from "../../../../src/store/types.js";
import { makeChunk, recordOf } from "../../../contract/store-fixtures.js";
import { createQdrantSchemaValidator } from "../../../support/qdrant-openapi.js";

const schema = createQdrantSchemaValidator();

const record: DocumentRecord = {
  docId: "nd178",
  source: "178-2024-ND-CP.pdf",
  title: "Nghị định 178/2024/NĐ-CP",
  kind: "Nghị định",
  number: "178/2024/NĐ-CP",
  issuer: "Chính phủ",
  date: "2024-12-31",
  format: "pdf",
  contentHash: "ab".repeat(32),
  pages: 12,
  chunkCount: 1,
  version: 2,
  addedAt: "2025-01-02T03:04:05.000Z",
  updatedAt: "2025-02-03T04:05:06.000Z",
};

describe("payloads", () => {
  it("carry a chunk and its document, and give both back unchanged", () => {
    const chunk = makeChunk(
      "nd178",
      3,
      { "f:nhat": 2, "f:the": 0, "b:nhat_the": 1 },
      { headingPath: ["Chương I"] },
    );
    const point = chunkPoint(
      chunk,
      0,
      { document: documentFields(record), contentHash: "cd".repeat(32), averageLength: 7.5 },
      { lexical: { indices: [1], values: [0.5] } },
    );
    expect(point.id).toBe(chunkPointId(chunk.chunkId));
    const payload = point.payload!;
    expect(payload).toMatchObject({
      doc_id: "nd178",
      number_key: "178/2024/nđ-cp",
      kind: "Nghị định",
      date_int: 20241231,
      version: 2,
      content_hash: "cd".repeat(32),
      bm25_avg_length: 7.5,
      // Terms with frequency 0 are not in the chunk.
      terms: ["f:nhat", "b:nhat_the"],
    });
    expect(chunkOfPayload(payload)).toEqual(recordOf(chunk));
    expect(documentOfChunkPayload(payload)).toEqual(record);
    expect(schema.checkDefinition("PointStruct", point)).toEqual([]);
  });

  it("leave date_int out for a document without a date, so date filters skip it", () => {
    const fields = documentFields({ ...record, date: null, number: null, pages: null });
    expect(fields).not.toHaveProperty("date_int");
    expect(fields.number_key).toBeNull();
    expect(documentOfChunkPayload({ ...fields, chunk_id: "x", position: 0, text: "" })).toMatchObject({
      date: null,
      number: null,
      pages: null,
    });
  });

  it("keep document records, archived versions and the store's metadata as valid points", () => {
    const doc = documentPoint(record);
    expect(recordOfPayload(doc.payload)).toEqual(record);
    expect(doc.payload).toMatchObject({
      record_type: "document",
      number_key: "178/2024/nđ-cp",
      date_int: 20241231,
    });
    const version = versionPoint({
      docId: "nd178",
      version: 1,
      record: { ...record, version: 1 },
      chunks: [],
      supersededAt: record.updatedAt,
    });
    expect(version.payload).toMatchObject({ record_type: "version", doc_id: "nd178", version: 1 });
    const meta = { schemaVersion: 1, totalLength: 120, models: [{ model: "m", dimension: 3 }] };
    expect(metaOfPayload(metaPoint(meta).payload!, 1)).toEqual(meta);
    for (const point of [doc, version, metaPoint(meta)]) {
      expect(schema.checkDefinition("PointStruct", point)).toEqual([]);
    }
  });

  it("report a record point without its record as corrupt", () => {
    expect(() => recordOfPayload({ record_type: "document" })).toThrow(/corrupt/);
  });
});
