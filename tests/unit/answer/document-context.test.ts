import { describe, expect, it } from "vitest";
import {
  contextDocuments,
  heldDocumentNumbers,
  namesOnlyOtherDocuments,
  withFocusPassages,
} from "../../../src/answer/document-context.js";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import type { Passage } from "../../../src/answer/types.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
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

describe("documents about the place asked", () => {
  const wards = [
    "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên năm 2025.",
    "1. Sắp xếp toàn bộ quy mô dân số của phường Him Lam và xã Thanh Minh thành phường mới.",
    "2. Sắp xếp toàn bộ quy mô dân số của phường Tân Thanh và phường Mường Thanh thành phường mới.",
    "3. Sắp xếp phường Noong Bua và xã Thanh Xương thành phường Mường Thanh.",
    "46. Sau khi sắp xếp, tỉnh Điện Biên có 45 đơn vị hành chính cấp xã, gồm 42 xã và 03 phường.",
  ];
  const province = report("dienbien", wards, [1, 2], 8);
  const elsewhere = [
    {
      ...report("hanoi", ["Sắp xếp các phường Láng Thượng, Láng Hạ thành phường Láng."], [0], 12)
        .passages[0]!,
      docInSituation: false,
    },
    {
      ...report("hcm", ["Chốt xã phường mới TP Thủ Đức sau sáp nhập."], [0], 11).passages[0]!,
      docInSituation: false,
    },
  ];
  const hits = [...elsewhere, ...province.passages];
  const asked = analyzeQuestion("Dien Bien sau sap xep xa nam 2025 con may phuong");

  it("are read first, ahead of documents ranked above them", () => {
    expect(contextDocuments(hits)[0]).toBe(province.docId);
    expect(contextDocuments(elsewhere)).toEqual(elsewhere.map((p) => p.doc.docId));
  });

  it("give the passage holding the count when the focus is in most of their passages", () => {
    const chunksOf = new Map([[province.docId, province.chunks]]);
    const added = withFocusPassages(hits, asked, chunksOf).filter((p) => p.fromDocument);
    expect(added.map((p) => p.chunk.position)).toEqual([4]);
  });

  it("count in the answer even past the passages read by rank", () => {
    const chunksOf = new Map([[province.docId, province.chunks]]);
    const filler = Array.from({ length: 10 }, (_, i) => ({
      ...report(`f${i}`, [`Phường số ${i} của thành phố khác được sắp xếp.`], [0], 7 - i / 10).passages[0]!,
      docInSituation: false,
    }));
    const passages = withFocusPassages([...province.passages, ...filler], asked, chunksOf);
    // The added passage follows its document's hits; put it past the depth to be sure.
    const added = passages.filter((p) => p.fromDocument);
    const rest = passages.filter((p) => !p.fromDocument);
    const plan = planLexicalQuery("Dien Bien sau sap xep xa nam 2025 con may phuong");
    const termValues = new Map(plan.terms.map((t) => [t.term, t.weight]));
    const composed = composeExtractiveAnswer(
      [...rest, ...added],
      termValues,
      DEFAULT_EXTRACTIVE_OPTIONS,
      plan.focusWeights,
      asked,
    );
    expect(composed.answer).toContain("03 phường");
  });
});

describe("documents a question names", () => {
  it("reads the numbers of the documents named, in full or the short way", () => {
    expect(analyzeQuestion("Kết luận 121-KL/TW do đồng chí nào ký ban hành?").documentNumbers).toEqual([
      "121",
    ]);
    expect(analyzeQuestion("nd 67 sua doi nghi dinh nao").documentNumbers).toEqual(["67"]);
    expect(analyzeQuestion("Đức Thọ giảm được bao nhiêu đầu mối?").documentNumbers).toEqual([]);
  });

  it("a sentence on another document is told apart; a document held is told by its own number", () => {
    const sentence = "Đồng chí Trần Cẩm Tú ký ban hành Kết luận số 157-KL/TW.";
    expect(namesOnlyOtherDocuments(sentence, ["121"])).toBe(true);
    expect(namesOnlyOtherDocuments(sentence, ["157"])).toBe(false);
    expect(namesOnlyOtherDocuments("Đồng chí Trần Cẩm Tú ký ban hành.", ["121"])).toBe(false);
    const held = {
      ...makePassage("d", "Nội dung."),
      doc: { ...makePassage("d", "").doc, number: "121-KL/TW" },
    };
    expect(heldDocumentNumbers([held], ["121"])).toBe(true);
    expect(heldDocumentNumbers([makePassage("e", "Kết luận 121-KL/TW.")], ["121"])).toBe(false);
  });

  it("a signer of another document does not answer who signed a document the store lacks", () => {
    const q = "Kết luận 121-KL/TW do đồng chí nào ký ban hành?";
    const passages = [
      makePassage(
        "k157",
        "Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận số 157-KL/TW.",
      ),
      makePassage("k121", "Từ tháng 2/2025, các ban cán sự đảng kết thúc hoạt động theo Kết luận 121-KL/TW."),
    ];
    const values = new Map(planLexicalQuery(q).terms.map((t) => [t.term, t.weight]));
    const result = composeExtractiveAnswer(
      passages,
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.lead).not.toBe("evidence");
  });
});
