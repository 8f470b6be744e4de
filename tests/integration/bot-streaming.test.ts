import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAskService } from "../../src/answer/ask-service.js";
import { createOpenAiChatModel } from "../../src/answer/openai-chat-model.js";
import { loadPrompts, type Prompts } from "../../src/answer/prompts.js";
import { type OpenAiWireServer, startOpenAiWireServer } from "../support/openai-wire-server.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";

let server: OpenAiWireServer;
let harness: BotHarness;
let prompts: Prompts;

beforeAll(async () => {
  server = await startOpenAiWireServer();
  prompts = await loadPrompts();
  harness = await startBotHarness({
    ask: (engine) =>
      createAskService({
        retriever: engine.retriever,
        chatModel: createOpenAiChatModel({
          apiKey: "sk-test-streaming-0000",
          baseURL: server.baseURL,
          model: "test-chat",
          timeoutMs: 10_000,
          maxRetries: 0,
        }),
        prompts,
      }),
  });
});
afterAll(async () => {
  await harness?.close();
  await server?.close();
});

describe("a streamed LLM answer in Telegram", () => {
  it("grows by throttled edits, then the final edit adds the checked answer, sources and buttons", async () => {
    // Learn how the prompt numbers the seed passage, so the scripted reply cites it.
    const probe = await harness.engine.retriever.search(QUESTION);
    const n = probe.hits.slice(0, 5).findIndex((h) => h.chunk.text.includes("giảm được 06 đầu mối")) + 1;
    expect(n).toBeGreaterThan(0);
    const pieces = [
      "Sau khi nhất thể hóa, ",
      "huyện Đức Thọ ",
      "giảm được ",
      "06 đầu mối ",
      "và 06 ",
      "cấp trưởng ",
      `[${n}].`,
    ];
    server.queueChat({ stream: pieces, delayMs: 400 });

    const lan = harness.user(CADRE);
    const started = Date.now();
    await lan.sendText(QUESTION);
    const final = await lan.waitForBotMessage((m) => m.plainText.includes("Nguồn"), 15_000);
    const elapsedS = (Date.now() - started) / 1000;

    expect(final.plainText).toContain("06 đầu mối");
    expect(final.plainText).toMatch(/\[1\]/);
    expect(final.replyMarkup).toBeTruthy();
    // One message that grew: the first draft was sent, then edited in place.
    const edits = harness.emulator
      .recordedCalls("editMessageText")
      .filter((c) => c.params.message_id === final.messageId);
    expect(edits.length).toBeGreaterThanOrEqual(2); // at least one draft edit + the final edit
    // At most about one edit per second while streaming, plus the final one.
    expect(edits.length).toBeLessThanOrEqual(Math.ceil(elapsedS) + 2);
    const times = edits.map((c) => c.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(900);
    // The draft was sent before the model finished: streaming, not one final message.
    expect(harness.emulator.chatActions(CADRE.id).length).toBeGreaterThan(0);

    // Token usage was logged with the question and is summed in /thongke.
    const admin = harness.user(ADMIN);
    await admin.sendCommand("thongke");
    const stats = await admin.waitForBotMessage((m) => m.plainText.includes("Thống kê"), 10_000);
    expect(stats.plainText).toMatch(/Mô hình ngôn ngữ: [\d.]+ token vào/);
  });
});
