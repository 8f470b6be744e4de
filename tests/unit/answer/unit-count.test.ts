import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countedAfter, countsUnit, unitPattern } from "../../../src/answer/unit-count.js";
import { DURATION_UNIT, POPULATION_UNIT } from "../../../src/retrieval/counted-unit.js";
import { foldDiacritics } from "../../../src/text/index.js";

const counts = (sentence: string, unit: string) =>
  countsUnit(sentence, foldDiacritics(sentence.toLowerCase()), unit);

describe("countsUnit", () => {
  it("with no unit asked, counts no item's or provision's number, nor 'một vài'", () => {
    expect(
      counts("(6) Cán bộ, công chức cấp xã phải sâu sát địa bàn, lắng nghe ý kiến của Nhân dân.", ""),
    ).toBe(false);
    expect(counts("6. Các hội được Đảng, Nhà nước giao nhiệm vụ thực hiện sắp xếp.", "")).toBe(false);
    expect(counts("Theo khoản 2 Điều 5 Nghị định, mức hỗ trợ do tỉnh quyết định.", "")).toBe(false);
    expect(counts("Trong 5 năm, ngân sách dự kiến tiết kiệm khoảng 113.000 tỷ đồng.", "")).toBe(true);
    expect(counts("Một vài tỉnh trong số đó còn ít thay đổi địa giới.", "tinh")).toBe(false);
    expect(counts("Cả nước còn 34 tỉnh, thành phố.", "tinh")).toBe(true);
  });

  it("finds the unit after a number, a spelled-out number or two words", () => {
    expect(counts("Huyện giảm được 06 đầu mối.", "dau moi")).toBe(true);
    expect(counts("Bố trí không quá 03 (ba) nhân viên.", "nhan vien")).toBe(true);
    expect(counts("Còn 34 tỉnh, thành phố.", "tinh")).toBe(true);
    expect(counts("Thành lập 11 TAND khu vực.", "toa an")).toBe(true);
  });

  it("does not count past a plural word, into a longer word or in a document's number", () => {
    expect(counts("Học sinh lớp 11 các trường THPT.", "truong")).toBe(false);
    expect(counts("Có 12 xanh lá.", "xa")).toBe(false);
    expect(counts("Theo Nghị định 178/2024 về xã.", "xa")).toBe(false);
  });

  it("finds the unit after a word that begins with its name ('12 xanh xã')", () => {
    // The first name read runs on into a word; the next word is the unit.
    expect(counts("Có 12 xanh xã.", "xa")).toBe(true);
  });
});

/** Folded text around numbers: brackets, plural words, units and words that begin like them. */
const PIECES = [
  "12",
  "3",
  " ",
  "  ",
  "(ba)",
  "(muoi hai nguoi)",
  "(",
  ")",
  "cac ",
  "nhung ",
  "xa",
  "xanh",
  "tinh",
  "thanh",
  "nguoi",
  "nguoi/km2",
  "can bo",
  "dong",
  "dong chi",
  "ty",
  "trieu",
  "thang luong",
  "nam",
  "ngay",
  "tand",
  "toa an",
  "𝐀",
  "a",
  "-",
  ",",
  "/",
];
const foldedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((parts) => parts.join(""));
const UNITS = ["xa", "tinh", "nguoi", "tien", "toa an", DURATION_UNIT, POPULATION_UNIT, "can bo"];

describe("countedAfter", () => {
  it("reads a number's unit as the whole pattern does", () => {
    fc.assert(
      fc.property(foldedText, fc.constantFrom(...UNITS), (text, unit) => {
        const pattern = unitPattern(unit);
        // The whole pattern as it was written before the steps (`named` holds the unit's names).
        const whole = new RegExp(
          `^\\s*(?:\\([^)]{1,25}\\)\\s*)?(?:(?!(?:cac|nhung)\\s)[\\p{L}\\d]+\\s+){0,2}(?:${pattern.named.source})(?![\\p{L}\\p{N}])`,
          "u",
        );
        for (const match of text.matchAll(/\d+/gu)) {
          const end = match.index + match[0].length;
          const expected = whole.test(text.slice(end));
          expect(countedAfter(pattern, text, end)).toBe(expected);
          expect(pattern.exact().test(text.slice(end))).toBe(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("countsUnit, administrative units counted by their level", () => {
  const counts = (sentence: string, unit: string) =>
    countsUnit(sentence, foldDiacritics(sentence.toLowerCase()), unit);

  it("counts xã and phường as 'đơn vị hành chính cấp xã', not as units of another level", () => {
    const court =
      "Tòa án nhân dân khu vực 4 - tỉnh Lâm Đồng: đối với 16 đơn vị hành chính cấp xã thuộc tỉnh.";
    expect(counts(court, "xa phuong")).toBe(true);
    expect(counts("Cả nước có 34 đơn vị hành chính cấp tỉnh.", "xa phuong")).toBe(false);
    expect(counts("Cả nước có 34 đơn vị hành chính cấp tỉnh.", "tinh thanh")).toBe(true);
  });
});
