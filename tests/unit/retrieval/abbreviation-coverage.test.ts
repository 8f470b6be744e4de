import { describe, expect, it } from "vitest";
import { toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { createRetriever } from "../../../src/retrieval/retriever.js";
import { makeDoc } from "../../contract/store-fixtures.js";
import { createMemoryStore } from "../../support/memory-store.js";

describe("an abbreviation in a question", () => {
  it("values its own terms at nothing and its expansion's as usual", () => {
    const plan = planLexicalQuery("Ban Dân vận TW hợp nhất khi nào?");
    expect(plan.valueWeights.get("f:tw")).toBe(0);
    expect(plan.valueWeights.get("b:van_tw")).toBe(0);
    const value = (term: string) =>
      plan.valueWeights.get(term) ?? plan.terms.find((t) => t.term === term)?.weight;
    expect(value("f:trung")).toBe(1);
    expect(value("b:dan_van")).toBe(1);
    // Still searched.
    expect(plan.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["f:tw", "b:van_tw"]));
  });

  it("is judged as covered as the same question written out in full", async () => {
    const store = createMemoryStore();
    const title = "Ban Tuyên giáo và Dân vận Trung ương";
    await store.upsertDocument(
      makeDoc("ban", { source: "ban.md", title, format: "md", contentHash: "ban" }),
      toIndexedChunks("ban", title, [
        {
          text: "Ban Tuyên giáo và Dân vận Trung ương được thành lập trên cơ sở hợp nhất Ban Tuyên giáo Trung ương và Ban Dân vận Trung ương.",
          headingPath: [],
          position: 0,
        },
      ]),
    );
    await store.upsertDocument(
      makeDoc("khac", { source: "khac.md", title: "Tin khác", format: "md", contentHash: "khac" }),
      toIndexedChunks("khac", "Tin khác", [
        { text: "Một bài viết về hội nghị văn hóa.", headingPath: [], position: 0 },
      ]),
    );
    const retriever = createRetriever({ store });
    const short = await retriever.search("Ban Tuyên giáo và Dân vận TW hợp nhất từ những ban nào?");
    const full = await retriever.search("Ban Tuyên giáo và Dân vận Trung ương hợp nhất từ những ban nào?");
    expect(short.hits[0]!.doc.docId).toBe("ban");
    expect(short.confidence).toBeGreaterThan(full.confidence - 0.05);
  });
});
