import { describe, expect, it } from "vitest";
import { askedQuantities, conditionsOn, leavesOutAskedCase } from "../../../src/answer/asked-quantity.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (s: string) => foldDiacritics(s.toLowerCase());
const ONE_TO_THREE = "a) Chi cục có từ 01 đến 03 phòng và tương đương được bố trí 01 Phó Chi cục trưởng;";
const NONE_OR_FOUR =
  "b) Chi cục không có phòng hoặc có từ 04 phòng và tương đương trở lên được bố trí không quá 02 Phó Chi cục trưởng.";

describe("askedQuantities", () => {
  it("reads the case a question gives, not its documents, years or dates", () => {
    expect(askedQuantities(analyzeQuestion("Chi cục có 2 phòng thì đc mấy phó chi cục trưởng?"))).toEqual([
      { value: 2, unit: "phong" },
    ]);
    expect(askedQuantities(analyzeQuestion("truong 30 lop vung 2 thi giam may tiet"))).toEqual([
      { value: 30, unit: "lop" },
    ]);
    expect(askedQuantities(analyzeQuestion("Theo NĐ 150 năm 2025, sở có mấy phó giám đốc?"))).toEqual([]);
    expect(askedQuantities(analyzeQuestion("làm 6 năm thì trợ cấp bao nhiêu tháng lương?"))).toEqual([]);
  });

  it("holds no yes/no question to its case: a threshold leaving it out answers 'không'", () => {
    expect(
      askedQuantities(analyzeQuestion("DN mình có 8 lao động thì có phải đăng ký nội quy không?")),
    ).toEqual([]);
  });
});

describe("conditionsOn", () => {
  it("reads ranges, open ends and 'không có' on the unit", () => {
    expect(conditionsOn("phong", fold(ONE_TO_THREE))).toEqual([{ min: 1, max: 3 }]);
    expect(conditionsOn("phong", fold(NONE_OR_FOUR))).toEqual([
      { min: 4, max: Number.POSITIVE_INFINITY },
      { min: 0, max: 0 },
    ]);
    expect(conditionsOn("lop", fold("Trường dưới 28 lớp được giảm 03 tiết"))).toEqual([
      { min: Number.NEGATIVE_INFINITY, max: 27 },
    ]);
    expect(conditionsOn("lop", fold("Trường có từ 01 đến 03 phòng"))).toEqual([]);
  });
});

describe("leavesOutAskedCase", () => {
  const q = analyzeQuestion("Chi cục thuộc sở có 2 phòng thì đc mấy phó chi cục trưởng?");

  it("sets aside the rule of another case and keeps the one that admits the value", () => {
    expect(leavesOutAskedCase(q, fold(NONE_OR_FOUR))).toBe(true);
    expect(leavesOutAskedCase(q, fold(ONE_TO_THREE))).toBe(false);
  });

  it("keeps a sentence that sets no condition on the unit", () => {
    expect(leavesOutAskedCase(q, fold("Phó Chi cục trưởng do Giám đốc sở bổ nhiệm."))).toBe(false);
  });
});
