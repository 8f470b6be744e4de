import { Telegraf, Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import {
  classifyFailure,
  createOutbox,
  installOutbox,
  installOutboxOnBot,
  type OutboxEvent,
  type OutboxOptions,
  outboxOf,
  SlidingWindow,
} from "../../../../src/telegram/outbox/index.js";
import { FakeTelegramError, networkError } from "../../../support/fake-telegram.js";
import { createFakeTime, type FakeTime } from "../../../support/fake-time.js";

interface Sent {
  method: string;
  chatId: unknown;
  text: unknown;
  at: number;
}

/** A scripted Bot API: each call takes the next scripted outcome for its method, else succeeds. */
function createTransport(time: FakeTime) {
  const sent: Sent[] = [];
  const scripts = new Map<string, Array<Error>>();
  return {
    sent,
    failNext(method: string, ...errors: Error[]) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...errors]);
    },
    call(method: string, payload: Record<string, unknown>): Promise<{ ok: true; n: number }> {
      sent.push({ method, chatId: payload.chat_id, text: payload.text, at: time.now() });
      const error = scripts.get(method)?.shift();
      return error ? Promise.reject(error) : Promise.resolve({ ok: true, n: sent.length });
    },
  };
}

function setup(options: OutboxOptions = {}) {
  const time = createFakeTime();
  const events: OutboxEvent[] = [];
  const outbox = createOutbox({
    clock: time,
    sleep: (ms) => time.sleep(ms),
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...options,
  });
  const transport = createTransport(time);
  const send = (method: string, payload: Record<string, unknown>) =>
    outbox.send({ method, payload }, () => transport.call(method, payload));
  return { time, outbox, transport, send, events, t0: time.now() };
}

describe("SlidingWindow", () => {
  it("lets max events through per window and tells when the next one fits", () => {
    const w = new SlidingWindow({ max: 2, windowMs: 1000 });
    expect(w.nextFreeAt(0)).toBe(0);
    w.countEvent(0);
    w.countEvent(100);
    expect(w.nextFreeAt(200)).toBe(1000);
    expect(w.nextFreeAt(1000)).toBe(1000);
    w.countEvent(1000);
    expect(w.nextFreeAt(1000)).toBe(1100);
    expect(w.isEmpty(2101)).toBe(true);
  });
});

describe("outbox limits", () => {
  it("sends 20 messages a minute to a group; the 21st waits for the window", async () => {
    const { send, transport, t0 } = setup();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => send("sendMessage", { chat_id: -100123, text: `m${i}` })),
    );
    expect(transport.sent.map((s) => s.text)).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
    const offsets = transport.sent.map((s) => s.at - t0);
    expect(offsets.slice(0, 20).every((o) => o === 0)).toBe(true);
    expect(offsets[20]).toBe(60_000);
    expect(offsets.slice(20).every((o) => o >= 60_000 && o < 61_000)).toBe(true);
  });

  it("lets a private chat burst a little, then about one per second", async () => {
    const { send, transport, t0 } = setup();
    await Promise.all(Array.from({ length: 7 }, (_, i) => send("sendMessage", { chat_id: 42, text: i })));
    const offsets = transport.sent.map((s) => s.at - t0);
    expect(offsets.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(offsets[5]).toBe(5000);
    expect(offsets[6]).toBe(5000);
  });

  it("keeps all chats together under 30 messages a second", async () => {
    const { send, transport, t0 } = setup();
    await Promise.all(
      Array.from({ length: 45 }, (_, i) => send("sendMessage", { chat_id: 1000 + i, text: i })),
    );
    const offsets = transport.sent.map((s) => s.at - t0);
    expect(offsets.filter((o) => o === 0)).toHaveLength(30);
    expect(offsets.filter((o) => o === 1000)).toHaveLength(15);
  });

  it("does not count getters, callback answers or chat actions as messages", async () => {
    const { send, transport, t0 } = setup();
    await Promise.all([
      ...Array.from({ length: 25 }, () => send("sendChatAction", { chat_id: -100123, action: "typing" })),
      ...Array.from({ length: 25 }, () => send("answerCallbackQuery", { callback_query_id: "1" })),
      ...Array.from({ length: 25 }, () => send("getChatMember", { chat_id: -100123, user_id: 1 })),
    ]);
    expect(transport.sent.every((s) => s.at === t0)).toBe(true);
  });
});

describe("outbox errors", () => {
  it("waits out a 429 retry_after, then sends the same call again and pauses that chat", async () => {
    const { send, transport, t0, events } = setup();
    transport.failNext("sendMessage", new FakeTelegramError(429, "Too Many Requests: retry after 3", 3));
    const results = await Promise.all([
      send("sendMessage", { chat_id: -100500, text: "first" }),
      send("sendMessage", { chat_id: -100500, text: "second" }),
      send("sendMessage", { chat_id: 77, text: "other chat" }),
    ]);
    expect(results).toHaveLength(3);
    const at = (text: string) => transport.sent.filter((s) => s.text === text).map((s) => s.at - t0);
    expect(at("first")).toEqual([0, 3000]);
    expect(at("second")).toEqual([3000]);
    expect(at("other chat")).toEqual([0]);
    expect(events).toContainEqual({
      type: "flood",
      method: "sendMessage",
      chatId: "-100500",
      retryAfterMs: 3000,
      scope: "chat",
    });
  });

  it("pauses everything for a 429 on a call without a chat", async () => {
    const { send, transport, t0, outbox } = setup();
    transport.failNext("setMyCommands", new FakeTelegramError(429, "Too Many Requests: retry after 2", 2));
    const commands = send("setMyCommands", { commands: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(outbox.stats().globalPausedUntil).toBe(t0 + 2000);
    await Promise.all([commands, send("sendMessage", { chat_id: 5, text: "later" })]);
    expect(transport.sent.find((s) => s.text === "later")?.at).toBe(t0 + 2000);
  });

  it("gives up on a 429 that asks for too long a wait, but keeps the chat paused", async () => {
    const { send, transport, outbox, t0 } = setup({ maxRetryAfterMs: 60_000 });
    transport.failNext(
      "sendMessage",
      new FakeTelegramError(429, "Too Many Requests: retry after 3600", 3600),
    );
    await expect(send("sendMessage", { chat_id: 9, text: "x" })).rejects.toMatchObject({
      response: { error_code: 429 },
    });
    expect(outbox.stats().pausedChats).toBe(1);
    await send("sendMessage", { chat_id: 9, text: "y" });
    expect(transport.sent.at(-1)?.at).toBe(t0 + 3_600_000);
  });

  it("retries 5xx with growing, jittered backoff, then succeeds", async () => {
    const { send, transport, time, events } = setup();
    transport.failNext(
      "sendMessage",
      new FakeTelegramError(502, "Bad Gateway"),
      new FakeTelegramError(500, "Internal Server Error"),
    );
    await expect(send("sendMessage", { chat_id: 1, text: "x" })).resolves.toMatchObject({ ok: true });
    expect(transport.sent).toHaveLength(3);
    const retries = events.filter((e) => e.type === "retry");
    expect(retries.map((e) => (e.type === "retry" ? e.delayMs : 0))).toEqual([375, 750]);
    expect(time.sleeps).toEqual([375, 750]);
  });

  it("retries network errors (refused, reset, timeout)", async () => {
    const { send, transport } = setup();
    transport.failNext(
      "sendMessage",
      networkError("ECONNREFUSED"),
      networkError("ECONNRESET"),
      networkError("ETIMEDOUT"),
    );
    await send("sendMessage", { chat_id: 1, text: "x" });
    expect(transport.sent).toHaveLength(4);
  });

  it("stops after the bounded number of attempts and surfaces the last error", async () => {
    const { send, transport, events } = setup({ maxAttempts: 5 });
    for (let i = 0; i < 10; i++)
      transport.failNext("sendMessage", new FakeTelegramError(503, "Service Unavailable"));
    await expect(send("sendMessage", { chat_id: 1, text: "x" })).rejects.toMatchObject({
      response: { error_code: 503 },
    });
    expect(transport.sent).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({ type: "failed", attempts: 5 });
  });

  it.each([
    [400, "Bad Request: message text is empty"],
    [403, "Forbidden: bot was kicked from the group chat"],
  ])("does not retry %i", async (code, description) => {
    const { send, transport } = setup();
    transport.failNext("sendMessage", new FakeTelegramError(code, description));
    await expect(send("sendMessage", { chat_id: -1001, text: "x" })).rejects.toMatchObject({
      response: { error_code: code, description },
    });
    expect(transport.sent).toHaveLength(1);
  });

  it("keeps a chat's order while a message is being retried", async () => {
    const { send, transport } = setup();
    transport.failNext("sendMessage", new FakeTelegramError(500, "Internal Server Error"));
    await Promise.all(["a", "b", "c"].map((text) => send("sendMessage", { chat_id: 3, text })));
    expect(transport.sent.map((s) => s.text)).toEqual(["a", "a", "b", "c"]);
  });

  it("does not repeat a call marked not retryable", async () => {
    const { outbox, transport } = setup();
    transport.failNext("sendDocument", new FakeTelegramError(500, "Internal Server Error"));
    await expect(
      outbox.send({ method: "sendDocument", payload: { chat_id: 1 }, retryable: false }, () =>
        transport.call("sendDocument", { chat_id: 1 }),
      ),
    ).rejects.toMatchObject({ response: { error_code: 500 } });
    expect(transport.sent).toHaveLength(1);
  });

  it("drains: resolves once nothing is pending", async () => {
    const { send, outbox } = setup();
    const all = Array.from({ length: 22 }, (_, i) => send("sendMessage", { chat_id: -5, text: i }));
    expect(outbox.stats().pending).toBe(22);
    await outbox.drain();
    expect(outbox.stats().pending).toBe(0);
    await Promise.all(all);
  });
});

describe("classifyFailure", () => {
  it("reads telegraf errors and network errors", () => {
    expect(classifyFailure(new FakeTelegramError(429, "Too Many Requests: retry after 7", 7))).toEqual({
      kind: "flood",
      retryAfterMs: 7000,
    });
    expect(classifyFailure(new FakeTelegramError(429, "Too Many Requests: retry after 4"))).toEqual({
      kind: "flood",
      retryAfterMs: 4000,
    });
    expect(classifyFailure(new FakeTelegramError(500, "x"))).toMatchObject({ kind: "transient" });
    expect(classifyFailure(new FakeTelegramError(409, "Conflict"))).toEqual({ kind: "fatal" });
    expect(classifyFailure(networkError("ECONNRESET"))).toMatchObject({
      kind: "transient",
      reason: "ECONNRESET",
    });
    expect(classifyFailure(Object.assign(new Error("t"), { type: "request-timeout" }))).toMatchObject({
      kind: "transient",
    });
    expect(classifyFailure(Object.assign(new Error("aborted"), { name: "AbortError" }))).toEqual({
      kind: "fatal",
    });
    expect(classifyFailure(new TypeError("bug"))).toEqual({ kind: "fatal" });
  });
});

describe("installOutbox", () => {
  function fakeTelegram(time: FakeTime) {
    const telegram = new Telegram("1:fake", { apiRoot: "http://127.0.0.1:9" });
    const transport = createTransport(time);
    telegram.callApi = ((method: string, payload: Record<string, unknown>) =>
      transport.call(method, payload)) as unknown as Telegram["callApi"];
    return { telegram, transport };
  }

  it("routes the Telegram instance's calls through the outbox, except getUpdates", async () => {
    const time = createFakeTime();
    const { telegram, transport } = fakeTelegram(time);
    const outbox = installOutbox(telegram, { clock: time, sleep: (ms) => time.sleep(ms) });
    expect(installOutbox(telegram)).toBe(outbox);
    expect(outboxOf(telegram)).toBe(outbox);
    outbox.pauseAll(10_000);
    const updates = telegram.getUpdates(0, 100, 0, undefined);
    const message = telegram.sendMessage(-100, "xin chào");
    await updates;
    expect(transport.sent.map((s) => s.method)).toEqual(["getUpdates"]);
    await message;
    expect(transport.sent.at(-1)).toMatchObject({ method: "sendMessage", chatId: -100, at: time.now() });
    expect(time.now()).toBeGreaterThanOrEqual(10_000 + 1_700_000_000_000);
  });

  it("covers ctx.reply when installed on the bot", async () => {
    const time = createFakeTime();
    const bot = new Telegraf("1:fake", { telegram: { apiRoot: "http://127.0.0.1:9" } });
    const transport = createTransport(time);
    bot.telegram.callApi = ((method: string, payload: Record<string, unknown>) =>
      transport.call(method, payload)) as unknown as Telegram["callApi"];
    const outbox = installOutboxOnBot(bot, { clock: time, sleep: (ms) => time.sleep(ms) });
    bot.botInfo = {
      id: 1,
      is_bot: true,
      first_name: "Bot",
      username: "bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    bot.on("text", (ctx) => ctx.reply(`đáp: ${ctx.message.text}`));
    outbox.pauseChat(55, 1000);
    await bot.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 55, type: "private", first_name: "A" }, text: "hỏi" },
    } as Parameters<typeof bot.handleUpdate>[0]);
    expect(transport.sent).toEqual([{ method: "sendMessage", chatId: 55, text: "đáp: hỏi", at: time.now() }]);
    expect(time.sleeps).toEqual([1000]);
  });
});
