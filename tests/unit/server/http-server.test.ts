import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/metrics.js";
import { createHealthCheck } from "../../../src/server/health.js";
import { createHttpServer, type HttpServer } from "../../../src/server/http-server.js";
import { memoryLogger } from "./log-sink.js";
import { parsePrometheus, sampleValue } from "./prometheus.js";

let server: HttpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: { storeOk?: () => boolean; metrics?: boolean } = {}) {
  const log = memoryLogger();
  const storeOk = options.storeOk ?? (() => true);
  const metrics = createMetrics();
  server = createHttpServer({
    logger: log.logger,
    health: createHealthCheck({
      parts: [
        {
          name: "store",
          probe: async () => {
            if (!storeOk()) throw new Error("store closed");
          },
        },
      ],
    }),
    ...(options.metrics === false ? {} : { metrics }),
  });
  const port = await server.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}`, metrics, log };
}

describe("http server", () => {
  it("GET /healthz: 200 and the parts while they work, 503 naming the part that fails", async () => {
    let ok = true;
    const { base } = await start({ storeOk: () => ok });
    const healthy = await fetch(`${base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get("content-type")).toContain("application/json");
    expect(await healthy.json()).toEqual({ status: "ok", parts: { store: "ok" } });
    ok = false;
    const sick = await fetch(`${base}/healthz`);
    expect(sick.status).toBe(503);
    expect(await sick.json()).toEqual({ status: "fail", parts: { store: "fail" }, failing: ["store"] });
    const head = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(503);
  });

  it("GET /metrics: Prometheus text", async () => {
    const { base, metrics } = await start();
    metrics.recordQuestion(10, false);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const samples = parsePrometheus(await res.text());
    expect(sampleValue(samples, "nhatthe_questions_total")).toBe(1);
  });

  it("404 for anything else, 405 for other methods on its paths", async () => {
    const { base } = await start({ metrics: false });
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
  });

  it("keeps /healthz and /metrics for itself", async () => {
    await start();
    expect(() => server?.route("/healthz", () => undefined)).toThrow(/reserved/);
    expect(() => server?.route("/metrics", () => undefined)).toThrow(/reserved/);
  });

  it("answers 500 (and logs) when a route fails", async () => {
    const { base, log } = await start();
    server?.route("/boom", () => {
      throw new Error("route failed");
    });
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect(log.lines.some((l) => l.msg === "http request failed" && l.level === 50)).toBe(true);
  });

  it("close stops listening, also with a keep-alive connection open", async () => {
    const { base } = await start();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const started = Date.now();
    await server?.close(500);
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("reports a port that is taken", async () => {
    await start();
    const other = createHttpServer({ logger: memoryLogger().logger });
    await expect(other.listen(server?.port ?? 0, "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
  });
});
