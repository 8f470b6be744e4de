import { describe, expect, it } from "vitest";
import {
  analyzePassages,
  toIndexedChunks,
  toIndexedChunksYielding,
} from "../../../src/ingest/index-chunks.js";
import type { ChunkDraft } from "../../../src/ingest/types.js";
import { PackedTerms, presentTerms, termRecord } from "../../../src/store/term-counts.js";

const title = "Báo cáo kết quả nhất thể hóa tại huyện Đức Thọ";
const drafts: ChunkDraft[] = [
  {
    text: "Bí thư Huyện ủy đồng thời là Chủ tịch UBND huyện từ năm 2016.",
    headingPath: ["I. Kết quả"],
    position: 0,
  },
  { text: "Khó khăn: khối lượng công việc lớn, áp lực cho người đứng đầu.", headingPath: [], position: 1 },
  { text: "", headingPath: ["II. Kiến nghị"], position: 2 },
];

describe("passage analysis computed beside the parse", () => {
  it("gives each passage the same terms and length as analyzing it in the writer", () => {
    const plain = toIndexedChunks("doc-1", title, drafts);
    // As the parse worker sends it: through a structured clone.
    const packed = toIndexedChunks("doc-1", title, drafts, structuredClone(analyzePassages(title, drafts)));
    expect(packed.map((c) => c.chunkId)).toEqual(plain.map((c) => c.chunkId));
    for (const [i, chunk] of packed.entries()) {
      expect(chunk.terms).toBeInstanceOf(PackedTerms);
      expect(termRecord(chunk.terms)).toEqual(termRecord(plain[i]!.terms));
      expect(chunk.length).toBe(plain[i]!.length);
    }
  });

  it("analyzes again when the title changed after the parse", () => {
    const analysis = analyzePassages("Tên cũ của văn bản", drafts);
    const chunks = toIndexedChunks("doc-1", title, drafts, analysis);
    const plain = toIndexedChunks("doc-1", title, drafts);
    expect(chunks[0]!.terms).not.toBeInstanceOf(PackedTerms);
    expect(chunks.map((c) => c.terms)).toEqual(plain.map((c) => c.terms));
  });

  it("analyzes again when the analysis does not fit the passages", async () => {
    const analysis = analyzePassages(title, drafts.slice(0, 2));
    expect(toIndexedChunks("doc-1", title, drafts, analysis)[0]!.terms).not.toBeInstanceOf(PackedTerms);
    const broken = { ...analyzePassages(title, drafts), terms: "chỉ_một" };
    const chunks = await toIndexedChunksYielding("doc-1", title, drafts, broken);
    expect(chunks.map((c) => c.terms)).toEqual(toIndexedChunks("doc-1", title, drafts).map((c) => c.terms));
  });
});

describe("term counts", () => {
  it("reads packed terms as a record and lists the present ones", () => {
    const terms = new PackedTerms(["f:bi", "f:thu", "f:bi", "f:xoa"], Float64Array.from([1, 2, 1, 0]));
    expect(termRecord(terms)).toEqual({ "f:bi": 2, "f:thu": 2, "f:xoa": 0 });
    expect(presentTerms(terms)).toEqual(["f:bi", "f:thu", "f:bi"]);
    expect(presentTerms({ a: 1, b: 0 })).toEqual(["a"]);
  });
});
