import { describe, expect, it } from "vitest";
import { passagePoint } from "../../../../src/store/qdrant/passage-point.js";
import { chunkPointId } from "../../../../src/store/qdrant/point-id.js";
import { denseVectorName } from "../../../../src/store/qdrant/schema-check.js";
import { bm25TermValue, DEFAULT_BM25, termIndex } from "../../../../src/store/qdrant/sparse.js";
import { chunkIdOf, sha256 } from "../../../contract/store-fixtures.js";
import { createQdrantSchemaValidator } from "../../../support/qdrant-openapi.js";

const schema = createQdrantSchemaValidator();

describe("passage points", () => {
  const passage = {
    chunkId: chunkIdOf("p"),
    doc: { docId: "nd178", number: " 178/2024/NĐ-CP", kind: "Nghị định", date: "2024-12-31" },
    terms: { "f:nhat": 2, "f:the": 0, "b:nhat_the": 1 },
    length: 6,
    textHash: sha256("đoạn"),
  };

  it("carry the filter keys, the text hash, length and terms, and no text or record", () => {
    const point = passagePoint(passage, { averageLength: 4, bm25: DEFAULT_BM25, dense: {} });
    expect(point.id).toBe(chunkPointId(passage.chunkId));
    expect(point.payload).toEqual({
      doc_id: "nd178",
      number_key: "178/2024/nđ-cp",
      kind: "Nghị định",
      date_int: 20241231,
      content_hash: sha256("đoạn"),
      length: 6,
      bm25_avg_length: 4,
      // Terms with frequency 0 are not in the passage.
      terms: ["f:nhat", "b:nhat_the"],
    });
    expect(schema.checkDefinition("PointStruct", point)).toEqual([]);
  });

  it("store BM25 term values in the lexical vector, and the dense vectors given", () => {
    const dense = { [denseVectorName("m")]: [0.6, 0.8] };
    const point = passagePoint(
      { ...passage, doc: { ...passage.doc, date: null, number: null } },
      { averageLength: 4, bm25: DEFAULT_BM25, dense },
    );
    expect(point.payload).not.toHaveProperty("date_int");
    expect(point.payload?.number_key).toBeNull();
    const vector = point.vector as Record<string, { indices: number[]; values: number[] } | number[]>;
    expect(vector[denseVectorName("m")]).toEqual([0.6, 0.8]);
    const lexical = vector.lexical as { indices: number[]; values: number[] };
    const at = (term: string) => lexical.values[lexical.indices.indexOf(termIndex(term))];
    expect(at("f:nhat")).toBeCloseTo(bm25TermValue(2, 6, 4, DEFAULT_BM25), 12);
    expect(at("b:nhat_the")).toBeCloseTo(bm25TermValue(1, 6, 4, { k1: DEFAULT_BM25.bigramK1, b: 0.75 }), 12);
    expect(lexical.indices).not.toContain(termIndex("f:the"));
    expect(schema.checkDefinition("PointStruct", point)).toEqual([]);
  });
});
