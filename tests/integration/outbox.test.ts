import { Telegraf, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, pickPort, startEmulator } from "../../src/emulator/index.js";
import { installOutboxOnBot, type Outbox, type OutboxEvent } from "../../src/telegram/outbox/index.js";
import { launchBot, type RunningBot } from "../support/launch-bot.js";

const TOKEN = "777000:outbox-test-token";
let emulator: Emulator;
let bot: Telegraf;
let outbox: Outbox;
let running: RunningBot;
const events: OutboxEvent[] = [];
const handlerErrors: unknown[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: await pickPort() });
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: emulator.apiRoot } });
  outbox = installOutboxOnBot(bot, { baseDelayMs: 50, onEvent: (e) => events.push(e) });
  bot.on("text", async (ctx) => {
    try {
      await ctx.reply(`đáp: ${ctx.message.text}`);
    } catch (error) {
      handlerErrors.push(error);
    }
  });
  running = await launchBot(bot);
});

afterAll(async () => {
  await running.stop();
  await outbox.drain();
  await emulator.stop();
});

describe("outbox against the emulator", () => {
  it("delivers a reply after a 429, no sooner than retry_after", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 501, firstName: "Lan" });
    emulator.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const started = Date.now();
    await user.sendText("câu 1");
    const reply = await user.waitForBotMessage(undefined, 5000);
    const calls = emulator.recordedCalls("sendMessage").filter((c) => c.params.chat_id === 501);
    expect(reply.plainText).toBe("đáp: câu 1");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "flood", chatId: "501", retryAfterMs: 1000 }),
    );
  });

  it("delivers a reply after a 500 and after a dropped connection", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 502, firstName: "Minh" });
    emulator.failNext("sendMessage", { status: 500 });
    emulator.failNext("sendMessage", { network: "reset" });
    await user.sendText("câu 2");
    const reply = await user.waitForBotMessage(undefined, 5000);
    expect(reply.plainText).toBe("đáp: câu 2");
    const statuses = emulator
      .recordedCalls("sendMessage")
      .filter((c) => c.params.chat_id === 502)
      .map((c) => c.status);
    expect(statuses).toEqual([500, 0, 200]);
  });

  it("surfaces a 403 to the handler at once", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 503, firstName: "Hà" });
    emulator.failNext("sendMessage", { status: 403, description: "Forbidden: bot was blocked by the user" });
    const before = handlerErrors.length;
    await user.sendText("câu 3");
    await emulator.waitForCall("sendMessage", (c) => c.params.chat_id === 503);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handlerErrors.length).toBe(before + 1);
    const error = handlerErrors.at(-1);
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).code).toBe(403);
    expect(emulator.recordedCalls("sendMessage").filter((c) => c.params.chat_id === 503)).toHaveLength(1);
  });
});
