import { describe, expect, it } from "vitest";
import type { AskOptions, AskService } from "../../../src/answer/ask-service.js";
import type { AskResult } from "../../../src/answer/types.js";
import { askGoldQuestion } from "../../../src/eval/ask-gold.js";
import { parseGoldQuestions } from "../../../src/eval/gold.js";

/** An ask service that records what it was asked and answers with the question's own words. */
function recordingAsk(): { ask: AskService; calls: Array<{ question: string; options?: AskOptions }> } {
  const calls: Array<{ question: string; options?: AskOptions }> = [];
  const ask: AskService = {
    async ask(question, options) {
      calls.push({ question, options });
      if (options?.timings) options.timings.retrieval = 1;
      return {
        question,
        answer: `đáp: ${question}`,
        mode: "extractive",
        declined: false,
        citations: [],
        retrieved: [],
        ms: 0,
      } satisfies AskResult;
    },
  };
  return { ask, calls };
}

describe("askGoldQuestion", () => {
  it("asks a follow-up as a reply to the answer its earlier question got", async () => {
    const [q] = parseGoldQuestions(
      `${JSON.stringify({ id: "fu-1", previous: "NQ 190 có hiệu lực từ ngày nào?", question: "do ai ký?", answer_any: ["Trần Thanh Mẫn"] })}\n`,
    );
    const { ask, calls } = recordingAsk();
    const timings = {};
    const { result } = await askGoldQuestion(ask, q!, { timings, k: 10 });
    expect(calls.map((c) => c.question)).toEqual(["NQ 190 có hiệu lực từ ngày nào?", "do ai ký?"]);
    expect(calls[1]!.options?.previous).toEqual({
      question: "NQ 190 có hiệu lực từ ngày nào?",
      answer: "đáp: NQ 190 có hiệu lực từ ngày nào?",
    });
    // Only the reply is timed: the earlier question got no timings to fill.
    expect(calls[0]!.options?.timings).toBeUndefined();
    expect(calls[1]!.options?.timings).toBe(timings);
    expect(result.question).toBe("do ai ký?");
  });

  it("asks a question without `previous` once, as it is", async () => {
    const [q] = parseGoldQuestions(
      `${JSON.stringify({ id: "q-1", question: "Đức Thọ giảm bao nhiêu đầu mối?" })}\n`,
    );
    const { ask, calls } = recordingAsk();
    await askGoldQuestion(ask, q!);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options?.previous).toBeUndefined();
  });
});
