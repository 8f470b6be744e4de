import { describe, expect, it } from "vitest";
import { moneyKind } from "../../../src/retrieval/money-kind.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";

const words = (folded: string) => folded.split(" ");

describe("moneyKind", () => {
  it("names the kind of money after tiền, chi phí, phụ cấp, trợ cấp", () => {
    expect(moneyKind(words("ca mau ho tro tien di lai cho can bo xa bao nhieu"))).toBe("di lai");
    expect(moneyKind(words("chi phi thue nha la bao nhieu 1 thang"))).toBe("thue nha");
    expect(moneyKind(words("phu cap kiem nhiem bao nhieu"))).toBe("kiem nhiem");
    expect(moneyKind(words("tro cap thoi viec tinh the nao"))).toBe("thoi viec");
  });

  it("is empty when no kind is named", () => {
    expect(moneyKind(words("tien ho tro moi thang la bao nhieu"))).toBe("");
    expect(moneyKind(words("luong co so la bao nhieu"))).toBe("");
    expect(moneyKind(words("duoc bao nhieu tien"))).toBe("");
  });
});

describe("an amount question's focus", () => {
  it("is the kind of money asked, with or without marks", () => {
    expect(analyzeQuestion("Cà Mau hỗ trợ tiền đi lại cho cán bộ xã bao nhiêu 1 tháng?").focus).toBe(
      "di lai",
    );
    expect(analyzeQuestion("ca mau ho tro tien thue nha bao nhieu mot thang").focus).toBe("thue nha");
  });
});
