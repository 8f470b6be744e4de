import { describe, expect, it } from "vitest";
import { contextDocuments, withFocusPassages } from "../../../src/answer/document-context.js";
import type { Passage } from "../../../src/answer/types.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import type { ChunkRecord } from "../../../src/store/types.js";
import { makePassage } from "../../support/passage.js";

/** A document of several passages, `hits` of them retrieved, as retrieval returns them. */
function report(docId: string, texts: string[], hits: number[], score = 10) {
  const base = makePassage(docId, texts[0]!);
  const chunks: ChunkRecord[] = texts.map((text, position) => ({
    ...base.chunk,
    chunkId: `${docId}-${position}`.padEnd(32, "0"),
    docId: base.doc.docId,
    position,
    text,
  }));
  const passages: Passage[] = hits.map((i, rank) => ({
    ...base,
    chunk: chunks[i]!,
    score: score - rank,
    docInSituation: true,
  }));
  return { docId: base.doc.docId, chunks, passages };
}

const seed = report(
  "seed",
  [
    "Đức Thọ là huyện đầu tiên thực hiện Bí thư Huyện ủy đồng thời là Chủ tịch UBND huyện.",
    "Với mô hình Bí thư Huyện ủy đồng thời là Chủ tịch UBND huyện, nhiệm vụ được thực hiện đồng bộ.",
    "Tuy nhiên, quá trình thực hiện còn gặp một số khó khăn, vướng mắc do văn bản chưa đồng bộ.",
    "Để tiếp tục thực hiện Nghị quyết, huyện đề xuất một số kiến nghị.",
  ],
  [0, 1],
);
const other = report("other", ["Chủ tịch UBND cấp huyện có trách nhiệm tiếp nhận nghĩa vụ."], [0], 9.5);

describe("withFocusPassages", () => {
  const question = analyzeQuestion("Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?");
  const chunksOf = new Map([
    [seed.docId, seed.chunks],
    [other.docId, other.chunks],
  ]);

  it("reads the first documents' passages that name the focus, after their document's hits", () => {
    const hits = [...seed.passages, ...other.passages];
    expect(contextDocuments(hits)).toEqual([seed.docId, other.docId]);
    const out = withFocusPassages(hits, question, chunksOf);
    expect(out.map((p) => p.chunk.position)).toEqual([0, 1, 2, 0]);
    const added = out[2]!;
    expect(added.chunk.text).toContain("khó khăn, vướng mắc");
    expect(added.score).toBeLessThan(seed.passages[0]!.score);
    expect(added.docInSituation).toBe(true);
  });

  it("adds nothing without a focus, or when the focus is everywhere in the document", () => {
    const hits = [...seed.passages, ...other.passages];
    expect(withFocusPassages(hits, analyzeQuestion("Đức Thọ ở tỉnh nào?"), chunksOf)).toEqual(hits);
    const decree = report(
      "decree",
      [
        "Điều 1. Trường hợp áp dụng.",
        "Trường hợp nghỉ hưu trước tuổi.",
        "Trường hợp nghỉ thôi việc.",
        "Trường hợp khác.",
        "Điều 5. Hiệu lực.",
      ],
      [4],
    );
    const asked = analyzeQuestion("Chính sách theo NĐ 67 gồm những trường hợp nào?");
    expect(asked.focus).toBe("truong hop");
    expect(withFocusPassages(decree.passages, asked, new Map([[decree.docId, decree.chunks]]))).toEqual(
      decree.passages,
    );
  });
});
