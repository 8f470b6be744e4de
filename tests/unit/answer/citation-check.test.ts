import { describe, expect, it } from "vitest";
import { checkCitations, splitSentences } from "../../../src/answer/citation-check.js";
import { NOT_FOUND_ANSWER } from "../../../src/answer/prompts.js";
import type { Passage } from "../../../src/answer/types.js";

function passage(n: number, text: string): Passage {
  return {
    score: 1,
    chunk: { chunkId: `${n}`.padStart(32, "0"), docId: `doc-${n}`, position: 0, headingPath: [], text },
    doc: {
      docId: `doc-${n}`,
      source: `doc-${n}.pdf`,
      title: `Văn bản ${n}`,
      kind: null,
      number: null,
      issuer: null,
      date: null,
      format: "pdf",
      contentHash: "0".repeat(64),
      pages: 1,
      chunkCount: 1,
      version: 1,
      addedAt: "2024-01-01T00:00:00.000Z",
      updatedAt: "2024-01-01T00:00:00.000Z",
    },
  };
}

const PASSAGES = [
  passage(
    1,
    "Thực hiện nhất thể hóa chức danh bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã, cấp huyện.",
  ),
  passage(2, "Trưởng ban tuyên giáo đồng thời là giám đốc trung tâm chính trị cấp huyện."),
  passage(3, "Sắp xếp, kiện toàn tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả."),
  passage(4, "Kiểm tra, giám sát việc thực hiện nghị quyết hằng năm."),
  passage(5, "Ngân sách nhà nước bảo đảm kinh phí thực hiện."),
];

describe("checkCitations", () => {
  it("drops a number that names no passage ([9] of 5)", () => {
    const result = checkCitations(
      "Bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã [1][9]. Bộ máy tinh gọn, hiệu quả [9].",
      PASSAGES,
    );
    expect(result.dropped).toEqual([9]);
    expect(result.used).toEqual([1]);
    expect(result.text).toBe(
      "Bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã [1]. Bộ máy tinh gọn, hiệu quả.",
    );
    expect(result.uncitedSentences).toEqual(["Bộ máy tinh gọn, hiệu quả."]);
    expect(result.usable).toBe(true);
  });

  it("a reply without citations is not usable", () => {
    const result = checkCitations("Bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã.", PASSAGES);
    expect(result.used).toEqual([]);
    expect(result.uncitedSentences).toHaveLength(1);
    expect(result.usable).toBe(false);
    expect(result.isRefusal).toBe(false);
  });

  it("a cited sentence sharing nothing with its passage is unsupported", () => {
    const result = checkCitations("Giá xăng dầu sẽ giảm mạnh vào tháng sau [5].", PASSAGES);
    expect(result.cited).toHaveLength(1);
    expect(result.cited[0]!.supported).toBe(false);
    expect(result.cited[0]!.overlap).toBeLessThan(0.3);
    expect(result.usable).toBe(false);
  });

  it("a good answer is usable", () => {
    const answer = [
      "Theo các văn bản, việc nhất thể hóa được thực hiện như sau:",
      "- Bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã, cấp huyện [1].",
      "- Trưởng ban tuyên giáo đồng thời làm giám đốc trung tâm chính trị cấp huyện [2].",
      "Mục tiêu là bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả [3].",
    ].join("\n");
    const result = checkCitations(answer, PASSAGES);
    expect(result.used).toEqual([1, 2, 3]);
    expect(result.dropped).toEqual([]);
    expect(result.cited.map((c) => c.supported)).toEqual([true, true, true]);
    expect(result.uncitedSentences).toEqual([]);
    expect(result.supportRatio).toBe(1);
    expect(result.usable).toBe(true);
    expect(result.isRefusal).toBe(false);
  });

  it("parses [1, 2], [1; 2], ranges and markers after the full stop", () => {
    const result = checkCitations(
      "Bí thư cấp ủy là chủ tịch ủy ban, trưởng ban tuyên giáo là giám đốc trung tâm chính trị. [1, 2] Kiện toàn bộ máy tinh gọn [3;4]. Kiểm tra thực hiện nghị quyết [3-5].",
      PASSAGES,
    );
    expect(result.used).toEqual([1, 2, 3, 4, 5]);
    expect(result.cited.map((c) => c.citations)).toEqual([
      [1, 2],
      [3, 4],
      [3, 4, 5],
    ]);
    expect(result.text).toContain("chính trị. [1][2] Kiện toàn");
    expect(result.cited.every((c) => c.supported)).toBe(true);
  });

  it("recognises the not-found sentence and other refusals", () => {
    const exact = checkCitations(NOT_FOUND_ANSWER, PASSAGES);
    expect(exact.isRefusal).toBe(true);
    expect(exact.usable).toBe(false);
    expect(checkCitations("Khong tim thay trong tai lieu", PASSAGES).isRefusal).toBe(true);
    expect(checkCitations("Các đoạn trích không đề cập đến vấn đề này.", PASSAGES).isRefusal).toBe(true);
    // A partial answer that says what is missing but cites real support is not a refusal.
    const partial = checkCitations(
      "Tài liệu không đề cập thời hạn. Bí thư cấp ủy đồng thời là chủ tịch ủy ban nhân dân cấp xã [1].",
      PASSAGES,
    );
    expect(partial.isRefusal).toBe(false);
    expect(partial.usable).toBe(true);
  });

  it("an empty reply is neither usable nor a refusal", () => {
    const result = checkCitations("   ", PASSAGES);
    expect(result.usable).toBe(false);
    expect(result.isRefusal).toBe(false);
  });
});

describe("splitSentences", () => {
  it("does not split inside numbers or document numbers", () => {
    expect(splitSentences("Theo mục 1.2 của Nghị quyết 18-NQ/TW. Câu hai [1]! Câu ba?")).toEqual([
      "Theo mục 1.2 của Nghị quyết 18-NQ/TW.",
      "Câu hai [1]!",
      "Câu ba?",
    ]);
  });
});
