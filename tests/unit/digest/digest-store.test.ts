import { beforeEach, describe, expect, it } from "vitest";
import { createDigestRepository, type DigestRepository } from "../../../src/digest/digest-store.js";
import { type Database, openDatabase } from "../../../src/store/sqlite.js";

const DEFAULTS = { time: "07:30", quietPolicy: "short" as const };
const T = 1_741_300_000_000;

describe("digest tables", () => {
  let db: Database;
  let repo: DigestRepository;
  beforeEach(() => {
    db = openDatabase(":memory:");
    repo = createDigestRepository(db);
  });

  const claim = (chatId: number, localDate: string, owner = "a", parts = ["p0", "p1"]) =>
    repo.claim({
      chatId,
      localDate,
      owner,
      leaseUntil: T + 1000,
      claimedAt: T,
      windowFrom: T - 10,
      windowTo: T,
      parts,
      didYouKnowChunkId: "chunk-1",
      quiet: false,
    });

  it("migrates once, as module 'digest'", () => {
    createDigestRepository(db);
    expect(db.prepare("SELECT version FROM schema_migrations WHERE module = 'digest'").get()).toEqual({
      version: 1,
    });
  });

  it("keeps settings per chat; turning on or changing the time restarts the schedule", () => {
    const on = repo.saveSubscription(
      -1,
      { enabled: true, byUserId: 7, chatTitle: "Chi bộ <A>" },
      T,
      DEFAULTS,
    );
    expect(on).toMatchObject({
      chatId: -1,
      enabled: true,
      time: "07:30",
      quietPolicy: "short",
      scheduleSince: T,
      lastDigestAt: null,
      chatTitle: "Chi bộ <A>",
      updatedBy: 7,
    });
    expect(repo.saveSubscription(-1, { quietPolicy: "none" }, T + 1, DEFAULTS)).toMatchObject({
      quietPolicy: "none",
      scheduleSince: T,
      time: "07:30",
    });
    expect(repo.saveSubscription(-1, { enabled: true, time: "07:30" }, T + 2, DEFAULTS).scheduleSince).toBe(
      T,
    );
    expect(repo.saveSubscription(-1, { enabled: true, time: "06:00" }, T + 3, DEFAULTS).scheduleSince).toBe(
      T + 3,
    );
    expect(
      repo.saveSubscription(-1, { enabled: false, disabledReason: "bot_removed" }, T + 4, DEFAULTS),
    ).toMatchObject({
      enabled: false,
      disabledReason: "bot_removed",
      time: "06:00",
      quietPolicy: "none",
    });
    expect(repo.enabledSubscriptions()).toEqual([]);
    expect(repo.saveSubscription(-1, { enabled: true }, T + 5, DEFAULTS)).toMatchObject({
      enabled: true,
      disabledReason: null,
      scheduleSince: T + 5,
    });
    // A policy chosen before turning the digest on is kept, the digest stays off.
    expect(repo.saveSubscription(-2, { quietPolicy: "none" }, T, DEFAULTS)).toMatchObject({ enabled: false });
    expect(repo.enabledSubscriptions().map((s) => s.chatId)).toEqual([-1]);
  });

  it("claims a (chat, local date) slot once", () => {
    expect(claim(-1, "2025-03-07")).toBe(true);
    expect(claim(-1, "2025-03-07", "b")).toBe(false);
    expect(claim(-1, "2025-03-08")).toBe(true);
    expect(claim(-2, "2025-03-07")).toBe(true);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({
      owner: "a",
      state: "sending",
      attempts: 1,
      parts: ["p0", "p1"],
    });
    expect(repo.unfinished()).toHaveLength(3);
  });

  it("records parts; the last one marks the slot sent, advances the window and remembers the passage", () => {
    repo.saveSubscription(-1, { enabled: true }, T - 100, DEFAULTS);
    claim(-1, "2025-03-07");
    repo.recordPart(-1, "2025-03-07", 0, 11, T + 1);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({ state: "sending", messageIds: [11] });
    expect(repo.subscription(-1)!.lastDigestAt).toBeNull();
    repo.recordPart(-1, "2025-03-07", 1, 12, T + 2);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({
      state: "sent",
      messageIds: [11, 12],
      finishedAt: T + 2,
    });
    expect(repo.subscription(-1)!.lastDigestAt).toBe(T);
    expect(repo.recentlyShown(-1, T)).toEqual(["chunk-1"]);
    expect(repo.recentlyShown(-1, T + 3)).toEqual([]);
    expect(repo.recentlyShown(-2, 0)).toEqual([]);
    expect(repo.unfinished()).toEqual([]);
  });

  it("takes over an unfinished slot only after its lease, and renews only its own lease", () => {
    claim(-1, "2025-03-07", "a");
    expect(repo.takeOver(-1, "2025-03-07", "b", T + 5000, T + 999)).toBe(false);
    expect(repo.renewLease(-1, "2025-03-07", "a", T + 2000)).toBe(true);
    expect(repo.takeOver(-1, "2025-03-07", "b", T + 5000, T + 2000)).toBe(true);
    expect(repo.renewLease(-1, "2025-03-07", "a", T + 9000)).toBe(false);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({ owner: "b", attempts: 2, leaseUntil: T + 5000 });
    repo.release(-1, "2025-03-07", "b", T + 7000, "503: Service Unavailable");
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({
      leaseUntil: T + 7000,
      error: "503: Service Unavailable",
    });
    repo.finish(-1, "2025-03-07", "failed", "gave up", T + 8000);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({ state: "failed", error: "gave up" });
    expect(repo.takeOver(-1, "2025-03-07", "c", T + 99_000, T + 50_000)).toBe(false);
  });

  it("records a skipped day and moves the changes window on", () => {
    repo.saveSubscription(-1, { enabled: true }, T - 100, DEFAULTS);
    expect(
      repo.claimSkipped({
        chatId: -1,
        localDate: "2025-03-07",
        owner: "a",
        claimedAt: T,
        windowFrom: T - 10,
        windowTo: T,
        didYouKnowChunkId: null,
        quiet: true,
      }),
    ).toBe(true);
    expect(repo.entry(-1, "2025-03-07")).toMatchObject({ state: "skipped", parts: [], quiet: true });
    expect(repo.subscription(-1)!.lastDigestAt).toBe(T);
  });

  it("moves a group's settings and shown passages to its supergroup", () => {
    repo.saveSubscription(-1, { enabled: true, time: "06:15" }, T, DEFAULTS);
    repo.recordManual(-1, T, "chunk-9", T);
    repo.moveChat(-1, -100777, T + 1);
    expect(repo.subscription(-1)).toBeNull();
    expect(repo.subscription(-100777)).toMatchObject({ enabled: true, time: "06:15", lastDigestAt: T });
    expect(repo.recentlyShown(-100777, 0)).toEqual(["chunk-9"]);
  });
});
