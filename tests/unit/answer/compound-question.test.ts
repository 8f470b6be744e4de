import { describe, expect, it } from "vitest";
import {
  askedParts,
  leansOnPrevious,
  mergeComposed,
  partTermValues,
  questionParts,
} from "../../../src/answer/compound-question.js";
import type { ComposedAnswer } from "../../../src/answer/extractive.js";
import { toCitation } from "../../../src/answer/extractive.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

describe("questionParts", () => {
  it("splits a message that asks two things, at '?', ',' or 'và'", () => {
    expect(questionParts("HNTW 7 khoá XII có bàn về cải cách tiền lương không, họp khi nào?")).toEqual([
      "HNTW 7 khoá XII có bàn về cải cách tiền lương không?",
      "họp khi nào?",
    ]);
    expect(questionParts("Ngân sách của Đảng lấy từ đâu và chia thành mấy cấp?")).toEqual([
      "Ngân sách của Đảng lấy từ đâu?",
      "chia thành mấy cấp?",
    ]);
    expect(questionParts("ngan sach cua dang lay tu dau va chia thanh may cap")).toEqual([
      "ngan sach cua dang lay tu dau?",
      "chia thanh may cap?",
    ]);
  });

  it("reads chat shorthands as the words they stand for, and a short question at the end as a question", () => {
    expect(questionParts("Xã Thạch Lập sau sắp xếp rộng bao nhiêu, dân số bn người?")).toEqual([
      "Xã Thạch Lập sau sắp xếp rộng bao nhiêu?",
      "dân số bn người?",
    ]);
    expect(questionParts("BNV trả lời bằng công văn số mấy, ngày nào?")).toEqual([
      "BNV trả lời bằng công văn số mấy?",
      "ngày nào?",
    ]);
  });

  it("a short question at the end leans on the part before it", () => {
    const message = "BNV trả lời bằng công văn số mấy, ngày nào?";
    const parts = askedParts(message, analyzeQuestion(message));
    expect(parts.map(leansOnPrevious)).toEqual([false, true]);
  });

  it("leaves one question whole: a setting before it, a negation, look-alikes of question words", () => {
    for (const message of [
      "Theo KL 126, cấp huyện có bị bỏ không?",
      "Nếu không đồng ý, cán bộ có được khiếu nại không?",
      "Đức Thọ giảm được 06 đầu mối, tinh gọn bộ máy ra sao?",
      "Bí thư và Chủ tịch UBND huyện do ai bổ nhiệm?",
      "xã nào, huyện nào được sáp nhập?",
      "sap xep bo may, tinh gon nhu the nao",
    ]) {
      expect(questionParts(message)).toEqual([message]);
    }
  });

  it("each part keeps its own type and the whole message's situation", () => {
    const message = "Huyện Đức Thọ giảm được bao nhiêu đầu mối, thực hiện từ năm nào?";
    const parts = askedParts(message, analyzeQuestion(message));
    expect(parts.map((p) => p.type)).toEqual(["bao_nhieu", "khi_nao"]);
    expect(parts[1]!.situation).toContain("duc tho");
  });
});

describe("partTermValues", () => {
  it("weighs the other parts' words at a third, the first part's and its own in full", () => {
    const message = "Chi cục có 2 phòng thì được mấy phó chi cục trưởng? Nếu không có phòng nào thì sao?";
    const parts = askedParts(message, analyzeQuestion(message));
    const values = new Map([
      ["f:cuc", 2],
      ["f:neu", 2],
    ]);
    expect(partTermValues(values, parts, 0)).toEqual(
      new Map([
        ["f:cuc", 2],
        ["f:neu", 0.6],
      ]),
    );
    expect(partTermValues(values, parts, 1)).toEqual(values);
  });
});

describe("mergeComposed", () => {
  const a = makePassage("a", "Hội nghị bàn về cải cách chính sách tiền lương.");
  const b = makePassage("b", "Hội nghị họp từ 07-12/05/2018.");
  const answer = (text: string, passages: ReturnType<typeof makePassage>[]): ComposedAnswer => ({
    answer: text,
    citations: passages.map((p, i) => toCitation(i + 1, p)),
    declined: false,
    lead: "evidence",
  });

  it("joins each part's leading sentence, numbering citations anew and quoting nothing twice", () => {
    const merged = mergeComposed([
      answer("Hội nghị bàn về cải cách chính sách tiền lương. [1]", [a]),
      answer("Hội nghị họp từ 07-12/05/2018. [1] Hội nghị bàn về cải cách chính sách tiền lương. [2]", [
        b,
        a,
      ]),
      answer("Hội nghị bàn về cải cách chính sách tiền lương. [1]", [a]),
    ]);
    expect(merged.answer).toBe(
      "Hội nghị bàn về cải cách chính sách tiền lương. [1] Hội nghị họp từ 07-12/05/2018. [2]",
    );
    expect(merged.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, a.chunk.chunkId],
      [2, b.chunk.chunkId],
    ]);
  });

  it("a declined part adds nothing; all declined is declined", () => {
    const declined: ComposedAnswer = { answer: "Không tìm thấy", citations: [], declined: true };
    const one = answer("Hội nghị họp từ 07-12/05/2018. [1]", [b]);
    expect(mergeComposed([declined, one])).toBe(one);
    expect(mergeComposed([declined, declined]).declined).toBe(true);
  });
});
