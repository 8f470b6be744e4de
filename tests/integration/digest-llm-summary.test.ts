import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiChatModel } from "../../src/answer/openai-chat-model.js";
import { loadPrompts } from "../../src/answer/prompts.js";
import { summarizeChanges } from "../../src/digest/gather.js";
import { createLlmSummarizer } from "../../src/digest/llm-summary.js";
import { toIndexedChunks } from "../../src/ingest/index-chunks.js";
import { createMemoryStore } from "../support/memory-store.js";
import { type OpenAiWireServer, startOpenAiWireServer } from "../support/openai-wire-server.js";

let server: OpenAiWireServer;
beforeAll(async () => {
  server = await startOpenAiWireServer();
});
afterAll(async () => {
  await server.close();
});

describe("digest summaries from the LLM", () => {
  it("uses a cited, supported summary (markers removed) and falls back to the extractive one otherwise", async () => {
    const store = createMemoryStore();
    const title = "Kết luận 126-KL/TW";
    const text =
      "Bộ Chính trị yêu cầu hoàn thành sắp xếp tổ chức bộ máy của hệ thống chính trị trong năm 2025. " +
      "Các cấp ủy rà soát chức năng, nhiệm vụ để tránh chồng chéo.";
    await store.upsertDocument(
      {
        docId: "kl126",
        source: "kl126.md",
        title,
        kind: "Kết luận",
        number: "126-KL/TW",
        issuer: "Bộ Chính trị",
        date: "2025-02-14",
        format: "md",
        contentHash: "h",
        pages: null,
      },
      toIndexedChunks("kl126", title, [{ text, headingPath: [], position: 0 }]),
    );
    const summarize = createLlmSummarizer(
      createOpenAiChatModel({
        apiKey: "sk-test-digest-0000",
        baseURL: server.baseURL,
        model: "test-chat",
        maxRetries: 0,
      }),
      await loadPrompts(),
    );
    server.queueChat({
      reply:
        "Kết luận 126-KL/TW yêu cầu hoàn thành sắp xếp tổ chức bộ máy hệ thống chính trị trong năm 2025 [1].",
    });
    const good = await summarizeChanges(store, ["kl126"], { summarize });
    expect(good.get("kl126")?.text).toBe(
      "Kết luận 126-KL/TW yêu cầu hoàn thành sắp xếp tổ chức bộ máy hệ thống chính trị trong năm 2025.",
    );
    expect(JSON.stringify(server.chatRequests()[0]!.body.messages)).toContain("<<<PASSAGE 1");

    server.queueChat({ reply: "Một văn bản rất quan trọng về nhiều vấn đề." });
    const fallback = await summarizeChanges(store, ["kl126"], { summarize });
    expect(fallback.get("kl126")?.text).toContain("Bộ Chính trị yêu cầu hoàn thành sắp xếp");

    // Issue 17: the same check as answers. An invented sentence is removed...
    server.queueChat({
      reply:
        "Kết luận 126-KL/TW yêu cầu hoàn thành sắp xếp tổ chức bộ máy hệ thống chính trị trong năm 2025 [1]. " +
        "Văn bản do Thủ tướng Phạm Minh Chính ký ngày 20/3/2025 [1].",
    });
    const trimmed = await summarizeChanges(store, ["kl126"], { summarize });
    expect(trimmed.get("kl126")?.text).toBe(
      "Kết luận 126-KL/TW yêu cầu hoàn thành sắp xếp tổ chức bộ máy hệ thống chính trị trong năm 2025.",
    );
    // ... and a changed year in the main claim gives the extractive summary.
    server.queueChat({
      reply:
        "Kết luận 126-KL/TW yêu cầu hoàn thành sắp xếp tổ chức bộ máy hệ thống chính trị trong năm 2026 [1].",
    });
    const replaced = await summarizeChanges(store, ["kl126"], { summarize });
    expect(replaced.get("kl126")?.text).not.toContain("2026");
    expect(replaced.get("kl126")?.text).toContain("Bộ Chính trị yêu cầu hoàn thành sắp xếp");
  });
});
