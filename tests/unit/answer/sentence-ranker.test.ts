import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import {
  learnedRanker,
  RANKER_FEATURES,
  type RankerInput,
  type RankerTraceRow,
  rankerFeatures,
  rankerScore,
  rankerTrace,
  sharedRunOf,
  topTerms,
} from "../../../src/answer/sentence-ranker.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";
import { makePassage } from "../../support/passage.js";

const fold = (text: string) => foldDiacritics(text.toLowerCase());

const input: RankerInput = {
  score: 2,
  bestScore: 4,
  coverage: 0.5,
  rareCoverage: 1 / 3,
  prior: 1,
  evidence: true,
  focusNames: 3,
  answers: false,
  passageIndex: 0,
  sentenceIndex: 2,
  words: 20,
  text: "… được hưởng phụ cấp là 561.600 đồng:",
  bigramCoverage: 0.25,
  sharedRun: 6,
  type: "bao_nhieu",
  detailCoverage: 0.5,
};

describe("sharedRunOf", () => {
  const run = sharedRunOf(fold("Ban Chấp hành Trung ương khóa XII được Đại hội bầu ra ngày nào"));

  it("finds the longest run of the question's words in the question's order", () => {
    expect(run(fold("Ủy ban Kiểm tra được Ban Chấp hành bầu ra ngày 27/1/2016"))).toBe(3);
    expect(run(fold("được bầu ra ngày hôm qua"))).toBe(3);
  });

  it("does not count words out of order or a run of question words alone", () => {
    expect(run(fold("hành chấp ban"))).toBe(1);
    expect(sharedRunOf("la gi co")(fold("là gì có"))).toBe(0);
  });

  it("reads sentences one after another as a plain count of runs would", () => {
    // The longest run by brute force, question words alone not counted.
    const plain = (question: string, sentence: string) => {
      const q = question.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const w = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      let best = 0;
      for (let i = 0; i < w.length; i++)
        for (let j = 0; j < q.length; j++) {
          let length = 0;
          while (i - length >= 0 && j - length >= 0 && w[i - length] === q[j - length]) length++;
          const content = q
            .slice(j - length + 1, j + 1)
            .some((x) => !["la", "gi", "co", "ai", "nao"].includes(x));
          if (length > best && content) best = length;
        }
      return Math.min(4, best);
    };
    const question = "ai la chu tich ubnd tinh co gi nao la chu tich";
    const shared = sharedRunOf(question);
    const words = fc.constantFrom("ai", "la", "chu", "tich", "ubnd", "tinh", "co", "gi", "nao", "xa", "𝐀");
    const gaps = fc.constantFrom(" ", ", ", "-", "  ", "/");
    const sentence = fc
      .array(fc.tuple(gaps, words), { maxLength: 16 })
      .map((parts) => parts.map(([gap, word]) => gap + word).join(""));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sentences) => {
        for (const text of sentences) expect(shared(text)).toBe(plain(question, text));
      }),
      { numRuns: 1000 },
    );
  });

  it("counts at most four words, question words within a run too", () => {
    expect(run(fold("Ban Chấp hành Trung ương khóa XII được Đại hội"))).toBe(4);
    expect(run(fold("bầu ra ngày nào"))).toBe(4);
  });
});

describe("rankerFeatures", () => {
  it("reads one value a feature, each in its place", () => {
    const features = rankerFeatures(input);
    expect(features).toHaveLength(RANKER_FEATURES.length);
    const at = (name: (typeof RANKER_FEATURES)[number]) => features[RANKER_FEATURES.indexOf(name)];
    expect(at("relative score")).toBe(0.5);
    expect(at("focus names")).toBe(1);
    expect(at("answers")).toBe(0);
    expect(at("first passage")).toBe(1);
    expect(at("first sentence")).toBe(0);
    expect(at("has digits")).toBe(1);
    expect(at("announces a list")).toBe(1);
    expect(at("trimmed")).toBe(1);
    expect(at("longest shared run")).toBe(1);
  });

  it("scores by the model's weights", () => {
    const weights = RANKER_FEATURES.map((name) => (name === "relative score" ? 2 : 0));
    expect(rankerScore(rankerFeatures(input), { features: RANKER_FEATURES, weights })).toBe(1);
  });
});

describe("learnedRanker", () => {
  it("the committed model was learned on these features", () => {
    const model = learnedRanker();
    expect(model?.features).toEqual([...RANKER_FEATURES]);
    expect(model?.weights.some((w) => w !== 0)).toBe(true);
  });
});

describe("topTerms", () => {
  it("takes the most valuable terms", () => {
    expect(
      topTerms(
        new Map([
          ["a", 1],
          ["b", 3],
          ["c", 2],
          ["d", 0.5],
        ]),
        2,
      ),
    ).toEqual(["b", "c"]);
  });
});

describe("the composer with the ranker", () => {
  const q = "phụ cấp chức vụ của chỉ huy trưởng BCHQS xã theo NĐ 16/2025 là bao nhiêu?";
  const values = new Map(
    planLexicalQuery(q)
      .terms.filter((t) => !t.term.startsWith("w:"))
      .map((t) => [t.term, t.weight]),
  );
  const passages = [
    makePassage(
      "village",
      "Trường hợp thôn tổ chức tổ dân quân tại chỗ thì được hưởng thêm 100% phụ cấp chức vụ của tiểu đội trưởng 298.000 đồng. " +
        "Thôn đội trưởng được hưởng phụ cấp chức vụ là 280.800 đồng.",
      { title: "Phụ cấp dân quân theo Nghị định 16/2025/NĐ-CP", number: "16/2025/NĐ-CP" },
    ),
    makePassage(
      "commune",
      "Theo quy định mới, Chỉ huy trưởng, Chính trị viên Ban Chỉ huy quân sự cấp xã được hưởng phụ cấp là 561.600 đồng.",
      { title: "Phụ cấp Ban Chỉ huy quân sự cấp xã", number: "16/2025/NĐ-CP" },
    ),
  ];

  it("reports every candidate with its features to a listener", () => {
    const rows: RankerTraceRow[] = [];
    rankerTrace.observe = (row) => rows.push(row);
    try {
      composeExtractiveAnswer(passages, values, DEFAULT_EXTRACTIVE_OPTIONS, new Map(), analyzeQuestion(q));
    } finally {
      rankerTrace.observe = undefined;
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]!.candidates.length).toBeGreaterThanOrEqual(3);
    for (const c of rows[0]!.candidates) expect(c.features).toHaveLength(RANKER_FEATURES.length);
    expect(rows[0]!.candidates.some((c) => c.text.includes("561.600"))).toBe(true);
  });

  it("leads with the candidate the ranker puts first", () => {
    const only = (name: (typeof RANKER_FEATURES)[number], weight: number) => ({
      features: RANKER_FEATURES,
      weights: RANKER_FEATURES.map((n) => (n === name ? weight : 0)),
    });
    const lead = (ranker: ReturnType<typeof only>) =>
      composeExtractiveAnswer(
        passages,
        values,
        { ...DEFAULT_EXTRACTIVE_OPTIONS, ranker },
        new Map(),
        analyzeQuestion(q),
      ).answer.split(" [")[0];
    // All three sentences hold an amount; where they sit decides under these two models.
    expect(lead(only("first passage", 1))).not.toContain("561.600");
    expect(lead(only("first passage", -1))).toContain("561.600");
  });
});
