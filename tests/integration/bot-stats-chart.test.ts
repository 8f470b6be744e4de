import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/stats/usage-chart.js";
import { ADMIN, type BotHarness, CADRE, questionIdOf, startBotHarness } from "./bot-harness.js";

/** /thongke through the Bot API emulator: a real PNG of the expected size, with the numbers in its caption. */
describe("/thongke as a chart", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("delivers a PNG chart of the last 30 days with a caption, to admins only", async () => {
    const lan = h.user(CADRE);
    for (const question of ["Huyện Đức Thọ giảm được bao nhiêu đầu mối?", "Giá xăng hôm nay bao nhiêu?"]) {
      const sent = await lan.sendText(question);
      const answer = await lan.waitForBotMessage((m) => m.replyToMessageId === sent.messageId, 20_000);
      if (question.startsWith("Huyện")) {
        await questionIdOf(h, CADRE.id, answer.messageId);
        await lan.pressButton(answer, "👎 Chưa đúng");
        await lan.waitForBotMessage((m) => m.messageId > answer.messageId);
      }
    }
    await lan.sendCommand("thongke");
    expect((await lan.waitForBotMessage()).plainText).toBe("Lệnh này chỉ dành cho quản trị viên.");

    const admin = h.user(ADMIN);
    await admin.sendCommand("thongke");
    const chart = await admin.waitForBotMessage();
    expect(chart.kind).toBe("photo");
    expect(chart.photo).toMatchObject({ width: CHART_WIDTH, height: CHART_HEIGHT, mimeType: "image/png" });
    expect(parseTelegramHtml(chart.text).ok).toBe(true);
    expect(chart.plainText).toContain("Thống kê 30 ngày gần nhất");
    expect(chart.plainText).toContain("Câu hỏi: 2; không tìm được câu trả lời: 1 (50%); bị 👎: 1 (50%)");
    expect(chart.plainText).toContain("Những thuận lợi, khó khăn");
    expect(chart.plainText.length).toBeLessThanOrEqual(1024);

    // A real image, not an empty one: it decodes, and it is drawn in many colours.
    const image = await loadImage(chart.photo!.bytes);
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const canvas = createCanvas(image.width, image.height);
    const g = canvas.getContext("2d");
    g.drawImage(image, 0, 0);
    const pixels = g.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    let nonWhite = 0;
    for (let i = 0; i < pixels.length; i += 4 * 7) {
      const rgb = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!;
      colours.add(rgb);
      if (rgb !== 0xffffff) nonWhite++;
    }
    expect(colours.size).toBeGreaterThan(20);
    expect(nonWhite / (pixels.length / 28)).toBeGreaterThan(0.02);
    expect(h.logs.some((l) => l.msg === "stats chart drawn")).toBe(true);
  });
});
