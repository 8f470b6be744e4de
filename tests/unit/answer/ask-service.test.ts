import { describe, expect, it } from "vitest";
import { createAskService } from "../../../src/answer/ask-service.js";
import type { ChatModel } from "../../../src/answer/chat-model.js";
import { answerMessages, conversationReplies } from "../../../src/answer/messages.js";
import { loadPrompts } from "../../../src/answer/prompts.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import type { RetrievalResult, Retriever } from "../../../src/retrieval/retriever.js";

/** A retriever that finds nothing and records what it was asked. */
function recordingRetriever(): Retriever & { searched: string[] } {
  const searched: string[] = [];
  return {
    searched,
    async search(question): Promise<RetrievalResult> {
      searched.push(question);
      return {
        hits: [],
        confidence: 0,
        plan: planLexicalQuery(question),
        method: "lexical",
        termValues: new Map(),
      };
    },
  };
}

/** A chat model that must not be called: it records and fails. */
function untouchableModel(): ChatModel & { calls: number } {
  const model = {
    model: "never",
    calls: 0,
    async complete(): Promise<never> {
      model.calls++;
      throw new Error("the model was called");
    },
  };
  return model;
}

describe("ask service: conversation before retrieval", () => {
  it("a greeting gets the greeting reply, mode conversation, without any search", async () => {
    const retriever = recordingRetriever();
    const result = await createAskService({ retriever }).ask("  xin chào  ");
    expect(result).toMatchObject({
      question: "xin chào",
      answer: conversationReplies.greeting,
      mode: "conversation",
      declined: false,
      citations: [],
      retrieved: [],
    });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(retriever.searched).toEqual([]);
  });

  it("each kind gets its own reply (without diacritics too)", async () => {
    const ask = createAskService({ retriever: recordingRetriever() });
    expect((await ask.ask("cam on bot")).answer).toBe(conversationReplies.thanks);
    expect((await ask.ask("Bạn tên là gì?")).answer).toBe(conversationReplies.about);
    expect((await ask.ask("bot tra loi sai roi")).answer).toBe(conversationReplies.complaint);
    expect((await ask.ask("huong dan su dung")).answer).toBe(conversationReplies.help);
  });

  it("in reply to an answer, 'cảm ơn' and 'sai rồi' are still conversation: no rewrite, no search", async () => {
    const retriever = recordingRetriever();
    const model = untouchableModel();
    const ask = createAskService({ retriever, chatModel: model, prompts: await loadPrompts() });
    const previous = { question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", answer: "06 đầu mối [1]." };
    expect((await ask.ask("cảm ơn", { previous })).mode).toBe("conversation");
    expect((await ask.ask("sai rồi", { previous })).answer).toBe(conversationReplies.complaint);
    expect(model.calls).toBe(0);
    expect(retriever.searched).toEqual([]);
  });

  it("a real question with conversational words goes to retrieval", async () => {
    const retriever = recordingRetriever();
    const ask = createAskService({ retriever });
    const question = "bạn cho hỏi Nghị định 178 áp dụng cho ai";
    const result = await ask.ask(question);
    expect(retriever.searched).toEqual([question]);
    expect(result).toMatchObject({ mode: "extractive", declined: true, answer: answerMessages.notFound });
  });
});
