import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, pickPort, startEmulator } from "../../src/emulator/index.js";
import { waitFor } from "../support/wait-for.js";
import { parsePrometheus, sampleValue } from "../unit/server/prometheus.js";
import { leakedToken, type MainProcess, spawnMain, TOKEN } from "./server-process.js";

const SECRET = "Webhook_Secret-0123456789abcdef";
const HOOK_PATH = "/telegram/hook-7f3a";
const CADRE = { id: 43, firstName: "Lan" };

/**
 * The bot as production runs it in webhook mode: `src/main.ts` with BOT_MODE=webhook,
 * its HTTP server on 127.0.0.1, registered with the Bot API emulator, which posts each
 * update to WEBHOOK_URL with the secret header (like Telegram).
 */
describe("BOT_MODE=webhook", () => {
  let emulator: Emulator;
  let main: MainProcess;
  let base: string;

  beforeAll(async () => {
    emulator = await startEmulator({ host: "127.0.0.1", port: 0, webhookRetryMs: 200 });
    const port = await pickPort();
    base = `http://127.0.0.1:${port}`;
    main = await spawnMain({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `${base}${HOOK_PATH}`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HTTP_HOST: "127.0.0.1",
      ACCESS_MODE: "allowlist",
      ADMIN_USER_IDS: "42",
      ALLOWED_USER_IDS: String(CADRE.id),
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    await main.waitForLog((l) => l.msg === "bot started", "the bot to start");
  }, 90_000);

  afterAll(async () => {
    await main?.cleanup();
    await emulator?.stop();
  });

  it("registers the webhook with its secret and the update kinds it handles", async () => {
    const call = await emulator.waitForCall("setWebhook");
    expect(call.params.url).toBe(`${base}${HOOK_PATH}`);
    expect(call.params.secret_token).toBe(SECRET);
    expect(call.params.allowed_updates).toEqual(["message", "callback_query", "my_chat_member"]);
    expect(main.logs().find((l) => l.msg === "bot started")).toMatchObject({
      mode: "webhook",
      path: HOOK_PATH,
    });
    // Long polling is not used at all.
    expect(emulator.recordedCalls("getUpdates")).toEqual([]);
  });

  it("answers a question that arrives through the webhook with the right secret", async () => {
    const user = emulator.createUserClient(TOKEN, CADRE);
    await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await user.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("📚 Nguồn");
    expect(emulator.pendingUpdates(TOKEN)).toEqual([]);
  });

  it("refuses updates with a wrong or missing secret (401) and processes nothing", async () => {
    const before = emulator.botMessages(CADRE.id).length;
    const forged = (updateId: number) => ({
      update_id: updateId,
      message: {
        message_id: 90_000 + updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: CADRE.id, type: "private", first_name: "Lan" },
        from: { id: CADRE.id, is_bot: false, first_name: "Lan" },
        text: "Nhất thể hóa là gì?",
      },
    });
    const post = (updateId: number, headers: Record<string, string>) =>
      fetch(`${base}${HOOK_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(forged(updateId)),
      });
    const wrong = await post(777_001, { "x-telegram-bot-api-secret-token": "not-the-secret" });
    const missing = await post(777_002, {});
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(emulator.botMessages(CADRE.id)).toHaveLength(before);
    const lines = main.logs();
    expect(lines.some((l) => l.update_id === 777_001 || l.update_id === 777_002)).toBe(false);
    const refused = lines.filter((l) => l.msg === "webhook request refused");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0]).toMatchObject({ level: 40, reason: "wrong secret token", path: HOOK_PATH });
    expect(main.stdout()).not.toContain(SECRET);
  });

  it("serves /healthz with the store's state", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", parts: { store: "ok" } });
  });

  it("serves /metrics as Prometheus text, counting the question asked and the refused requests", async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const samples = parsePrometheus(await res.text());
    expect(sampleValue(samples, "nhatthe_questions_total")).toBe(1);
    expect(sampleValue(samples, "nhatthe_answer_duration_seconds_count")).toBe(1);
    expect(sampleValue(samples, "nhatthe_webhook_requests_total", { result: "unauthorized" })).toBe(2);
    expect(
      sampleValue(samples, "nhatthe_webhook_requests_total", { result: "accepted" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "nhatthe_ingests_total", { status: "added" })).toBeGreaterThan(0);
    expect(sampleValue(samples, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("stops on SIGTERM: no more updates taken, the store closed, exit 0, webhook kept", async () => {
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    const lines = main.logs();
    expect(lines.find((l) => l.msg === "shutting down")).toMatchObject({ reason: "SIGTERM" });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: true });
    expect(lines.some((l) => l.level >= 50)).toBe(false);
    // The webhook stays registered, so Telegram keeps the updates for the next start.
    expect(emulator.recordedCalls("deleteWebhook")).toEqual([]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("never wrote the token to its output", async () => {
    await waitFor(() => main.child.exitCode !== null, { what: "exit" });
    expect(leakedToken(main)).toBe(false);
    expect(main.stdout() + main.stderr()).not.toContain(SECRET);
  });
});
