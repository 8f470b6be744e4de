import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import { askedAspect, namesAspect } from "../../../src/answer/question-aspect.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

describe("askedAspect", () => {
  it("reads the aspect a question opens with, the longest first", () => {
    expect(askedAspect(analyzeQuestion("Thời hạn giải quyết thủ tục tặng Huy chương cho cá nhân?"))).toBe(
      "thoi han giai quyet",
    );
    expect(askedAspect(analyzeQuestion("Phí thủ tục phê duyệt phương án khai thác thực vật rừng?"))).toBe(
      "phi",
    );
    expect(
      askedAspect(analyzeQuestion("cho hỏi quy trình xét tặng danh hiệu Người tốt việc tốt thế nào")),
    ).toBe("quy trinh");
  });

  it("is none when the question opens otherwise or its focus already names the aspect", () => {
    expect(askedAspect(analyzeQuestion("Đức Thọ giảm được bao nhiêu đầu mối?"))).toBeUndefined();
    // "phí" must be a word of its own, not the start of "phía".
    expect(askedAspect(analyzeQuestion("phía bắc giáp tỉnh nào"))).toBeUndefined();
    expect(
      askedAspect(
        analyzeQuestion("Điều kiện ưu tiên đối với cơ sở cung cấp thực phẩm cho trường học ra sao?"),
      ),
    ).toBeUndefined();
  });

  it("is named by a sentence or a heading holding its words", () => {
    expect(namesAspect("thoi han giai quyet", "quy dinh ve thoi han giai quyet thu tuc")).toBe(true);
    expect(namesAspect("phi", "quy dinh ve thu tuc phe duyet")).toBe(false);
  });
});

describe("composeExtractiveAnswer with an aspect asked", () => {
  it("leads with the section that names the aspect, not the one on the same procedure", () => {
    const q = "Thời hạn giải quyết thủ tục tặng Huy chương Thanh niên xung phong vẻ vang cho cá nhân?";
    const page = (id: string, text: string) =>
      makePassage(id, text, { title: "Thủ tục tặng Huy chương", headingPath: [], number: null, date: null });
    const passages = [
      page(
        "procedure",
        "Căn cứ Quyết định 637/QĐ-BNV quy định về thủ tục tặng Huy chương Thanh niên xung phong vẻ vang cho cá nhân: hồ sơ gồm tờ trình và bản tóm tắt thành tích.",
      ),
      page(
        "deadline",
        "Căn cứ Quyết định 637/QĐ-BNV quy định về thời hạn giải quyết thủ tục tặng Huy chương: 20 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
      ),
    ];
    passages[1]!.score = passages[0]!.score;
    const values = new Map(
      planLexicalQuery(q)
        .terms.filter((t) => !t.term.startsWith("w:"))
        .map((t) => [t.term, t.weight]),
    );
    const result = composeExtractiveAnswer(
      passages,
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer.startsWith("Căn cứ Quyết định 637/QĐ-BNV quy định về thời hạn giải quyết")).toBe(
      true,
    );
  });
});
