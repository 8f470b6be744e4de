import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimSentence, wordCount } from "../../../src/answer/sentence-terms.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";

describe("trimSentence: a sentence that opens with its date", () => {
  it("keeps the opening date when asked when, though a quoted document's date is nearer the words", () => {
    const q = "Kế hoạch 47-KH/BCĐ ký ngày nào?";
    const sentence =
      "Ngày 14/4/2025, đồng chí Lê Minh Hưng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức " +
      "Trung ương kiêm Phó Trưởng Ban Thường trực Ban Chỉ đạo Trung ương về tổng kết Nghị quyết số 18-NQ/TW " +
      "(ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII), một số vấn đề về tiếp tục đổi mới, sắp xếp " +
      "tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả, đã ký ban hành Kế hoạch số " +
      "47-KH/BCĐ của Ban Chỉ đạo về thực hiện sắp xếp, sáp nhập đơn vị hành chính cấp tỉnh, cấp xã.";
    const values = new Map(planLexicalQuery(q).terms.map((t) => [t.term, t.weight]));
    const trimmed = trimSentence(sentence, values, 40, analyzeQuestion(q));
    expect(trimmed.startsWith("Ngày 14/4/2025,")).toBe(true);
    expect(trimmed).toContain("47-KH/BCĐ");
    expect(wordCount(trimmed)).toBeLessThanOrEqual(41);
  });
});

describe("trimSentence: of runs holding the same words", () => {
  it("keeps the shortest, so a clause that says it alone at the end is not cut off", () => {
    const q = "uy vien ubnd xa moi thanh lap sau sap xep do ai chi dinh";
    const sentence =
      "Căn cứ thông báo của cấp ủy có thẩm quyền quản lý cán bộ, Ủy ban Thường vụ Quốc hội chỉ định Chủ tịch, " +
      "Phó Chủ tịch Hội đồng nhân dân, Trưởng các Ban của Hội đồng nhân dân, Trưởng đoàn, Phó Trưởng Đoàn đại biểu " +
      "Quốc hội của các tỉnh, thành phố trực thuộc trung ương hình thành sau sắp xếp; Thủ tướng Chính phủ chỉ định " +
      "Chủ tịch, Phó Chủ tịch Ủy ban nhân dân của các tỉnh, thành phố trực thuộc trung ương hình thành sau sắp xếp; " +
      "Thường trực Hội đồng nhân dân cấp tỉnh chỉ định Ủy viên Ủy ban nhân dân của tỉnh, thành phố trực thuộc trung " +
      "ương hình thành sau sắp xếp và chỉ định Chủ tịch, Phó Chủ tịch Hội đồng nhân dân, Trưởng các Ban của Hội đồng " +
      "nhân dân, Chủ tịch, Phó Chủ tịch Ủy ban nhân dân của đơn vị hành chính cấp xã hình thành sau sắp xếp; " +
      "Thường trực Hội đồng nhân dân cấp xã chỉ định Ủy viên Ủy ban nhân dân của đơn vị hành chính cấp xã hình thành sau sắp xếp.";
    const values = new Map(planLexicalQuery(q).terms.map((t) => [t.term, t.weight]));
    const trimmed = trimSentence(sentence, values, 70, analyzeQuestion(q));
    expect(trimmed).toContain("Thường trực Hội đồng nhân dân cấp xã chỉ định Ủy viên Ủy ban nhân dân");
    expect(wordCount(trimmed)).toBeLessThanOrEqual(71);
  });
});

describe("wordCount", () => {
  const bySplitting = (text: string) => text.split(/\s+/).filter(Boolean).length;

  it("counts the runs of characters between white space of any kind", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  \n\t ")).toBe(0);
    expect(wordCount("Ngày 14/4/2025, đồng chí ký")).toBe(5);
    expect(wordCount("\u00a0một\u2003hai\u3000ba\ufeffbốn\u2028năm ")).toBe(5);
    expect(wordCount("a\u200bb")).toBe(1);
  });

  it("counts as splitting at white space does, for any text", () => {
    const spaces = [
      " ",
      "\t",
      "\n",
      "\r",
      "\v",
      "\f",
      "\u00a0",
      "\u1680",
      "\u2000",
      "\u200a",
      "\u200b",
      "\u2028",
      "\u202f",
      "\u205f",
      "\u3000",
      "\ufeff",
    ];
    const piece = fc.oneof(
      fc.constantFrom(...spaces),
      fc.string({ maxLength: 3 }),
      fc.constantFrom("đồng", "chí", "…"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(wordCount(text)).toBe(bySplitting(text));
      }),
    );
  });
});
