import type { Clock } from "../../src/clock.js";

/**
 * A clock whose `sleep` does not really wait. Time jumps to the earliest pending timer
 * once everything else has settled (after the pending promise callbacks run), so code
 * that sleeps runs instantly, in the order real time would give, and `now()` shows the
 * simulated time.
 */
export interface FakeTime extends Clock {
  sleep(ms: number): Promise<void>;
  /** Moves time forward without waking anyone early (timers due by then fire in order). */
  advance(ms: number): void;
  /** Every sleep so far, in milliseconds. */
  readonly sleeps: number[];
}

export function createFakeTime(start = 1_700_000_000_000): FakeTime {
  let now = start;
  let seq = 0;
  let scheduled = false;
  const timers: Array<{ at: number; seq: number; wake: () => void }> = [];
  const sleeps: number[] = [];

  const fireNext = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setImmediate(fireNext);
  };

  return {
    now: () => now,
    sleeps,
    sleep(ms: number) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        timers.push({ at: now + Math.max(0, ms), seq: seq++, wake: resolve });
        schedule();
      });
    },
    advance(ms: number) {
      now += ms;
    },
  };
}
