import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationReplies } from "../../src/answer/messages.js";
import type { EmulatorChat } from "../../src/emulator/index.js";
import { type BotHarness, CADRE, questionIdOf, rows, startBotHarness } from "./bot-harness.js";

const GROUP: EmulatorChat = { id: -1001234567, type: "supergroup", title: "Chi bộ Văn phòng" };
const QUIET_MS = 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In groups the bot answers only when addressed. Privacy mode is off in the emulator here,
 * so every group message reaches the bot and the silence is the bot's own doing.
 */
describe("bot in a group", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ emulator: { privacyMode: false } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const questionCount = () => rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM bot_questions")[0]!.n;

  it("stays silent on group chatter, even chatter that looks like a question", async () => {
    const lan = h.user(CADRE, GROUP);
    const before = questionCount();
    const chatter = await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối nhỉ mọi người?");
    expect(chatter.updateId).not.toBeNull();
    await lan.sendText("Chiều nay họp chi bộ lúc 14 giờ nhé.");
    await lan.sendCommand("hoi@SomeOtherBot", "câu này cho bot khác");
    await sleep(QUIET_MS);
    expect(lan.botMessages()).toEqual([]);
    expect(questionCount()).toBe(before);
  });

  it("answers when @mentioned, without the mention in the logged question", async () => {
    const lan = h.user(CADRE, GROUP);
    const sent = await lan.mentionBot("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.replyToMessageId).toBe(sent.messageId);
    expect(answer.plainText).toContain("📚 Nguồn");
    const [row] = rows<{ question: string; chat_id: number }>(
      h,
      "SELECT question, chat_id FROM bot_questions ORDER BY id DESC LIMIT 1",
    );
    expect(row).toEqual({ question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", chat_id: GROUP.id });
  });

  it("'@bot cảm ơn' gets a plain thank-you reply without buttons; 'cảm ơn' to a member stays silent", async () => {
    const lan = h.user(CADRE, GROUP);
    const before = questionCount();
    const shown = lan.botMessages().length;
    await lan.sendText("cảm ơn mọi người");
    await sleep(QUIET_MS);
    expect(lan.botMessages()).toHaveLength(shown);
    const sent = await lan.mentionBot("cảm ơn");
    const reply = await lan.waitForBotMessage(undefined, 20_000);
    expect(reply.replyToMessageId).toBe(sent.messageId);
    expect(reply.plainText).toBe(conversationReplies.thanks);
    expect(reply.replyMarkup).toBeUndefined();
    expect(questionCount()).toBe(before);
  });

  it("answers /hoi <question>, also as /hoi@bot; /hoi alone explains the usage", async () => {
    const lan = h.user(CADRE, GROUP);
    await lan.sendCommand("hoi", "Đức Thọ sáp nhập Ban Tổ chức Huyện ủy với Phòng Nội vụ thành cơ quan nào?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("📚 Nguồn");
    await lan.sendCommand("hoi", "Nhất thể hóa Bí thư đồng thời là Chủ tịch UBND huyện", { mention: true });
    expect((await lan.waitForBotMessage(undefined, 20_000)).plainText).toMatch(/\[1\]|Không tìm thấy/);
    await lan.sendCommand("hoi");
    expect((await lan.waitForBotMessage()).plainText).toContain("/hoi Huyện Đức Thọ");
  });

  it("a reply to the bot's answer is answered as a follow-up of that answer", async () => {
    const lan = h.user(CADRE, GROUP);
    await lan.mentionBot("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const parentId = await questionIdOf(h, GROUP.id, answer.messageId);
    const reply = await lan.replyTo(answer, "Vậy còn giảm bao nhiêu cấp trưởng?");
    const second = await lan.waitForBotMessage(undefined, 20_000);
    expect(second.replyToMessageId).toBe(reply.messageId);
    const [row] = rows<{ question: string; parent_id: number }>(
      h,
      "SELECT question, parent_id FROM bot_questions ORDER BY id DESC LIMIT 1",
    );
    expect(row).toEqual({ question: "Vậy còn giảm bao nhiêu cấp trưởng?", parent_id: parentId });
  });

  it("a reply to another member's message is not for the bot", async () => {
    const lan = h.user(CADRE, GROUP);
    const other = h.user({ id: 5002, firstName: "Minh" }, GROUP);
    const before = questionCount();
    const minh = await other.sendText("Tôi gửi báo cáo rồi nhé.");
    await lan.sendText("Cảm ơn anh, đã nhận.", { replyTo: minh.messageId });
    await sleep(QUIET_MS);
    expect(questionCount()).toBe(before);
  });
});
