import type { Update } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { createAccessPolicy } from "../../../src/bot/access-policy.js";
import type { BotContext } from "../../../src/bot/context.js";
import { isOwnCommand, mentionsBot, parseCommand, stripMention } from "../../../src/bot/filters/addressed.js";
import { dedupeUpdates, updateFingerprint } from "../../../src/bot/middlewares/dedupe-updates.js";
import { rateLimit } from "../../../src/bot/middlewares/rate-limit.js";
import { createRateLimiter } from "../../../src/bot/rate-limiter.js";
import { createBotState, type RuntimePermissions } from "../../../src/bot/state/bot-state.js";
import { createLogger } from "../../../src/logger.js";
import { openDatabase } from "../../../src/store/sqlite.js";

const silent = createLogger({ level: "silent" });

function manualClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("sliding-window rate limiter", () => {
  it("allows `limit` hits in any 60 s window, counting from each hit, per user", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 3, clock });
    expect(limiter.hit(1).allowed).toBe(true); // t=0
    clock.advance(20_000);
    expect(limiter.hit(1).allowed).toBe(true); // t=20
    clock.advance(20_000);
    expect(limiter.hit(1).allowed).toBe(true); // t=40
    expect(limiter.hit(2).allowed).toBe(true); // another user is not affected
    clock.advance(10_000);
    const refused = limiter.hit(1); // t=50: three in the last minute
    expect(refused).toEqual({ allowed: false, retryAfterMs: 10_000, firstRefusal: true });
    expect(limiter.hit(1)).toMatchObject({ allowed: false, firstRefusal: false });
    clock.advance(10_000); // t=60: the hit at t=0 has slid out, not the others (no fixed window)
    expect(limiter.hit(1).allowed).toBe(true);
    expect(limiter.hit(1)).toMatchObject({ allowed: false, retryAfterMs: 0 + 20_000, firstRefusal: true });
  });

  it("forgets idle users, so memory stays bounded by active users", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, clock });
    for (let user = 0; user < 100; user++) limiter.hit(user);
    expect(limiter.size()).toBe(100);
    clock.advance(61_000);
    limiter.hit(1000);
    expect(limiter.size()).toBe(1);
  });
});

describe("rate limit middleware", () => {
  it("tells a user once per burst, politely, and does not run the handler", async () => {
    const clock = manualClock();
    const replies: string[] = [];
    let handled = 0;
    const ctx = {
      from: { id: 5 },
      log: silent,
      services: { limiter: createRateLimiter({ limit: 1, clock }) },
      reply: async (text: string) => {
        replies.push(text);
      },
    } as unknown as BotContext;
    const next = async () => {
      handled++;
    };
    const mw = rateLimit();
    await mw(ctx, next);
    await mw(ctx, next);
    await mw(ctx, next);
    expect(handled).toBe(1);
    expect(replies).toEqual([
      "Bạn đang hỏi hơi nhanh. Vui lòng đợi khoảng 60 giây rồi hỏi tiếp. Xin cảm ơn!",
    ]);
  });
});

describe("duplicate updates", () => {
  it("the middleware runs the same update once, but a new update reusing an id again", async () => {
    const state = createBotState(openDatabase(":memory:"), { now: () => 0 });
    const mw = dedupeUpdates();
    const runs: number[] = [];
    const ctx = (update: Update) => ({ update, log: silent, services: { state } }) as unknown as BotContext;
    const message = (id: number, text: string) =>
      ({
        update_id: id,
        message: { message_id: id, date: 1, chat: { id: 1, type: "private", first_name: "A" }, text },
      }) as Update;
    for (const update of [
      message(7, "a"),
      message(7, "a"),
      message(8, "b"),
      message(7, "a"),
      message(7, "other"),
    ]) {
      await mw(ctx(update), async () => void runs.push(update.update_id));
    }
    expect(runs).toEqual([7, 8, 7]);
    expect(updateFingerprint(message(7, "a"))).toBe(updateFingerprint(message(7, "a")));
    expect(updateFingerprint(message(7, "a"))).not.toBe(updateFingerprint(message(7, "b")));
  });
});

describe("access policy (fail closed)", () => {
  const none: RuntimePermissions = {
    allowedUsers: new Set(),
    allowedChats: new Set(),
    blockedUsers: new Set(),
    blockedChats: new Set(),
  };
  const policy = (mode: "allowlist" | "open", runtime: Partial<RuntimePermissions> = {}) =>
    createAccessPolicy(
      { accessMode: mode, adminUserIds: [1], allowedUserIds: [2], allowedChatIds: [-100] },
      { permissions: () => ({ ...none, ...runtime }) },
    );
  const privateChat = (id: number) => ({ id, type: "private" });

  it("denies an update without `from`, in both modes", () => {
    expect(policy("allowlist").isAllowed({ from: undefined, chat: { id: -100, type: "group" } })).toBe(false);
    expect(policy("open").isAllowed({ from: undefined, chat: privateChat(3) })).toBe(false);
    expect(policy("open").isAdmin(undefined)).toBe(false);
  });

  it("allowlist: admins, configured users and chats, run-time allowed ones; nobody else", () => {
    const p = policy("allowlist", { allowedUsers: new Set([3]), allowedChats: new Set([-200]) });
    expect(p.isAllowed({ from: { id: 1 }, chat: privateChat(1) })).toBe(true);
    expect(p.isAllowed({ from: { id: 2 }, chat: privateChat(2) })).toBe(true);
    expect(p.isAllowed({ from: { id: 3 }, chat: privateChat(3) })).toBe(true);
    expect(p.isAllowed({ from: { id: 9 }, chat: { id: -100, type: "group" } })).toBe(true);
    expect(p.isAllowed({ from: { id: 9 }, chat: { id: -200, type: "supergroup" } })).toBe(true);
    expect(p.isAllowed({ from: { id: 9 }, chat: privateChat(9) })).toBe(false);
    expect(p.isAllowed({ from: { id: 9 }, chat: undefined })).toBe(false);
  });

  it("a block beats any allow, except for admins", () => {
    const p = policy("allowlist", { blockedUsers: new Set([2, 1]), blockedChats: new Set([-100]) });
    expect(p.isAllowed({ from: { id: 2 }, chat: privateChat(2) })).toBe(false);
    expect(p.isAllowed({ from: { id: 9 }, chat: { id: -100, type: "group" } })).toBe(false);
    expect(p.isAllowed({ from: { id: 1 }, chat: privateChat(1) })).toBe(true);
  });

  it("open mode answers anyone not blocked", () => {
    const p = policy("open", { blockedUsers: new Set([9]) });
    expect(p.isAllowed({ from: { id: 12345 }, chat: privateChat(12345) })).toBe(true);
    expect(p.isAllowed({ from: { id: 9 }, chat: privateChat(9) })).toBe(false);
  });
});

describe("addressing filters", () => {
  const bot = { id: 666, username: "NhatTheBot" };

  it("parses commands with an optional @target and payload", () => {
    expect(parseCommand("/hoi@NhatTheBot  Đức Thọ giảm mấy đầu mối?")).toEqual({
      name: "hoi",
      target: "NhatTheBot",
      payload: "Đức Thọ giảm mấy đầu mối?",
    });
    expect(parseCommand("/start")).toEqual({ name: "start", target: undefined, payload: "" });
    expect(parseCommand("hỏi /hoi")).toBeNull();
    expect(isOwnCommand(parseCommand("/hoi@nhatthebot x")!, "NhatTheBot")).toBe(true);
    expect(isOwnCommand(parseCommand("/hoi@OtherBot x")!, "NhatTheBot")).toBe(false);
    expect(isOwnCommand(parseCommand("/hoi x")!, "NhatTheBot")).toBe(true);
  });

  it("finds @mentions by entity, text mention or plain text, not longer names", () => {
    expect(mentionsBot("@NhatTheBot cho hỏi", [{ type: "mention", offset: 0, length: 11 }], bot)).toBe(true);
    expect(mentionsBot("cho hỏi @nhatthebot", undefined, bot)).toBe(true);
    expect(
      mentionsBot(
        "hỏi bot",
        [{ type: "text_mention", offset: 4, length: 3, user: { id: 666, is_bot: true, first_name: "B" } }],
        bot,
      ),
    ).toBe(true);
    expect(mentionsBot("@NhatTheBotCu cho hỏi", undefined, bot)).toBe(false);
    expect(mentionsBot("email a@NhatTheBot.vn", undefined, bot)).toBe(false);
  });

  it("strips the mention and leading punctuation from the question", () => {
    expect(stripMention("@NhatTheBot, Đức Thọ giảm mấy đầu mối?", "NhatTheBot")).toBe(
      "Đức Thọ giảm mấy đầu mối?",
    );
    expect(stripMention("Cho hỏi @nhatthebot về kiêm nhiệm", "NhatTheBot")).toBe("Cho hỏi về kiêm nhiệm");
    expect(stripMention("@NhatTheBot", "NhatTheBot")).toBe("");
  });
});
