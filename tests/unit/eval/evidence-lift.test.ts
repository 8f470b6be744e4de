import { describe, expect, it } from "vitest";
import { answerSentence, associations, evidenceTerms, liftByGroup } from "../../../src/eval/evidence-lift.js";

describe("evidenceTerms", () => {
  it("keeps folded syllables and bigrams, not exact forms or terms with digits", () => {
    const terms = evidenceTerms("Phạt tiền từ 200.000 đồng theo Nghị định 168");
    expect(terms).toContain("f:phat");
    expect(terms).toContain("b:phat_tien");
    expect(terms).toContain("f:dong");
    expect([...terms].some((t) => t.startsWith("w:"))).toBe(false);
    expect([...terms].some((t) => /\d/u.test(t))).toBe(false);
  });
});

describe("answerSentence", () => {
  const section = `Căn cứ khoản 1 Điều 5 Luật Đất đai 2024 quy định như sau:

1. Người sử dụng đất có quyền ...

**Như vậy, **người sử dụng đất được bồi thường khi Nhà nước thu hồi đất.`;

  it("takes the first sentence, or the first that concludes", () => {
    expect(answerSentence(section, "first")).toBe(
      "Căn cứ khoản 1 Điều 5 Luật Đất đai 2024 quy định như sau:",
    );
    expect(answerSentence(section, "conclusion")).toBe(
      "Như vậy, người sử dụng đất được bồi thường khi Nhà nước thu hồi đất.",
    );
  });

  it("is empty when no sentence concludes", () => {
    expect(answerSentence("Căn cứ Điều 5.", "conclusion")).toBe("");
    expect(answerSentence("", "first")).toBe("");
  });
});

describe("liftByGroup", () => {
  // 100 samples: group A (20) has "x" in 15, group B (80) has "x" in 5; "y" is everywhere.
  const samples = [
    ...Array.from({ length: 20 }, (_, i) => ({ group: "A", terms: new Set(i < 15 ? ["x", "y"] : ["y"]) })),
    ...Array.from({ length: 80 }, (_, i) => ({ group: "B", terms: new Set(i < 5 ? ["x", "y"] : ["y"]) })),
  ];

  it("ranks terms by P(term | group) / P(term), among terms seen often enough", () => {
    const lifts = liftByGroup(samples, { minCount: 5, top: 10 });
    // x: 15/20 over 20/100 = 3.75; y: 1.
    expect(lifts.get("A")).toEqual([
      { term: "x", lift: 3.75, count: 15 },
      { term: "y", lift: 1, count: 20 },
    ]);
    // In B, x: 5/80 over 20/100 = 0.3125, below y.
    expect(lifts.get("B")!.map((t) => t.term)).toEqual(["y", "x"]);
  });

  it("leaves out terms under the minimum count and keeps the top n", () => {
    expect(
      liftByGroup(samples, { minCount: 6, top: 10 })
        .get("B")!
        .map((t) => t.term),
    ).toEqual(["y"]);
    expect(liftByGroup(samples, { minCount: 1, top: 1 }).get("A")).toHaveLength(1);
  });
});

describe("associations", () => {
  // 40 questions with "q" whose answers have "a" in 30; 60 without "q", "a" in 6.
  const pairs = [
    ...Array.from({ length: 40 }, (_, i) => ({
      question: new Set(["q"]),
      answer: new Set(i < 30 ? ["a"] : ["b"]),
    })),
    ...Array.from({ length: 60 }, (_, i) => ({
      question: new Set(["r"]),
      answer: new Set(i < 6 ? ["a"] : ["b"]),
    })),
  ];

  it("gives the answer words over-represented after a question word", () => {
    const map = associations(pairs, { minCount: 5, top: 5, topQuestions: 10 });
    // a after q: 30/40 over 36/100 ≈ 2.08.
    expect(map.get("q")![0]).toEqual({ term: "a", lift: 2.08, count: 30 });
    expect(map.get("r")!.map((t) => t.term)).toEqual(["b", "a"]);
  });

  it("does not count an answer word the question itself has", () => {
    const echo = Array.from({ length: 50 }, () => ({
      question: new Set(["q", "a"]),
      answer: new Set(["a", "c"]),
    }));
    const map = associations([...echo, ...pairs], { minCount: 5, top: 5, topQuestions: 10 });
    expect(map.get("q")!.find((t) => t.term === "a")!.count).toBe(30);
  });

  it("keeps question words by their best lift, at most topQuestions", () => {
    const map = associations(pairs, { minCount: 5, top: 5, topQuestions: 1 });
    expect([...map.keys()]).toEqual(["q"]);
  });
});
