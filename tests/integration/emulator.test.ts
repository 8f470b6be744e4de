import { createHash } from "node:crypto";
import { Markup, Telegraf, TelegramError } from "telegraf";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, pickPort, startEmulator } from "../../src/emulator/index.js";
import { launchBot, type RunningBot } from "../support/launch-bot.js";
import { waitFor } from "../support/wait-for.js";

const TOKEN = "123456:emulator-test-token";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: await pickPort() });
});

afterAll(async () => {
  await emulator.stop();
});

afterEach(() => {
  emulator.clearFaults();
});

function newBot(): Telegraf {
  return new Telegraf(TOKEN, { telegram: { apiRoot: emulator.apiRoot } });
}

async function withBot(setup: (bot: Telegraf) => void, body: () => Promise<void>): Promise<void> {
  const bot = newBot();
  setup(bot);
  const running: RunningBot = await launchBot(bot);
  try {
    await body();
  } finally {
    await running.stop();
  }
}

describe("Bot API emulator with a real telegraf bot (long polling)", () => {
  it("delivers a user's text and records the bot's reply", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1001, firstName: "Lan" });
    await withBot(
      (bot) =>
        bot.on("text", (ctx) => ctx.reply(`<b>Đã nhận:</b> ${ctx.message.text}`, { parse_mode: "HTML" })),
      async () => {
        await user.sendText("Xin chào");
        const reply = await user.waitForBotMessage();
        expect(reply.plainText).toBe("Đã nhận: Xin chào");
        expect(reply.text).toBe("<b>Đã nhận:</b> Xin chào");
        expect(reply.chatId).toBe(1001);
        expect(reply.apiMessage.chat.type).toBe("private");
      },
    );
    // Stopping syncs the offset, which confirms the processed update.
    expect(emulator.pendingUpdates(TOKEN)).toHaveLength(0);
  });

  it("holds long polls open instead of letting telegraf busy-loop", async () => {
    const before = emulator.recordedCalls("getUpdates").length;
    await withBot(
      () => undefined,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    );
    // launch: one long poll that stays open; stop: telegraf's offset sync.
    expect(emulator.recordedCalls("getUpdates").length - before).toBeLessThanOrEqual(3);
  });

  it("delivers an inline button press and lets the bot answer and edit", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1002, firstName: "Minh" });
    await withBot(
      (bot) => {
        bot.command("menu", (ctx) =>
          ctx.reply("Chọn:", Markup.inlineKeyboard([[Markup.button.callback("Có", "yes:1")]])),
        );
        bot.action(/^yes:(\d+)$/, async (ctx) => {
          await ctx.answerCbQuery("OK");
          await ctx.editMessageText(`Đã chọn ${ctx.match[1]}`);
        });
      },
      async () => {
        await user.sendCommand("menu");
        const menu = await user.waitForBotMessage((m) => m.replyMarkup !== undefined);
        const { callbackQueryId } = await user.pressButton(menu, "Có");
        const answer = await emulator.waitForCall(
          "answerCallbackQuery",
          (c) => c.params.callback_query_id === callbackQueryId,
        );
        expect(answer.status).toBe(200);
        await emulator.waitForBotMessage(1002, (m) => m.messageId === menu.messageId && m.editCount === 1, {
          afterMessageId: 0,
        });
        const edited = emulator.botMessages(1002).find((m) => m.messageId === menu.messageId);
        expect(edited?.plainText).toBe("Đã chọn 1");
        expect(edited?.replyMarkup).toBeUndefined();
      },
    );
  });

  it("records sendChatAction, setMyCommands and getChatMember", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1003, firstName: "Hà" });
    emulator.setChatMember(1003, 1003, "administrator");
    await withBot(
      (bot) => {
        bot.command("status", async (ctx) => {
          await ctx.sendChatAction("typing");
          await ctx.telegram.setMyCommands([{ command: "hoi", description: "Đặt câu hỏi" }]);
          const member = await ctx.getChatMember(ctx.from.id);
          const commands = await ctx.telegram.getMyCommands();
          await ctx.reply(`${member.status} ${commands.map((c) => c.command).join(",")}`);
        });
      },
      async () => {
        await user.sendCommand("status");
        const reply = await user.waitForBotMessage();
        expect(reply.plainText).toBe("administrator hoi");
        expect(emulator.chatActions(1003)).toEqual(["typing"]);
        expect(emulator.commands()).toEqual([{ command: "hoi", description: "Đặt câu hỏi" }]);
        expect(emulator.recordedCalls("getChatMember").at(-1)?.params.user_id).toBe(1003);
      },
    );
  });

  it("lets the bot download a document a user sent, byte for byte", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1004, firstName: "Tuấn" });
    const bytes = Buffer.concat([
      Buffer.from("%PDF-1.4\n"),
      Buffer.from([0, 1, 2, 255, 254]),
      Buffer.alloc(70_000, 7),
    ]);
    let received: Buffer | undefined;
    let seen: { name?: string; mime?: string; size?: number; caption?: string } = {};
    await withBot(
      (bot) => {
        bot.on("document", async (ctx) => {
          const doc = ctx.message.document;
          seen = {
            ...(doc.file_name ? { name: doc.file_name } : {}),
            ...(doc.mime_type ? { mime: doc.mime_type } : {}),
            ...(doc.file_size ? { size: doc.file_size } : {}),
            ...(ctx.message.caption ? { caption: ctx.message.caption } : {}),
          };
          const link = await ctx.telegram.getFileLink(doc.file_id);
          const res = await fetch(link);
          received = Buffer.from(await res.arrayBuffer());
          await ctx.reply(createHash("sha256").update(received).digest("hex"));
        });
      },
      async () => {
        await user.sendDocument({ bytes, fileName: "Nghị quyết 18.pdf", caption: "tài liệu mới" });
        const reply = await user.waitForBotMessage();
        expect(reply.plainText).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(received?.equals(bytes)).toBe(true);
        expect(seen).toEqual({
          name: "Nghị quyết 18.pdf",
          mime: "application/pdf",
          size: bytes.length,
          caption: "tài liệu mới",
        });
      },
    );
  });

  it("records the bytes of a document the bot sends (multipart) and re-sends it by file_id", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1005, firstName: "Thu" });
    const report = Buffer.from("báo cáo\nsố liệu ✓\n", "utf8");
    await withBot(
      (bot) => {
        bot.command("export", async (ctx) => {
          const sent = await ctx.replyWithDocument(
            { source: report, filename: "bao-cao.txt" },
            { caption: "<i>Báo cáo</i>", parse_mode: "HTML" },
          );
          await ctx.replyWithDocument(sent.document.file_id);
        });
      },
      async () => {
        await user.sendCommand("export");
        const second = await user.waitForBotMessage((m) => m.kind === "document" && m.plainText === "");
        const [first] = user.botMessages();
        expect(first?.document?.bytes.equals(report)).toBe(true);
        expect(first?.document?.fileName).toBe("bao-cao.txt");
        expect(first?.document?.mimeType).toBe("text/plain");
        expect(first?.plainText).toBe("Báo cáo");
        expect(second.document?.fileId).toBe(first?.document?.fileId);
        const call = emulator.recordedCalls("sendDocument")[0];
        expect(call?.params.document).toEqual({
          fileName: "bao-cao.txt",
          mimeType: "text/plain",
          size: report.length,
        });
      },
    );
  });

  it("answers injected faults in the Bot API error shape", async () => {
    emulator.createUserClient(TOKEN, { id: 1006, firstName: "Nam" });
    const telegram = newBot().telegram;
    const fails = async (): Promise<TelegramError> => {
      try {
        await telegram.sendMessage(1006, "x");
      } catch (error) {
        if (error instanceof TelegramError) return error;
        throw error;
      }
      throw new Error("expected the call to fail");
    };

    emulator.failNext("sendMessage", { status: 429, retryAfter: 2 });
    const flood = await fails();
    expect(flood.code).toBe(429);
    expect(flood.response).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    });

    emulator.failNext("sendMessage", { status: 500 });
    expect((await fails()).code).toBe(500);

    emulator.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot was kicked from the group chat",
    });
    const forbidden = await fails();
    expect(forbidden.code).toBe(403);
    expect(forbidden.description).toBe("Forbidden: bot was kicked from the group chat");

    emulator.failNext("sendMessage", { network: "reset" });
    await expect(telegram.sendMessage(1006, "x")).rejects.toMatchObject({ name: "FetchError" });

    // Faults are consumed: the next call goes through.
    const ok = await telegram.sendMessage(1006, "sau lỗi");
    expect(ok.text).toBe("sau lỗi");
    expect(
      emulator
        .recordedCalls("sendMessage")
        .filter((c) => c.params.chat_id === 1006)
        .map((c) => c.status),
    ).toEqual([429, 500, 403, 0, 200]);
  });

  it("rejects what Telegram rejects: bad HTML, over-long text, unknown chat, unchanged edits", async () => {
    emulator.createUserClient(TOKEN, { id: 1007, firstName: "Bình" });
    const telegram = newBot().telegram;
    await expect(telegram.sendMessage(1007, "a < b", { parse_mode: "HTML" })).rejects.toMatchObject({
      response: { error_code: 400, description: expect.stringContaining("can't parse entities") },
    });
    await expect(telegram.sendMessage(1007, "<b>x</i>", { parse_mode: "HTML" })).rejects.toMatchObject({
      response: { error_code: 400 },
    });
    await expect(telegram.sendMessage(1007, "x".repeat(4097))).rejects.toMatchObject({
      response: { description: "Bad Request: message is too long" },
    });
    await expect(telegram.sendMessage(424242, "x")).rejects.toMatchObject({
      response: { description: "Bad Request: chat not found" },
    });
    await expect(
      telegram.sendMessage(1007, "x", Markup.inlineKeyboard([[Markup.button.callback("b", "d".repeat(65))]])),
    ).rejects.toMatchObject({ response: { description: "Bad Request: BUTTON_DATA_INVALID" } });
    const sent = await telegram.sendMessage(1007, "<b>x</b> &amp; y", { parse_mode: "HTML" });
    expect(sent.text).toBe("x & y");
    await expect(
      telegram.editMessageText(1007, sent.message_id, undefined, "<b>x</b> &amp; y", { parse_mode: "HTML" }),
    ).rejects.toMatchObject({
      response: { description: expect.stringContaining("message is not modified") },
    });
    await expect(
      telegram.callApi("sendPoll" as "sendMessage", { chat_id: 1007, text: "x" }),
    ).rejects.toMatchObject({
      response: { error_code: 404 },
    });
  });

  it("emulates groups: privacy mode, mentions, commands, replies and removal", async () => {
    const group = { id: -100777, type: "supergroup" as const, title: "Chi bộ 3" };
    const alice = emulator.createUserClient(TOKEN, { id: 2001, firstName: "An" }, group);
    const seen: string[] = [];
    await withBot(
      (bot) => {
        bot.on("my_chat_member", (ctx) => {
          seen.push(`member:${ctx.myChatMember.new_chat_member.status}`);
        });
        bot.on("message", async (ctx) => {
          const text = "text" in ctx.message ? ctx.message.text : "";
          seen.push(text);
          if (ctx.chat.type !== "private")
            await ctx.reply(`nhóm: ${text}`, { reply_parameters: { message_id: ctx.message.message_id } });
        });
      },
      async () => {
        const chatter = await alice.sendText("chuyện phiếm");
        expect(chatter.updateId).toBeNull();
        await alice.mentionBot("cho hỏi về sáp nhập");
        const first = await alice.waitForBotMessage();
        expect(first.plainText).toBe("nhóm: @TestNameBot cho hỏi về sáp nhập");
        expect(first.apiMessage.chat).toEqual({ id: -100777, type: "supergroup", title: "Chi bộ 3" });
        expect(first.replyToMessageId).toBeGreaterThan(chatter.messageId);

        await alice.sendCommand("hoi", "bí thư", { mention: true });
        expect((await alice.waitForBotMessage()).plainText).toBe("nhóm: /hoi@TestNameBot bí thư");

        await alice.replyTo(first, "còn gì nữa?");
        expect((await alice.waitForBotMessage()).plainText).toBe("nhóm: còn gì nữa?");

        await alice.sendCommand("hoi@OtherBot");
        await alice.removeBotFromChat();
        await waitFor(() => seen.includes("member:left"), { what: "the my_chat_member update" });
        expect(seen).toEqual([
          "@TestNameBot cho hỏi về sáp nhập",
          "/hoi@TestNameBot bí thư",
          "còn gì nữa?",
          "member:left",
        ]);
      },
    );
    await expect(newBot().telegram.sendMessage(group.id, "x")).rejects.toMatchObject({
      response: { error_code: 403, description: "Forbidden: bot is not a member of the supergroup chat" },
    });
    emulator.setChatMember(group.id, 2001, "creator");
    emulator.setChatMember(group.id, 2002, "administrator");
    const admins = await newBot().telegram.getChatAdministrators(group.id);
    expect(admins.map((m) => [m.user.id, m.status])).toEqual([
      [2001, "creator"],
      [2002, "administrator"],
    ]);
    await expect(newBot().telegram.getChatMember(group.id, 2003)).resolves.toMatchObject({
      status: "member",
    });
  });

  it("reports bot messages as they are sent, edited and deleted", async () => {
    emulator.createUserClient(TOKEN, { id: 1009, firstName: "Linh" });
    const telegram = newBot().telegram;
    const seen: string[] = [];
    const unsubscribe = emulator.onBotMessage((m, change) => {
      if (m.chatId === 1009) seen.push(`${change}:${m.plainText}`);
    });
    const sent = await telegram.sendMessage(1009, "Đang tìm…");
    await telegram.editMessageText(1009, sent.message_id, undefined, "Kết quả");
    await telegram.deleteMessage(1009, sent.message_id);
    await expect(telegram.deleteMessage(1009, sent.message_id)).rejects.toMatchObject({
      response: { description: "Bad Request: message to delete not found" },
    });
    unsubscribe();
    await telegram.sendMessage(1009, "sau khi huỷ đăng ký");
    expect(seen).toEqual(["new:Đang tìm…", "edited:Kết quả", "deleted:Kết quả"]);
    expect(emulator.botMessages(1009).map((m) => m.plainText)).toEqual(["sau khi huỷ đăng ký"]);
    expect(emulator.botMessages(1009, { includeDeleted: true })).toHaveLength(2);
  });

  it("answers 403 once a private user blocked the bot", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 1008, firstName: "Yến" });
    await user.blockBot();
    await expect(newBot().telegram.sendMessage(1008, "x")).rejects.toMatchObject({
      response: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    await user.unblockBot();
    await expect(newBot().telegram.sendMessage(1008, "x")).resolves.toMatchObject({ text: "x" });
  });
});

describe("webhook delivery", () => {
  it("posts updates with the secret token and runs webhook replies", async () => {
    const token = "654321:webhook-token";
    const port = await pickPort();
    const bot = new Telegraf(token, { telegram: { apiRoot: emulator.apiRoot } });
    bot.on("text", (ctx) => ctx.reply(`webhook: ${ctx.message.text}`));
    bot.action("ping", (ctx) => ctx.answerCbQuery("pong"));
    const user = emulator.createUserClient(token, { id: 3001, firstName: "Hải" });
    await bot.launch({
      webhook: { domain: `127.0.0.1:${port}`, port, host: "127.0.0.1", path: "/hook", secretToken: "s3cret" },
    });
    try {
      expect(emulator.recordedCalls("setWebhook").at(-1)?.params.secret_token).toBe("s3cret");
      await user.sendText("chào");
      const reply = await user.waitForBotMessage();
      expect(reply.plainText).toBe("webhook: chào");
      const withButton = await newBotWith(token).telegram.sendMessage(
        3001,
        "nút",
        Markup.inlineKeyboard([Markup.button.callback("ping", "ping")]),
      );
      const { callbackQueryId } = await user.pressButton(withButton.message_id, "ping");
      const answered = await emulator.waitForCall(
        "answerCallbackQuery",
        (c) => c.params.callback_query_id === callbackQueryId,
      );
      expect(answered).toMatchObject({ status: 200, params: { text: "pong" } });
      await expect(newBotWith(token).telegram.getUpdates(0, 1, 0, undefined)).rejects.toMatchObject({
        response: { error_code: 409 },
      });
    } finally {
      bot.stop("test finished");
    }
  });
});

function newBotWith(token: string): Telegraf {
  return new Telegraf(token, { telegram: { apiRoot: emulator.apiRoot } });
}
