import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import { namesOnlyOtherPlenums, plenumNumbersIn } from "../../../src/answer/plenum-numbers.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";
import { makePassage } from "../../support/passage.js";

const plenums = (text: string) => plenumNumbersIn(foldDiacritics(text.toLowerCase()));

describe("plenumNumbersIn", () => {
  it("reads a plenum's number however it is written", () => {
    expect(plenums("Hội nghị TW lần thứ 12 khoá XIII họp từ ngày nào?")).toEqual([12]);
    expect(plenums("HNTW 7 khoá XII có bàn về tiền lương không")).toEqual([7]);
    expect(plenums("Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 10")).toEqual([10]);
    expect(plenums("Hội nghị lần thứ sáu")).toEqual([6]);
    expect(plenums("Hội nghị Trung ương mười hai")).toEqual([12]);
  });

  it("reads no number where none is a plenum's", () => {
    expect(plenums("Hội nghị năm 2025 bàn về sắp xếp")).toEqual([]);
    expect(plenums("Ngày 12/4/2025, Quốc hội họp phiên thứ 9")).toEqual([]);
  });
});

describe("a plenum asked by its number", () => {
  it("is not answered by a sentence on another plenum", () => {
    const folded = foldDiacritics(
      "Hội nghị lần thứ 11 Ban Chấp hành Trung ương họp từ ngày 10/4 đến ngày 12/4/2025.".toLowerCase(),
    );
    expect(namesOnlyOtherPlenums(folded, [12])).toBe(true);
    expect(namesOnlyOtherPlenums(folded, [11])).toBe(false);
    expect(namesOnlyOtherPlenums("hoi nghi hop tu ngay 10/4", [12])).toBe(false);

    const q = "Hội nghị TW lần thứ 12 khoá XIII họp từ ngày nào đến ngày nào?";
    const eleventh = makePassage(
      "p11",
      "12/4/2025: Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII họp từ ngày 10/4 đến ngày 12/4/2025 tại Hà Nội.",
    );
    const values = new Map(planLexicalQuery(q).terms.map((t) => [t.term, t.weight]));
    const result = composeExtractiveAnswer(
      [eleventh],
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.lead).not.toBe("evidence");
  });
});
