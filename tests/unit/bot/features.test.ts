import type { Update } from "telegraf/types";
import { beforeEach, describe, expect, it } from "vitest";
import type { AskOptions, AskService } from "../../../src/answer/ask-service.js";
import { type BotApp, createBot } from "../../../src/bot/index.js";
import { reviewMessages } from "../../../src/bot/messages.js";
import { AppError } from "../../../src/errors.js";
import { createLogger } from "../../../src/logger.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import { feedbackCallbackData, sourceCallbackData } from "../../../src/telegram/callback-data/index.js";
import { makeCitation, makeResult } from "../../support/ask-result.js";
import { createMemoryStore } from "../../support/memory-store.js";

const BOT = { id: 666, is_bot: true as const, first_name: "Bot", username: "NhatTheBot" };
const ADMIN = 1;
const USER = 2;

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * The features wired by `createBot`, driven with hand-made updates through telegraf's
 * real middleware chain; the Bot API is a recording fake (integration tests use the
 * emulator over HTTP).
 */
describe("bot features", () => {
  let app: BotApp;
  let calls: Call[];
  let asked: Array<{ question: string; options?: AskOptions }>;
  let nextMessageId: number;
  let updateId: number;
  let ask: AskService["ask"];

  beforeEach(() => {
    calls = [];
    asked = [];
    nextMessageId = 100;
    updateId = 1;
    ask = async (question) =>
      makeResult(
        "Bí thư đồng thời là Chủ tịch [1].",
        [makeCitation({ n: 1, title: "Nghị quyết <18> & 19" })],
        {
          question,
        },
      );
    app = createBot({
      token: "1:test",
      settings: {
        accessMode: "allowlist",
        adminUserIds: [ADMIN],
        allowedUserIds: [USER],
        allowedChatIds: [],
        rateLimitPerMinute: 0,
        timeZone: "Asia/Ho_Chi_Minh",
      },
      logger: createLogger({ level: "silent" }),
      ask: {
        ask: (question, options) => {
          asked.push({ question, ...(options ? { options } : {}) });
          return ask(question, options);
        },
      },
      store: createMemoryStore(),
      db: openDatabase(":memory:"),
    });
    app.bot.botInfo = {
      ...BOT,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    } as never;
    // Replace the network: every call is recorded and gets a plausible result.
    app.bot.telegram.callApi = (async (method: string, payload: Record<string, unknown>) => {
      calls.push({ method, payload });
      if (method.startsWith("send") && method !== "sendChatAction")
        return {
          message_id: nextMessageId++,
          date: 1000,
          chat: { id: payload.chat_id, type: "private" },
          text: payload.text,
        };
      return true;
    }) as never;
  });

  const send = (
    text: string,
    options: { from?: number; chat?: { id: number; type: string }; reply?: unknown } = {},
  ) => {
    const from = options.from ?? USER;
    return app.bot.handleUpdate({
      update_id: updateId++,
      message: {
        message_id: nextMessageId++,
        date: 1000,
        from: { id: from, is_bot: false, first_name: "U" },
        chat: options.chat ?? { id: from, type: "private", first_name: "U" },
        text,
        ...(text.startsWith("/")
          ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] }
          : {}),
        ...(options.reply ? { reply_to_message: options.reply } : {}),
      },
    } as Update);
  };
  const press = (data: string, message: { message_id: number; date: number }, from = USER) =>
    app.bot.handleUpdate({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        from: { id: from, is_bot: false, first_name: "U" },
        chat_instance: "1",
        data,
        message: { ...message, chat: { id: from, type: "private", first_name: "U" }, from: BOT, text: "x" },
      },
    } as Update);
  const sent = () => calls.filter((c) => c.method === "sendMessage");

  it("a private text is a question: typing, HTML answer with escaped titles, source and feedback buttons", async () => {
    await send("  Nhất thể hóa là gì?  ");
    expect(asked.map((a) => a.question)).toEqual(["Nhất thể hóa là gì?"]);
    expect(calls[0]).toMatchObject({ method: "sendChatAction", payload: { action: "typing" } });
    const [answer] = sent();
    expect(answer!.payload.parse_mode).toBe("HTML");
    expect(answer!.payload.text).toContain("Nghị quyết &lt;18&gt; &amp; 19");
    const keyboard = answer!.payload.reply_markup as {
      inline_keyboard: Array<Array<{ callback_data: string }>>;
    };
    const data = keyboard.inline_keyboard.flat().map((b) => b.callback_data);
    expect(data[0]).toBe(sourceCallbackData(makeCitation({ n: 1 }).chunkId, 0));
    expect(data).toContain(feedbackCallbackData(1, "up"));
  });

  it("a reply to an answer passes the earlier question and answer as `previous`", async () => {
    await send("Nhất thể hóa là gì?");
    const answerId = 101; // the message after the user's (100)
    await send("Còn cấp xã?", {
      reply: { message_id: answerId, date: 1000, chat: { id: USER, type: "private" }, from: BOT, text: "x" },
    });
    expect(asked[1]).toEqual({
      question: "Còn cấp xã?",
      options: {
        previous: { question: "Nhất thể hóa là gì?", answer: "Bí thư đồng thời là Chủ tịch [1]." },
        onDelta: expect.any(Function),
      },
    });
  });

  it("a reply to a source shown from an answer also follows up on that answer", async () => {
    await send("Nhất thể hóa là gì?");
    const chunkId = makeCitation({ n: 1 }).chunkId;
    app.services.state.rememberPassageMessage(
      USER,
      { message_id: 500, date: 1000 },
      { questionId: 1, n: 1, chunkId },
    );
    await send("Giải thích thêm?", {
      reply: { message_id: 500, date: 1000, chat: { id: USER, type: "private" }, from: BOT, text: "x" },
    });
    expect(asked[1]?.options?.previous?.question).toBe("Nhất thể hóa là gì?");
  });

  it("groups: chatter is ignored; a mention and /hoi are questions without the mention", async () => {
    const group = { id: -50, type: "supergroup", title: "G" };
    app.services.state.setPermission("chat", -50, "allowed");
    await send("Chào cả nhà, nhất thể hóa là gì?", { chat: group });
    expect(asked).toEqual([]);
    expect(sent()).toEqual([]);
    await send("@NhatTheBot nhất thể hóa là gì?", { chat: group });
    await send("/hoi@NhatTheBot kiêm nhiệm là gì?", { chat: group });
    await send("/hoi@OtherBot kiêm nhiệm là gì?", { chat: group });
    expect(asked.map((a) => a.question)).toEqual(["nhất thể hóa là gì?", "kiêm nhiệm là gì?"]);
  });

  it("an AppError from the engine is shown with its Vietnamese message; other errors as the generic one", async () => {
    ask = async () => {
      throw new AppError("question_too_long", "Câu hỏi quá dài <2000>.");
    };
    await send("x".repeat(10));
    expect(sent().at(-1)!.payload.text).toBe("Câu hỏi quá dài &lt;2000&gt;.");
    ask = async () => {
      throw new TypeError("cannot read properties of undefined");
    };
    await send("câu khác");
    expect(sent().at(-1)!.payload.text).toBe("Có lỗi, vui lòng thử lại.");
  });

  it("an unknown user is refused with their id; an admin's /cho_phep lets them in", async () => {
    await send("Nhất thể hóa là gì?", { from: 77 });
    expect(asked).toEqual([]);
    expect(sent().at(-1)!.payload.text).toContain("<code>77</code>");
    await send("/cho_phep 77", { from: ADMIN });
    expect(sent().at(-1)!.payload.text).toBe("Đã cho phép người dùng <code>77</code>.");
    await send("Nhất thể hóa là gì?", { from: 77 });
    expect(asked).toHaveLength(1);
  });

  it("buttons: feedback is stored; forged or stale data is acknowledged without effect", async () => {
    await send("Nhất thể hóa là gì?");
    const answer = { message_id: 101, date: 1000 };
    await press(feedbackCallbackData(1, "down"), answer);
    expect(app.services.state.feedbackCounts(1)).toEqual({ up: 0, down: 1 });
    expect(calls.at(-2)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: "Cảm ơn góp ý 👎, chúng tôi sẽ cải thiện." },
    });
    // A new 👎 asks why.
    expect(calls.at(-1)).toMatchObject({
      method: "sendMessage",
      payload: { text: reviewMessages.askReason },
    });
    await press(feedbackCallbackData(999, "up"), answer);
    expect(calls.at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: "Không tìm thấy câu trả lời này nữa." },
    });
    await press("zz:unknown", answer);
    expect(calls.at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: "Nút này không còn hiệu lực." },
    });
    // A source button pressed on a message that is not that answer: nothing is shown.
    await press(sourceCallbackData(makeCitation({ n: 1 }).chunkId, 0), { message_id: 55, date: 1000 });
    expect(calls.at(-1)).toMatchObject({ method: "answerCallbackQuery", payload: { show_alert: true } });
  });

  it("admin-only commands refuse others; /thongke works for admins", async () => {
    await send("/thongke");
    expect(sent().at(-1)!.payload.text).toBe("Lệnh này chỉ dành cho quản trị viên.");
    await send("Nhất thể hóa là gì?");
    await send("/thongke", { from: ADMIN });
    // A chart, with the numbers in its caption.
    const photo = calls.filter((c) => c.method === "sendPhoto").at(-1)!;
    const stats = String(photo.payload.caption);
    expect(photo.payload.parse_mode).toBe("HTML");
    expect(stats).toContain("Thống kê 30 ngày gần nhất");
    expect(stats).toContain("Câu hỏi: 1;");
    expect(stats).toContain("Nghị quyết &lt;18&gt; &amp; 19 – 1 lần");
  });
});
