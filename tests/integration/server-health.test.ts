import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics, instrumentAsk, observeTelegramErrors } from "../../src/metrics.js";
import { createHealthCheck } from "../../src/server/health.js";
import { createHttpServer, type HttpServer } from "../../src/server/http-server.js";
import { llmProbe } from "../../src/server/probes.js";
import { memoryLogger } from "../unit/server/log-sink.js";
import { parsePrometheus, sampleValue } from "../unit/server/prometheus.js";
import { type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/**
 * /healthz and /metrics over the real bot (emulator, embedded store with the default
 * corpus), wired as main.ts wires them.
 */
describe("health and metrics of the running bot", () => {
  let harness: BotHarness | undefined;
  let server: HttpServer | undefined;
  let llm: Server | undefined;

  afterEach(async () => {
    await server?.close();
    await harness?.close();
    if (llm) await new Promise((resolve) => llm?.close(resolve));
    server = undefined;
    harness = undefined;
    llm = undefined;
  });

  it("/healthz is 200 while the store reads, 503 naming the store once it does not", async () => {
    harness = await startBotHarness();
    const store = harness.engine.store;
    server = createHttpServer({
      logger: memoryLogger().logger,
      health: createHealthCheck({ parts: [{ name: "store", probe: () => store.stats() }] }),
    });
    const base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", parts: { store: "ok" } });
    await harness.engine.close();
    const sick = await fetch(`${base}/healthz`);
    expect(sick.status).toBe(503);
    expect(await sick.json()).toEqual({ status: "fail", parts: { store: "fail" }, failing: ["store"] });
  });

  it("/healthz names an LLM endpoint that refuses the key", async () => {
    let status = 200;
    llm = createServer((_req, res) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end('{"data":[]}');
    });
    await new Promise<void>((resolve) => llm?.listen(0, "127.0.0.1", resolve));
    const llmBase = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
    harness = await startBotHarness({ corpusDir: false });
    const store = harness.engine.store;
    server = createHttpServer({
      logger: memoryLogger().logger,
      health: createHealthCheck({
        parts: [
          { name: "store", probe: () => store.stats() },
          { name: "llm", probe: llmProbe({ baseUrl: llmBase, apiKey: "sk-test-abcdef" }) },
        ],
      }),
    });
    const base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    status = 401;
    const sick = await fetch(`${base}/healthz`);
    expect(sick.status).toBe(503);
    expect(await sick.json()).toEqual({
      status: "fail",
      parts: { store: "ok", llm: "fail" },
      failing: ["llm"],
    });
  });

  it("/metrics counts a question once it has been asked, and failed Bot API calls by code", async () => {
    const metrics = createMetrics();
    harness = await startBotHarness({ ask: (engine) => instrumentAsk(engine.ask, metrics) });
    observeTelegramErrors(harness.app.bot.telegram, metrics);
    server = createHttpServer({ logger: memoryLogger().logger, metrics });
    const base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
    const read = async () => parsePrometheus(await (await fetch(`${base}/metrics`)).text());
    expect(sampleValue(await read(), "nhatthe_questions_total")).toBe(0);
    const user = harness.user(CADRE);
    await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await user.waitForBotMessage(undefined, 20_000);
    // A user who blocked the bot: 403 from the Bot API.
    harness.emulator.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await user.sendText("Nhất thể hóa là gì?");
    await expect
      .poll(async () => sampleValue(await read(), "nhatthe_telegram_api_errors_total", { code: "403" }))
      .toBe(1);
    const samples = await read();
    expect(sampleValue(samples, "nhatthe_questions_total")).toBe(2);
    expect(sampleValue(samples, "nhatthe_answer_duration_seconds_count")).toBe(2);
  });
});
