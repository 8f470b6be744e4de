import { beforeEach, describe, expect, it } from "vitest";
import { createDigestDelivery, type DeliveryOptions } from "../../../src/digest/delivery.js";
import { createDigestRepository, type DigestRepository } from "../../../src/digest/digest-store.js";
import { parseClockTime, zonedTimeToEpoch } from "../../../src/digest/local-time.js";
import { type Database, openDatabase } from "../../../src/store/sqlite.js";
import {
  crashableRepo,
  createFakeTelegram,
  createLabelBuilder,
  createMutableClock,
  type MutableClock,
  silentLogger,
} from "./delivery-harness.js";

const HCM = "Asia/Ho_Chi_Minh";
const MIN = 60_000;
const DEFAULTS = { time: "07:30", quietPolicy: "short" as const };

/** The instant the wall clock in Hồ Chí Minh City shows `hhmm` on `date`. */
function at(date: string, hhmm: string, zone = HCM): number {
  return zonedTimeToEpoch(date, parseClockTime(hhmm)!, zone);
}

describe("digest delivery", () => {
  let db: Database;
  let repo: DigestRepository;
  let clock: MutableClock;
  let telegram: ReturnType<typeof createFakeTelegram>;
  let labels: ReturnType<typeof createLabelBuilder>;
  let changed: number[];

  const subscribe = (chatId: number, time: string, since: number, quietPolicy: "short" | "none" = "short") =>
    repo.saveSubscription(chatId, { enabled: true, time, quietPolicy }, since, DEFAULTS);

  const delivery = (
    options: DeliveryOptions & {
      repo?: DigestRepository;
      zone?: string;
      sender?: typeof telegram.sender;
    } = {},
  ) =>
    createDigestDelivery({
      repo: options.repo ?? repo,
      builder: labels.builder,
      sender: options.sender ?? telegram.sender,
      clock,
      zone: options.zone ?? HCM,
      logger: silentLogger,
      onSubscriptionChange: (chatId) => changed.push(chatId),
      options,
    });

  beforeEach(() => {
    db = openDatabase(":memory:");
    repo = createDigestRepository(db);
    clock = createMutableClock(at("2025-03-06", "12:00"));
    telegram = createFakeTelegram(clock);
    labels = createLabelBuilder();
    changed = [];
  });

  it("sends a digest once its time has come, and only once", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    const d = delivery();
    clock.set(at("2025-03-07", "07:29"));
    expect(await d.deliverDue()).toEqual([]);
    clock.set(at("2025-03-07", "07:30"));
    const [report] = await d.deliverDue();
    expect(report).toMatchObject({
      chatId: -100,
      localDate: "2025-03-07",
      outcome: { status: "sent", parts: 1 },
    });
    clock.set(at("2025-03-07", "07:35"));
    await d.deliverDue();
    await Promise.all([d.deliverDue(), d.deliverDue(), d.deliver(-100, "2025-03-07")]);
    expect(telegram.digestsOf(-100)).toHaveLength(1);
    expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "sent", messageIds: [1] });
    expect(repo.subscription(-100)!.lastDigestAt).toBe(at("2025-03-07", "07:30"));
    expect(repo.recentlyShown(-100, 0)).toEqual(["chunk-2025-03-07"]);
  });

  it("tolerates a timer firing a moment early", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    clock.set(at("2025-03-07", "07:30") - 500);
    await delivery().deliverDue();
    expect(telegram.digestsOf(-100, "2025-03-07")).toHaveLength(1);
  });

  it("sends the digest of a chat that subscribed after today's time only from tomorrow", async () => {
    subscribe(-100, "07:30", at("2025-03-07", "09:00"));
    const d = delivery();
    clock.set(at("2025-03-07", "09:00"));
    await d.deliverDue();
    clock.set(at("2025-03-07", "23:59"));
    await d.deliverDue();
    expect(telegram.delivered).toHaveLength(0);
    clock.set(at("2025-03-08", "07:30"));
    await d.deliverDue();
    expect(telegram.digestsOf(-100, "2025-03-08")).toHaveLength(1);
  });

  it("catches up after downtime today, but never sends a day that was missed entirely", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    // Down from the 6th until 09:10 on the 8th: the 7th is gone, the 8th is caught up.
    clock.set(at("2025-03-08", "09:10"));
    await delivery().deliverDue();
    expect(telegram.delivered.map((m) => m.text)).toEqual(["DIGEST chat=-100 date=2025-03-08 part=0"]);
    expect(repo.entry(-100, "2025-03-07")).toBeNull();
  });

  it("delivers a 00:10 digest at 17:10 UTC of the previous UTC day, dated by the local day", async () => {
    subscribe(-100, "00:10", at("2025-03-06", "12:00"));
    const d = delivery();
    clock.set(Date.UTC(2025, 2, 6, 17, 9));
    expect(await d.deliverDue()).toEqual([]);
    clock.set(Date.UTC(2025, 2, 6, 17, 10));
    await d.deliverDue();
    expect(telegram.delivered.map((m) => m.text)).toEqual(["DIGEST chat=-100 date=2025-03-07 part=0"]);
    // Later the same local day (still the 6th in UTC): nothing more.
    clock.set(Date.UTC(2025, 2, 6, 23, 0));
    await d.deliverDue();
    expect(telegram.delivered).toHaveLength(1);
  });

  it("tells days apart by the configured zone, not by UTC", async () => {
    subscribe(-100, "23:55", at("2025-03-06", "12:00"));
    subscribe(-200, "06:00", at("2025-03-06", "12:00"));
    const d = delivery();
    // 16:59 UTC on the 7th is 23:59 on the 7th in HCM: the 23:55 digest of the 7th.
    clock.set(Date.UTC(2025, 2, 7, 16, 59));
    await d.deliverDue();
    // 17:00 UTC on the 7th is already the 8th in HCM: the 06:00 digest of the 8th is not due yet,
    // and the 7th is not sent again.
    clock.set(Date.UTC(2025, 2, 7, 17, 0));
    await d.deliverDue();
    expect(telegram.delivered.map((m) => m.text)).toEqual([
      "DIGEST chat=-200 date=2025-03-07 part=0",
      "DIGEST chat=-100 date=2025-03-07 part=0",
    ]);
    // The same instants in UTC mean other days and times.
    const utcRepo = createDigestRepository(openDatabase(":memory:"));
    utcRepo.saveSubscription(-100, { enabled: true, time: "23:55" }, at("2025-03-06", "12:00"), DEFAULTS);
    const utcTelegram = createFakeTelegram(clock);
    const utc = delivery({ repo: utcRepo, zone: "UTC", sender: utcTelegram.sender });
    clock.set(Date.UTC(2025, 2, 7, 23, 55));
    await utc.deliverDue();
    expect(utcTelegram.delivered.map((m) => m.text)).toEqual(["DIGEST chat=-100 date=2025-03-07 part=0"]);
  });

  it("unsubscribes a chat that removed the bot (403) and stops trying", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    const d = delivery();
    telegram.failNext({
      kind: "telegram",
      code: 403,
      description: "Forbidden: bot was kicked from the supergroup chat",
    });
    clock.set(at("2025-03-07", "07:30"));
    const [report] = await d.deliverDue();
    expect(report!.outcome).toEqual({ status: "unsubscribed", reason: "bot_removed" });
    expect(repo.subscription(-100)).toMatchObject({ enabled: false, disabledReason: "bot_removed" });
    expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "failed" });
    expect(changed).toEqual([-100]);
    clock.set(at("2025-03-08", "07:30"));
    expect(await d.deliverDue()).toEqual([]);
    expect(telegram.sender.calls).toBe(1);
  });

  it("retries a temporary failure later, without a duplicate", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    const d = delivery({ retryDelayMs: 5 * MIN });
    telegram.failNext({ kind: "network" });
    clock.set(at("2025-03-07", "07:30"));
    expect((await d.deliverDue())[0]!.outcome.status).toBe("retry-later");
    clock.set(at("2025-03-07", "07:33"));
    expect(await d.deliverDue()).toEqual([]);
    clock.set(at("2025-03-07", "07:35"));
    expect((await d.deliverDue())[0]!.outcome).toEqual({ status: "sent", parts: 1, resumed: true });
    expect(telegram.digestsOf(-100)).toHaveLength(1);
    expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("gives up on a permanent error (400) without retrying", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    telegram.failNext({ kind: "telegram", code: 400, description: "Bad Request: can't parse entities" });
    clock.set(at("2025-03-07", "07:30"));
    const d = delivery();
    expect((await d.deliverDue())[0]!.outcome.status).toBe("failed");
    clock.set(at("2025-03-07", "09:00"));
    expect(await d.deliverDue()).toEqual([]);
    expect(repo.subscription(-100)!.enabled).toBe(true);
  });

  it("follows a group that became a supergroup", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    telegram.failNext({
      kind: "telegram",
      code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1001234 },
    });
    clock.set(at("2025-03-07", "07:30"));
    const d = delivery();
    expect((await d.deliverDue())[0]!.outcome).toEqual({ status: "migrated", to: -1001234 });
    await d.deliverDue();
    expect(telegram.digestsOf(-1001234, "2025-03-07")).toHaveLength(1);
    expect(repo.subscription(-100)).toBeNull();
  });

  it("records a quiet day with nothing to send as skipped, and moves the changes window on", async () => {
    labels = createLabelBuilder({ skip: () => true });
    subscribe(-100, "07:30", at("2025-03-06", "12:00"), "none");
    clock.set(at("2025-03-07", "07:30"));
    const d = delivery();
    expect((await d.deliverDue())[0]!.outcome).toEqual({ status: "skipped" });
    await d.deliverDue();
    expect(labels.requests).toHaveLength(1);
    expect(telegram.delivered).toHaveLength(0);
    expect(repo.entry(-100, "2025-03-07")!.state).toBe("skipped");
    expect(repo.subscription(-100)!.lastDigestAt).toBe(at("2025-03-07", "07:30"));
  });

  it("uses the chat's last digest as the start of the changes window", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    const d = delivery();
    clock.set(at("2025-03-07", "07:30"));
    await d.deliverDue();
    clock.set(at("2025-03-08", "07:30"));
    await d.deliverDue();
    expect(labels.requests.map((r) => [r.from, r.to])).toEqual([
      [at("2025-03-06", "07:30"), at("2025-03-07", "07:30")],
      [at("2025-03-07", "07:30"), at("2025-03-08", "07:30")],
    ]);
  });

  it("does not send twice the same day when the time is changed after the digest went out", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    const d = delivery();
    clock.set(at("2025-03-07", "07:30"));
    await d.deliverDue();
    subscribe(-100, "09:00", at("2025-03-07", "08:00"));
    clock.set(at("2025-03-07", "09:00"));
    await d.deliverDue();
    expect(telegram.digestsOf(-100)).toHaveLength(1);
    clock.set(at("2025-03-08", "09:00"));
    await d.deliverDue();
    expect(telegram.digestsOf(-100)).toHaveLength(2);
  });

  it("lets only one of two instances on the same database send a slot", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    clock.set(at("2025-03-07", "07:30"));
    const a = delivery({ owner: "a" });
    const b = delivery({ owner: "b" });
    await Promise.all([a.deliverDue(), b.deliverDue(), a.deliverDue(), b.deliverDue()]);
    expect(telegram.digestsOf(-100)).toHaveLength(1);
  });

  describe("a crash between Telegram accepting a part and the record (at-least-once)", () => {
    it("resends that part once the lease has run out: one duplicate, no loss", async () => {
      subscribe(-100, "07:30", at("2025-03-06", "12:00"));
      const crashing = crashableRepo(repo);
      crashing.crashBeforeRecord();
      clock.set(at("2025-03-07", "07:30"));
      await delivery({ repo: crashing.repo, owner: "first" }).deliverDue();
      expect(crashing.isDead()).toBe(true);
      expect(telegram.digestsOf(-100)).toHaveLength(1);
      expect(repo.entry(-100, "2025-03-07")).toMatchObject({
        state: "sending",
        messageIds: [],
        owner: "first",
      });

      // The restarted process cannot know the part arrived; it waits for the lease.
      const restarted = delivery({ owner: "second", leaseMs: 10 * MIN });
      clock.set(at("2025-03-07", "07:35"));
      expect(await restarted.deliverDue()).toEqual([]);
      clock.set(at("2025-03-07", "07:40"));
      const [report] = await restarted.deliverDue();
      expect(report!.outcome).toEqual({ status: "sent", parts: 1, resumed: true });
      expect(telegram.digestsOf(-100, "2025-03-07")).toHaveLength(2);
      expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "sent", owner: "second", attempts: 2 });
    });

    it("resends only the part in flight of a multi-part digest", async () => {
      labels = createLabelBuilder({ parts: () => 3 });
      subscribe(-100, "07:30", at("2025-03-06", "12:00"));
      const crashing = crashableRepo(repo);
      clock.set(at("2025-03-07", "07:30"));
      const first = delivery({ repo: crashing.repo });
      // Parts 0 and 1 are recorded; the process dies right after Telegram took part 2.
      crashing.crashBeforeRecord(3);
      await first.deliverDue().catch(() => undefined);
      expect(crashing.isDead()).toBe(true);
      expect(repo.entry(-100, "2025-03-07")!.messageIds).toEqual([1, 2]);
      clock.set(at("2025-03-07", "07:45"));
      await delivery().deliverDue();
      expect(telegram.digestsOf(-100).map((m) => m.text.slice(-6))).toEqual([
        "part=0",
        "part=1",
        "part=2",
        "part=2",
      ]);
    });
  });

  it("resumes without a duplicate when the process died before Telegram got the part", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    telegram.failNext({ kind: "hang" });
    clock.set(at("2025-03-07", "07:30"));
    void delivery({ owner: "dead" }).deliverDue();
    await new Promise((r) => setImmediate(r));
    expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "sending" });
    clock.set(at("2025-03-07", "07:41"));
    await delivery({ owner: "restarted" }).deliverDue();
    expect(telegram.digestsOf(-100)).toHaveLength(1);
  });

  it("gives a slot up after maxAttempts, so a digest that kills the process cannot loop", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    clock.set(at("2025-03-07", "07:30"));
    for (let i = 0; i < 4; i++) {
      const crashing = crashableRepo(repo);
      crashing.crashBeforeRecord();
      // The dead process's last calls fail too (its database handle is gone).
      await delivery({ repo: crashing.repo, maxAttempts: 3 })
        .deliverDue()
        .catch(() => undefined);
      clock.advance(11 * MIN);
    }
    expect(repo.entry(-100, "2025-03-07")).toMatchObject({ state: "failed", attempts: 3 });
    expect(telegram.digestsOf(-100)).toHaveLength(3);
  });

  it("abandons an unfinished slot older than the resume window", async () => {
    subscribe(-100, "07:30", at("2025-03-06", "12:00"));
    telegram.failNext({ kind: "hang" });
    clock.set(at("2025-03-07", "07:30"));
    void delivery().deliverDue();
    await new Promise((r) => setImmediate(r));
    clock.set(at("2025-03-07", "14:00"));
    await delivery({ resumeWindowMs: 6 * 60 * MIN }).deliverDue();
    expect(repo.entry(-100, "2025-03-07")!.state).toBe("abandoned");
    expect(telegram.delivered).toHaveLength(0);
  });

  it("resumes an unfinished slot of yesterday shortly after midnight", async () => {
    subscribe(-100, "23:55", at("2025-03-06", "12:00"));
    telegram.failNext({ kind: "hang" });
    clock.set(at("2025-03-07", "23:55"));
    void delivery().deliverDue();
    await new Promise((r) => setImmediate(r));
    clock.set(at("2025-03-08", "00:10"));
    await delivery().deliverDue();
    expect(telegram.digestsOf(-100, "2025-03-07")).toHaveLength(1);
    expect(telegram.digestsOf(-100, "2025-03-08")).toHaveLength(0);
  });
});
