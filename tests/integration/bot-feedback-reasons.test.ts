import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewMessages } from "../../src/bot/messages.js";
import { type EmulatorChat, parseTelegramHtml } from "../../src/emulator/index.js";
import { waitFor } from "../support/wait-for.js";
import { type BotHarness, CADRE, questionIdOf, rows, startBotHarness } from "./bot-harness.js";

const OTHER = { id: 5002, firstName: "Minh", username: "can_bo_minh" };
const GROUP: EmulatorChat = { id: -1001234568, type: "supergroup", title: "Chi bộ Tổ chức" };

/** Why 👎: reason buttons, an optional comment as a reply, a vote that can change. */
describe("👎 with a reason through the Bot API emulator", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ settings: { allowedUserIds: [CADRE.id, OTHER.id] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The bot's answer to one button press (its alert or toast text). */
  const answered = async (press: Promise<{ callbackQueryId: string }>) => {
    const { callbackQueryId } = await press;
    const call = await h.emulator.waitForCall(
      "answerCallbackQuery",
      (c) => c.params.callback_query_id === callbackQueryId,
    );
    return String(call.params.text ?? "");
  };

  const vote = (questionId: number) =>
    rows<{ value: number; reason: string | null; comment: string | null }>(
      h,
      "SELECT value, reason, comment FROM bot_feedback WHERE question_id = ? AND user_id = ?",
      questionId,
      CADRE.id,
    )[0];

  it("asks why with five reason buttons, keeps the reason and a reply as comment, and drops both on 👍", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const questionId = await questionIdOf(h, CADRE.id, answer.messageId);

    await lan.pressButton(answer, "👎 Chưa đúng");
    const prompt = await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
    expect(prompt.plainText).toBe(reviewMessages.askReason);
    expect(prompt.replyToMessageId).toBe(answer.messageId);
    const labels = (prompt.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(labels).toEqual(["Sai nguồn", "Không trả lời câu hỏi", "Thiếu thông tin", "Đã lỗi thời", "Khác"]);
    expect(vote(questionId)).toEqual({ value: -1, reason: null, comment: null });

    expect(await answered(lan.pressButton(prompt, "Sai nguồn"))).toBe(reviewMessages.reasonSavedShort);
    expect(vote(questionId)?.reason).toBe("wrong_source");
    const edited = await waitFor(() =>
      lan.botMessages().find((m) => m.messageId === prompt.messageId && m.editCount > 0),
    );
    expect(edited?.plainText).toContain("Đã ghi lý do: Sai nguồn");
    expect(parseTelegramHtml(edited?.text ?? "").ok).toBe(true);
    expect(edited?.replyMarkup).toBeUndefined();

    await lan.replyTo(prompt, "Số liệu lấy từ báo cáo cũ năm 2019");
    const thanks = await lan.waitForBotMessage();
    expect(thanks.plainText).toBe(reviewMessages.commentSaved);
    expect(vote(questionId)).toEqual({
      value: -1,
      reason: "wrong_source",
      comment: "Số liệu lấy từ báo cáo cũ năm 2019",
    });
    // The comment was not taken for a question.
    expect(rows(h, "SELECT id FROM bot_questions WHERE question LIKE 'Số liệu%'")).toEqual([]);

    // Pressing 👎 again keeps the reason and asks nothing more; 👍 changes the vote and drops it.
    const before = lan.botMessages().length;
    expect(await answered(lan.pressButton(answer, "👎 Chưa đúng"))).toContain("👎");
    expect(await answered(lan.pressButton(answer, "👍 Hữu ích"))).toContain("👍");
    expect(lan.botMessages().length).toBe(before);
    expect(vote(questionId)).toEqual({ value: 1, reason: null, comment: null });

    // A reason pressed after the vote changed is not kept.
    expect(await answered(lan.sendCallbackData(prompt, `fr:${questionId}:other`))).toBe(
      reviewMessages.voteChanged,
    );
    expect(vote(questionId)?.reason).toBeNull();
  });

  it("in a group, only the cadre who voted 👎 chooses the reason", async () => {
    const lan = h.user(CADRE, GROUP);
    await lan.sendCommand("hoi", "Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const questionId = await questionIdOf(h, GROUP.id, answer.messageId);
    await lan.pressButton(answer, "👎 Chưa đúng");
    const prompt = await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
    const minh = h.user(OTHER, GROUP);
    expect(await answered(minh.pressButton(prompt, "Thiếu thông tin"))).toBe(reviewMessages.reasonNotYours);
    expect(rows(h, "SELECT reason FROM bot_feedback WHERE question_id = ?", questionId)).toEqual([
      { reason: null },
    ]);
    expect(await answered(lan.pressButton(prompt, "Thiếu thông tin"))).toBe(reviewMessages.reasonSavedShort);
    expect(rows(h, "SELECT reason FROM bot_feedback WHERE question_id = ?", questionId)).toEqual([
      { reason: "incomplete" },
    ]);
  });

  it("forged reason data gets a stale-button answer and a log line, nothing stored", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Nhất thể hóa có những khó khăn gì?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const questionId = await questionIdOf(h, CADRE.id, answer.messageId);
    expect(await answered(lan.sendCallbackData(answer, `fr:${questionId}:wrong_source`))).toBe(
      "Nút này không còn hiệu lực.",
    );
    expect(h.logs.some((l) => l.msg === "stale or forged feedback reason")).toBe(true);
    expect(rows(h, "SELECT * FROM bot_feedback WHERE question_id = ?", questionId)).toEqual([]);
  });
});
