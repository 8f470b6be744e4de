import { describe, expect, it } from "vitest";
import { createProgressMessage, isNotModified } from "../../../../src/bot/upload/progress.js";

/** A manual clock and timer: time moves only when the test says so. */
function manualTime() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  return {
    clock: { now: () => now },
    schedule: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => !t.cancelled && t.at <= now)) {
        t.cancelled = true;
        t.fn();
      }
    },
  };
}

/** Lets queued edits run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const notModified = Object.assign(new Error("400: Bad Request: message is not modified"), {
  response: {
    error_code: 400,
    description: "Bad Request: message is not modified: specified new message content",
  },
});

describe("progress message", () => {
  it("edits at most once per interval; the latest text wins; the same text is not sent twice", async () => {
    const time = manualTime();
    const edits: string[] = [];
    const progress = createProgressMessage({
      clock: time.clock,
      schedule: time.schedule,
      edit: async (text) => {
        edits.push(text);
      },
    });
    progress.update("đang đọc 0%");
    await settle();
    expect(edits).toEqual(["đang đọc 0%"]);
    progress.update("đang đọc 10%");
    progress.update("đang đọc 20%");
    progress.update("đang đọc 30%");
    time.advance(500);
    expect(edits).toHaveLength(1);
    time.advance(500);
    await settle();
    expect(edits).toEqual(["đang đọc 0%", "đang đọc 30%"]);
    time.advance(5000);
    progress.update("đang đọc 30%");
    expect(edits).toHaveLength(2);
    await progress.finish(async () => {
      edits.push("thẻ");
    });
    progress.update("muộn");
    time.advance(5000);
    expect(edits).toEqual(["đang đọc 0%", "đang đọc 30%", "thẻ"]);
  });

  it("waits for the message's creation before the first edit when told when it was sent", async () => {
    const time = manualTime();
    const edits: string[] = [];
    const progress = createProgressMessage({
      clock: time.clock,
      schedule: time.schedule,
      lastEditAt: 0,
      edit: async (text) => {
        edits.push(text);
      },
    });
    progress.update("đang đọc");
    await settle();
    expect(edits).toEqual([]);
    // Finishing first cancels the pending edit: only the final text goes out.
    await progress.finish(async () => {
      edits.push("thẻ");
    });
    time.advance(2000);
    expect(edits).toEqual(["thẻ"]);
  });

  it("ignores 'message is not modified', reports other failures, never throws from update", async () => {
    const time = manualTime();
    const errors: unknown[] = [];
    let fail: unknown = notModified;
    const progress = createProgressMessage({
      clock: time.clock,
      schedule: time.schedule,
      edit: async () => {
        throw fail;
      },
      onError: (e) => errors.push(e),
    });
    progress.update("a");
    await settle();
    time.advance(1000);
    fail = new Error("network");
    progress.update("b");
    await progress.finish(async () => {
      throw notModified;
    });
    expect(errors).toHaveLength(1);
    expect(isNotModified(notModified)).toBe(true);
    expect(isNotModified(new Error("x"))).toBe(false);
  });
});
