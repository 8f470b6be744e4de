import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, UserClient, UserDocument } from "../../src/emulator/index.js";
import { buildVietnameseRtf } from "../support/rtf.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/** Sends a file and waits for the progress message to reach its final text. */
async function upload(client: UserClient, document: UserDocument): Promise<BotMessage> {
  await client.sendDocument(document);
  return client.waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 30_000);
}

describe("an admin uploads legacy Word files (.doc)", () => {
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

  it("a Word 97 .doc (OLE2) is read and answerable with a citation", async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL("../fixtures/doc/word-licenses-table.doc", import.meta.url)),
    );
    const card = await upload(admin, { bytes, fileName: "giay-phep.doc" });
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    expect(card.plainText).toContain("Tệp: giay-phep.doc");
    await lan.sendText("Can you create derivative works under the LGPL license?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("reverse engineering");
    expect(answer.plainText).toContain("📚 Nguồn");
  });

  it("a Word 97 .doc of the seed report, in Vietnamese, is read with its marks and answerable", async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL("../fixtures/doc/bao-cao-duc-tho.doc", import.meta.url)),
    );
    const card = await upload(admin, { bytes, fileName: "bao-cao-duc-tho.doc" });
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    await lan.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("06 đầu mối");
    expect(answer.plainText).toContain("📚 Nguồn");
  });

  it("a .doc that is really RTF, in Vietnamese, is read as RTF and answerable", async () => {
    const rtf = buildVietnameseRtf([
      "ỦY BAN NHÂN DÂN TỈNH NAM SƠN",
      "Số: 12/CT-UBND",
      "CHỈ THỊ",
      "Về thực hiện nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch Ủy ban nhân dân xã",
      "1. Huyện Kỳ Sơn hoàn thành sắp xếp, giảm được 14 đầu mối cơ quan chuyên môn trong năm 2025.",
    ]);
    const card = await upload(admin, { bytes: new TextEncoder().encode(rtf), fileName: "chi-thi-12.doc" });
    expect(card.plainText).toContain("Số: 12/CT-UBND");
    await lan.sendText("Huyện Kỳ Sơn giảm được bao nhiêu đầu mối cơ quan chuyên môn?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("14 đầu mối");
    expect(answer.plainText).toContain("📚 Nguồn");
  });

  it("a cut-off .doc is refused in Vietnamese and nothing is stored", async () => {
    const before = await h.engine.store.stats();
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/doc/bad-header.doc", import.meta.url)));
    const reply = await upload(admin, { bytes, fileName: "hong.doc" });
    expect(reply.plainText).toContain("Không thêm được tệp hong.doc");
    expect(reply.plainText).toContain("Tệp Word (.doc) bị hỏng");
    expect((await h.engine.store.stats()).documents).toBe(before.documents);
    expect(h.logs.find((l) => l.msg === "upload refused" && l.fileName === "hong.doc")).toMatchObject({
      code: "doc_corrupt",
    });
  });
});
