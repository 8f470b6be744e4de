import { describe, expect, it } from "vitest";
import {
  crossValidate,
  leadIsRight,
  learnableGroups,
  listwiseLoss,
  type RankingGroup,
  trainRanker,
} from "../../../src/eval/ranker-training.js";

/**
 * Questions whose right candidate is always the one with feature 1 high; feature 0 (the
 * composer's score) puts first a candidate that is right in every other question only.
 */
function groups(count: number): RankingGroup[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `q${i}`,
    candidates: [
      { features: [1, 0], positive: i % 2 === 0, answers: true },
      { features: [0.5, 1], positive: true, answers: true },
      { features: [0.2, 0], positive: false, answers: true },
    ],
  }));
}

describe("listwiseLoss", () => {
  it("has the gradient its loss has (finite differences)", () => {
    const data = groups(6);
    const weights = [0.3, -0.2];
    const { gradient } = listwiseLoss(weights, data, 0.1);
    const h = 1e-6;
    for (let k = 0; k < weights.length; k++) {
      const up = weights.map((w, i) => (i === k ? w + h : w));
      const down = weights.map((w, i) => (i === k ? w - h : w));
      const numeric = (listwiseLoss(up, data, 0.1).loss - listwiseLoss(down, data, 0.1).loss) / (2 * h);
      expect(gradient[k]).toBeCloseTo(numeric, 5);
    }
  });
});

describe("trainRanker", () => {
  it("learns to put the right candidate first", () => {
    const data = groups(20);
    expect(data.filter((g) => leadIsRight(g)).length).toBe(10);
    const weights = trainRanker(data, 2, { l2: 0.01, steps: 300, learningRate: 0.05 });
    expect(weights[1]).toBeGreaterThan(weights[0]!);
    expect(data.filter((g) => leadIsRight(g, weights)).length).toBe(20);
  });
});

describe("leadIsRight", () => {
  it("chooses among the candidates allowed to answer", () => {
    const group: RankingGroup = {
      id: "g",
      candidates: [
        { features: [5], positive: false, answers: false },
        { features: [1], positive: true, answers: true },
      ],
    };
    expect(leadIsRight(group)).toBe(true);
    expect(leadIsRight(group, [1])).toBe(true);
    expect(
      leadIsRight({ id: "h", candidates: group.candidates.map((c) => ({ ...c, answers: false })) }),
    ).toBe(false);
  });
});

describe("learnableGroups", () => {
  it("keeps groups with a right and a wrong candidate", () => {
    const all: RankingGroup[] = [
      { id: "a", candidates: [{ features: [1], positive: true, answers: true }] },
      { id: "b", candidates: [{ features: [1], positive: false, answers: true }] },
      ...groups(1),
    ];
    expect(learnableGroups(all).map((g) => g.id)).toEqual(["q0"]);
  });
});

describe("crossValidate", () => {
  it("judges each question by weights learned without it", () => {
    const data = groups(20);
    const fold = (id: string) => Number(id.slice(1)) % 5;
    const cv = crossValidate(data, 2, 5, fold, { l2: 0.01, steps: 300, learningRate: 0.05 });
    expect(cv.questions).toBe(20);
    expect(cv.given).toBe(0.5);
    expect(cv.learned).toBe(1);
  });

  it("learns from the extra groups in every fold", () => {
    const held = groups(4).map((g) => ({ ...g, id: `h${g.id}` }));
    const cv = crossValidate(held, 2, 4, (id) => Number(id.slice(2)) % 4, undefined, groups(20));
    expect(cv.learned).toBe(1);
  });
});
