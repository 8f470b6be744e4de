import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, UserClient } from "../../src/emulator/index.js";
import { docsData } from "../../src/telegram/callback-data/admin.js";
import { buildDocx } from "../unit/ingest/builders.js";
import { ADMIN, type BotHarness, CADRE, DEFAULT_CORPUS_DIR, startBotHarness } from "./bot-harness.js";

const DIRECTIVE = [
  "BAN CHẤP HÀNH TRUNG ƯƠNG",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "Số: 77-CT/TW",
  "Hà Nội, ngày 2 tháng 4 năm 2025",
  "CHỈ THỊ",
  "về kiện toàn đội ngũ cán bộ chủ chốt ở huyện Vân Khê",
  "Căn cứ Điều lệ Đảng, Ban Bí thư chỉ thị như sau:",
  "1. Huyện Vân Khê bố trí 23 đồng chí Bí thư chi bộ đồng thời là Trưởng thôn trong năm 2025.",
  "2. Ban Tổ chức Huyện ủy Vân Khê tổng hợp kết quả, báo cáo trước ngày 30 tháng 11 năm 2025.",
];
const TITLE = "Chỉ thị về kiện toàn đội ngũ cán bộ chủ chốt ở huyện Vân Khê";
const QUESTION = "Huyện Vân Khê bố trí bao nhiêu Bí thư chi bộ đồng thời là Trưởng thôn?";

function buttons(message: BotMessage): string[] {
  return (message.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

/** The latest state of a bot message (after edits). */
function current(client: UserClient, messageId: number): BotMessage {
  const found = client.botMessages().find((m) => m.messageId === messageId);
  if (!found) throw new Error(`no message ${messageId}`);
  return found;
}

async function edited(client: UserClient, message: BotMessage, includes: string): Promise<BotMessage> {
  return client.waitForBotMessage(
    (m) => m.messageId === message.messageId && m.plainText.includes(includes),
    {
      afterMessageId: message.messageId - 1,
      timeoutMs: 15_000,
    },
  );
}

describe("admins manage the corpus: /tailieu and /nhatky", () => {
  let h: BotHarness;
  let admin: UserClient;
  let lan: UserClient;
  let bytes: Uint8Array;
  let docId = "";

  beforeAll(async () => {
    h = await startBotHarness();
    admin = h.user(ADMIN);
    lan = h.user(CADRE);
    bytes = await buildDocx(DIRECTIVE);
    await admin.sendDocument({ bytes, fileName: "chi-thi-77.docx" });
    await admin.waitForBotMessage((m) => m.plainText.includes("Đã thêm tài liệu"), 30_000);
    docId = (await h.engine.store.findByNumber("77-CT/TW"))[0]!.docId;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("the admin menu lists /tailieu and /nhatky; cadres cannot use them", async () => {
    const adminMenu = h.emulator.commands({ scope: { type: "chat", chat_id: ADMIN.id } });
    expect(adminMenu.map((c) => c.command)).toEqual(expect.arrayContaining(["tailieu", "nhatky"]));
    await lan.sendCommand("tailieu");
    expect((await lan.waitForBotMessage()).plainText).toContain("chỉ dành cho quản trị viên");
    await lan.sendCommand("nhatky");
    expect((await lan.waitForBotMessage()).plainText).toContain("chỉ dành cho quản trị viên");
  });

  it("/tailieu lists the documents, newest first, 8 a page with ◀ ▶ and kind filters", async () => {
    const total = (await h.engine.store.stats()).documents;
    expect(total).toBeGreaterThan(8);
    await admin.sendCommand("tailieu");
    const list = await admin.waitForBotMessage();
    expect(list.plainText).toContain(`Tài liệu trong kho: ${total}`);
    expect(list.plainText).toContain(`1. ${TITLE}`);
    expect(list.plainText).toContain("77-CT/TW");
    const labels = buttons(list);
    expect(labels.filter((l) => /^\d+\./.test(l))).toHaveLength(8);
    expect(labels).toContain("Sau ▶");
    expect(labels).toContain("• Tất cả");
    expect(labels).toContain("Chỉ thị");

    await admin.pressButton(list, "Sau ▶");
    const page2 = await edited(admin, list, "trang 2/");
    expect(buttons(page2)).toContain("◀ Trước");
    expect(page2.plainText).toContain("9.");
    expect(page2.plainText).not.toContain(TITLE);

    await admin.pressButton(page2, "Chỉ thị");
    const filtered = await edited(admin, list, "loại Chỉ thị");
    expect(filtered.plainText).toContain(`1. ${TITLE}`);
    expect(filtered.plainText).not.toContain("2.");
  });

  it("/tailieu <kind> filters by kind, without caring for diacritics; an unknown kind is explained", async () => {
    await admin.sendCommand("tailieu", "chi thi");
    const list = await admin.waitForBotMessage();
    expect(list.plainText).toContain("loại Chỉ thị: 1");
    expect(list.plainText).toContain(TITLE);
    await admin.sendCommand("tailieu", "Sắc lệnh");
    const unknown = await admin.waitForBotMessage();
    expect(unknown.plainText).toContain("Không có loại tài liệu “Sắc lệnh”");
    expect(unknown.plainText).toContain("Chỉ thị");
  });

  it("a document's card: Tải về sends back the original, byte for byte", async () => {
    await admin.sendCommand("tailieu", "Chỉ thị");
    const list = await admin.waitForBotMessage();
    await admin.pressButton(list, (b) => b.text.startsWith("1."));
    const card = await edited(admin, list, "Phiên bản: 1");
    expect(card.plainText).toContain(`Tiêu đề: ${TITLE}`);
    expect(card.plainText).toContain("Số: 77-CT/TW");
    expect(card.plainText).toContain("Tệp: chi-thi-77.docx");
    expect(buttons(card)).toEqual(["⬇️ Tải về", "🗑 Xóa", "« Danh sách"]);

    await admin.pressButton(card, "⬇️ Tải về");
    const sent = await admin.waitForBotMessage((m) => m.kind === "document", {
      afterMessageId: card.messageId,
    });
    expect(sent.document?.fileName).toBe("chi-thi-77.docx");
    expect(Buffer.compare(sent.document!.bytes, Buffer.from(bytes))).toBe(0);
    const call = h.emulator.recordedCalls("sendDocument").at(-1);
    expect(call?.params.chat_id).toBeDefined();
    expect(sent.plainText).toBe(TITLE);

    await admin.pressButton(current(admin, card.messageId), "« Danh sách");
    await edited(admin, list, "Tài liệu trong kho");
  });

  it("Tải về also works for a document synced from the corpus folder", async () => {
    const seed = (await h.engine.store.listDocuments()).find((d) => d.source.startsWith("000_"))!;
    await admin.sendCommand("tailieu");
    const list = await admin.waitForBotMessage();
    await admin.sendCallbackData(list, docsData({ action: "download", docId: seed.docId }));
    const sent = await admin.waitForBotMessage(
      (m) => m.kind === "document" && m.document?.fileName === seed.source,
      {
        afterMessageId: list.messageId,
      },
    );
    const onDisk = await readFile(join(DEFAULT_CORPUS_DIR, seed.source));
    expect(Buffer.compare(sent.document!.bytes, onDisk)).toBe(0);
  });

  it("a cadre's forged button does nothing", async () => {
    await lan.sendText(QUESTION);
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    await lan.sendCallbackData(answer, docsData({ action: "confirm", docId }));
    await h.emulator.waitForCall(
      "answerCallbackQuery",
      (c) => c.params.text === "Lệnh này chỉ dành cho quản trị viên.",
    );
    expect(await h.engine.store.getDocument(docId)).not.toBeNull();
  });

  it("Xóa asks first; Hủy keeps it; Xác nhận xóa removes it and it is no longer answered", async () => {
    const before = await lan.sendText(QUESTION).then(() => lan.waitForBotMessage(undefined, 20_000));
    expect(before.plainText).toContain("23");
    expect(before.plainText).toContain(TITLE);

    await admin.sendCommand("tailieu", "Chỉ thị");
    const list = await admin.waitForBotMessage();
    await admin.pressButton(list, (b) => b.text.startsWith("1."));
    const card = await edited(admin, list, "Phiên bản: 1");
    await admin.pressButton(card, "🗑 Xóa");
    const confirm = await edited(admin, list, "khỏi kho?");
    expect(buttons(confirm)).toEqual(["Xác nhận xóa", "✖ Hủy"]);
    await admin.pressButton(confirm, "✖ Hủy");
    await edited(admin, list, "Phiên bản: 1");
    expect(await h.engine.store.getDocument(docId)).not.toBeNull();

    await admin.pressButton(current(admin, list.messageId), "🗑 Xóa");
    const again = await edited(admin, list, "khỏi kho?");
    await admin.pressButton(again, "Xác nhận xóa");
    const deleted = await edited(admin, list, "Đã xóa");
    expect(deleted.plainText).toContain(TITLE);
    expect(await h.engine.store.getDocument(docId)).toBeNull();
    expect(h.engine.corpusLog.recent(1)[0]).toMatchObject({
      action: "removed",
      docId,
      actorId: ADMIN.id,
      via: "telegram",
    });

    await lan.sendText(QUESTION);
    const after = await lan.waitForBotMessage(undefined, 20_000);
    expect(after.plainText).not.toContain(TITLE);
    expect(after.plainText).not.toContain("23 đồng chí");
  });

  it("/nhatky shows the changes newest first, with the admin and the channel", async () => {
    await admin.sendCommand("nhatky");
    const log = await admin.waitForBotMessage();
    const text = log.plainText;
    expect(text).toContain("Nhật ký thay đổi kho tài liệu");
    const removed = text.indexOf("🗑 Xóa");
    const added = text.indexOf("➕ Thêm: Chỉ thị về kiện toàn");
    expect(removed).toBeGreaterThan(-1);
    expect(added).toBeGreaterThan(removed);
    expect(text).toContain(`quản trị viên ${ADMIN.id} qua Telegram`);
    expect(text).toContain("đồng bộ thư mục kho khi khởi động");
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const total = h.engine.corpusLog.count();
    if (total > 10) {
      expect(buttons(log)).toContain("Sau ▶");
      await admin.pressButton(log, "Sau ▶");
      const page2 = await edited(admin, log, "trang 2/");
      expect(buttons(page2)).toContain("◀ Trước");
    }
  });
});
