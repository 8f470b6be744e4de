import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cron } from "croner";
import { afterEach, describe, expect, it } from "vitest";
import { createDigestDelivery, type DigestSender } from "../../../src/digest/delivery.js";
import { createDigestRepository } from "../../../src/digest/digest-store.js";
import { addDays, parseClockTime, zonedTimeToEpoch } from "../../../src/digest/local-time.js";
import {
  createDigestScheduler,
  type DigestScheduler,
  type JobFactory,
} from "../../../src/digest/scheduler.js";
import { type Database, openDatabase } from "../../../src/store/sqlite.js";
import {
  crashableRepo,
  createFakeTelegram,
  createLabelBuilder,
  createMutableClock,
  type MutableClock,
  silentLogger,
} from "./delivery-harness.js";

/**
 * Thirty simulated days of the real delivery and scheduler (croner computing the times in
 * Asia/Ho_Chi_Minh) on one SQLite file, with the process restarted at random moments,
 * dying while a part is on its way to Telegram, and dying right after Telegram accepted a
 * part but before the record. No real waiting: time jumps from one timer to the next.
 *
 * The written guarantee (src/digest/delivery.ts) is at-least-once with duplicates only
 * from crashes in the send → record window, so: every chat gets every day's digest, and
 * the number of duplicate messages equals the number of such crashes.
 */

const HCM = "Asia/Ho_Chi_Minh";
const MIN = 60_000;
const HOUR = 60 * MIN;

const at = (date: string, hhmm: string) => zonedTimeToEpoch(date, parseClockTime(hhmm)!, HCM);

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Timers that never wait: croner computes when each fires, the test decides when that is. */
function createFakeJobs(clock: MutableClock) {
  const jobs = new Set<{ cron: Cron; run: () => void; next: number }>();
  const nextAfter = (cron: Cron, t: number) => {
    let next = cron.nextRun(new Date(t))?.getTime() ?? Number.POSITIVE_INFINITY;
    if (next <= t) next = cron.nextRun(new Date(t + 1000))?.getTime() ?? Number.POSITIVE_INFINITY;
    return next;
  };
  const factory: JobFactory = (pattern, timezone, run) => {
    const cron = new Cron(pattern, { timezone, paused: true });
    const job = { cron, run, next: nextAfter(cron, clock.now()) };
    jobs.add(job);
    return {
      stop: () => {
        jobs.delete(job);
        cron.stop();
      },
      nextRun: () => new Date(job.next),
    };
  };
  return {
    factory,
    next: () => Math.min(Number.POSITIVE_INFINITY, ...[...jobs].map((j) => j.next)),
    fire(t: number) {
      for (const job of [...jobs]) {
        if (job.next > t) continue;
        job.next = nextAfter(job.cron, t);
        job.run();
      }
    },
    clear() {
      for (const job of jobs) job.cron.stop();
      jobs.clear();
    },
  };
}

const CHATS = [
  { chatId: -1001, time: "00:10", parts: 1 },
  { chatId: -1002, time: "07:30", parts: 1 },
  { chatId: -1003, time: "12:45", parts: 2 },
  { chatId: -1004, time: "23:30", parts: 1 },
];

interface Instance {
  db: Database;
  scheduler: DigestScheduler;
  jobs: ReturnType<typeof createFakeJobs>;
  crashing: ReturnType<typeof crashableRepo>;
  dead: boolean;
  died: Promise<void>;
  kill(): void;
}

async function simulate(seed: number, dir: string) {
  const rng = random(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo));
  const FIRST_DAY = "2025-03-01";
  const DAYS = 30;
  const END = at(addDays(FIRST_DAY, DAYS), "00:00");
  // Faults stop early enough that the last one is resolved before the end.
  const FAULTS_END = at(addDays(FIRST_DAY, DAYS - 1), "22:00");
  const path = join(dir, `state-${seed}.sqlite`);
  // Subscribed at 23:50 the day before: the first digest owed is the 00:10 one of day 1.
  const clock = createMutableClock(at(FIRST_DAY, "00:00") - 10 * MIN);
  const telegram = createFakeTelegram(clock);
  const { builder } = createLabelBuilder({
    parts: (chatId) => CHATS.find((c) => c.chatId === chatId)?.parts ?? 1,
  });
  const stats = { restarts: 0, windowCrashes: 0, hangs: 0 };

  {
    const db = openDatabase(path);
    const repo = createDigestRepository(db);
    for (const c of CHATS)
      repo.saveSubscription(c.chatId, { enabled: true, time: c.time }, clock.now(), {
        time: "07:30",
        quietPolicy: "short",
      });
    db.close();
  }

  const start = (): Instance => {
    const db = openDatabase(path);
    const crashing = crashableRepo(createDigestRepository(db));
    const jobs = createFakeJobs(clock);
    let resolveDied!: () => void;
    const inst: Instance = {
      db,
      jobs,
      crashing,
      dead: false,
      died: new Promise<void>((r) => {
        resolveDied = r;
      }),
      scheduler: undefined as unknown as DigestScheduler,
      kill() {
        if (inst.dead) return;
        inst.dead = true;
        crashing.kill();
        jobs.clear();
        resolveDied();
      },
    };
    const sender: DigestSender = {
      sendMessage(chatId, text, extra) {
        if (inst.dead) return new Promise<never>(() => {});
        const faults = clock.now() < FAULTS_END;
        const r = rng();
        if (faults && r < 0.04) {
          // Dies while the request is on its way: Telegram never gets it.
          stats.hangs++;
          inst.kill();
          return new Promise<never>(() => {});
        }
        if (faults && r < 0.1) {
          // Dies after Telegram accepted it, before the record commits.
          stats.windowCrashes++;
          crashing.crashBeforeRecord();
        }
        return telegram.sender.sendMessage(chatId, text, extra);
      },
    };
    const delivery = createDigestDelivery({
      repo: crashing.repo,
      builder,
      sender,
      clock,
      zone: HCM,
      logger: silentLogger,
    });
    inst.scheduler = createDigestScheduler({
      delivery,
      repo: crashing.repo,
      zone: HCM,
      clock,
      logger: silentLogger,
      jobs: jobs.factory,
    });
    return inst;
  };

  const settle = async (inst: Instance, work: Promise<unknown>) => {
    await Promise.race([work, inst.died]);
    if (crashing(inst)) inst.kill();
  };
  const crashing = (inst: Instance) => inst.crashing.isDead();

  let inst: Instance | null = start();
  await settle(inst, inst.scheduler.start());
  let restartAt = 0;
  let nextKill = clock.now() + between(HOUR, 48 * HOUR);

  while (clock.now() < END) {
    if (!inst || inst.dead) {
      if (inst) {
        inst.db.close();
        inst = null;
        restartAt = clock.now() + between(0, 20 * MIN);
        continue;
      }
      clock.set(restartAt);
      stats.restarts++;
      inst = start();
      await settle(inst, inst.scheduler.start());
      continue;
    }
    const t = Math.min(inst.jobs.next(), nextKill < FAULTS_END ? nextKill : Number.POSITIVE_INFINITY);
    if (t >= END) break;
    clock.set(t);
    if (t === nextKill) {
      // A restart at a random moment (deploy, crash elsewhere, host reboot).
      inst.kill();
      nextKill = t + between(HOUR, 48 * HOUR);
      continue;
    }
    inst.jobs.fire(t);
    await settle(inst, inst.scheduler.idle());
  }
  if (inst && !inst.dead) await inst.scheduler.stop();
  inst?.db.close();
  return { telegram, stats, FIRST_DAY, DAYS };
}

describe("30 days of digests with restarts and crashes (at-least-once)", () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([1, 2, 3])(
    "seed %i: every chat gets every day's digest; duplicates = crashes in the send→record window",
    async (seed) => {
      dir = await mkdtemp(join(tmpdir(), "digest-sim-"));
      const { telegram, stats, FIRST_DAY, DAYS } = await simulate(seed, dir);

      // The run was eventful.
      expect(stats.restarts).toBeGreaterThanOrEqual(10);
      expect(stats.windowCrashes).toBeGreaterThanOrEqual(2);
      expect(stats.hangs).toBeGreaterThanOrEqual(2);

      const counts = new Map<string, number>();
      for (const m of telegram.delivered)
        counts.set(`${m.chatId} ${m.text}`, (counts.get(`${m.chatId} ${m.text}`) ?? 0) + 1);
      let duplicates = 0;
      for (const n of counts.values()) duplicates += n - 1;

      const missing: string[] = [];
      for (let d = 0; d < DAYS; d++) {
        const date = addDays(FIRST_DAY, d);
        for (const c of CHATS) {
          const due = at(date, c.time);
          for (let part = 0; part < c.parts; part++) {
            const text = `DIGEST chat=${c.chatId} date=${date} part=${part}`;
            const first = telegram.delivered.find((m) => m.chatId === c.chatId && m.text === text);
            if (!first) {
              missing.push(text);
              continue;
            }
            expect(first.at).toBeGreaterThanOrEqual(due - 2000);
            expect(first.at - due).toBeLessThan(3 * HOUR);
          }
        }
      }
      expect(missing).toEqual([]);
      expect(duplicates).toBe(stats.windowCrashes);
      // Nothing for a day outside the simulation, nothing unexpected.
      const expected = DAYS * CHATS.reduce((n, c) => n + c.parts, 0);
      expect(telegram.delivered.length).toBe(expected + stats.windowCrashes);
    },
  );
});
