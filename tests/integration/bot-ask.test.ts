import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS } from "../../src/answer/ask-service.js";
import { quotedFragments } from "../../src/answer/leave-out-quoted.js";
import { answerMessages, conversationReplies, outOfScopeReplies } from "../../src/answer/messages.js";
import { EXAMPLE_QUESTIONS } from "../../src/bot/messages.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import {
  ADMIN,
  type BotHarness,
  CADRE,
  questionIdOf,
  rows,
  SEED_TITLE_START,
  startBotHarness,
} from "./bot-harness.js";

/** A private chat with the real bot over HTTP: answers, sources, feedback, follow-ups, /start. */
describe("bot in a private chat", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("publishes a Vietnamese command menu at start", () => {
    const commands = h.emulator.commands();
    expect(commands.map((c) => c.command)).toEqual(["start", "help", "hoi"]);
    expect(commands.find((c) => c.command === "help")?.description).toBe("Hướng dẫn sử dụng");
    const adminMenu = h.emulator.commands({ scope: { type: "chat", chat_id: ADMIN.id } });
    expect(adminMenu.map((c) => c.command)).toContain("thongke");
  });

  it("/start tells how many documents the bot knows and three example questions", async () => {
    const lan = h.user(CADRE);
    await lan.sendCommand("start");
    const reply = await lan.waitForBotMessage();
    const { documents } = await h.engine.store.stats();
    expect(documents).toBeGreaterThan(5);
    expect(reply.plainText).toContain(`Kho hiện có ${documents} tài liệu`);
    for (const q of EXAMPLE_QUESTIONS) expect(reply.plainText).toContain(q);
  });

  it("/help explains usage; admins also see the admin commands", async () => {
    const lan = h.user(CADRE);
    await lan.sendCommand("help");
    const help = await lan.waitForBotMessage();
    expect(help.plainText).toContain("/hoi");
    expect(help.plainText).not.toContain("/thongke");
    const admin = h.user(ADMIN);
    await admin.sendCommand("help");
    expect((await admin.waitForBotMessage()).plainText).toContain("/thongke");
  });

  it("answers a question with [n] markers, a Nguồn block and source + feedback buttons, showing typing", async () => {
    const lan = h.user(CADRE);
    const sent = await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.parseMode).toBe("HTML");
    expect(parseTelegramHtml(answer.text).ok).toBe(true);
    expect(answer.plainText).toContain("06");
    expect(answer.plainText).toMatch(/\[1\]/);
    expect(answer.plainText).toContain("📚 Nguồn");
    expect(answer.plainText).toContain(SEED_TITLE_START);
    expect(answer.replyToMessageId).toBe(sent.messageId);
    const buttons = (answer.replyMarkup?.inline_keyboard ?? []).flat();
    expect(buttons.some((b) => b.text.startsWith("[1]"))).toBe(true);
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(["👍 Hữu ích", "👎 Chưa đúng"]));
    expect(h.emulator.chatActions(CADRE.id)).toContain("typing");

    const [logged] = rows<{ question: string; user_id: number; declined: number; latency_ms: number }>(
      h,
      "SELECT question, user_id, declined, latency_ms FROM bot_questions ORDER BY id DESC LIMIT 1",
    );
    expect(logged).toMatchObject({
      question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
      user_id: CADRE.id,
      declined: 0,
    });
    expect(logged!.latency_ms).toBeGreaterThanOrEqual(0);
    const sources = rows<{ doc_id: string; chunk_id: string }>(
      h,
      "SELECT doc_id, chunk_id FROM bot_question_sources s JOIN bot_questions q ON q.id = s.question_id WHERE q.question = ?",
      "Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
    );
    expect(sources.length).toBeGreaterThan(0);
  });

  it("a source button shows the cited passage in full", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Đức Thọ sáp nhập Ban Tổ chức Huyện ủy với Phòng Nội vụ thành cơ quan nào?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const first = (answer.replyMarkup?.inline_keyboard ?? []).flat().find((b) => b.text.startsWith("[1]"));
    expect(first).toBeDefined();
    await lan.pressButton(answer, first!.text);
    const passage = await lan.waitForBotMessage(
      (m) => m.messageId > answer.messageId && m.text.startsWith("<b>[1]"),
    );
    expect(passage.replyToMessageId).toBe(answer.messageId);
    expect(parseTelegramHtml(passage.text).ok).toBe(true);
    await questionIdOf(h, CADRE.id, answer.messageId);
    const [cited] = rows<{ chunk_id: string }>(
      h,
      "SELECT s.chunk_id FROM bot_question_sources s JOIN bot_answer_messages a ON a.question_id = s.question_id WHERE a.chat_id = ? AND a.message_id = ? AND s.n = 1",
      CADRE.id,
      answer.messageId,
    );
    const chunk = await h.engine.store.getChunk(cited!.chunk_id);
    // The whole passage is there (it fits one page).
    const firstWords = chunk!.chunk.text.trim().split(/\s+/).slice(0, 12).join(" ");
    expect(passage.plainText.replace(/\s+/g, " ")).toContain(firstWords);
    await h.emulator.waitForCall("answerCallbackQuery");
  });

  it("👍 / 👎 are stored with the question, one vote per user (the last one counts)", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Mô hình Bí thư đồng thời là Chủ tịch UBND huyện ở Đức Thọ thực hiện bao lâu?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const questionId = await questionIdOf(h, CADRE.id, answer.messageId);
    await lan.pressButton(answer, "👎 Chưa đúng");
    await h.emulator.waitForCall("answerCallbackQuery", (c) => String(c.params.text ?? "").includes("👎"));
    await lan.pressButton(answer, "👍 Hữu ích");
    await h.emulator.waitForCall("answerCallbackQuery", (c) => String(c.params.text ?? "").includes("👍"));
    const votes = rows<{ user_id: number; value: number }>(
      h,
      "SELECT user_id, value FROM bot_feedback WHERE question_id = ?",
      questionId,
    );
    expect(votes).toEqual([{ user_id: CADRE.id, value: 1 }]);
  });

  it("a reply to an answer is a follow-up carrying the earlier question", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const followUp = await lan.replyTo(answer, "Còn cấp trưởng thì sao?");
    const second = await lan.waitForBotMessage(undefined, 20_000);
    expect(second.replyToMessageId).toBe(followUp.messageId);
    const [row] = rows<{ question: string; parent_question: string }>(
      h,
      "SELECT q.question, p.question AS parent_question FROM bot_questions q JOIN bot_questions p ON p.id = q.parent_id ORDER BY q.id DESC LIMIT 1",
    );
    expect(row).toEqual({
      question: "Còn cấp trưởng thì sao?",
      parent_question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
    });
  });

  it("a short question in reply ('do ai ký?') is asked of the earlier question's document, not answered with its answer again", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Nghị quyết 190/2025/QH15 có hiệu lực từ ngày nào?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("19/2/2025");
    const followUp = await lan.replyTo(answer, "do ai ký?");
    const second = await lan.waitForBotMessage((m) => m.replyToMessageId === followUp.messageId, 20_000);
    expect(second.plainText).toContain("Trần Thanh Mẫn");
    expect(second.plainText).not.toContain("có hiệu lực thi hành từ ngày 19/2/2025");
  });

  it("'giải thích rõ hơn' in reply to an answer gets a different answer: what the first left out", async () => {
    const lan = h.user(CADRE);
    const question = "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?";
    await lan.sendText(question);
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const followUp = await lan.replyTo(answer, "giải thích rõ hơn");
    const second = await lan.waitForBotMessage((m) => m.replyToMessageId === followUp.messageId, 20_000);
    const body = (text: string) => text.split("📚 Nguồn")[0]!.trim();
    expect(body(second.plainText)).not.toBe(body(answer.plainText));
    expect(second.plainText).not.toContain(answerMessages.notFound);
    const [first] = rows<{ answer: string }>(
      h,
      "SELECT answer FROM bot_questions WHERE question = ?",
      question,
    );
    for (const fragment of quotedFragments(first!.answer)) expect(second.plainText).not.toContain(fragment);
    expect(second.plainText).toContain("gây áp lực");
    expect(second.plainText).toContain(SEED_TITLE_START);
  });

  it("'tiếp' in reply to 'giải thích rõ hơn' still asks the first question, and quotes what neither answer did", async () => {
    const lan = h.user(CADRE);
    const question = "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?";
    await lan.sendText(question);
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const more = await lan.replyTo(answer, "giải thích rõ hơn");
    const second = await lan.waitForBotMessage((m) => m.replyToMessageId === more.messageId, 20_000);
    const next = await lan.replyTo(second, "tiếp");
    const third = await lan.waitForBotMessage((m) => m.replyToMessageId === next.messageId, 20_000);
    expect(third.plainText).not.toContain(answerMessages.notFound);
    const logged = rows<{ question: string; answer: string }>(
      h,
      "SELECT question, answer FROM bot_questions ORDER BY id DESC LIMIT 3",
    );
    expect(logged.map((r) => r.question)).toEqual(["tiếp", "giải thích rõ hơn", question]);
    for (const earlier of logged.slice(1))
      for (const fragment of quotedFragments(earlier.answer)) expect(third.plainText).not.toContain(fragment);
    expect(third.plainText).toContain(SEED_TITLE_START);
  });

  it("a greeting gets a greeting in plain text: no sources, no buttons, not in the question log", async () => {
    const lan = h.user(CADRE);
    const logged = () => rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM bot_questions")[0]!.n;
    const before = logged();
    const sent = await lan.sendText("xin chào");
    const reply = await lan.waitForBotMessage(undefined, 20_000);
    expect(reply.plainText).toBe(conversationReplies.greeting);
    expect(reply.parseMode).toBeUndefined();
    expect(reply.replyMarkup).toBeUndefined();
    expect(reply.replyToMessageId).toBe(sent.messageId);
    expect(logged()).toBe(before);
  });

  it("a request to compose or for tomorrow's weather gets what the bot does, never a quoted sentence", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("viết giúp tôi bài thơ về mùa thu Hà Nội");
    const compose = await lan.waitForBotMessage(undefined, 20_000);
    expect(compose.plainText).toContain(outOfScopeReplies.compose);
    await lan.sendText("Thời tiết Hà Nội ngày mai thế nào?");
    const live = await lan.waitForBotMessage((m) => m.messageId > compose.messageId, 20_000);
    expect(live.plainText).toContain(outOfScopeReplies.live);
    for (const reply of [compose, live]) expect(reply.plainText).not.toMatch(/\[\d\]/);
    // Questions all the same: logged, as declined, for /thongke and the digest.
    const declined = rows<{ question: string }>(
      h,
      "SELECT question FROM bot_questions WHERE declined = 1 AND question IN (?, ?)",
      "viết giúp tôi bài thơ về mùa thu Hà Nội",
      "Thời tiết Hà Nội ngày mai thế nào?",
    );
    expect(declined).toHaveLength(2);
  });

  it("'sai rồi' in reply to an answer gets the apology pointing to 👎, not a follow-up answer", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    await lan.replyTo(answer, "sai rồi");
    const reply = await lan.waitForBotMessage((m) => m.messageId > answer.messageId, 20_000);
    expect(reply.plainText).toBe(conversationReplies.complaint);
    expect(reply.replyMarkup).toBeUndefined();
  });

  it("bad input gets the Vietnamese message: a blank question, a 4,000-character question", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("   ");
    expect((await lan.waitForBotMessage()).plainText).toBe(answerMessages.emptyQuestion);
    await lan.sendText("nhất thể hóa ".repeat(334).slice(0, 4000));
    expect((await lan.waitForBotMessage()).plainText).toBe(
      answerMessages.questionTooLong(MAX_QUESTION_CHARS),
    );
  });

  it("an unknown command and a document from a non-admin get a hint", async () => {
    const lan = h.user(CADRE);
    await lan.sendCommand("khong_co_lenh_nay");
    expect((await lan.waitForBotMessage()).plainText).toContain("/help");
    await lan.sendDocument({ bytes: "nội dung", fileName: "ghi-chu.txt" });
    expect((await lan.waitForBotMessage()).plainText).toContain("Chỉ quản trị viên");
  });
});
