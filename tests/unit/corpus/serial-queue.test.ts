import { describe, expect, it } from "vitest";
import { createSerialQueue } from "../../../src/corpus/serial-queue.js";

describe("serial queue", () => {
  it("runs jobs one at a time in arrival order; a failure does not stop the next", async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    let running = 0;
    const job =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run(job("a")),
      queue.run(job("b", true)),
      queue.run(job("c")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(queue.size).toBe(0);
    await queue.drain();
  });
});
