import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserClient } from "../../src/emulator/index.js";
import { buildScanPdf } from "../support/scanned-pdf.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/** A made-up directive, scanned: page 1 clean, page 2 dusty, turned and stamped. */
const PAGE_ONE = [
  "ỦY BAN NHÂN DÂN TỈNH HÀ LÂM",
  "Số: 215/CT-UBND",
  "CHỈ THỊ",
  "Về thực hiện thí điểm nhất thể hóa chức danh lãnh đạo cấp xã trên địa bàn tỉnh Hà Lâm",
  "1. Các huyện, thị xã thực hiện mô hình Bí thư Đảng ủy xã đồng thời là Chủ tịch Ủy ban nhân dân xã tại những nơi đủ điều kiện.",
  "2. Đến hết tháng 9 năm 2025, tỉnh Hà Lâm hoàn thành nhất thể hóa chức danh tại 58 xã, phường, thị trấn.",
].join("\n");
const PAGE_TWO = [
  "3. Sở Nội vụ hướng dẫn các địa phương rà soát đội ngũ cán bộ, công chức cấp xã sau sắp xếp.",
  "4. Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc, định kỳ sáu tháng báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.",
].join("\n");

describe("an admin uploads a scanned directive (a PDF of page images)", () => {
  let h: BotHarness;
  let admin: UserClient;
  let lan: UserClient;

  beforeAll(async () => {
    h = await startBotHarness({ corpusDir: false });
    admin = h.user(ADMIN);
    lan = h.user(CADRE);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is read by OCR page by page, with progress edits; the card says OCR and its confidence; it is answerable with a citation", async () => {
    const { bytes } = await buildScanPdf([
      { text: PAGE_ONE },
      { text: PAGE_TWO, look: { speckles: 0.003, grain: 40, rotateDeg: 1.2, stamp: true, jpegQuality: 70 } },
    ]);
    const sent = await admin.sendDocument({ bytes, fileName: "chi-thi-215-scan.pdf" });
    const card = await admin.waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 90_000);
    expect(card.replyToMessageId).toBe(sent.messageId);
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    expect(card.plainText).toContain("Số: 215/CT-UBND");
    expect(card.plainText).toContain("Số trang: 2");
    expect(card.plainText).toMatch(
      /Chữ của 2 trang được nhận dạng từ ảnh scan \(OCR\), độ tin cậy trung bình \d{2}%/,
    );

    const edits = h.emulator
      .recordedCalls("editMessageText")
      .filter((c) => Number(c.params.message_id) === card.messageId)
      .map((c) => String(c.params.text));
    expect(edits.some((t) => t.includes("đang nhận dạng chữ: trang 1/2"))).toBe(true);
    expect(edits.some((t) => t.includes("đang nhận dạng chữ: trang 2/2"))).toBe(true);
    expect(h.logs.find((l) => l.msg === "upload stored")).toBeTruthy();

    await lan.sendText("Tỉnh Hà Lâm hoàn thành nhất thể hóa chức danh tại bao nhiêu xã, phường, thị trấn?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("58");
    expect(answer.plainText).toContain("📚 Nguồn");
    expect(answer.plainText).toMatch(/\[1\]/);
    // The citation shows the scanned page the passage was read from.
    expect(answer.plainText).toContain("Trang 1");
  });
});
