import { describe, expect, it } from "vitest";
import { createHealthCheck } from "../../../src/server/health.js";
import { memoryLogger } from "./log-sink.js";

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createHealthCheck", () => {
  it("is ok when every part answers", async () => {
    const health = createHealthCheck({
      parts: [
        { name: "store", probe: async () => ({ documents: 3 }) },
        { name: "llm", probe: async () => undefined },
      ],
    });
    expect(await health.check()).toEqual({ status: "ok", parts: { store: "ok", llm: "ok" } });
  });

  it("names the failing part and logs why, once, until it recovers", async () => {
    const log = memoryLogger();
    let broken = true;
    const health = createHealthCheck({
      parts: [
        {
          name: "store",
          probe: async () => {
            if (broken) throw new Error("database connection is not open");
          },
        },
        { name: "qdrant", probe: async () => undefined },
      ],
      logger: log.logger,
    });
    const report = await health.check();
    expect(report).toEqual({ status: "fail", parts: { store: "fail", qdrant: "ok" }, failing: ["store"] });
    // The reason is in the log, not in the (public) report.
    expect(JSON.stringify(report)).not.toContain("database");
    await health.check();
    const failing = log.lines.filter((l) => l.msg === "health part failing");
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      level: 40,
      part: "store",
      err: { message: "database connection is not open" },
    });
    broken = false;
    expect((await health.check()).status).toBe("ok");
    expect(log.lines.filter((l) => l.msg === "health part recovered")).toHaveLength(1);
  });

  it("fails a part that does not answer in time", async () => {
    const health = createHealthCheck({
      parts: [{ name: "llm", probe: () => new Promise(() => undefined), timeoutMs: 30 }],
    });
    expect(await health.check()).toMatchObject({ status: "fail", failing: ["llm"] });
  });

  it("reuses a result for cacheMs, and shares one probe between concurrent checks", async () => {
    const clock = manualClock();
    let calls = 0;
    const health = createHealthCheck({
      parts: [
        {
          name: "llm",
          cacheMs: 30_000,
          probe: async () => {
            calls += 1;
            await new Promise((r) => setTimeout(r, 5));
          },
        },
      ],
      clock,
    });
    await Promise.all([health.check(), health.check(), health.check()]);
    expect(calls).toBe(1);
    clock.advance(29_000);
    await health.check();
    expect(calls).toBe(1);
    clock.advance(2_000);
    await health.check();
    expect(calls).toBe(2);
  });

  it("asks an uncached part every time", async () => {
    let calls = 0;
    const health = createHealthCheck({ parts: [{ name: "store", probe: async () => (calls += 1) }] });
    await health.check();
    await health.check();
    expect(calls).toBe(2);
  });
});
