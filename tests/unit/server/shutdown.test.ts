import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { FORCED_EXIT_CODE, onStopSignals, shutdownGracefully } from "../../../src/server/shutdown.js";
import { memoryLogger } from "./log-sink.js";

function fakeProcess() {
  const emitter = new EventEmitter();
  return {
    source: {
      on: (event: string, fn: (signal: NodeJS.Signals) => void) => emitter.on(event, fn),
      off: (event: string, fn: (signal: NodeJS.Signals) => void) => emitter.off(event, fn),
    } as unknown as Pick<NodeJS.Process, "on" | "off">,
    send: (signal: NodeJS.Signals) => emitter.emit(signal, signal),
  };
}

describe("onStopSignals", () => {
  it("stops on the first signal, ignores a repeat within the window, exits 130 on a later one", () => {
    const proc = fakeProcess();
    let now = 0;
    const stops: string[] = [];
    const exits: number[] = [];
    const forced: string[] = [];
    onStopSignals((s) => stops.push(s), {
      source: proc.source,
      exit: (code) => exits.push(code),
      now: () => now,
      repeatWindowMs: 1000,
      onForced: (s) => forced.push(s),
    });
    proc.send("SIGTERM");
    expect(stops).toEqual(["SIGTERM"]);
    now = 300;
    proc.send("SIGTERM"); // the same signal passed on by a wrapper
    expect(exits).toEqual([]);
    now = 1500;
    proc.send("SIGINT");
    expect(stops).toEqual(["SIGTERM"]);
    expect(exits).toEqual([FORCED_EXIT_CODE]);
    expect(FORCED_EXIT_CODE).toBe(130);
    expect(forced).toEqual(["SIGINT"]);
  });

  it("removes its handlers", () => {
    const proc = fakeProcess();
    const stops: string[] = [];
    const off = onStopSignals((s) => stops.push(s), { source: proc.source, exit: () => undefined });
    off();
    proc.send("SIGINT");
    expect(stops).toEqual([]);
  });
});

describe("shutdownGracefully", () => {
  /** A bot whose updates finish when `finish` is called. */
  function fakeBot() {
    let inFlight = 1;
    let wake: (() => void) | undefined;
    const calls: string[] = [];
    return {
      calls,
      finish() {
        inFlight = 0;
        wake?.();
      },
      bot: {
        stopReceiving: (reason: string) => calls.push(`stopReceiving:${reason}`),
        inFlight: () => inFlight,
        idle: (timeoutMs?: number) =>
          new Promise<boolean>((resolve) => {
            if (inFlight === 0) return resolve(true);
            wake = () => resolve(true);
            setTimeout(() => resolve(inFlight === 0), timeoutMs);
          }),
        done: Promise.resolve(),
      },
    };
  }

  it("stops receiving, waits for the answer in flight, drains the outbox, then closes, in order", async () => {
    const { logger, lines } = memoryLogger();
    const fake = fakeBot();
    const order: string[] = [];
    let pending = 1;
    const outbox = {
      drain: async () => {
        order.push("drain");
        pending = 0;
      },
      stats: () => ({ pending, busyChats: 0, pausedChats: 0, globalPausedUntil: 0 }),
    };
    setTimeout(() => {
      order.push("answered");
      fake.finish();
    }, 30);
    const outcome = await shutdownGracefully(
      {
        logger,
        timeoutMs: 2000,
        bot: fake.bot,
        server: { close: async () => void order.push("server closed") },
        pending: [{ name: "uploads", wait: async () => void order.push("uploads") }],
        outbox,
        closers: [
          { name: "digest", close: async () => void order.push("digest") },
          { name: "store", close: async () => void order.push("store") },
        ],
      },
      "SIGTERM",
    );
    expect(outcome).toEqual({ clean: true, abandonedUpdates: 0, abandonedCalls: 0 });
    expect(fake.calls).toEqual(["stopReceiving:SIGTERM"]);
    expect(order).toEqual(["server closed", "answered", "uploads", "drain", "digest", "store"]);
    expect(lines.map((l) => l.msg)).toEqual(["shutting down", "stopped"]);
    expect(lines[0]).toMatchObject({ reason: "SIGTERM", inFlight: 1 });
  });

  it("gives up on what is not done within the budget, and still closes the store", async () => {
    const { logger, lines } = memoryLogger();
    const fake = fakeBot();
    let storeClosed = false;
    const started = Date.now();
    const outcome = await shutdownGracefully(
      {
        logger,
        timeoutMs: 100,
        bot: fake.bot,
        outbox: {
          drain: () => new Promise<void>(() => undefined),
          stats: () => ({ pending: 2, busyChats: 1, pausedChats: 0, globalPausedUntil: 0 }),
        },
        closers: [
          {
            name: "broken",
            close: async () => {
              throw new Error("close failed");
            },
          },
          {
            name: "store",
            close: async () => {
              storeClosed = true;
            },
          },
        ],
      },
      "SIGINT",
    );
    // The budget, plus the second the outbox always gets for the last replies.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(outcome).toEqual({ clean: false, abandonedUpdates: 1, abandonedCalls: 2 });
    expect(storeClosed).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual([
      "shutting down",
      "answers still in flight given up",
      "queued Telegram calls given up",
      "close failed",
      "stopped",
    ]);
  });
});
