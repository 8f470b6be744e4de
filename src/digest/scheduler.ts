import { Cron } from "croner";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DigestDelivery } from "./delivery.js";
import type { DigestRepository } from "./digest-store.js";
import { dailyCronPattern, parseClockTime } from "./local-time.js";

/**
 * Timers for the daily digest: one croner job per subscribed chat at its local time (in
 * the configured zone), plus a sweep every few minutes. Every timer only calls the
 * idempotent `delivery.deliverDue`, so a timer that fires twice, early or late changes
 * nothing; the sweep catches what a timer missed (the machine slept, a send to retry, a
 * slot left unfinished by a crash). `start()` also runs one catch-up at once.
 */

/** A running timer. */
export interface ScheduledJob {
  stop(): void;
  /** The next time it fires, or null. */
  nextRun(): Date | null;
}

/** Makes a timer firing on a cron pattern in a time zone; croner by default, a fake in tests. */
export type JobFactory = (pattern: string, timezone: string, run: () => void) => ScheduledJob;

/** Real timers: `new Cron(pattern, { timezone })`, unreferenced so they never keep a process alive. */
export const cronJobs: JobFactory = (pattern, timezone, run) => {
  const job = new Cron(pattern, { timezone, unref: true, protect: true }, () => run());
  return { stop: () => job.stop(), nextRun: () => job.nextRun() };
};

export interface DigestScheduler {
  /** Schedules every enabled chat and the sweep, then delivers what is due now (catch-up). */
  start(): Promise<void>;
  /** Re-reads one chat's settings and (re)schedules or cancels its timer. */
  refresh(chatId: number): void;
  /** Runs one sweep now (what the timers do). */
  tick(): Promise<void>;
  /** Resolves when no run started by a timer (or `tick`) is in progress. */
  idle(): Promise<void>;
  /** Stops the timers and waits for deliveries in progress. */
  stop(): Promise<void>;
  /** The timers, for diagnostics: the chat (null for the sweep), pattern and next run. */
  jobs(): Array<{ chatId: number | null; pattern: string; nextRun: Date | null }>;
}

export interface SchedulerDeps {
  delivery: DigestDelivery;
  repo: Pick<DigestRepository, "subscription" | "enabledSubscriptions">;
  zone: string;
  clock: Clock;
  logger: Logger;
  jobs?: JobFactory;
  /** The safety sweep's pattern. Default every 5 minutes. */
  sweepPattern?: string;
}

export function createDigestScheduler(deps: SchedulerDeps): DigestScheduler {
  const makeJob = deps.jobs ?? cronJobs;
  const sweepPattern = deps.sweepPattern ?? "*/5 * * * *";
  const chatJobs = new Map<number, { pattern: string; job: ScheduledJob }>();
  let sweep: ScheduledJob | null = null;
  let started = false;
  let stopped = false;
  const pending = new Set<Promise<unknown>>();

  const run = (chatId: number | undefined) => {
    if (stopped) return Promise.resolve();
    const promise = deps.delivery
      .deliverDue(deps.clock.now(), chatId === undefined ? {} : { chatId })
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error, chat: chatId }, "digest run failed"))
      .finally(() => pending.delete(promise));
    pending.add(promise);
    return promise;
  };

  const refresh = (chatId: number) => {
    if (!started || stopped) return;
    const sub = deps.repo.subscription(chatId);
    const time = sub?.enabled ? parseClockTime(sub.time) : null;
    const pattern = time ? dailyCronPattern(time) : null;
    const current = chatJobs.get(chatId);
    if (current && current.pattern === pattern) return;
    current?.job.stop();
    chatJobs.delete(chatId);
    if (pattern) {
      chatJobs.set(chatId, { pattern, job: makeJob(pattern, deps.zone, () => void run(chatId)) });
      deps.logger.debug({ chat: chatId, pattern, zone: deps.zone }, "digest scheduled");
    }
  };

  return {
    async start() {
      if (started) return;
      started = true;
      for (const sub of deps.repo.enabledSubscriptions()) refresh(sub.chatId);
      sweep = makeJob(sweepPattern, deps.zone, () => void run(undefined));
      deps.logger.info({ chats: chatJobs.size, zone: deps.zone }, "digest scheduler started");
      await run(undefined);
    },
    refresh,
    tick: () => run(undefined),
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async stop() {
      stopped = true;
      sweep?.stop();
      for (const { job } of chatJobs.values()) job.stop();
      chatJobs.clear();
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await deps.delivery.idle();
    },
    jobs() {
      const out: Array<{ chatId: number | null; pattern: string; nextRun: Date | null }> = [...chatJobs].map(
        ([chatId, { pattern, job }]) => ({ chatId, pattern, nextRun: job.nextRun() }),
      );
      if (sweep) out.push({ chatId: null, pattern: sweepPattern, nextRun: sweep.nextRun() });
      return out;
    },
  };
}
