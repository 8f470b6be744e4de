import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAskService, SURE_CONFIDENCE } from "../../../src/answer/ask-service.js";
import type { ChatModel } from "../../../src/answer/chat-model.js";
import { quotedFragments } from "../../../src/answer/leave-out-quoted.js";
import { answerMessages, conversationReplies } from "../../../src/answer/messages.js";
import { loadPrompts } from "../../../src/answer/prompts.js";
import { syncCorpusDir } from "../../../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../../../src/engine.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import type { RetrievalResult, Retriever } from "../../../src/retrieval/retriever.js";
import { makePassage } from "../../support/passage.js";

const silent = pino({ level: "silent" });

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
    // The retriever finds nothing, so not even the decree it names.
    expect(result).toMatchObject({
      mode: "extractive",
      declined: true,
      answer: answerMessages.documentNotFound("Nghị định 178"),
    });
  });
});

/** A retriever that finds one passage, as sure of it as `confidence`. */
function onePassageRetriever(text: string, confidence: number): Retriever {
  return {
    async search(question): Promise<RetrievalResult> {
      const plan = planLexicalQuery(question);
      return {
        hits: [
          { ...makePassage("p1", text, { title: "Hỏi đáp sắp xếp đơn vị hành chính" }), matchedTerms: [] },
        ],
        confidence,
        plan,
        method: "lexical",
        termValues: new Map(plan.terms.map((t) => [t.term, t.weight])),
      };
    },
  };
}

describe("ask service: how sure retrieval must be", () => {
  const text = "Sau sắp xếp, người dân được cấp đổi thẻ căn cước từ ngày 01/7/2025 nếu có nhu cầu.";

  it("a yes/no question is held to the full threshold: 'có', 'được' are in nearly every sentence", async () => {
    const ask = (confidence: number) =>
      createAskService({ retriever: onePassageRetriever(text, confidence) }).ask(
        "Sau sắp xếp người dân có được cấp đổi thẻ căn cước không?",
      );
    expect((await ask(0.32)).declined).toBe(true);
    expect((await ask(0.4)).declined).toBe(false);
  });

  it("a sentence only sharing the words of a question asking for something needs retrieval sure of it", async () => {
    // "những giấy tờ gì" asks a list; the sentence lists nothing, only shares the words.
    const ask = (confidence: number) =>
      createAskService({ retriever: onePassageRetriever(text, confidence) }).ask(
        "Sau sắp xếp người dân cần cấp đổi thẻ căn cước ở những cơ quan nào?",
      );
    expect((await ask(0.5)).declined).toBe(true);
    expect((await ask(SURE_CONFIDENCE)).declined).toBe(false);
  });

  it("a date question whose date is found needs less", async () => {
    const result = await createAskService({ retriever: onePassageRetriever(text, 0.32) }).ask(
      "Người dân được cấp đổi thẻ căn cước từ ngày nào?",
    );
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("01/7/2025");
  });

  it("a sentence on where the very name asked comes from needs less still", async () => {
    const origin =
      "Việc đặt tên phường Bạch Đằng theo sông Bạch Đằng gắn với 3 trận thủy chiến lừng lẫy trong lịch sử.";
    const ask = (confidence: number, text = origin) =>
      createAskService({ retriever: onePassageRetriever(text, confidence) }).ask(
        "Vì sao phường mới ở Thủy Nguyên cũ lại đặt tên là Bạch Đằng?",
      );
    expect((await ask(0.25)).declined).toBe(false);
    expect((await ask(0.15)).declined).toBe(true);
    // A sentence naming it without its origin is no such evidence.
    expect((await ask(0.25, "Phường Bạch Đằng có diện tích 20 km² và 50.000 dân.")).declined).toBe(true);
  });
});

describe("ask service: where", () => {
  it("a sentence without a place does not answer 'ở đâu', however sure retrieval is; 'nhập thành xã nào' is not held to it", async () => {
    const ask = (text: string, question = "TAND khu vuc 4 tinh Lam Dong dat tru so o dau") =>
      createAskService({ retriever: onePassageRetriever(text, 0.95) }).ask(question);
    const listOnly = "Tòa án nhân dân khu vực 4 - tỉnh Lâm Đồng phụ trách 16 đơn vị hành chính cấp xã.";
    expect((await ask(listOnly)).declined).toBe(true);
    const address = await ask(
      "Tòa án nhân dân khu vực 4 - tỉnh Lâm Đồng đặt trụ sở tại số 5 Trần Phú, phường 1 Bảo Lộc.",
    );
    expect(address.declined).toBe(false);
    expect(address.answer).toContain("Trần Phú");
  });
});

describe("ask service: who holds a post", () => {
  it("a sentence without a person's name does not answer 'X là ai', however sure retrieval is", async () => {
    const ask = (text: string) =>
      createAskService({ retriever: onePassageRetriever(text, 0.95) }).ask(
        "Giám đốc Sở Nội vụ Thành phố Hồ Chí Minh hiện nay là ai?",
      );
    const noName = await ask(
      "Riêng Thành phố Hồ Chí Minh được tăng thêm không quá 10 Phó Giám đốc Sở Nội vụ so với quy định chung.",
    );
    expect(noName.declined).toBe(true);
    const named = await ask("Giám đốc Sở Nội vụ Thành phố Hồ Chí Minh là ông Võ Ngọc Quốc Thuận.");
    expect(named.declined).toBe(false);
    expect(named.answer).toContain("Võ Ngọc Quốc Thuận");
  });

  it("a sentence without a signer does not answer 'ai ký', however sure retrieval is", async () => {
    const ask = (text: string) =>
      createAskService({ retriever: onePassageRetriever(text, 0.95) }).ask("Kết luận 127 ai ký?");
    const noSigner = await ask(
      "Kết luận 127-KL/TW giao Quân ủy Trung ương căn cứ Kết luận số 126-KL/TW chủ trì xây dựng kế hoạch sắp xếp.",
    );
    expect(noSigner.declined).toBe(true);
    const signed = await ask(
      "Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký Kết luận 127-KL/TW ngày 28/2/2025.",
    );
    expect(signed.declined).toBe(false);
    expect(signed.answer).toContain("Tô Lâm");
  });
});

describe("ask service: follow-ups without a model", () => {
  const QUESTION = "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?";
  let dir: string;
  let engine: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ask-follow-up-"));
    engine = await createEngine({ STORE_DIR: dir }, silent);
    await syncCorpusDir({ dir: "data/corpus", store: engine.store, indexer: engine.indexer, logger: silent });
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a message asking two things is answered on both, each by its own sentence", async () => {
    const result = await engine.ask.ask(
      "Đức Thọ giảm được bao nhiêu đầu mối, ai trao quyết định sáp nhập Ban Tổ chức với Phòng Nội vụ?",
    );
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("06 đầu mối");
    expect(result.answer).toContain("Lê Đình Sơn");
  });

  it("adds each stage's cost to the timings it is given (the scale bench reads them)", async () => {
    const timings: Record<string, number> = {};
    const result = await engine.ask.ask(QUESTION, { timings });
    expect(result.declined).toBe(false);
    for (const stage of [
      "retrieval",
      "named documents",
      "near-duplicates",
      "confidence",
      "document context",
      "sentence choice",
    ]) {
      expect(timings[stage], stage).toBeGreaterThanOrEqual(0);
    }
    const sum = Object.values(timings).reduce((s, ms) => s + ms, 0);
    expect(sum).toBeLessThanOrEqual(result.ms + 1);
  });

  it("times the validity path too: what the documents say of one another, then retrieval", async () => {
    const timings: Record<string, number> = {};
    const result = await engine.ask.ask("NĐ 178 còn hiệu lực không?", { timings });
    expect(result.declined).toBe(false);
    expect(timings.validity, "validity").toBeGreaterThanOrEqual(0);
    expect(timings.retrieval, "retrieval").toBeGreaterThanOrEqual(0);
    expect(timings["sentence choice"]).toBeUndefined();
  });

  it("searches the reading of the reply: 'còn Hà Nội?' asks the previous question of Hà Nội", async () => {
    const retriever = recordingRetriever();
    const previous = { question: QUESTION, answer: "… [1]" };
    const result = await createAskService({ retriever }).ask("còn Hà Nội?", { previous });
    expect(retriever.searched).toEqual(["Khó khăn khi thực hiện nhất thể hóa ở Hà Nội là gì?"]);
    expect(result.question).toBe("còn Hà Nội?");
  });

  it("'giải thích rõ hơn' answers with what the first answer left out, none of its sentences again", async () => {
    const first = await engine.ask.ask(QUESTION);
    expect(first.declined).toBe(false);
    const previous = { question: QUESTION, answer: first.answer };
    for (const reply of ["giải thích rõ hơn", "giai thich ro hon"]) {
      const more = await engine.ask.ask(reply, { previous });
      expect(more).toMatchObject({ question: reply, declined: false, mode: "extractive" });
      expect(more.answer).not.toBe(first.answer);
      for (const fragment of quotedFragments(first.answer)) expect(more.answer).not.toContain(fragment);
      // The rest of the sentence the first answer cut short: the other difficulties.
      expect(more.answer).toContain("gây áp lực");
      // The source button still shows the passage in full, the quoted part included.
      const cited = more.citations[0]!;
      const passage = first.citations.find((c) => c.chunkId === cited.chunkId);
      expect(passage?.text).toBe(cited.text);
      expect(cited.text).toContain(quotedFragments(first.answer)[0]);
    }
  });

  it("'còn lợi ích thì sao?' answers on the benefits instead of the difficulties", async () => {
    const first = await engine.ask.ask(QUESTION);
    const shifted = await engine.ask.ask("còn lợi ích thì sao?", {
      previous: { question: QUESTION, answer: first.answer },
    });
    expect(shifted).toMatchObject({ question: "còn lợi ích thì sao?", declined: false });
    expect(shifted.answer).not.toBe(first.answer);
    expect(shifted.answer).toContain("tinh gọn");
    expect(shifted.answer).not.toContain("vướng mắc");
  });
});
