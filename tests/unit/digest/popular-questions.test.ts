import { describe, expect, it } from "vitest";
import {
  groupQuestions,
  jaccard,
  questionTerms,
  scrubQuestion,
} from "../../../src/digest/popular-questions.js";

const at = (i: number) => 1_741_300_000_000 + i * 60_000;

describe("groupQuestions", () => {
  it("puts questions with and without diacritics, and with question words, in one topic", () => {
    const topics = groupQuestions([
      { question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", createdAt: at(1) },
      { question: "huyen duc tho giam duoc bao nhieu dau moi", createdAt: at(2) },
      { question: "Đức Thọ giảm bao nhiêu đầu mối vậy bạn?", createdAt: at(3) },
      { question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", createdAt: at(4) },
      { question: "Nghị định 178 áp dụng cho ai?", createdAt: at(5) },
      { question: "Nghi dinh 178 ap dung cho ai", createdAt: at(6) },
      { question: "Kết luận 126 yêu cầu gì?", createdAt: at(7) },
    ]);
    expect(topics.map((t) => [t.text, t.count])).toEqual([
      ["Huyện Đức Thọ giảm được bao nhiêu đầu mối?", 4],
      ["Nghị định 178 áp dụng cho ai?", 2],
      ["Kết luận 126 yêu cầu gì?", 1],
    ]);
  });

  it("keeps different subjects apart even when they share question words", () => {
    const topics = groupQuestions([
      { question: "Bí thư đồng thời là Chủ tịch UBND cấp huyện có khó khăn gì?", createdAt: at(1) },
      { question: "Cơ quan chuyên môn thuộc UBND tỉnh gồm những gì?", createdAt: at(2) },
    ]);
    expect(topics).toHaveLength(2);
  });

  it("orders by count, then the most recently asked, and keeps at most `max`", () => {
    const topics = groupQuestions(
      [
        { question: "Chủ đề thứ nhất về sáp nhập xã", createdAt: at(1) },
        { question: "Chủ đề thứ hai về tinh gọn bộ máy", createdAt: at(2) },
        { question: "Chủ đề thứ ba về biên chế cán bộ", createdAt: at(3) },
      ],
      { max: 2 },
    );
    expect(topics.map((t) => t.text)).toEqual([
      "Chủ đề thứ ba về biên chế cán bộ",
      "Chủ đề thứ hai về tinh gọn bộ máy",
    ]);
  });

  it("ignores one-word noise", () => {
    expect(
      groupQuestions([
        { question: "?", createdAt: 1 },
        { question: "hi", createdAt: 2 },
      ]),
    ).toEqual([]);
  });

  it("compares content words with their diacritics (cơ quan is not the question word có)", () => {
    expect(questionTerms("Cơ quan nào có thẩm quyền?")).toEqual(new Set(["co", "quan", "tham", "quyen"]));
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
  });
});

describe("scrubQuestion", () => {
  it("removes @mentions, e-mail addresses and long digit runs but keeps document numbers", () => {
    expect(scrubQuestion("@can_bo_lan hỏi Nghị định 178/2024/NĐ-CP áp dụng thế nào?")).toBe(
      "… hỏi Nghị định 178/2024/NĐ-CP áp dụng thế nào?",
    );
    expect(scrubQuestion("Gọi 0912 345 678 hoặc +84912345678")).toBe("Gọi … hoặc …");
    expect(scrubQuestion("Gửi lan.nguyen@so-noi-vu.gov.vn giúp")).toBe("Gửi … giúp");
    expect(scrubQuestion("Mã người dùng 123456789 là ai?")).toBe("Mã người dùng … là ai?");
    expect(scrubQuestion("Kết luận 126-KL/TW ngày 14/2/2025")).toBe("Kết luận 126-KL/TW ngày 14/2/2025");
  });
});
