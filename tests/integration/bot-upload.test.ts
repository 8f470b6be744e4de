import { stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusMessages } from "../../src/bot/messages.js";
import type { BotMessage, UserClient, UserDocument } from "../../src/emulator/index.js";
import { sha256 } from "../../src/hash.js";
import { ingestMessages } from "../../src/ingest/messages.js";
import {
  buildDocx,
  buildEncryptedPdf,
  buildPdf,
  buildScannedPdf,
  buildZipBombDocx,
} from "../unit/ingest/builders.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/** A made-up directive with a distinctive fact: `communes` communes done by the end of Q3. */
function directive(communes: number): string[] {
  return [
    "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số: 99-CT/TW",
    "Hà Nội, ngày 10 tháng 3 năm 2025",
    "CHỈ THỊ",
    "về thí điểm nhất thể hóa chức danh ở tỉnh Quảng Hòa",
    "Căn cứ Điều lệ Đảng, Ban Bí thư chỉ thị như sau:",
    "1. Tỉnh Quảng Hòa thực hiện thí điểm mô hình Bí thư đảng ủy xã đồng thời là Chủ tịch Ủy ban nhân dân xã.",
    `2. Đến hết quý III năm 2025, tỉnh Quảng Hòa hoàn thành nhất thể hóa chức danh tại ${communes} xã, thị trấn.`,
    "3. Ban Tổ chức Tỉnh ủy Quảng Hòa theo dõi, sơ kết và báo cáo Ban Bí thư.",
  ];
}
const DIRECTIVE_TITLE = "Chỉ thị về thí điểm nhất thể hóa chức danh ở tỉnh Quảng Hòa";
const DIRECTIVE_QUESTION = "Tỉnh Quảng Hòa hoàn thành nhất thể hóa chức danh tại bao nhiêu xã, thị trấn?";

/** A made-up conclusion of a provincial committee, as a PDF with a real text layer. */
const CONCLUSION_PAGE = [
  "TỈNH ỦY BÌNH LÂM",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "Số: 88-KL/TU",
  "Bình Lâm, ngày 5 tháng 6 năm 2025",
  "KẾT LUẬN",
  "về sắp xếp đầu mối các phòng, ban cấp huyện của tỉnh Bình Lâm",
  "Sau khi hợp nhất, tỉnh Bình Lâm giảm được 42 đầu mối phòng, ban chuyên môn cấp huyện và tiết kiệm 19 tỷ đồng mỗi năm.",
];
const CONCLUSION_TITLE = "Kết luận 88-KL/TU về sắp xếp đầu mối ở Bình Lâm";

/** Sends a file and waits for the progress message to reach its final text. */
async function upload(client: UserClient, document: UserDocument): Promise<BotMessage> {
  await client.sendDocument(document);
  return client.waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 30_000);
}

async function ask(client: UserClient, question: string): Promise<BotMessage> {
  await client.sendText(question);
  return client.waitForBotMessage(undefined, 20_000);
}

describe("admins upload documents through Telegram", () => {
  let h: BotHarness;
  let admin: UserClient;
  let lan: UserClient;
  let directiveBytes: Uint8Array;
  let directiveDocId = "";

  beforeAll(async () => {
    h = await startBotHarness();
    admin = h.user(ADMIN);
    lan = h.user(CADRE);
    directiveBytes = await buildDocx(directive(137));
  });
  afterAll(async () => {
    await h?.close();
  });

  const stats = () => h.engine.store.stats();

  it("a DOCX: progress in one edited message, then the card; answerable at once with a citation", async () => {
    const before = await stats();
    const sent = await admin.sendDocument({ bytes: directiveBytes, fileName: "chi-thi-99.docx" });
    const card = await admin.waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 30_000);
    expect(card.replyToMessageId).toBe(sent.messageId);
    expect(card.editCount).toBeGreaterThanOrEqual(1);
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    expect(card.plainText).toContain(`Tiêu đề: ${DIRECTIVE_TITLE}`);
    expect(card.plainText).toContain("Loại: Chỉ thị");
    expect(card.plainText).toContain("Số: 99-CT/TW");
    expect(card.plainText).toContain("Ngày ban hành: 10/03/2025");
    expect(card.plainText).toContain("Cơ quan ban hành: Ban Chấp hành Trung ương");
    expect(card.plainText).toMatch(/Số đoạn: \d+/);
    expect(card.plainText).toContain("Tệp: chi-thi-99.docx");
    // Only the one message was used: no other bot message after the document.
    expect(admin.botMessages().filter((m) => m.messageId > sent.messageId)).toHaveLength(1);
    const edits = h.emulator
      .recordedCalls("editMessageText")
      .filter((c) => Number(c.params.message_id) === card.messageId);
    expect(edits.length).toBeGreaterThanOrEqual(1);

    const after = await stats();
    expect(after.documents).toBe(before.documents + 1);
    const [doc] = await h.engine.store.findByNumber("99-CT/TW");
    expect(doc?.source).toBe("chi-thi-99.docx");
    directiveDocId = doc!.docId;
    const [event] = h.engine.corpusLog.recent(1);
    expect(event).toMatchObject({
      action: "added",
      docId: directiveDocId,
      actorId: ADMIN.id,
      via: "telegram",
    });
    // The original is kept, content-addressed, before indexing.
    const hash = sha256(directiveBytes);
    expect((await stat(join(h.storeDir, "originals", hash.slice(0, 2), hash))).size).toBe(
      directiveBytes.length,
    );

    const answer = await ask(lan, DIRECTIVE_QUESTION);
    expect(answer.plainText).toContain("137");
    expect(answer.plainText).toContain("📚 Nguồn");
    expect(answer.plainText).toContain(DIRECTIVE_TITLE);
  });

  it("a PDF with a title in the caption: card with pages; answerable at once", async () => {
    const bytes = await buildPdf([CONCLUSION_PAGE]);
    const card = await upload(admin, { bytes, fileName: "ket-luan-88.pdf", caption: CONCLUSION_TITLE });
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    expect(card.plainText).toContain(`Tiêu đề: ${CONCLUSION_TITLE}`);
    expect(card.plainText).toContain("Số: 88-KL/TU");
    expect(card.plainText).toContain("Số trang: 1");
    expect(card.plainText).toContain("Ngày ban hành: 05/06/2025");
    const answer = await ask(lan, "Tỉnh Bình Lâm giảm được bao nhiêu đầu mối phòng, ban cấp huyện?");
    expect(answer.plainText).toContain("42");
    expect(answer.plainText).toContain(CONCLUSION_TITLE);
  });

  it("a caption with a number sets the number", async () => {
    const text =
      "Thông báo về lịch sơ kết mô hình nhất thể hóa ở xã Tân Mỹ, tổ chức vào sáng thứ Hai hằng tuần.";
    const card = await upload(admin, { bytes: text, fileName: "thong-bao.txt", caption: "Số: 7-tb/hu" });
    expect(card.plainText).toContain("Số: 7-TB/HU");
    expect(await h.engine.store.findByNumber("7-TB/HU")).toHaveLength(1);
  });

  it("the same content again is reported as already there; nothing changes", async () => {
    const before = await stats();
    const events = h.engine.corpusLog.count();
    const card = await upload(admin, { bytes: directiveBytes, fileName: "ban-sao.docx" });
    expect(card.plainText).toContain("đã có trong kho");
    expect(card.plainText).toContain(DIRECTIVE_TITLE);
    expect(card.plainText).toContain("Kho tài liệu không thay đổi");
    expect(await stats()).toEqual(before);
    expect(h.engine.corpusLog.count()).toBe(events);
  });

  it("same number: Thay thế archives the old version; the new fact is answered, the old one not", async () => {
    const oldAnswer = await ask(lan, DIRECTIVE_QUESTION);
    expect(oldAnswer.plainText).toContain("137");

    const v2 = await buildDocx(directive(152));
    const choice = await upload(admin, { bytes: v2, fileName: "chi-thi-99-sua-doi.docx" });
    expect(choice.plainText).toContain("Trong kho đã có tài liệu số 99-CT/TW");
    expect(choice.plainText).toContain(DIRECTIVE_TITLE);
    const labels = (choice.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(labels).toEqual(["🔁 Thay thế", "➕ Thêm như tài liệu riêng", "✖ Hủy"]);
    for (const b of (choice.replyMarkup?.inline_keyboard ?? []).flat())
      expect(Buffer.byteLength("callback_data" in b ? b.callback_data : "")).toBeLessThanOrEqual(64);

    await admin.pressButton(choice, "🔁 Thay thế");
    const card = await admin.waitForBotMessage(
      (m) => m.messageId === choice.messageId && m.plainText.includes("Đã thay thế"),
      { timeoutMs: 30_000, afterMessageId: choice.messageId - 1 },
    );
    expect(card.plainText).toContain("phiên bản 2");
    expect(card.plainText).toContain("Tệp: chi-thi-99-sua-doi.docx");
    expect(card.replyMarkup).toBeUndefined();

    const doc = await h.engine.store.getDocument(directiveDocId);
    expect(doc).toMatchObject({ version: 2, source: "chi-thi-99-sua-doi.docx" });
    const versions = await h.engine.store.listVersions(directiveDocId);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.chunks.some((c) => c.text.includes("137 xã"))).toBe(true);
    expect(h.engine.corpusLog.recent(1)[0]).toMatchObject({
      action: "replaced",
      version: 2,
      actorId: ADMIN.id,
      via: "telegram",
    });

    const newAnswer = await ask(lan, DIRECTIVE_QUESTION);
    expect(newAnswer.plainText).toContain("152");
    expect(newAnswer.plainText).not.toContain("137");
    const result = await h.engine.ask.ask(DIRECTIVE_QUESTION);
    expect(result.retrieved.some((r) => r.text.includes("137 xã"))).toBe(false);

    // The old answer's source still opens, from the archived version, marked as such.
    const oldButton = (oldAnswer.replyMarkup?.inline_keyboard ?? [])
      .flat()
      .find((b) => b.text.includes("Quảng Hòa") || b.text.includes("Chỉ thị"));
    expect(oldButton).toBeDefined();
    await lan.pressButton(oldAnswer, oldButton!.text);
    const passage = await lan.waitForBotMessage((m) => m.plainText.includes("phiên bản cũ"), {
      afterMessageId: newAnswer.messageId,
    });
    expect(passage.plainText).toMatch(/\(phiên bản cũ, thay thế ngày \d{2}\/\d{2}\/\d{4}\)/);
    expect(passage.plainText).toContain("137");
  });

  it("Hủy stores nothing; Thêm như tài liệu riêng adds a second document with the same number", async () => {
    const v3 = await buildDocx([...directive(160), "4. Bản này dùng cho lớp bồi dưỡng cán bộ."]);
    const before = await stats();
    const choice = await upload(admin, { bytes: v3, fileName: "chi-thi-99-lop-hoc.docx" });
    await admin.pressButton(choice, "✖ Hủy");
    await admin.waitForBotMessage((m) => m.messageId === choice.messageId && m.plainText.includes("Đã hủy"), {
      afterMessageId: choice.messageId - 1,
    });
    expect(await stats()).toEqual(before);

    // The same button again: the choice is gone.
    const data = "up:c:zzzzzzzzzz";
    await admin.sendCallbackData(choice, data);
    const answered = await h.emulator.waitForCall(
      "answerCallbackQuery",
      (c) => c.params.text === corpusMessages.choiceExpired,
    );
    expect(answered.status).toBe(200);

    const again = await upload(admin, { bytes: v3, fileName: "chi-thi-99-lop-hoc.docx" });
    await admin.pressButton(again, "➕ Thêm như tài liệu riêng");
    await admin.waitForBotMessage(
      (m) => m.messageId === again.messageId && m.plainText.includes("Đã thêm tài liệu vào kho"),
      { timeoutMs: 30_000, afterMessageId: again.messageId - 1 },
    );
    const sameNumber = await h.engine.store.findByNumber("99-CT/TW");
    expect(sameNumber).toHaveLength(2);
    expect(new Set(sameNumber.map((d) => d.docId)).size).toBe(2);
    expect((await stats()).documents).toBe(before.documents + 1);
  });

  it("a cadre's file is refused politely: nothing downloaded, nothing stored", async () => {
    const before = await stats();
    const getFiles = h.emulator.recordedCalls("getFile").length;
    await lan.sendDocument({ bytes: await buildDocx(directive(5)), fileName: "cua-toi.docx" });
    const reply = await lan.waitForBotMessage();
    expect(reply.plainText).toContain("Chỉ quản trị viên mới tải được tài liệu lên kho");
    expect(h.emulator.recordedCalls("getFile")).toHaveLength(getFiles);
    expect(await stats()).toEqual(before);
    expect(h.logs.some((l) => l.msg === "upload refused" && l.code === "not_admin")).toBe(true);
  });

  it("a file over 20 MB is refused before anything is downloaded", async () => {
    const getFiles = h.emulator.recordedCalls("getFile").length;
    await admin.sendDocument({ bytes: Buffer.alloc(21 * 1024 * 1024, 0x61), fileName: "qua-lon.txt" });
    const reply = await admin.waitForBotMessage();
    expect(reply.plainText).toContain("Tệp quá lớn (21 MB)");
    expect(reply.plainText).toContain("tối đa 20 MB");
    expect(h.emulator.recordedCalls("getFile")).toHaveLength(getFiles);
  });

  it("bad files get the reason in Vietnamese and leave the corpus as it was", async () => {
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const corrupt = await buildDocx(["Một đoạn văn bản đủ dài để cắt đôi tệp nén cho bài kiểm tra."]);
    const cases: Array<{ name: string; bytes: Uint8Array; code: string; message: string }> = [
      {
        name: "mat-khau.pdf",
        bytes: buildEncryptedPdf(),
        code: "pdf_encrypted",
        message: ingestMessages.pdfEncrypted,
      },
      {
        // Pages without a text layer and nothing to read on them (grey boxes): OCR finds no text.
        name: "ban-scan.pdf",
        bytes: await buildScannedPdf(2),
        code: "ocr_no_text",
        message: ingestMessages.ocrNoText,
      },
      {
        name: "hong.docx",
        bytes: corrupt.slice(0, Math.floor(corrupt.length / 2)),
        code: "docx_corrupt",
        message: ingestMessages.docxCorrupt,
      },
      {
        name: "bom.docx",
        bytes: await buildZipBombDocx(200 * 1024 * 1024),
        code: "docx_zip_bomb",
        message: ingestMessages.docxZipBomb,
      },
      { name: "setup.pdf", bytes: exe, code: "unsupported_type", message: ingestMessages.unsupportedType },
      { name: "rong.txt", bytes: new Uint8Array(), code: "empty", message: ingestMessages.empty },
      { name: "anh.png", bytes: png, code: "unsupported_type", message: ingestMessages.unsupportedType },
    ];
    const before = await stats();
    const events = h.engine.corpusLog.count();
    for (const c of cases) {
      const reply = await upload(admin, { bytes: c.bytes, fileName: c.name });
      expect(reply.plainText, c.name).toContain(`Không thêm được tệp ${c.name}`);
      expect(reply.plainText, c.name).toContain(c.message);
      expect(reply.plainText, c.name).toContain("Kho tài liệu không thay đổi");
      const logged = h.logs.find((l) => l.msg === "upload refused" && l.fileName === c.name);
      expect(logged, c.name).toMatchObject({ code: c.code, adminId: ADMIN.id, size: c.bytes.length });
    }
    expect(await stats()).toEqual(before);
    expect(h.engine.corpusLog.count()).toBe(events);
  });

  it("two uploads at once are serialized and both land", async () => {
    const before = await stats();
    const a = Buffer.from(
      "Báo cáo nhanh: xã Hòa Phong hợp nhất văn phòng Đảng ủy và văn phòng Ủy ban, giảm 3 đầu mối.",
    );
    const b = Buffer.from(
      "Báo cáo nhanh: phường Tây Sơn sáp nhập tổ dân phố, từ 48 tổ còn 31 tổ dân phố sau sắp xếp.",
    );
    // Another corpus change is in progress: both uploads must wait for it, then for each other.
    const queue = h.app.corpus!.queue;
    let release!: () => void;
    const busy = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const [first, second] = await Promise.all([
      admin.sendDocument({ bytes: a, fileName: "hoa-phong.txt" }),
      admin.sendDocument({ bytes: b, fileName: "tay-son.txt" }),
    ]);
    const progressOf = (userMessage: number, includes: string) =>
      admin.waitForBotMessage((m) => m.replyToMessageId === userMessage && m.plainText.includes(includes), {
        timeoutMs: 30_000,
        afterMessageId: 0,
      });
    await Promise.all([progressOf(first.messageId, "Đang chờ"), progressOf(second.messageId, "Đang chờ")]);
    expect(queue.size).toBe(3);
    expect((await stats()).documents).toBe(before.documents);
    release();
    await busy;
    await Promise.all([progressOf(first.messageId, "Đã thêm"), progressOf(second.messageId, "Đã thêm")]);
    expect((await stats()).documents).toBe(before.documents + 2);
    const sources = (await h.engine.store.listDocuments()).map((d) => d.source);
    expect(sources).toEqual(expect.arrayContaining(["hoa-phong.txt", "tay-son.txt"]));
    // Each was indexed and logged on its own.
    const lines = h.logs.filter((l) => ["hoa-phong.txt", "tay-son.txt"].includes(String(l.fileName)));
    expect(lines.filter((l) => l.msg === "upload stored")).toHaveLength(2);
  });
});
