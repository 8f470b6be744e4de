import { Telegraf, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, pickPort, startEmulator } from "../../src/emulator/index.js";

const TOKEN = "123456:emulator-photo-token";
const CHAT = 1201;

/** A 3 × 2 PNG: signature, then an IHDR chunk with width and height (the rest is not read). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), ihdr]);
}

describe("Bot API emulator: sendPhoto", () => {
  let emulator: Emulator;
  let bot: Telegraf;
  beforeAll(async () => {
    emulator = await startEmulator({ port: await pickPort() });
    bot = new Telegraf(TOKEN, { telegram: { apiRoot: emulator.apiRoot } });
    emulator.createUserClient(TOKEN, { id: CHAT, firstName: "Lan" });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("stores an uploaded PNG with its size and an HTML caption, and returns a photo message", async () => {
    const sent = await bot.telegram.sendPhoto(
      CHAT,
      { source: pngHeader(3, 2), filename: "chart.png" },
      { caption: "<b>Thống kê</b> 30 ngày", parse_mode: "HTML" },
    );
    expect(sent.photo).toEqual([expect.objectContaining({ width: 3, height: 2 })]);
    expect(sent.caption).toBe("Thống kê 30 ngày");
    const [view] = emulator.botMessages(CHAT);
    expect(view).toMatchObject({
      kind: "photo",
      plainText: "Thống kê 30 ngày",
      text: "<b>Thống kê</b> 30 ngày",
    });
    expect(view?.photo).toMatchObject({ width: 3, height: 2, fileName: "chart.png", mimeType: "image/png" });
  });

  it("refuses bytes that are not an image, and a caption over 1024 characters, as Telegram does", async () => {
    await expect(
      bot.telegram.sendPhoto(CHAT, { source: Buffer.from("not an image"), filename: "x.png" }),
    ).rejects.toThrow(TelegramError);
    await expect(
      bot.telegram.sendPhoto(
        CHAT,
        { source: pngHeader(1, 1), filename: "x.png" },
        { caption: "a".repeat(1025) },
      ),
    ).rejects.toThrow(/caption is too long/);
    expect(emulator.botMessages(CHAT)).toHaveLength(1);
  });
});
