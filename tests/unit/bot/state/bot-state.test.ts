import { beforeEach, describe, expect, it } from "vitest";
import { type BotState, createBotState, SEEN_UPDATES_TTL_MS } from "../../../../src/bot/state/bot-state.js";
import { BOT_MIGRATIONS } from "../../../../src/bot/state/migrations.js";
import { type Database, openDatabase } from "../../../../src/store/sqlite.js";

/** 2025-03-10 10:00 in Hà Nội (UTC+7). */
const NOW = Date.UTC(2025, 2, 10, 3, 0, 0);
const HOUR = 60 * 60 * 1000;

function manualClock(start: number) {
  let now = start;
  return { now: () => now, set: (t: number) => (now = t) };
}

describe("bot state (SQLite)", () => {
  let db: Database;
  let clock: ReturnType<typeof manualClock>;
  let state: BotState;
  beforeEach(() => {
    db = openDatabase(":memory:");
    clock = manualClock(NOW);
    state = createBotState(db, clock);
  });

  const log = (overrides: Partial<Parameters<BotState["logQuestion"]>[0]> = {}) =>
    state.logQuestion({
      chatId: 10,
      userId: 10,
      updateId: 1,
      question: "Nhất thể hóa là gì?",
      answer: "Là kiêm nhiệm [1].",
      mode: "extractive",
      declined: false,
      latencyMs: 12.4,
      citations: [{ n: 1, chunkId: "c1", docId: "d1", title: "Nghị quyết 18" }],
      ...overrides,
    });

  it("migrates once: a second start on the same database keeps the data", () => {
    const id = log();
    const again = createBotState(db, clock);
    expect(again.getQuestion(id)?.question).toBe("Nhất thể hóa là gì?");
    expect(db.prepare("SELECT version FROM schema_migrations WHERE module = 'bot'").get()).toEqual({
      version: BOT_MIGRATIONS.length,
    });
  });

  it("remembers handled updates by id and fingerprint, for 48 hours", () => {
    expect(state.markUpdateSeen(1, "f1")).toBe(true);
    expect(state.markUpdateSeen(1, "f1")).toBe(false);
    // The same id with other content: a new update (ids restarted), handled and remembered instead.
    expect(state.markUpdateSeen(1, "f2")).toBe(true);
    expect(state.markUpdateSeen(1, "f2")).toBe(false);
    // Persisted: a restart still knows it.
    expect(createBotState(db, clock).markUpdateSeen(1, "f2")).toBe(false);
    // Forgotten after the TTL (pruned when the state opens).
    clock.set(NOW + SEEN_UPDATES_TTL_MS + 1);
    expect(createBotState(db, clock).markUpdateSeen(1, "f2")).toBe(true);
  });

  it("logs a question with its cited sources, and finds it again by any of its messages (date-checked)", () => {
    const id = log({
      citations: [
        { n: 1, chunkId: "c1", docId: "d1", title: "A" },
        { n: 2, chunkId: "c2", docId: "d2", title: "B" },
      ],
    });
    state.rememberAnswerMessages(
      10,
      [
        { message_id: 5, date: 100 },
        { message_id: 6, date: 100 },
      ],
      id,
    );
    expect(state.findAnswerByMessage(10, { message_id: 6, date: 100 })).toMatchObject({
      id,
      question: "Nhất thể hóa là gì?",
      answer: "Là kiêm nhiệm [1].",
      declined: false,
      sources: [
        { n: 1, chunkId: "c1", docId: "d1", title: "A" },
        { n: 2, chunkId: "c2", docId: "d2", title: "B" },
      ],
    });
    // Same id, other date: a message of another emulator run, not this answer.
    expect(state.findAnswerByMessage(10, { message_id: 6, date: 999 })).toBeNull();
    expect(state.findAnswerByMessage(11, { message_id: 6, date: 100 })).toBeNull();
    state.setLatency(id, 250.6);
    expect(db.prepare("SELECT latency_ms FROM bot_questions WHERE id = ?").get(id)).toEqual({
      latency_ms: 251,
    });
  });

  it("remembers passage messages for their page buttons", () => {
    const id = log();
    state.rememberPassageMessage(10, { message_id: 8, date: 50 }, { questionId: id, n: 1, chunkId: "c1" });
    expect(state.findPassageByMessage(10, { message_id: 8, date: 50 })).toEqual({
      questionId: id,
      n: 1,
      chunkId: "c1",
    });
    expect(state.findPassageByMessage(10, { message_id: 8, date: 51 })).toBeNull();
  });

  it("keeps one vote per user and question; the last press counts", () => {
    const id = log();
    state.recordFeedback(id, 1, 1);
    state.recordFeedback(id, 1, -1);
    state.recordFeedback(id, 2, 1);
    expect(state.feedbackCounts(id)).toEqual({ up: 1, down: 1 });
  });

  it("run-time permissions: allow, block, and the cache follows changes", () => {
    expect(state.permissions().allowedUsers.size).toBe(0);
    state.setPermission("user", 42, "allowed", 1);
    state.setPermission("chat", -100, "allowed", 1);
    expect(state.permissions().allowedUsers.has(42)).toBe(true);
    expect(state.permissions().allowedChats.has(-100)).toBe(true);
    state.setPermission("user", 42, "blocked", 1);
    const p = state.permissions();
    expect(p.allowedUsers.has(42)).toBe(false);
    expect(p.blockedUsers.has(42)).toBe(true);
    // Persisted: a fresh state over the same database sees it.
    expect(createBotState(db, clock).permissions().blockedUsers.has(42)).toBe(true);
  });

  it("records chats and users, first and last seen", () => {
    state.touchChat({ id: -5, type: "supergroup", title: "Chi bộ" });
    clock.set(NOW + 1000);
    state.touchChat({ id: -5, type: "supergroup" });
    state.touchUser({ id: 7, username: "lan", first_name: "Lan" });
    expect(db.prepare("SELECT title, first_seen_at, last_seen_at FROM bot_chats").get()).toEqual({
      title: "Chi bộ",
      first_seen_at: NOW,
      last_seen_at: NOW + 1000,
    });
    expect(db.prepare("SELECT username, first_name FROM bot_users WHERE id = 7").get()).toEqual({
      username: "lan",
      first_name: "Lan",
    });
  });

  it("stats: questions per local day over 7 days, decline rate, most cited documents, votes", () => {
    // 2025-03-09 23:30 in Hà Nội is 16:30 UTC: it belongs to the 9th, not the 10th.
    clock.set(Date.UTC(2025, 2, 9, 16, 30));
    const late = log({ citations: [{ n: 1, chunkId: "c1", docId: "d1", title: "Nghị quyết 18" }] });
    // 2025-03-10 00:30 local = 2025-03-09 17:30 UTC: the 10th.
    clock.set(Date.UTC(2025, 2, 9, 17, 30));
    log({
      citations: [
        { n: 1, chunkId: "c1", docId: "d1", title: "Nghị quyết 18" },
        { n: 2, chunkId: "c9", docId: "d2", title: "Kết luận 34" },
      ],
    });
    clock.set(NOW - 2 * HOUR);
    log({ declined: true, answer: "Không tìm thấy", citations: [] });
    // Eight days ago: outside the window.
    clock.set(NOW - 8 * 24 * HOUR);
    log({ citations: [{ n: 1, chunkId: "c7", docId: "d3", title: "Cũ" }] });
    clock.set(NOW);
    state.recordFeedback(late, 1, 1);
    state.recordFeedback(late, 2, -1);
    state.recordFeedback(late, 3, 1);

    const s = state.stats({ timeZone: "Asia/Ho_Chi_Minh" });
    expect(s.days.map((d) => d.day)).toEqual([
      "2025-03-04",
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
      "2025-03-08",
      "2025-03-09",
      "2025-03-10",
    ]);
    expect(s.days.find((d) => d.day === "2025-03-09")?.questions).toBe(1);
    expect(s.days.find((d) => d.day === "2025-03-10")?.questions).toBe(2);
    expect(s.total).toBe(3);
    expect(s.declined).toBe(1);
    expect(s.topDocuments).toEqual([
      { docId: "d1", title: "Nghị quyết 18", count: 2 },
      { docId: "d2", title: "Kết luận 34", count: 1 },
    ]);
    expect({ up: s.up, down: s.down }).toEqual({ up: 2, down: 1 });
  });

  it("stats on an empty log are zeros", () => {
    const s = state.stats({ timeZone: "UTC", days: 3 });
    expect(s).toEqual({
      days: [
        { day: "2025-03-08", questions: 0 },
        { day: "2025-03-09", questions: 0 },
        { day: "2025-03-10", questions: 0 },
      ],
      total: 0,
      declined: 0,
      topDocuments: [],
      up: 0,
      down: 0,
      llm: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    });
  });

  it("sums LLM usage logged with questions", () => {
    state.logQuestion({
      chatId: 1,
      userId: 2,
      updateId: 3,
      question: "Nhất thể hóa là gì?",
      answer: "…",
      mode: "llm",
      declined: false,
      latencyMs: 5,
      citations: [],
      usage: { promptTokens: 1200, completionTokens: 80, costUsd: 0.00023 },
    });
    expect(state.stats({ timeZone: "Asia/Ho_Chi_Minh", days: 3 }).llm).toEqual({
      promptTokens: 1200,
      completionTokens: 80,
      costUsd: 0.00023,
    });
  });
});
