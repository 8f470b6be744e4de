import { describe, expect, it } from "vitest";
import { createAskService } from "../../../src/answer/ask-service.js";
import type { OfficialAnswerLookup } from "../../../src/answer/official-match.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import type { Retriever, SearchOptions } from "../../../src/retrieval/retriever.js";
import { makePassage } from "../../support/passage.js";

describe("ask service with official answers", () => {
  const lookup: OfficialAnswerLookup = {
    match: (q) =>
      q.includes("đầu mối")
        ? {
            official: { id: 7, answer: "06 đầu mối.", updatedAt: 5_000, sources: [{ docId: "doc-d1" }] },
            similarity: 0.8,
          }
        : null,
  };
  const searches: Array<{ question: string; options?: SearchOptions }> = [];
  const retriever: Retriever = {
    async search(question, options) {
      searches.push({ question, ...(options ? { options } : {}) });
      return {
        hits: [{ ...makePassage("d1", "Huyện giảm được 06 đầu mối."), matchedTerms: [] }],
        confidence: 0,
        plan: planLexicalQuery(question),
        method: "lexical",
        termValues: new Map(),
      };
    },
  };
  const ask = createAskService({ retriever, official: lookup });

  it("answers with the official text first, citing passages of its documents only", async () => {
    const result = await ask.ask("Đức Thọ giảm mấy đầu mối?");
    expect(result).toMatchObject({ mode: "official", answer: "06 đầu mối.", declined: false });
    expect(result.official).toEqual({ id: 7, updatedAt: 5_000, similarity: 0.8 });
    expect(result.citations.map((c) => [c.n, c.docId])).toEqual([[1, "doc-d1"]]);
    expect(searches.at(-1)?.options?.filter).toEqual({ docIds: ["doc-d1"] });
  });

  it("a follow-up, a greeting and an unmatched question take the usual path", async () => {
    const followUp = await ask.ask("còn đầu mối thì sao?", { previous: { question: "q", answer: "a" } });
    expect(followUp.mode).not.toBe("official");
    expect((await ask.ask("xin chào")).mode).toBe("conversation");
    expect((await ask.ask("Nghị định 178 áp dụng cho ai?")).mode).not.toBe("official");
  });
});
