import { describe, expect, it } from "vitest";
import { withoutItemNumber } from "../../../src/retrieval/question-forms.js";

describe("withoutItemNumber", () => {
  it("drops the number a question copied from a quiz or a list keeps", () => {
    expect(withoutItemNumber("(1) Máy tính tiền là gì?")).toBe("Máy tính tiền là gì?");
    expect(withoutItemNumber("Câu 7: Chủ tịch Hồ Chí Minh đi bầu ở đâu?")).toBe(
      "Chủ tịch Hồ Chí Minh đi bầu ở đâu?",
    );
    expect(withoutItemNumber("Câu hỏi 9. Luật nào quy định?")).toBe("Luật nào quy định?");
    expect(withoutItemNumber("1. Ai ký Kết luận 126?")).toBe("Ai ký Kết luận 126?");
  });

  it("keeps a number that is part of the question, and a message that is only a number", () => {
    for (const question of [
      "1.5 triệu là bao nhiêu?",
      "2025 có bầu cử không",
      "2 cấp chính quyền là gì",
      "(2)",
    ]) {
      expect(withoutItemNumber(question)).toBe(question);
    }
  });
});
