import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, UserClient } from "../../src/emulator/index.js";
import { buildDocx } from "../unit/ingest/builders.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/** A decree on allowances, and a later one amending it, written as decrees are. */
const ORIGINAL = [
  "CHÍNH PHỦ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 10/2025/NĐ-CP",
  "Hà Nội, ngày 10 tháng 1 năm 2025",
  "NGHỊ ĐỊNH",
  "Quy định phụ cấp kiêm nhiệm đối với Bí thư Đảng ủy đồng thời là Chủ tịch Ủy ban nhân dân xã Vân Khê",
  "Điều 1. Phạm vi điều chỉnh",
  "Nghị định này quy định phụ cấp kiêm nhiệm của Bí thư Đảng ủy đồng thời là Chủ tịch Ủy ban nhân dân xã Vân Khê.",
  "Điều 2. Mức phụ cấp",
  "Bí thư Đảng ủy đồng thời là Chủ tịch Ủy ban nhân dân xã Vân Khê được hưởng phụ cấp kiêm nhiệm 500.000 đồng mỗi tháng.",
  "Điều 3. Hiệu lực thi hành",
  "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2025.",
];
const AMENDING = [
  "CHÍNH PHỦ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 20/2025/NĐ-CP",
  "Hà Nội, ngày 20 tháng 5 năm 2025",
  "NGHỊ ĐỊNH",
  "Sửa đổi, bổ sung một số điều của Nghị định số 10/2025/NĐ-CP về phụ cấp kiêm nhiệm ở xã Vân Khê",
  "Điều 1. Sửa đổi, bổ sung Điều 2 của Nghị định số 10/2025/NĐ-CP như sau: mức phụ cấp kiêm nhiệm là 700.000 đồng mỗi tháng.",
  "Điều 2. Hiệu lực thi hành",
  "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
];

function buttons(message: BotMessage): string[] {
  return (message.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

describe("answers that know which rule is in force", () => {
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

  it("the amending decree arrives first: its card says what it amends", async () => {
    await admin.sendDocument({ bytes: await buildDocx(AMENDING), fileName: "nd-20-2025.docx" });
    const card = await admin.waitForBotMessage((m) => m.plainText.includes("Đã thêm tài liệu"), 30_000);
    expect(card.plainText).toContain("Văn bản này:");
    expect(card.plainText).toContain("• sửa đổi, bổ sung Nghị định số 10/2025/NĐ-CP");
  });

  it("the amended decree arrives later and is linked: /tailieu marks it, its card names the amending one", async () => {
    await admin.sendDocument({ bytes: await buildDocx(ORIGINAL), fileName: "nd-10-2025.docx" });
    await admin.waitForBotMessage(
      (m) => m.plainText.includes("Đã thêm tài liệu") && m.plainText.includes("10/2025"),
      30_000,
    );

    await admin.sendCommand("tailieu", "đã sửa đổi");
    const list = await admin.waitForBotMessage();
    expect(list.plainText).toContain("10/2025/NĐ-CP");
    expect(list.plainText).toContain("✏️");
    expect(list.plainText).not.toContain("20/2025/NĐ-CP");

    await admin.pressButton(list, (b) => b.text.startsWith("1."));
    const card = await admin.waitForBotMessage(
      (m) => m.messageId === list.messageId && m.plainText.includes("Hiệu lực"),
      { afterMessageId: list.messageId - 1, timeoutMs: 15_000 },
    );
    expect(card.plainText).toContain("Hiệu lực: ✏️ còn hiệu lực, đã được sửa đổi, bổ sung");
    expect(card.plainText).toContain("• sửa đổi, bổ sung bởi Nghị định 20/2025/NĐ-CP");
    expect(card.plainText).toContain("• có hiệu lực từ 01/02/2025");
    expect(buttons(card)).toContain("« Danh sách");
  });

  it("a cadre's answer from the amended decree carries the notice and cites the amending article", async () => {
    await lan.sendText(
      "Bí thư Đảng ủy đồng thời là Chủ tịch UBND xã Vân Khê được phụ cấp kiêm nhiệm bao nhiêu?",
    );
    const answer = await lan.waitForBotMessage((m) => m.plainText.includes("⚠️"), 20_000);
    expect(answer.plainText).toMatch(
      /⚠️ Nghị định 10\/2025\/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 20\/2025\/NĐ-CP \(ngày 20\/5\/2025\) \[\d\]/,
    );
    // The sources list the amending decree beside the amended one.
    const sources = answer.plainText.slice(answer.plainText.indexOf("Nguồn"));
    expect(sources).toContain("10/2025/NĐ-CP");
    expect(sources).toContain("20/2025/NĐ-CP");
  });

  it("'Nghị định 10/2025 còn hiệu lực không?' is answered from the relations, with its source", async () => {
    await lan.sendText("nghi dinh 10/2025 con hieu luc khong");
    const answer = await lan.waitForBotMessage((m) => m.plainText.includes("còn hiệu lực"), 20_000);
    expect(answer.plainText).toContain(
      "Nghị định 10/2025/NĐ-CP vẫn còn hiệu lực, nhưng đã được sửa đổi, bổ sung bởi Nghị định 20/2025/NĐ-CP (ngày 20/5/2025) [1]",
    );
    const sources = answer.plainText.slice(answer.plainText.indexOf("Nguồn"));
    expect(sources).toContain("20/2025/NĐ-CP");
    // And since when it is in force, from its own closing article.
    expect(answer.plainText).toContain(
      "Nghị định 10/2025/NĐ-CP có hiệu lực từ ngày 01 tháng 02 năm 2025 [2].",
    );
  });
  it("an admin corrects a relation with /hieuluc; the status changes and /nhatky records who did it", async () => {
    await lan.sendCommand("hieuluc", "10/2025/NĐ-CP");
    expect((await lan.waitForBotMessage()).plainText).toContain("chỉ dành cho quản trị viên");

    await admin.sendCommand("hieuluc", "10/2025/NĐ-CP");
    const shown = await admin.waitForBotMessage((m) => m.plainText.includes("Hiệu lực:"));
    expect(shown.plainText).toContain("✏️ còn hiệu lực, đã được sửa đổi, bổ sung");

    // Read as an amendment; the admin records that a third decree replaced it.
    await admin.sendCommand("hieuluc", "30/2025/NĐ-CP thay thế 10/2025/NĐ-CP");
    const corrected = await admin.waitForBotMessage((m) => m.plainText.includes("Đã ghi nhận"));
    expect(corrected.plainText).toContain("⛔ đã được thay thế");
    expect(corrected.plainText).toContain("• thay thế bởi 30/2025/NĐ-CP");

    await admin.sendCommand("nhatky");
    const log = await admin.waitForBotMessage((m) => m.plainText.includes("Hiệu lực: ghi nhận"));
    expect(log.plainText).toContain("Hiệu lực: ghi nhận 30/2025/NĐ-CP thay thế 10/2025/NĐ-CP");

    // A cadre now reads that it is no longer in force.
    await lan.sendText("Nghị định 10/2025/NĐ-CP còn hiệu lực không?");
    const answer = await lan.waitForBotMessage((m) => m.plainText.includes("không còn hiệu lực"), 20_000);
    expect(answer.plainText).toContain(
      "Nghị định 10/2025/NĐ-CP không còn hiệu lực: đã được thay thế bởi 30/2025/NĐ-CP",
    );
  });
});
