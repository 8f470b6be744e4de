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

describe("every claim or nothing (issue 17)", () => {
  const SEED = passage(
    1,
    "Việc thực hiện mô hình nhất thể hóa và kiêm nhiệm chức danh đã từng bước tinh gọn được bộ máy, giảm bớt được đầu mối (giảm được 06 đầu mối, 06 cấp trưởng), khắc phục sự chồng chéo, trùng lắp.",
  );
  SEED.doc.title = "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa tại Đức Thọ";
  const INSTRUCTIONS =
    "Chỉ dùng thông tin có trong các đoạn trích. Không dùng kiến thức bên ngoài, không suy đoán, không bịa số hiệu, ngày tháng, tên văn bản hay tên cơ quan.";

  it("a changed number is not supported, however many syllables it shares", () => {
    const result = checkCitations("Huyện Đức Thọ đã giảm được 08 đầu mối và 10 cấp trưởng [1].", [SEED]);
    expect(result.cited[0]!.supported).toBe(false);
    expect(result.cited[0]!.missing.map((f) => f.text)).toEqual(["08", "10"]);
    expect(result.verdict).toBe("replace");
    expect(result.usable).toBe(false);
  });

  it("a person and a year the passage never names make the sentence unsupported", () => {
    const result = checkCitations(
      "Mô hình này do Thủ tướng Phạm Minh Chính quyết định năm 2015 và giảm được 06 đầu mối [1].",
      [SEED],
    );
    expect(result.cited[0]!.missing.map((f) => f.text)).toEqual(
      expect.arrayContaining(["2015", "Phạm Minh Chính"]),
    );
    expect(result.usable).toBe(false);
  });

  it("an invented second sentence is removed; the faithful first one stands", () => {
    const result = checkCitations(
      "Huyện Đức Thọ giảm được 06 đầu mối [1]. Ngoài ra, huyện được thưởng 5 tỷ đồng và Chủ tịch tỉnh được thăng chức [1].",
      [SEED],
    );
    expect(result.verdict).toBe("trimmed");
    expect(result.kept).toBe("Huyện Đức Thọ giảm được 06 đầu mối [1].");
    expect(result.removed).toEqual([
      expect.objectContaining({ reason: "missing_fact", missing: expect.arrayContaining(["5"]) }),
    ]);
  });

  it("the main claim unsupported: the whole answer is replaced, whatever follows", () => {
    const result = checkCitations(
      "Đức Thọ giảm được 9 đầu mối [1]. Việc nhất thể hóa giúp tinh gọn bộ máy, khắc phục chồng chéo, trùng lắp [1].",
      [SEED],
    );
    expect(result.verdict).toBe("replace");
    expect(result.replaceReason).toBe("main_claim");
    expect(result.kept).toBe("");
  });

  it("less than half of the claims left: replaced", () => {
    const result = checkCitations(
      [
        "Đức Thọ giảm được 06 đầu mối [1].",
        "Huyện được thưởng 5 tỷ đồng [1].",
        "Chủ tịch tỉnh Nguyễn Văn Hùng được thăng chức [1].",
        "Mô hình được Bộ Nội vụ nhân rộng ra 20 tỉnh [1].",
      ].join(" "),
      [SEED],
    );
    expect(result.removed).toHaveLength(3);
    expect(result.replaceReason).toBe("too_little");
  });

  it("the prompt's own instructions echoed back are never an answer", () => {
    const result = checkCitations("Chỉ dùng thông tin có trong các đoạn trích [1].", [SEED], {
      instructions: INSTRUCTIONS,
    });
    expect(result.removed).toEqual([expect.objectContaining({ reason: "echo" })]);
    expect(result.usable).toBe(false);
  });

  it("a list keeps its heading only while an item under it remains", () => {
    const result = checkCitations(
      [
        "Đức Thọ đạt được như sau:",
        "- Giảm được 06 đầu mối, 06 cấp trưởng [1].",
        "- Khắc phục chồng chéo, trùng lắp [1].",
        "Kết quả khác:",
        "- Tiết kiệm 3 tỷ đồng mỗi năm [1].",
      ].join("\n"),
      [SEED],
    );
    expect(result.verdict).toBe("trimmed");
    expect(result.kept).toBe(
      "Đức Thọ đạt được như sau:\n- Giảm được 06 đầu mối, 06 cấp trưởng [1].\n- Khắc phục chồng chéo, trùng lắp [1].",
    );
  });

  it("a cited heading introducing the claims is no claim of its own", () => {
    const result = checkCitations(
      "Theo báo cáo [1], kết quả gồm:\n- Giảm được 06 đầu mối, 06 cấp trưởng [1].\n- Khắc phục chồng chéo, trùng lắp [1].",
      [SEED],
    );
    expect(result.verdict).toBe("whole");
    expect(result.usable).toBe(true);
  });

  it("an uncited sentence stating a fact no passage holds is removed too", () => {
    const result = checkCitations("Đức Thọ giảm được 06 đầu mối [1]. Việc này tiết kiệm 12 tỷ đồng.", [SEED]);
    expect(result.kept).toBe("Đức Thọ giảm được 06 đầu mối [1].");
  });
});
