import type { AskResult, Citation } from "../../src/answer/types.js";

/** A citation with plausible defaults; override what the test is about. */
export function makeCitation(overrides: Partial<Citation> & { n: number }): Citation {
  return {
    docId: `doc-${overrides.n}`,
    source: `tai-lieu-${overrides.n}.pdf`,
    title: `Nghị quyết số ${overrides.n}`,
    number: `${overrides.n}-NQ/TW`,
    date: "2017-10-25",
    section: "Chương II › Điều 5",
    chunkId: `${String(overrides.n).padStart(2, "0")}${"ab".repeat(15)}`,
    text: "Thực hiện nhất thể hoá bí thư cấp uỷ đồng thời là chủ tịch uỷ ban nhân dân.",
    ...overrides,
  };
}

/** An answered (not declined) result citing `citations`. */
export function makeResult(
  answer: string,
  citations: Citation[],
  overrides: Partial<AskResult> = {},
): AskResult {
  return {
    question: "Nhất thể hoá là gì?",
    answer,
    mode: "extractive",
    declined: false,
    citations,
    retrieved: [],
    ms: 12.5,
    ...overrides,
  };
}
