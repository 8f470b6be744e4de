import { describe, expect, it } from "vitest";
import { toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { createRetriever } from "../../../src/retrieval/retriever.js";
import type { DocumentStore } from "../../../src/store/types.js";
import { createMemoryStore } from "../../support/memory-store.js";

async function add(store: DocumentStore, docId: string, number: string | null, text: string): Promise<void> {
  const title = number ? `Kết luận ${number}` : "Tin tổng hợp";
  await store.upsertDocument(
    {
      docId,
      source: `${docId}.md`,
      title,
      kind: "Kết luận",
      number,
      issuer: null,
      date: null,
      format: "md",
      contentHash: docId,
      pages: null,
    },
    toIndexedChunks(docId, title, [{ text, headingPath: [], position: 0 }]),
  );
}

describe("a question that names a document by number", () => {
  it("puts that document's passages first even when another matches the words better", async () => {
    const store = createMemoryStore();
    await add(
      store,
      "other",
      "127-KL/TW",
      "Sắp xếp bộ máy: yêu cầu tiếp tục sắp xếp, tinh gọn tổ chức bộ máy, sắp xếp bộ máy các cấp, yêu cầu sắp xếp.",
    );
    await add(store, "named", "126-KL/TW", "Bộ Chính trị yêu cầu hoàn thành việc sắp xếp trước ngày 30/6.");
    await add(store, "third", null, "Một bài viết về hội nghị văn hóa.");
    const retriever = createRetriever({ store });
    const plain = await retriever.search("yêu cầu gì về sắp xếp bộ máy?");
    expect(plain.hits[0]!.doc.docId).toBe("other");
    for (const question of [
      "Kết luận 126-KL/TW yêu cầu gì về sắp xếp bộ máy?",
      "ket luan 126-kl/tw yeu cau gi ve sap xep bo may",
    ]) {
      const named = await retriever.search(question);
      expect(named.hits[0]!.doc.docId).toBe("named");
      expect(named.hits.map((h) => h.doc.docId)).toContain("other");
    }
    // A number no document carries changes nothing.
    const unknown = await retriever.search("Kết luận 999-KL/TW yêu cầu gì về sắp xếp bộ máy?");
    expect(unknown.hits[0]!.doc.docId).toBe("other");
  });

  it("finds a document named the short way and judges its passages as covering the name", async () => {
    const store = createMemoryStore();
    await add(
      store,
      "named",
      "67/2025/NĐ-CP",
      "Sửa đổi, bổ sung Điều 2 về đối tượng áp dụng chính sách đối với cán bộ, công chức.",
    );
    await add(
      store,
      "other",
      "178/2024/NĐ-CP",
      "Chính sách đối với cán bộ khi sắp xếp bộ máy, đối tượng áp dụng.",
    );
    const retriever = createRetriever({ store });
    for (const question of [
      "NĐ 67 sửa đổi gì về đối tượng áp dụng?",
      "nd 67 sua doi gi ve doi tuong ap dung",
    ]) {
      const result = await retriever.search(question);
      expect(result.hits[0]!.doc.docId).toBe("named");
      // The passage never says "NĐ 67", yet the question's reference is answered by it.
      expect(result.confidence).toBeGreaterThan(0.6);
    }
    const unnamed = await retriever.search("NĐ 99 sửa đổi gì về đối tượng áp dụng?");
    expect(unnamed.confidence).toBeLessThan(
      (await retriever.search("NĐ 67 sửa đổi gì về đối tượng áp dụng?")).confidence,
    );
  });
});
