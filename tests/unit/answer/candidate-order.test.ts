import { describe, expect, it } from "vitest";
import { detailCoverage, orderByRanker, RANKED_DEPTH } from "../../../src/answer/candidate-order.js";
import { RANKER_FEATURES } from "../../../src/answer/sentence-ranker.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const values = new Map([
  ["b:ke_hoach", 2],
  ["f:47", 2],
  ["f:ky", 1],
]);
const total = 5;

describe("detailCoverage", () => {
  it("is the question's share in the clause that holds the name asked", () => {
    const q = analyzeQuestion("Kế hoạch 47 ai ký?");
    const together = detailCoverage(
      q,
      "Kế hoạch 47 do đồng chí Lê Minh Hưng ký, ban hành năm 2025",
      values,
      total,
    );
    const apart = detailCoverage(
      q,
      "Kế hoạch 47 được ban hành, triển khai rộng rãi, nhiều nơi hưởng ứng, theo lời đồng chí Lê Minh Hưng",
      values,
      total,
    );
    expect(together).toBeGreaterThan(apart);
    expect(together).toBeLessThanOrEqual(1);
  });

  it("is 0 for a type that asks no detail", () => {
    expect(
      detailCoverage(analyzeQuestion("Kế hoạch 47 là gì?"), "Kế hoạch 47 do ông A ký", values, total),
    ).toBe(0);
  });
});

describe("orderByRanker", () => {
  const question = analyzeQuestion("Kế hoạch 47 ai ký?");
  const candidate = (i: number) => ({
    score: 100 - i,
    coverage: 0.5,
    rareCoverage: 0.5,
    prior: 1,
    evidence: false,
    focusNames: 0,
    passageIndex: i,
    sentenceIndex: 0,
    text: `câu số ${i}`,
    bigramCoverage: 0,
    folded: foldDiacritics(`câu số ${i}`),
  });
  // A model that prefers later passages: it reverses the order it is given.
  const reversing = {
    features: RANKER_FEATURES,
    weights: RANKER_FEATURES.map((name) => (name === "passage rank" ? -10 : 0)),
  };

  it("orders only the best candidates; the rest keep the score's order after them", () => {
    const candidates = Array.from({ length: RANKED_DEPTH + 5 }, (_, i) => candidate(i));
    orderByRanker(candidates, () => true, question, reversing, values);
    expect(candidates.map((c) => c.passageIndex)).toEqual([
      ...Array.from({ length: RANKED_DEPTH }, (_, i) => RANKED_DEPTH - 1 - i),
      ...Array.from({ length: 5 }, (_, i) => RANKED_DEPTH + i),
    ]);
  });

  it("keeps the order without a model", () => {
    const candidates = [candidate(0), candidate(1), candidate(2)];
    orderByRanker(candidates, () => true, question, undefined, values);
    expect(candidates.map((c) => c.passageIndex)).toEqual([0, 1, 2]);
  });
});
