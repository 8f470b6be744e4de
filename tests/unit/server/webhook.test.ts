import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "../../../src/server/http-server.js";
import {
  createWebhookHandler,
  SECRET_HEADER,
  secretMatches,
  type WebhookHandler,
  webhookPathOf,
} from "../../../src/server/webhook.js";
import { memoryLogger } from "./log-sink.js";

const SECRET = "s3cret-Webhook_token-for-tests";
const PATH = "/tg/hook-path";

const update = (id: number): Update =>
  ({
    update_id: id,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 5, type: "private", first_name: "Lan" },
      from: { id: 5, is_bot: false, first_name: "Lan" },
      text: "Xin chào",
    },
  }) as Update;

describe("secretMatches", () => {
  it("accepts only the exact secret, whatever the lengths", () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(`${SECRET}x`, SECRET)).toBe(false);
    expect(secretMatches(SECRET.slice(1), SECRET)).toBe(false);
    expect(secretMatches("", SECRET)).toBe(false);
    expect(secretMatches(undefined, SECRET)).toBe(false);
    expect(secretMatches([SECRET, SECRET], SECRET)).toBe(false);
    // An empty configured secret never matches (not even an empty header).
    expect(secretMatches("", "")).toBe(false);
  });
});

describe("webhookPathOf", () => {
  it("takes the path of the public URL", () => {
    expect(webhookPathOf("https://bot.example.vn/telegram/hook?x=1")).toBe("/telegram/hook");
    expect(webhookPathOf("https://bot.example.vn")).toBe("/");
  });

  it("refuses the paths the server keeps for itself", () => {
    expect(() => webhookPathOf("https://bot.example.vn/healthz")).toThrow(/healthz/);
    expect(() => webhookPathOf("https://bot.example.vn/metrics")).toThrow(/metrics/);
  });
});

describe("webhook handler", () => {
  let server: HttpServer;
  let base: string;
  let handler: WebhookHandler;
  let handled: number[];
  let inFlight: number;
  let results: string[];
  let log: ReturnType<typeof memoryLogger>;
  let release: (() => void) | undefined;

  async function start(options: { maxInFlight?: number; slow?: boolean; warnEveryMs?: number } = {}) {
    log = memoryLogger([SECRET]);
    handled = [];
    results = [];
    inFlight = 0;
    handler = createWebhookHandler({
      secretToken: SECRET,
      handleUpdate: async (u) => {
        inFlight += 1;
        handled.push(u.update_id);
        if (options.slow) await new Promise<void>((resolve) => (release = resolve));
        inFlight -= 1;
      },
      inFlight: () => inFlight,
      maxInFlight: options.maxInFlight ?? 10,
      logger: log.logger,
      metrics: { recordWebhookRequest: (r) => results.push(r) },
      maxBodyBytes: 4096,
      warnEveryMs: options.warnEveryMs ?? 0,
    });
    server = createHttpServer({ logger: log.logger });
    server.route(PATH, handler.handle);
    const port = await server.listen(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
  }

  const post = (body: unknown, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
    fetch(`${base}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  afterEach(async () => {
    release?.();
    release = undefined;
    await server.close();
  });

  it("answers 200 with the right secret and hands the update over", async () => {
    await start();
    const res = await post(update(11));
    expect(res.status).toBe(200);
    await expect.poll(() => handled).toEqual([11]);
    expect(results).toEqual(["accepted"]);
  });

  it("answers before the update is handled", async () => {
    await start({ slow: true });
    const res = await post(update(12));
    expect(res.status).toBe(200);
    expect(handled).toEqual([12]);
    expect(inFlight).toBe(1);
  });

  it("refuses a wrong or missing secret with 401, handles nothing, and logs a warning without the secret", async () => {
    await start();
    const wrong = await post(update(13), { [SECRET_HEADER]: `${SECRET}-wrong` });
    const missing = await post(update(14), {});
    const almost = await post(update(15), { [SECRET_HEADER]: SECRET.slice(0, -1) });
    expect([wrong.status, missing.status, almost.status]).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 50));
    expect(handled).toEqual([]);
    expect(results).toEqual(["unauthorized", "unauthorized", "unauthorized"]);
    const warnings = log.lines.filter((l) => l.msg === "webhook request refused");
    expect(warnings.map((w) => w.reason)).toEqual([
      "wrong secret token",
      "missing secret token",
      "wrong secret token",
    ]);
    expect(warnings.every((w) => w.level === 40 && w.path === PATH)).toBe(true);
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toContain(SECRET.slice(0, -1));
  });

  it("does not flood the log with refusals", async () => {
    await start({ warnEveryMs: 60_000 });
    for (let i = 0; i < 5; i++) expect((await post(update(20 + i), {})).status).toBe(401);
    const warnings = log.lines.filter((l) => l.msg === "webhook request refused");
    expect(warnings).toHaveLength(1);
    expect(results.filter((r) => r === "unauthorized")).toHaveLength(5);
  });

  it("refuses other methods, bodies that are not updates, and oversized bodies", async () => {
    await start();
    const get = await fetch(`${base}${PATH}`, { headers: { [SECRET_HEADER]: SECRET } });
    expect(get.status).toBe(405);
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ hello: "world" })).status).toBe(400);
    expect((await post({ update_id: 1.5 })).status).toBe(400);
    const big = { update_id: 30, message: { text: "x".repeat(10_000) } };
    expect((await post(big)).status).toBe(413);
    expect(handled).toEqual([]);
  });

  it("tells Telegram to retry (503) when too many updates are in flight", async () => {
    await start({ slow: true, maxInFlight: 1 });
    expect((await post(update(40))).status).toBe(200);
    const busy = await post(update(41));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(handled).toEqual([40]);
    expect(results).toEqual(["accepted", "busy"]);
  });

  it("answers 503 once it stops accepting (shutdown), so Telegram keeps the update", async () => {
    await start();
    handler.stopAccepting();
    expect(handler.accepting).toBe(false);
    expect((await post(update(50))).status).toBe(503);
    // Without the secret it is still a 401: nothing is told to strangers.
    expect((await post(update(51), {})).status).toBe(401);
    expect(handled).toEqual([]);
  });

  it("serves only its own path", async () => {
    await start();
    const other = await fetch(`${base}/tg/other`, {
      method: "POST",
      headers: { [SECRET_HEADER]: SECRET },
      body: JSON.stringify(update(60)),
    });
    expect(other.status).toBe(404);
    expect(handled).toEqual([]);
  });
});
