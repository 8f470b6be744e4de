import { describe, expect, it } from "vitest";
import { FOCUS_WEIGHT, focusWeights, questionFocus } from "../../../src/retrieval/question-focus.js";

describe("questionFocus", () => {
  it("names what is asked before the situation", () => {
    expect(questionFocus("Những khó khăn khi một người vừa làm Bí thư vừa làm Chủ tịch?")).toBe("khó khăn");
    expect(questionFocus("Ưu điểm của nhất thể hoá ở Đức Thọ là gì?")).toBe("ưu điểm");
    expect(questionFocus("Nêu các nhiệm vụ chính của Ủy ban Kiểm tra huyện")).toBe("nhiệm vụ chính");
    expect(questionFocus("Chế độ đãi ngộ đối với người kiêm nhiệm?")).toBe("chế độ đãi ngộ");
    // "đối" links only in "đối với"; typed without marks the linkers still read.
    expect(questionFocus("Nguyên tắc đối thoại trong vụ án hành chính là gì?")).toBe("nguyên tắc đối thoại");
    expect(questionFocus("han che cua mo hinh kiem nhiem o duc tho")).toBe("han che");
    // In a question typed with marks, an unmarked "o" is a typo of "ô", not "ở".
    expect(questionFocus("Mức độ o nhiễm tại các khu công nghiệp?")).toBe("mức độ o nhiễm");
  });

  it("finds none where the opening is no noun phrase of its own", () => {
    for (const question of [
      "Kết luận 127 nói về đề án gì?", // a document by its number, and "về" after a verb
      "Theo quy định của Luật Cư trú, nơi cư trú gồm những gì?", // a source, not a focus
      "Sau khi sáp nhập thì cán bộ dôi dư ra sao?", // one word before the linker
      "Ai là Trưởng ban của Ban Tuyên giáo?", // a question word first
      "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", // no linker
      "Khó khăn của huyện?", // a situation of one word: nothing to split from
      "Cơ chế kiểm soát quyền lực đối với người đứng đầu?", // longer than a noun phrase
      "",
    ]) {
      expect(questionFocus(question), question).toBe("");
    }
  });

  it("weighs the focus's own terms double and its alias's as usual", () => {
    const weights = focusWeights("Hạn chế của mô hình kiêm nhiệm ở Đức Thọ?");
    for (const t of ["f:han", "b:han_che"]) expect(weights.get(t), t).toBe(FOCUS_WEIGHT);
    for (const t of ["f:kho", "b:kho_khan"]) expect(weights.get(t), t).toBe(1);
    expect(weights.has("f:kiem")).toBe(false);
    expect(focusWeights("Huyện Đức Thọ giảm được bao nhiêu đầu mối?").size).toBe(0);
  });
});
