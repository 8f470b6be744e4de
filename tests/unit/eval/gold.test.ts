import { describe, expect, it } from "vitest";
import { answerContainsAll, firstHitRank, parseGoldQuestions, summarize } from "../../../src/eval/gold.js";

const lines = [
  {
    id: "q1",
    question: "Đức Thọ giảm bao nhiêu đầu mối?",
    relevant: [{ source: "seed.txt", contains: "giảm được 06 đầu mối" }],
    answer_contains: ["06"],
    answerable: true,
  },
  { id: "q2", question: "Giá vàng hôm nay?", relevant: [], answer_contains: [], answerable: false },
  {
    id: "q3",
    question: "Điều 3?",
    relevant: [{ source: "law.txt", contains: "" }],
    answer_contains: [],
    answerable: true,
  },
]
  .map((l) => JSON.stringify(l))
  .join("\n");

describe("gold questions", () => {
  const questions = parseGoldQuestions(`${lines}\n\n`);

  it("parses JSON lines and rejects a malformed one with its line number", () => {
    expect(questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    expect(() => parseGoldQuestions('{"id":"x"}')).toThrow(/line 1/);
  });

  it("matches the phrase after normalization (tone placement, case, spaces)", () => {
    const q = questions[0]!;
    const retrieved = [
      { source: "other.txt", text: "giảm được 06 đầu mối" },
      { source: "seed.txt", text: "… GIẢM   ĐƯỢC 06 đầu mối …" },
    ];
    expect(firstHitRank(q, retrieved)).toBe(2);
    expect(firstHitRank(q, [{ source: "seed.txt", text: "giảm 6 đầu mối" }])).toBeNull();
    expect(
      firstHitRank({ ...q, relevant: [{ source: "s.txt", contains: "nhất thể hoá" }] }, [
        { source: "s.txt", text: "Nhất thể hóa" },
      ]),
    ).toBe(1);
  });

  it("an empty phrase accepts any passage of the source", () => {
    expect(firstHitRank(questions[2]!, [{ source: "law.txt", text: "x" }])).toBe(1);
  });

  it("summarizes recall, MRR, answer hits and declines", () => {
    const summary = summarize(questions, [
      {
        id: "q1",
        retrieved: [
          { source: "x", text: "" },
          { source: "seed.txt", text: "giảm được 06 đầu mối" },
        ],
        answer: "giảm được 06 đầu mối [1]",
        declined: false,
        ms: 2,
      },
      { id: "q2", retrieved: [], answer: "Không tìm thấy", declined: true, ms: 1 },
      { id: "q3", retrieved: [{ source: "law.txt", text: "a" }], answer: "", declined: true, ms: 3 },
    ]);
    expect(summary["recall@1"]).toBe(0.5);
    expect(summary["recall@5"]).toBe(1);
    expect(summary["mrr@10"]).toBe(0.75);
    expect(summary.answer_hit).toBe(1);
    expect(summary.decline_accuracy).toBe(1);
    expect(summary.false_decline_rate).toBe(0.5);
    expect(summary.p95_ms).toBe(3);
    expect(answerContainsAll(questions[0]!, "không có")).toBe(false);
  });
});
