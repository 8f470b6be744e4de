import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import { missesTopic, topicBigrams } from "../../../src/answer/question-topic.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

const termsOf = (question: string) => planLexicalQuery(question).terms.map((t) => t.term);
const topicOf = (question: string) => topicBigrams(analyzeQuestion(question), termsOf(question));

describe("topicBigrams", () => {
  it("reads what a focus is asked of: its words outside the focus and the function words", () => {
    expect(topicOf("Lợi ích của việc nhất thể hóa là gì?")).toEqual(["b:nhat_the", "b:the_hoa"]);
    expect(topicOf("loi ich cua viec nhat the hoa la gi")).toEqual(["b:nhat_the", "b:the_hoa"]);
  });

  it("is empty for a question without a focus: all its words are what it asks", () => {
    expect(topicOf("Đức Thọ là huyện đầu tiên của tỉnh?")).toEqual([]);
  });

  it("a passage misses the topic when it holds none of its terms", () => {
    const topic = ["b:nhat_the", "b:the_hoa"];
    expect(missesTopic(topic, (term) => term === "b:the_hoa")).toBe(false);
    expect(missesTopic(topic, () => false)).toBe(true);
    expect(missesTopic([], () => false)).toBe(false);
  });
});

describe("the answer to a focus asked of a topic", () => {
  it("comes from a passage naming the topic, not one naming benefits of something else", () => {
    const q = "Lợi ích của việc nhất thể hóa là gì?";
    const plan = makePassage(
      "plan",
      "Bảo đảm lợi ích của việc kết nối liên thông: tiết kiệm, hiệu quả, khai thác tối đa hạ tầng hiện có.",
      { title: "Kế hoạch lập bản đồ địa chính", headingPath: [], number: "0205/KH-UBND", date: "2025-05-02" },
    );
    const seed = makePassage(
      "seed",
      "Việc thực hiện mô hình nhất thể hóa đã từng bước tinh gọn được bộ máy, giảm bớt được đầu mối.",
      { title: "Báo cáo Đức Thọ", headingPath: [], number: "05/BC-UBND", date: "2020-04-23" },
    );
    const values = new Map(
      planLexicalQuery(q)
        .terms.filter((t) => !t.term.startsWith("w:"))
        .map((t) => [t.term, t.weight]),
    );
    const result = composeExtractiveAnswer(
      [plan, seed],
      values,
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer).toContain("tinh gọn được bộ máy");
    expect(result.answer).not.toContain("kết nối liên thông");
  });
});
