import { describe, expect, it } from "vitest";
import { askedMoneyKind, moneyKind, namesOtherMoneyKind } from "../../../src/retrieval/money-kind.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

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

describe("namesOtherMoneyKind", () => {
  /** Whether the sentence speaks of another kind of the money the question asks (false when it asks none). */
  const other = (question: string, sentence: string) => {
    const asked = askedMoneyKind(words(question));
    return asked !== undefined && namesOtherMoneyKind(asked, words(sentence));
  };
  const asked = "can bo o dac khu co duoc huong phu cap thu hut khong muc bao nhieu";
  it("is true for the same money of another kind only", () => {
    expect(other(asked, "duoc huong phu cap tang them bang 150 muc luong")).toBe(true);
    expect(other("co duoc nhan tro cap that nghiep khong", "thi duoc tro cap 04 thang tien luong")).toBe(
      true,
    );
  });

  it("is false when the sentence names the kind asked, or no such money at all", () => {
    expect(other(asked, "phu cap thu hut bang 70 muc luong hien huong")).toBe(false);
    expect(other(asked, "muc 5 trieu dong moi thang")).toBe(false);
    expect(askedMoneyKind(words("luong co so la bao nhieu"))).toBeUndefined();
    expect(other("luong co so la bao nhieu", "phu cap tang them 150")).toBe(false);
  });
});

describe("an amount question naming its money after its subject", () => {
  it("is asked by the money's kind, not by who receives it", () => {
    expect(
      analyzeQuestion("cán bộ công tác ở đặc khu có đc hưởng phụ cấp thu hút ko, mức bao nhiêu?").focus,
    ).toBe("thu hut");
  });
});

describe("namesOtherMoneyKind, a kind typed with a digit", () => {
  const split = (text: string) =>
    foldDiacritics(text.toLowerCase())
      .split(/[^a-z0-9]+/u)
      .filter(Boolean);

  it("reads 'trợ cấp 1 lần' as the 'trợ cấp một lần' documents write", () => {
    const asked = askedMoneyKind(split("mỗi năm phục vụ được trợ cấp 1 lần bn tiền"))!;
    expect(asked.kind).toBe("1 lan");
    expect(namesOtherMoneyKind(asked, split("được hưởng trợ cấp một lần bằng 4.680.000 đồng"))).toBe(false);
    expect(namesOtherMoneyKind(asked, split("được hưởng trợ cấp thất nghiệp 2.800.000 đồng"))).toBe(true);
  });
});
