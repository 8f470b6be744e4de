import { describe, expect, it } from "vitest";
import { fold, foldedWords } from "../../../src/text/fold.js";

describe("fold", () => {
  it("lowers case, drops marks, reads đ as d and folds white space", () => {
    expect(fold("  CỘNG HÒA   xã hội\tchủ nghĩa ")).toBe("cong hoa xa hoi chu nghia");
    expect(fold("Đảng ủy")).toBe("dang uy");
  });
});

describe("foldedWords", () => {
  it("keeps only the words: punctuation and dashes are one space", () => {
    expect(foldedWords("Thẩm quyền của Chủ tịch Ủy ban nhân dân:")).toBe(
      "tham quyen cua chu tich uy ban nhan dan",
    );
    expect(foldedWords("**Kết luận số 126-KL/TW** — nội dung")).toBe("ket luan so 126 kl tw noi dung");
    expect(foldedWords("Thừa Thiên–Huế")).toBe(foldedWords("thua thien hue"));
  });
});
