import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskService } from "../../src/answer/ask-service.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import { renderAnswer } from "../../src/telegram/format/index.js";
import { type BotHarness, CADRE, questionIdOf, rows, startBotHarness } from "./bot-harness.js";

/** A test document whose title and text are full of HTML's special characters. */
const HOSTILE_DOC = [
  '# Quy chế <thử nghiệm> về "Bí thư & Chủ tịch" > 3 cấp',
  "",
  "Điều 1. Cơ chế kiêm nhiệm <b>đặc biệt</b>: Bí thư & Chủ tịch được hợp nhất đầu mối khi số cấp > 3 và < 5; không áp dụng <script>alert(1)</script> cho cấp xã.",
  "",
  "Điều 2. Văn phòng cấp ủy & chính quyền dùng chung con dấu <mới>, thực hiện từ ngày 01/01/2026.",
].join("\n");

/** A passage long enough to need several pages at the test page size. */
const LONG_DOC = [
  "# Hướng dẫn chi tiết về sắp xếp đầu mối cấp huyện",
  "",
  Array.from(
    { length: 10 },
    (_, i) =>
      `Bước ${i + 1}: rà soát chức năng, nhiệm vụ của phòng ban thứ ${i + 1}, đề xuất phương án hợp nhất đầu mối và kiêm nhiệm chức danh lãnh đạo cho phù hợp.`,
  ).join(" "),
].join("\n");

/** HTML escaping of document-derived strings, paged passages, split answers. */
describe("bot message formatting", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({
      corpusDir: false,
      documents: { "quy-che-dac-biet.md": HOSTILE_DOC, "huong-dan-dau-moi.md": LONG_DOC },
      settings: { passagePageSize: 400 },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("escapes <, > and & of a document's title and text in the answer and in the passage", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Văn phòng cấp ủy và chính quyền dùng chung con dấu mới từ ngày nào?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    // The emulator rejects what Telegram would reject ("can't parse entities"), so arriving at all means valid HTML.
    expect(parseTelegramHtml(answer.text).ok).toBe(true);
    expect(answer.text).toContain("&lt;thử nghiệm&gt;");
    expect(answer.text).not.toContain("<script>");
    expect(answer.text).not.toMatch(/<b>đặc biệt<\/b>/);
    expect(answer.plainText).toContain('Quy chế <thử nghiệm> về "Bí thư & Chủ tịch" > 3 cấp');
    expect(answer.plainText).toContain("<b>đặc biệt</b>");

    const source = (answer.replyMarkup?.inline_keyboard ?? []).flat().find((b) => b.text.startsWith("[1]"));
    expect(source?.text).toContain("<thử nghiệm>"); // button labels are plain text, not HTML
    await lan.pressButton(answer, source!.text);
    const passage = await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
    expect(parseTelegramHtml(passage.text).ok).toBe(true);
    expect(passage.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(passage.plainText).toContain("<script>alert(1)</script>");
    expect(passage.plainText).toContain("Văn phòng cấp ủy & chính quyền");
  });

  it("pages a long passage with ◀ ▶, editing the same message", async () => {
    const lan = h.user(CADRE);
    await lan.sendText("Hướng dẫn rà soát chức năng phòng ban, hợp nhất đầu mối cấp huyện");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    const source = (answer.replyMarkup?.inline_keyboard ?? [])
      .flat()
      .find((b) => b.text.startsWith("[") && b.text.includes("Hướng dẫn chi tiết"));
    expect(source).toBeDefined();
    await lan.pressButton(answer, source!.text);
    const passage = await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
    // The view object follows later edits: keep the first page's text now.
    const pageTexts = [passage.plainText];
    const pages = Number(/Trang 1\/(\d+)/.exec(passage.plainText)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect((passage.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text)).toEqual(["Trang sau ▶"]);
    await lan.pressButton(passage, "Trang sau ▶");
    const edited = await lan.waitForBotMessage((m) => m.messageId === passage.messageId && m.editCount === 1);
    expect(edited.plainText).toContain(`Trang 2/${pages}`);
    expect((edited.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text)).toContain("◀ Trang trước");
    expect(parseTelegramHtml(edited.text).ok).toBe(true);
    pageTexts.push(edited.plainText);
    let current = edited;
    for (let page = 3; page <= pages; page++) {
      await lan.pressButton(current, "Trang sau ▶");
      current = await lan.waitForBotMessage(
        (m) => m.messageId === passage.messageId && m.editCount === page - 1,
      );
      pageTexts.push(current.plainText);
    }
    expect((current.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text)).toEqual(["◀ Trang trước"]);
    // All pages together hold the whole passage, in order.
    const joined = pageTexts.join(" ").replace(/\s+/g, " ");
    let at = -1;
    for (let i = 1; i <= 10; i++) {
      const next = joined.indexOf(`phòng ban thứ ${i},`, at + 1);
      expect(next, `step ${i}`).toBeGreaterThan(at);
      at = next;
    }
    // ◀ goes back.
    await lan.pressButton(current, "◀ Trang trước");
    const back = await lan.waitForBotMessage(
      (m) => m.messageId === passage.messageId && m.editCount === pages,
    );
    expect(back.plainText).toContain(`Trang ${pages - 1}/${pages}`);
  });
});

describe("bot splitting a long answer", () => {
  let h: BotHarness;
  beforeAll(async () => {
    // A model-style long answer over real retrieval: the engine's answer, repeated past 4,096 characters.
    const longAnswers = (engine: { ask: AskService }): AskService => ({
      async ask(question, options) {
        const result = await engine.ask.ask(question, options);
        const paragraph = `${result.answer.replace(/\s*\[\d+\]\s*$/, "")} [1]`;
        const copies = Math.ceil(9000 / paragraph.length);
        return {
          ...result,
          mode: "llm",
          answer: Array.from({ length: copies }, () => paragraph).join("\n\n"),
        };
      },
    });
    h = await startBotHarness({ ask: longAnswers });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends parts of at most 4,096 characters, valid HTML each, buttons on the last part only", async () => {
    const lan = h.user(CADRE);
    const sent = await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const first = await lan.waitForBotMessage(undefined, 20_000);
    const questionId = await questionIdOf(h, CADRE.id, first.messageId);
    const partRows = rows<{ message_id: number }>(
      h,
      "SELECT message_id FROM bot_answer_messages WHERE question_id = ? ORDER BY part",
      questionId,
    );
    expect(partRows.length).toBeGreaterThan(1);
    const parts = partRows.map((r) => lan.botMessages().find((m) => m.messageId === r.message_id)!);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(part.text).ok).toBe(true);
    }
    expect(parts[0]!.replyToMessageId).toBe(sent.messageId);
    expect(parts.slice(0, -1).every((p) => p.replyMarkup === undefined)).toBe(true);
    expect((parts.at(-1)!.replyMarkup?.inline_keyboard ?? []).flat().length).toBeGreaterThan(1);
    expect(parts.at(-1)!.plainText).toContain("📚 Nguồn");
    // Nothing lost: the parts' visible text is the whole answer's.
    const [logged] = rows<{ answer: string }>(h, "SELECT answer FROM bot_questions WHERE id = ?", questionId);
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(parts.map((p) => p.plainText).join(""))).toContain(squash(logged!.answer));
    expect(renderAnswer).toBeTypeOf("function");

    // A reply to any part is a follow-up of that answer.
    await lan.replyTo(parts[0]!, "Còn cấp trưởng?");
    await lan.waitForBotMessage((m) => m.messageId > parts.at(-1)!.messageId, 20_000);
    const [child] = rows<{ parent_id: number }>(
      h,
      "SELECT parent_id FROM bot_questions ORDER BY id DESC LIMIT 1",
    );
    expect(child!.parent_id).toBe(questionId);
  });
});
