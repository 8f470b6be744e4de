import { rm } from "node:fs/promises";
import type { Update } from "telegraf/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AskService } from "../../src/answer/ask-service.js";
import type { Clock } from "../../src/clock.js";
import { startEmulator } from "../../src/emulator/index.js";
import { waitFor } from "../support/wait-for.js";
import { type BotHarness, CADRE, rows, startBotHarness } from "./bot-harness.js";

const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Telegram answering 429 / 5xx, redelivered updates, failing handlers, per-user rate limits. */
describe("bot under faults", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterEach(() => h.emulator.clearFaults());
  afterAll(async () => {
    await h?.close();
  });

  it("waits out a 429 for retry_after, then sends the same answer", async () => {
    const lan = h.user(CADRE);
    h.emulator.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const started = Date.now();
    await lan.sendText(QUESTION);
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const waited = Date.now() - started;
    expect(answer.plainText).toContain("📚 Nguồn");
    expect(waited).toBeGreaterThanOrEqual(950);
    const calls = h.emulator.recordedCalls("sendMessage").slice(-2);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[0]!.params.text).toBe(calls[1]!.params.text);
    expect(h.logs.some((l) => l.msg === "outbox flood" && l.retryAfterMs === 1000)).toBe(true);
    expect(lan.botMessages().filter((m) => m.plainText.includes("📚 Nguồn"))).toHaveLength(1);
  });

  it("retries a 5xx and a dropped connection", async () => {
    const lan = h.user(CADRE);
    const before = lan.botMessages().length;
    h.emulator.failNext("sendMessage", { status: 502 });
    await lan.sendText(QUESTION);
    await lan.waitForBotMessage(undefined, 20_000);
    h.emulator.failNext("sendMessage", { network: "reset" });
    await lan.sendText(QUESTION);
    await lan.waitForBotMessage(undefined, 20_000);
    expect(lan.botMessages().length).toBe(before + 2);
  });

  it("answers an update handed to it twice (webhook entry point) only once", async () => {
    const lan = h.user(CADRE);
    const countBefore = rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM bot_questions")[0]!.n;
    const sent = await lan.sendText(QUESTION);
    await lan.waitForBotMessage(undefined, 20_000);
    // The same update again (as Telegram redelivers after a lost confirmation).
    const duplicate = { update_id: sent.updateId!, message: sent.message } as Update;
    await h.app.bot.handleUpdate(duplicate);
    await sleep(300);
    const answers = lan.botMessages().filter((m) => m.replyToMessageId === sent.messageId);
    expect(answers).toHaveLength(1);
    expect(rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM bot_questions")[0]!.n).toBe(countBefore + 1);
    expect(h.logs.some((l) => l.msg === "duplicate update ignored" && l.update_id === sent.updateId)).toBe(
      true,
    );
  });
});

describe("an update the emulator delivers again after a restart", () => {
  it("is answered once, and the restarted bot goes on answering", async () => {
    const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    const token = `${emulator.botInfo.id}:redelivery`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inAsk = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = await startBotHarness({
      shared: { emulator, token },
      ask: (engine) => ({
        async ask(question, options) {
          entered();
          await gate;
          return engine.ask.ask(question, options);
        },
      }),
    });
    const lan = first.user(CADRE);
    const sent = await lan.sendText(QUESTION);
    await inAsk;
    // The fetch that would confirm the update (and the final offset sync on stop) fail:
    // the update stays pending, as when a bot dies right after answering.
    emulator.failNext("getUpdates", { status: 502 }, 1000);
    release();
    await lan.waitForBotMessage((m) => m.replyToMessageId === sent.messageId, 20_000);
    await first.close({ keepStore: true });
    emulator.clearFaults();
    expect(emulator.pendingUpdates(token).map((u) => u.update_id)).toContain(sent.updateId);

    const second = await startBotHarness({
      shared: { emulator, token },
      storeDir: first.storeDir,
      corpusDir: false,
    });
    try {
      await waitFor(
        () => second.logs.some((l) => l.msg === "duplicate update ignored" && l.update_id === sent.updateId),
        { timeoutMs: 10_000, what: "the redelivered update to be recognised" },
      );
      expect(lan.botMessages().filter((m) => m.replyToMessageId === sent.messageId)).toHaveLength(1);
      const next = await lan.sendText(QUESTION);
      await lan.waitForBotMessage((m) => m.replyToMessageId === next.messageId, 20_000);
      await waitFor(() => emulator.pendingUpdates(token).length === 0, {
        what: "every update to be confirmed",
      });
    } finally {
      await second.close();
      await emulator.stop();
      await rm(first.storeDir, { recursive: true, force: true });
    }
  }, 40_000);
});

describe("bot with a failing engine", () => {
  let h: BotHarness;
  beforeAll(async () => {
    const failing: AskService = {
      ask: async () => {
        throw new Error("index file is corrupt at /srv/secret/path");
      },
    };
    h = await startBotHarness({ corpusDir: false, ask: () => failing });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers 'Có lỗi, vui lòng thử lại.' and logs the error with the update id, no stack to the user", async () => {
    const lan = h.user(CADRE);
    const sent = await lan.sendText(QUESTION);
    const reply = await lan.waitForBotMessage();
    expect(reply.plainText).toBe("Có lỗi, vui lòng thử lại.");
    const logged = h.logs.find((l) => l.msg === "update failed");
    expect(logged).toMatchObject({ update_id: sent.updateId, chat: CADRE.id, user: CADRE.id });
    expect(JSON.stringify(logged?.err)).toContain("index file is corrupt");
    expect(lan.botMessages().some((m) => /corrupt|Error|at /.test(m.plainText))).toBe(false);
  });
});

describe("bot rate limit per user", () => {
  let h: BotHarness;
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset };
  beforeAll(async () => {
    h = await startBotHarness({
      corpusDir: false,
      documents: {
        "nhat-the.md": "# Quy định nhất thể hóa\n\nBí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp xã.",
      },
      settings: { rateLimitPerMinute: 2 },
      clock,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers up to the limit, then asks politely to wait (once), and answers again after a minute", async () => {
    const lan = h.user(CADRE);
    for (let i = 0; i < 2; i++) {
      await lan.sendText("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp nào?");
      expect((await lan.waitForBotMessage(undefined, 20_000)).plainText).toContain("Quy định nhất thể hóa");
    }
    await lan.sendText("Câu hỏi thứ ba?");
    const wait = await lan.waitForBotMessage();
    expect(wait.plainText).toMatch(/^Bạn đang hỏi hơi nhanh\. Vui lòng đợi khoảng \d+ giây/);
    const count = lan.botMessages().length;
    await lan.sendText("Câu hỏi thứ tư?");
    await sleep(300);
    expect(lan.botMessages().length).toBe(count);
    offset += 61_000;
    await lan.sendText("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp nào?");
    expect((await lan.waitForBotMessage(undefined, 20_000)).plainText).toContain("Quy định nhất thể hóa");
  });
});
