import { describe, expect, it } from "vitest";
import { createInFlight } from "../../../src/server/in-flight.js";

describe("createInFlight", () => {
  it("counts work until it settles, failures included", async () => {
    const inFlight = createInFlight();
    let finish!: () => void;
    const slow = inFlight.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const failing = inFlight.run(async () => {
      throw new Error("boom");
    });
    expect(inFlight.count()).toBe(2);
    await expect(failing).rejects.toThrow("boom");
    expect(inFlight.count()).toBe(1);
    finish();
    await slow;
    expect(inFlight.count()).toBe(0);
  });

  it("counts work that throws before returning a promise", async () => {
    const inFlight = createInFlight();
    await expect(
      inFlight.run(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(inFlight.count()).toBe(0);
  });

  it("idle resolves true when the work is done, false after the timeout", async () => {
    const inFlight = createInFlight();
    expect(await inFlight.idle(10)).toBe(true);
    let finish!: () => void;
    void inFlight.run(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(await inFlight.idle(20)).toBe(false);
    const waiting = inFlight.idle(5_000);
    finish();
    expect(await waiting).toBe(true);
  });
});
