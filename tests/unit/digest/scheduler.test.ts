import { describe, expect, it } from "vitest";
import { createCorpusLog } from "../../../src/audit/corpus-log.js";
import { createDigest } from "../../../src/digest/index.js";
import { localDateOf, parseClockTime, zonedTimeToEpoch } from "../../../src/digest/local-time.js";
import { cronJobs, type JobFactory } from "../../../src/digest/scheduler.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import { createMemoryStore } from "../../support/memory-store.js";
import { createFakeTelegram, createMutableClock, silentLogger } from "./delivery-harness.js";

const HCM = "Asia/Ho_Chi_Minh";
const at = (date: string, hhmm: string) => zonedTimeToEpoch(date, parseClockTime(hhmm)!, HCM);

function recordingJobs() {
  const jobs: Array<{ pattern: string; timezone: string; run: () => void; stopped: boolean }> = [];
  const factory: JobFactory = (pattern, timezone, run) => {
    const job = { pattern, timezone, run, stopped: false };
    jobs.push(job);
    return {
      stop: () => {
        job.stopped = true;
      },
      nextRun: () => null,
    };
  };
  return { factory, active: () => jobs.filter((j) => !j.stopped), all: jobs };
}

function setup(start = at("2025-03-07", "06:00")) {
  const db = openDatabase(":memory:");
  const clock = createMutableClock(start);
  const digest = createDigest({
    db,
    store: createMemoryStore(),
    corpusLog: createCorpusLog(db, clock),
    questions: {
      questionsBetween: () => [{ question: "Nghị định 178 áp dụng cho ai?", createdAt: clock.now() - 1 }],
    },
    zone: HCM,
    defaultTime: "07:30",
    clock,
    logger: silentLogger,
  });
  const telegram = createFakeTelegram(clock);
  const jobs = recordingJobs();
  const runner = digest.createRunner(telegram.sender, { jobs: jobs.factory });
  return { db, clock, digest, telegram, jobs, runner };
}

describe("digest scheduler", () => {
  it("arms one daily timer per subscribed chat in the configured zone, plus a sweep", async () => {
    const { digest, jobs, runner } = setup();
    digest.service.subscribe(-1, { time: "00:10" });
    digest.service.subscribe(-2);
    digest.service.subscribe(-3);
    digest.service.unsubscribe(-3);
    await runner.scheduler.start();
    expect(jobs.active().map((j) => [j.pattern, j.timezone])).toEqual([
      ["30 7 * * *", HCM],
      ["10 0 * * *", HCM],
      ["*/5 * * * *", HCM],
    ]);
    await runner.stop();
    expect(jobs.active()).toEqual([]);
  });

  it("re-arms a chat's timer when /bantin changes it, and drops it when turned off", async () => {
    const { digest, jobs, runner } = setup();
    await runner.scheduler.start();
    digest.service.subscribe(-1);
    expect(jobs.active().map((j) => j.pattern)).toContain("30 7 * * *");
    digest.service.subscribe(-1, { time: "18:45" });
    expect(jobs.active().map((j) => j.pattern)).toEqual(["*/5 * * * *", "45 18 * * *"]);
    digest.service.setQuietPolicy(-1, "none");
    expect(jobs.all.filter((j) => j.pattern === "45 18 * * *")).toHaveLength(1);
    digest.service.unsubscribe(-1);
    expect(jobs.active().map((j) => j.pattern)).toEqual(["*/5 * * * *"]);
    await runner.stop();
  });

  it("catches up at start, and a timer only ever delivers what is due", async () => {
    const { digest, jobs, runner, telegram, clock } = setup(at("2025-03-06", "20:00"));
    digest.service.subscribe(-1);
    clock.set(at("2025-03-07", "09:00")); // the process was down at 07:30
    await runner.scheduler.start();
    expect(telegram.delivered.map((m) => m.chatId)).toEqual([-1]);
    expect(telegram.delivered[0]!.text).toContain("Thứ Sáu, 07/03/2025");
    // Timers firing again (twice, late) change nothing.
    for (const job of jobs.active()) job.run();
    for (const job of jobs.active()) job.run();
    await runner.scheduler.idle();
    expect(telegram.delivered).toHaveLength(1);
    expect(runner.delivery.owner).toMatch(/^digest-/);
    await runner.stop();
  });

  it("unsubscribes and disarms a chat that removed the bot", async () => {
    const { digest, jobs, runner, telegram, clock } = setup(at("2025-03-06", "20:00"));
    digest.service.subscribe(-1);
    await runner.scheduler.start();
    telegram.failNext({
      kind: "telegram",
      code: 403,
      description: "Forbidden: bot was kicked from the group chat",
    });
    clock.set(at("2025-03-07", "07:30"));
    jobs
      .active()
      .find((j) => j.pattern === "30 7 * * *")!
      .run();
    await runner.scheduler.idle();
    expect(digest.service.subscription(-1)).toMatchObject({ enabled: false, disabledReason: "bot_removed" });
    expect(jobs.active().map((j) => j.pattern)).toEqual(["*/5 * * * *"]);
    await runner.stop();
  });

  it("uses croner with the zone: a 00:10 job next fires at 17:10 UTC", () => {
    const job = cronJobs("10 0 * * *", HCM, () => {});
    try {
      const next = job.nextRun()!;
      expect(next.getUTCHours()).toBe(17);
      expect(next.getUTCMinutes()).toBe(10);
      expect(next.getTime()).toBe(at(localDateOf(next.getTime(), HCM), "00:10"));
    } finally {
      job.stop();
    }
  });
});

describe("digest service", () => {
  it("previews without recording anything", async () => {
    const { digest, db } = setup();
    digest.service.subscribe(-1);
    const preview = await digest.service.preview(-1);
    expect(preview.skipped).toBe(false);
    expect(preview.sections.map((s) => s.kind)).toEqual(["questions"]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM digest_log").get()).toEqual({ n: 0 });
    expect(digest.repo.subscription(-1)!.lastDigestAt).toBeNull();
    expect(digest.service.unsubscribe(-1)).toBe(true);
    expect(digest.service.unsubscribe(-1)).toBe(false);
    expect(digest.service.subscription(-1)).toMatchObject({ enabled: false, disabledReason: "command" });
  });
});
