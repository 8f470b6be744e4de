import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewMessages } from "../../src/bot/messages.js";
import type { BotMessage, EmulatorChat } from "../../src/emulator/index.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import { waitFor } from "../support/wait-for.js";
import {
  ADMIN,
  type BotHarness,
  CADRE,
  questionIdOf,
  rows,
  SEED_TITLE_START,
  startBotHarness,
} from "./bot-harness.js";

const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
/** Written in advance in bench/data/official-paraphrases.json (one without diacritics). */
const PARAPHRASES = [
  "Số đầu mối mà huyện Đức Thọ giảm được là bao nhiêu?",
  "duc tho giam bot duoc bao nhieu dau moi",
  "Đức Thọ cắt giảm được mấy đầu mối vậy?",
];
const OTHER_TOPICS = [
  "Ban Tuyên giáo và Dân vận Trung ương có nhiệm vụ gì?",
  "Kết luận 127-KL/TW yêu cầu sắp xếp bộ máy như thế nào?",
];
const OFFICIAL_TEXT =
  "Theo báo cáo của Huyện ủy, sau khi thực hiện nhất thể hóa, huyện Đức Thọ giảm được 06 đầu mối (ý kiến chính thức của đơn vị).";
const HEADING = "⭐ Câu trả lời chính thức của đơn vị";

const EXTRA_DOC = [
  "# Hướng dẫn tạm thời về tiếp công dân ở xã",
  "",
  "Trụ sở tiếp công dân của xã mở cửa vào sáng thứ Hai và thứ Năm hằng tuần.",
].join("\n");

/**
 * Issue 21's loop through the Bot API emulator: a cadre's 👎 with a reason reaches
 * /danhgia, the admin makes an official answer of it, the same question and three
 * paraphrases get it first, two other questions do not, removing it restores the normal
 * answer; non-admins see no queue and create no official answer.
 */
describe("review queue and official answers", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ documents: { "tiep-cong-dan.md": EXTRA_DOC } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const answered = async (press: Promise<{ callbackQueryId: string }>) => {
    const { callbackQueryId } = await press;
    const call = await h.emulator.waitForCall(
      "answerCallbackQuery",
      (c) => c.params.callback_query_id === callbackQueryId,
    );
    return { text: String(call.params.text ?? ""), alert: call.params.show_alert === true };
  };
  const officialCount = () => rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM official_answers")[0]!.n;
  const ask = async (question: string): Promise<BotMessage> => {
    const lan = h.user(CADRE);
    const sent = await lan.sendText(question);
    return lan.waitForBotMessage((m) => m.replyToMessageId === sent.messageId, 20_000);
  };
  const seedDoc = async () => {
    const docs = await h.engine.store.listDocuments();
    return docs.find((d) => d.title.startsWith(SEED_TITLE_START))!;
  };

  it("a cadre's 👎 with a reason reaches /danhgia; the admin turns it into an official answer", async () => {
    const lan = h.user(CADRE);
    const answer = await ask(QUESTION);
    expect(answer.plainText).not.toContain(HEADING);
    const questionId = await questionIdOf(h, CADRE.id, answer.messageId);
    await lan.pressButton(answer, "👎 Chưa đúng");
    const prompt = await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
    expect((await answered(lan.pressButton(prompt, "Thiếu thông tin"))).text).toBe(
      reviewMessages.reasonSavedShort,
    );
    await lan.replyTo(prompt, "Thiếu số liệu năm 2020");
    await lan.waitForBotMessage((m) => m.plainText === reviewMessages.commentSaved);

    const admin = h.user(ADMIN);
    await admin.sendCommand("danhgia");
    const queue = await admin.waitForBotMessage();
    expect(parseTelegramHtml(queue.text).ok).toBe(true);
    expect(queue.plainText).toContain("Câu trả lời bị đánh giá chưa đúng – 1 lượt");
    expect(queue.plainText).toContain(`Câu hỏi: ${QUESTION}`);
    expect(queue.plainText).toContain(`Câu trả lời: ${answer.plainText.split("\n")[0]!.slice(0, 40)}`);
    expect(queue.plainText).toContain(SEED_TITLE_START);
    expect(queue.plainText).toContain("Lý do: Thiếu thông tin (1)");
    expect(queue.plainText).toContain("• Thiếu số liệu năm 2020");
    const labels = (queue.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["✓ Đã xem", "📄 Xem nguồn", "⭐ Trả lời chính thức"]));

    // Open the sources: a message with a button per source that shows the passage.
    await admin.pressButton(queue, "📄 Xem nguồn");
    const sources = await admin.waitForBotMessage((m) => m.messageId > queue.messageId);
    expect(sources.plainText).toContain(SEED_TITLE_START);
    await admin.pressButton(sources, (b) => b.text.startsWith("[1]"));
    const passage = await admin.waitForBotMessage((m) => m.messageId > sources.messageId);
    expect(passage.plainText).toContain("Đức Thọ");

    await admin.pressButton(queue, "⭐ Trả lời chính thức");
    const draft = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("⭐ Soạn câu trả lời chính thức"),
    );
    expect(draft.plainText).toContain(QUESTION);
    // A document that does not exist is refused, nothing stored.
    await admin.replyTo(draft, `${OFFICIAL_TEXT}\nNguồn: 999-XX/YY`);
    const refused = await admin.waitForBotMessage((m) => m.messageId > draft.messageId);
    expect(refused.plainText).toContain("Không tìm thấy tài liệu: 999-XX/YY");
    expect(officialCount()).toBe(0);

    const seed = await seedDoc();
    await admin.replyTo(draft, `${OFFICIAL_TEXT}\nNguồn: ${seed.docId}`);
    const saved = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("✅ Đã lưu câu trả lời chính thức"),
    );
    expect(saved.plainText).toContain("#1");
    const [stored] = rows<{ question: string; answer: string; author_id: number; sources: string }>(
      h,
      "SELECT question, answer, author_id, sources FROM official_answers",
    );
    expect(stored).toMatchObject({ question: QUESTION, answer: OFFICIAL_TEXT, author_id: ADMIN.id });
    expect(JSON.parse(stored!.sources)).toEqual([
      { docId: seed.docId, title: seed.title, number: seed.number, version: seed.version },
    ]);

    // Marked reviewed, the item leaves the queue.
    expect((await answered(admin.pressButton(queue, "✓ Đã xem"))).text).toBe(reviewMessages.reviewedDone);
    const after = await waitFor(() => {
      const m = admin.botMessages().find((x) => x.messageId === queue.messageId);
      return m && m.editCount > 0 ? m : undefined;
    });
    expect(after.plainText).not.toContain(`Câu hỏi: ${QUESTION}`);
    expect(questionId).toBeGreaterThan(0);
  });

  it("the same question and three paraphrases get the official answer first, with its date and cited passages", async () => {
    for (const question of [QUESTION, ...PARAPHRASES]) {
      const reply = await ask(question);
      expect(parseTelegramHtml(reply.text).ok).toBe(true);
      const lines = reply.plainText.split("\n");
      expect(lines[0], question).toMatch(
        /^⭐ Câu trả lời chính thức của đơn vị \(cập nhật \d{2}\/\d{2}\/\d{4}\)$/,
      );
      expect(reply.plainText).toContain(OFFICIAL_TEXT);
      expect(reply.plainText).toContain("📚 Nguồn");
      expect(reply.plainText).toContain(SEED_TITLE_START);
      const buttons = (reply.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
      expect(buttons.some((b) => b.startsWith("[1]"))).toBe(true);
    }
    const modes = rows<{ mode: string }>(h, "SELECT mode FROM bot_questions ORDER BY id DESC LIMIT 4");
    expect(modes.map((m) => m.mode)).toEqual(["official", "official", "official", "official"]);
  });

  it("two questions on other topics do not get it", async () => {
    for (const question of OTHER_TOPICS) {
      const reply = await ask(question);
      expect(reply.plainText, question).not.toContain(HEADING);
      expect(reply.plainText).not.toContain(OFFICIAL_TEXT);
    }
  });

  it("non-admins cannot see the queue or create official answers (0 accepted)", async () => {
    const lan = h.user(CADRE);
    const before = officialCount();
    await lan.sendCommand("danhgia");
    expect((await lan.waitForBotMessage()).plainText).toBe("Lệnh này chỉ dành cho quản trị viên.");
    await lan.sendCommand("traloi_chinhthuc", "Câu hỏi của tôi?");
    expect((await lan.waitForBotMessage()).plainText).toBe("Lệnh này chỉ dành cho quản trị viên.");
    const answer = await ask("Nhất thể hóa có những khó khăn gì?");
    const questionId = await questionIdOf(h, CADRE.id, answer.messageId);
    const forged = [
      `tc:a:${questionId}`,
      `dg:o:${questionId}`,
      `dg:r:q${questionId}:0`,
      `dg:s:${questionId}`,
      "dg:p:0",
      "tc:x:1",
      "tc:e:1",
    ];
    for (const data of forged) {
      expect(await answered(lan.sendCallbackData(answer, data)), data).toEqual({
        text: "Lệnh này chỉ dành cho quản trị viên.",
        alert: true,
      });
    }
    // In a group, a cadre's reply to an admin's draft is no official answer either.
    const group: EmulatorChat = { id: -1009876, type: "supergroup", title: "Chi bộ Văn phòng" };
    await h.user(ADMIN, group).sendCommand("traloi_chinhthuc", "Câu hỏi trong nhóm?");
    const draft = await h
      .user(ADMIN, group)
      .waitForBotMessage((m) => m.plainText.startsWith("⭐ Soạn câu trả lời chính thức"));
    // Nor does the queue show cadres' questions to a group, even to an admin.
    await h.user(ADMIN, group).sendCommand("danhgia");
    expect(
      (await h.user(ADMIN, group).waitForBotMessage((m) => m.messageId > draft.messageId)).plainText,
    ).toBe(reviewMessages.queuePrivateOnly);
    const inGroup = h.user(CADRE, group);
    await inGroup.replyTo(draft, "Câu trả lời do cán bộ tự viết");
    expect((await inGroup.waitForBotMessage()).plainText).toBe("Lệnh này chỉ dành cho quản trị viên.");
    expect(officialCount()).toBe(before);
    expect(rows(h, "SELECT * FROM official_answer_events WHERE actor_id = ?", CADRE.id)).toEqual([]);
    expect(
      h.logs.filter((l) => String(l.msg).endsWith("refused: not an admin")).length,
    ).toBeGreaterThanOrEqual(7);
    // The official answer is still there and still answers.
    expect((await ask(QUESTION)).plainText).toContain(OFFICIAL_TEXT);
  });

  it("an admin approves the bot's own answer from its card; edits and removes official answers; all in the audit log", async () => {
    const admin = h.user(ADMIN);
    const sent = await admin.sendText("Nhất thể hóa có những khó khăn gì?");
    const answer = await admin.waitForBotMessage((m) => m.replyToMessageId === sent.messageId, 20_000);
    await admin.replyTo(answer, "/traloi_chinhthuc");
    const draft = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("⭐ Soạn câu trả lời chính thức"),
    );
    await admin.pressButton(draft, "✅ Duyệt câu trả lời này");
    await admin.waitForBotMessage(
      (m) => m.messageId > draft.messageId && m.plainText.startsWith("✅ Đã lưu"),
    );
    const approved = rows<{ id: number; answer: string; sources: string }>(
      h,
      "SELECT id, answer, sources FROM official_answers WHERE question = ?",
      "Nhất thể hóa có những khó khăn gì?",
    )[0]!;
    expect(approved.answer).not.toMatch(/\[\d\]/);
    expect(approved.answer.length).toBeGreaterThan(20);
    expect(JSON.parse(approved.sources).length).toBeGreaterThan(0);

    await admin.sendCommand("traloi_chinhthuc");
    const list = await admin.waitForBotMessage((m) => m.plainText.startsWith("⭐ Câu trả lời chính thức: 2"));
    expect(list.plainText).toContain(QUESTION);
    await admin.pressButton(list, `✏️ Sửa #${approved.id}`);
    const editPrompt = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("✏️ Sửa câu trả lời chính thức"),
    );
    await admin.replyTo(editPrompt, "Khó khăn chính: áp lực công việc lớn (bản sửa).");
    await admin.waitForBotMessage((m) =>
      m.plainText.startsWith(`✅ Đã cập nhật câu trả lời chính thức #${approved.id}`),
    );
    expect(rows(h, "SELECT answer FROM official_answers WHERE id = ?", approved.id)).toEqual([
      { answer: "Khó khăn chính: áp lực công việc lớn (bản sửa)." },
    ]);
    expect((await ask("Nhất thể hóa gặp những khó khăn nào?")).plainText).toContain("(bản sửa)");

    // Removing the first restores the normal answer.
    await admin.pressButton(list, "🗑 Gỡ #1");
    await admin.waitForBotMessage((m) => m.plainText.startsWith("🗑 Đã gỡ câu trả lời chính thức #1"));
    const normal = await ask(QUESTION);
    expect(normal.plainText).not.toContain(HEADING);
    expect(normal.plainText).toContain("06");
    expect(
      rows<{ mode: string }>(h, "SELECT mode FROM bot_questions ORDER BY id DESC LIMIT 1")[0]!.mode,
    ).toBe("extractive");

    const events = rows<{ action: string; official_id: number; actor_id: number }>(
      h,
      "SELECT action, official_id, actor_id FROM official_answer_events ORDER BY id",
    );
    expect(events).toEqual([
      { action: "added", official_id: 1, actor_id: ADMIN.id },
      { action: "added", official_id: approved.id, actor_id: ADMIN.id },
      { action: "edited", official_id: approved.id, actor_id: ADMIN.id },
      { action: "removed", official_id: 1, actor_id: ADMIN.id },
    ]);
    await admin.sendCommand("traloi_chinhthuc", "nhatky");
    const log = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("📝 Nhật ký câu trả lời chính thức"),
    );
    expect(log.plainText).toContain("🗑 Gỡ trả lời chính thức #1");
    expect(log.plainText).toContain(`✏️ Sửa trả lời chính thức #${approved.id}`);
    // The same changes are in /nhatky, beside the corpus's.
    await admin.sendCommand("nhatky");
    const audit = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("📝 Nhật ký thay đổi kho tài liệu"),
    );
    expect(audit.plainText).toContain(`🗑 Gỡ trả lời chính thức #1: ${QUESTION}`);
    expect(audit.plainText).toContain(`quản trị viên ${ADMIN.id}`);
  });

  it("an official answer citing a document deleted later is flagged in the queue until reviewed", async () => {
    const docs = await h.engine.store.listDocuments();
    const extra = docs.find((d) => d.source === "tiep-cong-dan.md")!;
    const admin = h.user(ADMIN);
    await admin.sendCommand("traloi_chinhthuc", "Trụ sở tiếp công dân của xã mở cửa khi nào?");
    const draft = await admin.waitForBotMessage((m) =>
      m.plainText.startsWith("⭐ Soạn câu trả lời chính thức"),
    );
    await admin.replyTo(draft, `Sáng thứ Hai và thứ Năm hằng tuần.\nNguồn: ${extra.docId}`);
    await admin.waitForBotMessage(
      (m) => m.messageId > draft.messageId && m.plainText.startsWith("✅ Đã lưu"),
    );
    await h.engine.store.deleteDocument(extra.docId);

    await admin.sendCommand("danhgia");
    const queue = await admin.waitForBotMessage((m) => m.plainText.startsWith("🗂 Cần xem lại"));
    expect(queue.plainText).toContain("Câu trả lời chính thức dẫn tài liệu đã thay đổi");
    expect(queue.plainText).toContain("Hướng dẫn tạm thời về tiếp công dân ở xã: đã bị xóa khỏi kho");
    await admin.pressButton(queue, "✓ Đã xem");
    const after = await waitFor(() => {
      const m = admin.botMessages().find((x) => x.messageId === queue.messageId);
      return m && m.editCount > 0 ? m : undefined;
    });
    expect(after.plainText).not.toContain("đã bị xóa khỏi kho");
    expect(
      rows<{ action: string }>(h, "SELECT action FROM official_answer_events ORDER BY id DESC LIMIT 1")[0]!
        .action,
    ).toBe("sources_checked");
  });
});
