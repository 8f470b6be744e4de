import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import { namesPredicate, yesNoPredicate } from "../../../src/answer/yes-no-predicate.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (s: string) => foldDiacritics(s.toLowerCase());

describe("yesNoPredicate", () => {
  it("reads the act after 'có' and its modals, with or without marks", () => {
    expect(yesNoPredicate(fold("Bí thư xã có được kiêm Chủ tịch UBND xã không"))).toBe("kiem");
    expect(yesNoPredicate(fold("sap nhap tinh xong co bat buoc di doi CCCD khong"))).toBe("doi");
    expect(yesNoPredicate(fold("giảm 20% biên chế có tính cả giáo viên ko?"))).toBe("tinh");
    expect(yesNoPredicate(fold("Giám đốc công an tỉnh có nằm trong BTV tỉnh ủy không?"))).toBe("nam");
  });

  it("skips 'cơ quan' and 'cơ sở', and has none for a claim or a question without 'có'", () => {
    expect(yesNoPredicate(fold("cơ quan mới có được bắt dân nộp lại hồ sơ không"))).toBe("bat");
    expect(
      yesNoPredicate(fold("danh sách 20 tỉnh sáp nhập lan truyền trên mạng có đúng không")),
    ).toBeUndefined();
    expect(yesNoPredicate(fold("thanh tra cấp huyện còn hoạt động nữa ko"))).toBeUndefined();
  });

  it("reads the thing done after a light verb ('làm thủ tục' is 'thực hiện thủ tục')", () => {
    const q = "sáp nhập xã xong người dân có phải đi làm thủ tục đổi địa chỉ cư trú ko";
    expect(yesNoPredicate(fold(q))).toBe("thu tuc");
    const asked = analyzeQuestion(q);
    expect(asked.type).toBe("co_khong");
    const sentence = "Công dân không cần thực hiện thủ tục điều chỉnh thông tin về cư trú khi sáp nhập.";
    expect(holdsEvidence(asked, sentence, fold(sentence))).toBe(true);
    // With no object after it, the light verb is all the act there is.
    expect(yesNoPredicate(fold("có phải làm gì không"))).toBe("lam");
  });

  it("matches the act as a word", () => {
    expect(namesPredicate("kiem", fold("Bí thư đồng thời kiêm Chủ tịch"))).toBe(true);
    expect(namesPredicate("kiem", fold("các chức danh kiêm nhiệm"))).toBe(true);
    expect(namesPredicate("doi", fold("người dân không phải làm lại giấy tờ, trừ khi đổi"))).toBe(true);
    expect(namesPredicate("doi", fold("thay đổi địa giới hành chính"))).toBe(true);
    expect(namesPredicate("tinh", fold("giảm biên chế không tính giáo viên"))).toBe(true);
    expect(namesPredicate("kiem", fold("Bí thư đồng thời là Chủ tịch"))).toBe(false);
  });
});

describe("a yes/no question's evidence", () => {
  const question = analyzeQuestion("bí thư xã có được kiêm chủ tịch ubnd xã không");
  const evidence = (sentence: string) => holdsEvidence(question, sentence, fold(sentence));

  it("is a modal sentence that names the act asked, not any modal sentence", () => {
    expect(evidence("Bí thư cấp ủy cấp xã không được kiêm Chủ tịch UBND cấp xã.")).toBe(true);
    expect(
      evidence("Chủ tịch UBND cấp xã có trách nhiệm tiếp nhận quyền, nghĩa vụ thi hành án hành chính."),
    ).toBe(false);
  });
});
