import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({
    ask: (engine) => ({
      async ask(question, options) {
        // A slow answer, as an LLM would give: the engine's answer after 5 s.
        if (question.includes("chậm")) await new Promise((resolve) => setTimeout(resolve, 5000));
        return engine.ask.ask(question.replace("chậm", ""), options);
      },
    }),
  });
});
afterAll(async () => {
  await harness?.close();
});

describe("long polling with a slow answer", () => {
  it("does not hold up other chats: a later question is answered first", async () => {
    const slow = harness.user(CADRE);
    const quick = harness.user(ADMIN);
    await slow.sendText("chậm Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await quick.sendText("Ai trao Quyết định sáp nhập Ban Tổ chức Huyện ủy với Phòng Nội vụ?");
    const quickAnswer = await quick.waitForBotMessage((m) => m.plainText.includes("Nguồn"), 10_000);
    const quickMs = Date.now() - started;
    expect(quickAnswer.plainText).toContain("Lê Đình Sơn");
    expect(quickMs).toBeLessThan(3500);
    // The slow answer still arrives, afterwards.
    const slowAnswer = await slow.waitForBotMessage((m) => m.plainText.includes("Nguồn"), 15_000);
    expect(slowAnswer.plainText).toContain("06");
  });
});
