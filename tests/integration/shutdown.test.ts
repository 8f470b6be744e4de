import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AskService } from "../../src/answer/ask-service.js";
import { loadConfig } from "../../src/config.js";
import { createDigestRepository } from "../../src/digest/digest-store.js";
import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { createEngine } from "../../src/engine.js";
import { shutdownGracefully } from "../../src/server/shutdown.js";
import { waitFor } from "../support/wait-for.js";
import { memoryLogger } from "../unit/server/log-sink.js";
import { type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";
import { type LogLine, leakedToken, type MainProcess, spawnMain, TOKEN } from "./server-process.js";

/** An AskService that holds every question until `release()`. */
function gatedAsk(inner: AskService) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const asked = new Promise<void>((resolve) => {
    started = resolve;
  });
  const service: AskService = {
    async ask(question, options) {
      started();
      await gate;
      return inner.ask(question, options);
    },
  };
  return { service, asked, release };
}

describe("graceful shutdown, in process, with a slow answer", () => {
  let harness: BotHarness | undefined;

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("stops taking updates, lets the answer in flight finish and be sent, then closes the store", async () => {
    let gated!: ReturnType<typeof gatedAsk>;
    harness = await startBotHarness({
      ask: (engine) => {
        gated = gatedAsk(engine.ask);
        return gated.service;
      },
    });
    const h = harness;
    const user = h.user(CADRE);
    await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await gated.asked;
    const { logger, lines } = memoryLogger();
    const stopping = shutdownGracefully(
      {
        logger,
        timeoutMs: 10_000,
        bot: h.running,
        outbox: h.app.outbox,
        closers: [{ name: "store", close: () => h.engine.close() }],
      },
      "SIGTERM",
    );
    // While the answer is still being composed, a new message is not taken any more.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.running.inFlight()).toBe(1);
    const late = h.user({ id: 5002, firstName: "Muộn" });
    await late.sendText("Câu hỏi đến sau khi dừng");
    await new Promise((r) => setTimeout(r, 300));
    gated.release();
    const outcome = await stopping;
    expect(outcome).toEqual({ clean: true, abandonedUpdates: 0, abandonedCalls: 0 });
    const answers = h.emulator.botMessages(CADRE.id);
    expect(answers.some((m) => m.plainText.includes("📚 Nguồn"))).toBe(true);
    expect(h.emulator.botMessages(5002)).toEqual([]);
    expect(h.emulator.pendingUpdates(h.token).length).toBe(1);
    await expect(h.engine.store.stats()).rejects.toThrow();
    expect(lines.map((l) => l.msg)).toEqual(["shutting down", "stopped"]);
  });

  it("gives the answer up after SHUTDOWN_TIMEOUT_MS and still closes the store", async () => {
    let gated!: ReturnType<typeof gatedAsk>;
    harness = await startBotHarness({
      ask: (engine) => {
        gated = gatedAsk(engine.ask);
        return gated.service;
      },
    });
    const h = harness;
    await h.user(CADRE).sendText("Nhất thể hóa là gì?");
    await gated.asked;
    const outcome = await shutdownGracefully(
      {
        logger: memoryLogger().logger,
        timeoutMs: 200,
        bot: h.running,
        outbox: h.app.outbox,
        closers: [{ name: "store", close: () => h.engine.close() }],
      },
      "SIGTERM",
    );
    expect(outcome.clean).toBe(false);
    expect(outcome.abandonedUpdates).toBe(1);
    await expect(h.engine.store.stats()).rejects.toThrow();
    gated.release();
    // The late answer fails against the closed store; the boundary tells the user.
    await h.user(CADRE).waitForBotMessage(undefined, 10_000);
  });
});

/**
 * `src/main.ts` in a child process, signalled directly (as `docker stop` does). The
 * answer is held in flight by the Bot API: its sendMessage fails with 502 twice, and the
 * outbox retries with backoff while the signal arrives.
 */
describe("SIGTERM to the running bot", () => {
  let emulator: Emulator;
  let main: MainProcess | undefined;

  afterEach(async () => {
    await main?.cleanup();
    main = undefined;
    await emulator?.stop();
  });

  async function start(extra: Record<string, string> = {}) {
    emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    main = await spawnMain({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: "polling",
      ALLOWED_USER_IDS: "43",
      ...extra,
    });
    await main.waitForLog((l) => l.msg === "bot started", "the bot to start");
    return main;
  }

  it("during an answer: the answer is sent, then the process exits 0", async () => {
    const proc = await start({ SHUTDOWN_TIMEOUT_MS: "15000" });
    emulator.failNext("sendMessage", { status: 502 }, 2);
    const user = emulator.createUserClient(TOKEN, { id: 43, firstName: "Lan" });
    await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await emulator.waitForCall("sendMessage", (c) => c.status === 502, 20_000);
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    const answer = emulator.botMessages(43).find((m) => m.plainText.includes("📚 Nguồn"));
    expect(answer).toBeDefined();
    const lines = proc.logs();
    const shuttingDown = lines.findIndex((l) => l.msg === "shutting down");
    expect(shuttingDown).toBeGreaterThanOrEqual(0);
    expect(lines[shuttingDown]).toMatchObject({ reason: "SIGTERM", inFlight: 1 });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: true });
    expect(lines.some((l) => l.level >= 50)).toBe(false);
    expect(leakedToken(proc)).toBe(false);
  }, 90_000);

  it("a second signal exits at once with code 130", async () => {
    const proc = await start({ SHUTDOWN_TIMEOUT_MS: "30000" });
    // Every send fails for a while: the answer stays in flight (outbox backoff).
    emulator.failNext("sendMessage", { status: 502 }, 50);
    const user = emulator.createUserClient(TOKEN, { id: 43, firstName: "Lan" });
    await user.sendText("Nhất thể hóa là gì?");
    await emulator.waitForCall("sendMessage", (c) => c.status === 502, 20_000);
    proc.child.kill("SIGTERM");
    await proc.waitForLog((l) => l.msg === "shutting down", "the shutdown to begin");
    // Within the first second a repeat is taken for the same signal passed on twice.
    await new Promise((r) => setTimeout(r, 1200));
    const secondAt = Date.now();
    proc.child.kill("SIGINT");
    expect(await proc.exited).toBe(130);
    expect(Date.now() - secondAt).toBeLessThan(3000);
    await waitFor(() => proc.logs().some((l) => l.msg === "second signal: exiting now"), {
      what: "the forced-exit warning",
    });
  }, 90_000);
});

/**
 * The stop signals are handled from the first moment: a SIGTERM while the store loads,
 * the corpus syncs, the bot connects or the digest catches up ends the process cleanly.
 */
describe("SIGTERM during start-up", () => {
  let emulator: Emulator;
  let main: MainProcess | undefined;

  afterEach(async () => {
    await main?.cleanup();
    main = undefined;
    await emulator?.stop();
  });

  const moments: Array<{ name: string; at: (line: LogLine) => boolean; before?: (e: Emulator) => void }> = [
    { name: "while the corpus is synced", at: (l) => l.msg === "document ingested" },
    {
      name: "while the bot connects (getMe failing)",
      at: (l) => l.msg === "outbox retry" && l.method === "getMe",
      before: (e) => e.failNext("getMe", { status: 502 }, 3),
    },
    { name: "as the bot starts answering", at: (l) => l.msg === "bot started" },
    { name: "during the digest catch-up", at: (l) => l.msg === "digest scheduler started" },
  ];

  it('during a digest catch-up held by a failing Bot API: exits 0 and logs "stopped"', async () => {
    emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    // A group subscribed at 00:00 two days ago: its digest is due, and the catch-up at
    // start sends it; every sendMessage fails with 502, so the send stays in the outbox.
    const dir = await mkdtemp(join(tmpdir(), "nhatthe-catchup-"));
    const storeDir = join(dir, "store");
    try {
      const engine = await createEngine(loadConfig({ STORE_DIR: storeDir }), memoryLogger().logger);
      const policy = { time: "00:00", quietPolicy: "short" } as const;
      createDigestRepository(engine.db).saveSubscription(
        -1001234567,
        { enabled: true, ...policy },
        Date.now() - 2 * 86_400_000,
        policy,
      );
      await engine.close();
      emulator.failNext("sendMessage", { status: 502 }, 1000);
      const proc = await spawnMain({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        BOT_MODE: "polling",
        ALLOWED_USER_IDS: "43",
        STORE_DIR: storeDir,
        SHUTDOWN_TIMEOUT_MS: "3000",
      });
      main = proc;
      await emulator.waitForCall("sendMessage", (c) => c.status === 502, 60_000);
      proc.child.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
      const lines = proc.logs();
      expect(lines.at(-1)).toMatchObject({ msg: "stopped" });
      expect(leakedToken(proc)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  for (const moment of moments) {
    it(`${moment.name}: exits 0 and logs "stopped"`, async () => {
      emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
      moment.before?.(emulator);
      const proc = await spawnMain({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        BOT_MODE: "polling",
        ALLOWED_USER_IDS: "43",
      });
      main = proc;
      await proc.waitForLog(moment.at, moment.name);
      proc.child.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
      const lines = proc.logs();
      expect(lines.at(-1)).toMatchObject({ msg: "stopped" });
      expect(lines.some((l) => l.level >= 50)).toBe(false);
      expect(leakedToken(proc)).toBe(false);
    }, 90_000);
  }
});
