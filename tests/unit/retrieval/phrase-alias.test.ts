import { describe, expect, it } from "vitest";
import { DEFAULT_DECLINE_THRESHOLD } from "../../../src/answer/ask-service.js";
import { toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { createRetriever } from "../../../src/retrieval/retriever.js";
import { makeDoc } from "../../contract/store-fixtures.js";
import { createMemoryStore } from "../../support/memory-store.js";

async function storeOf(passages: Record<string, string>) {
  const store = createMemoryStore();
  for (const [id, text] of Object.entries(passages)) {
    await store.upsertDocument(
      makeDoc(id, { source: `${id}.txt`, title: id, contentHash: id }),
      toIndexedChunks(id, id, [{ text, headingPath: [], position: 0 }]),
    );
  }
  return store;
}

describe("a phrase with an alias", () => {
  it("searches the alias's terms at half weight, and judges the phrase by them", () => {
    const plan = planLexicalQuery("Bí thư đồng thời là Chủ tịch UBND huyện");
    const weight = (term: string) => plan.terms.find((t) => t.term === term)?.weight;
    expect(weight("f:kiem")).toBeCloseTo(0.5 * weight("f:chu")!);
    expect(weight("b:kiem_chu")).toBeCloseTo(0.5 * weight("b:dong_thoi")!);
    // As evidence the alias counts in full, the phrase's own terms not at all.
    expect(plan.valueWeights.get("f:kiem")).toBe(1);
    expect(plan.valueWeights.get("b:dong_thoi")).toBe(0);
    expect(plan.valueWeights.get("b:thu_dong")).toBe(0);
    expect(plan.valueWeights.get("b:bi_thu")).toBe(1);
  });

  it("lets 'Bí thư kiêm Chủ tịch' find and cover a passage that writes 'đồng thời là'", async () => {
    const store = await storeOf({
      ductho:
        "Đức Thọ thực hiện mô hình Bí thư Huyện ủy đồng thời là Chủ tịch Ủy ban nhân dân huyện từ năm 2017.",
      other: "Hội nghị bàn về công tác văn hóa, thể thao của tỉnh trong năm 2020.",
    });
    const result = await createRetriever({ store }).search("Bí thư huyện ủy kiêm chủ tịch UBND huyện");
    expect(result.hits[0]!.doc.docId).toBe("ductho");
    expect(result.confidence).toBeGreaterThanOrEqual(DEFAULT_DECLINE_THRESHOLD);
  });

  it("lets the misspelling 'sát nhập' find 'sáp nhập'", async () => {
    const store = await storeOf({
      ban: "Ban Tổ chức Huyện ủy được sáp nhập với Phòng Nội vụ thành Cơ quan Tổ chức - Nội vụ.",
      other: "Phòng Văn hóa tổ chức hội diễn nghệ thuật quần chúng.",
    });
    const result = await createRetriever({ store }).search("Ban Tổ chức sát nhập với phòng nào?");
    expect(result.hits[0]!.doc.docId).toBe("ban");
    expect(result.hits[0]!.matchedTerms).toEqual(expect.arrayContaining(["b:sap_nhap"]));
  });

  it("lets a cadre's 'hạn chế' be covered by a report's 'khó khăn, vướng mắc'", async () => {
    const store = await storeOf({
      report:
        "Quá trình thực hiện mô hình kiêm nhiệm còn gặp một số khó khăn, vướng mắc do văn bản hướng dẫn chậm được ban hành.",
      other: "Phòng Văn hóa tổ chức hội diễn nghệ thuật quần chúng.",
    });
    const retriever = createRetriever({ store });
    const asked = await retriever.search("Hạn chế của mô hình kiêm nhiệm là gì?");
    const written = await retriever.search("Khó khăn của mô hình kiêm nhiệm là gì?");
    expect(asked.hits[0]!.doc.docId).toBe("report");
    expect(asked.confidence).toBeCloseTo(written.confidence, 1);
  });
});
