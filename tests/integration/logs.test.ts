import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { leakedToken, type MainProcess, spawnMain, TOKEN, TOKEN_SECRET } from "./server-process.js";

/**
 * The logs of the real process: pino JSON lines, a child logger per update, and the bot
 * token nowhere, also when a failing Bot API call puts `/bot<token>/` in an error.
 */
describe("logs of src/main.ts", () => {
  let emulator: Emulator;
  let main: MainProcess;

  beforeAll(async () => {
    emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    main = await spawnMain({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: "polling",
      ALLOWED_USER_IDS: "43",
      LOG_LEVEL: "debug",
    });
    await main.waitForLog((l) => l.msg === "bot started", "the bot to start");
  }, 90_000);

  afterAll(async () => {
    await main?.cleanup();
    await emulator?.stop();
  });

  it("writes one JSON object a line, with a child logger per update", async () => {
    const user = emulator.createUserClient(TOKEN, { id: 43, firstName: "Lan" });
    const sent = await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await user.waitForBotMessage(undefined, 20_000);
    const handled = await main.waitForLog(
      (l) => l.msg === "update handled" && l.update_id === sent.updateId,
      "the update to be logged",
    );
    expect(handled).toMatchObject({ chat: 43, user: 43 });
    // Polling without PORT: no HTTP server.
    expect(main.logs().some((l) => l.msg === "http server listening")).toBe(false);
    for (const line of main.stdout().split("\n").filter(Boolean))
      expect(() => JSON.parse(line)).not.toThrow();
  });

  it("redacts the token from the URL inside a failed call's error", async () => {
    // Every attempt of the next answer dies on the wire: the error names the request URL.
    emulator.failNext("sendMessage", { network: "reset" }, 5);
    const user = emulator.createUserClient(TOKEN, { id: 43, firstName: "Lan" });
    await user.sendText("Nhất thể hóa là gì?");
    const failed = await main.waitForLog((l) => l.msg === "send failed", "the failed send", 30_000);
    const err = JSON.stringify(failed.err);
    // (telegraf already cuts the secret half from its request errors; the logger removes
    // whatever is left that looks like a token.)
    expect(err).toMatch(/\/bot(1234567:)?\[REDACTED\]\/sendMessage/);
    expect(err).not.toContain(TOKEN_SECRET);
    // The user is told something went wrong (that send works again).
    await user.waitForBotMessage(undefined, 20_000);
  }, 60_000);

  it("never writes the token, on stdout or stderr", () => {
    expect(main.logs().length).toBeGreaterThan(5);
    expect(leakedToken(main)).toBe(false);
  });
});
