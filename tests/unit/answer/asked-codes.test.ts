import { describe, expect, it } from "vitest";
import { askedCodes, holdsCodes } from "../../../src/answer/asked-codes.js";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

describe("askedCodes", () => {
  it("reads a licence class, not the end of a document's number", () => {
    expect(askedCodes(analyzeQuestion("Điều kiện để được cấp giấy phép lái xe hạng B2?"))).toEqual(["b2"]);
    expect(askedCodes(analyzeQuestion("NQ 190/2025/QH15 do ai ký?"))).toEqual([]);
    expect(askedCodes(analyzeQuestion("Đức Thọ giảm được mấy đầu mối?"))).toEqual([]);
    // An area's unit is no code: the documents write "km²".
    expect(askedCodes(analyzeQuestion("Xã Thạch Lập sau sắp xếp rộng bao nhiêu km2"))).toEqual([]);
  });
});

describe("holdsCodes", () => {
  it("holds when the text names every code asked", () => {
    expect(holdsCodes(["b2"], "Người đủ 18 tuổi được cấp giấy phép lái xe hạng B2.")).toBe(true);
    expect(holdsCodes(["b2"], "Người đủ 21 tuổi được cấp giấy phép lái xe hạng C, BE.")).toBe(false);
    expect(holdsCodes([], "Bất kỳ đoạn nào.")).toBe(true);
  });
});

describe("a code in the answer", () => {
  it("a passage on other classes does not answer the class asked", () => {
    const q = "Điều kiện để được cấp giấy phép lái xe hạng B2?";
    const values = new Map(
      planLexicalQuery(q)
        .terms.filter((t) => !t.term.startsWith("w:"))
        .map((t) => [t.term, t.weight]),
    );
    const other = makePassage(
      "c",
      "Điều kiện để được cấp giấy phép lái xe hạng C là người đủ 21 tuổi trở lên.",
    );
    const result = composeExtractiveAnswer(
      [other],
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.declined).toBe(true);
    const asked = makePassage(
      "b2",
      "Điều kiện để được cấp giấy phép lái xe hạng B2 là người đủ 18 tuổi trở lên.",
    );
    const answered = composeExtractiveAnswer(
      [other, asked],
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(answered.answer).toContain("hạng B2");
    expect(answered.answer).not.toContain("hạng C");
  });
});
