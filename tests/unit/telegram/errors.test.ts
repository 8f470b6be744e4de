import { describe, expect, it } from "vitest";
import {
  chatGone,
  classifyFailure,
  refusedForGood,
  telegramErrorInfo,
} from "../../../src/telegram/errors.js";

/** Shaped like telegraf's TelegramError. */
function telegramError(code: number, description: string, parameters?: Record<string, unknown>) {
  return Object.assign(new Error(`${code}: ${description}`), {
    response: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
  });
}

describe("telegramErrorInfo", () => {
  it("reads the code, description and parameters Telegram sent", () => {
    expect(
      telegramErrorInfo(telegramError(429, "Too Many Requests: retry after 5", { retry_after: 5 })),
    ).toEqual({
      code: 429,
      description: "Too Many Requests: retry after 5",
      migrateTo: undefined,
      retryAfter: 5,
    });
    expect(
      telegramErrorInfo(
        telegramError(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -1001 }),
      ),
    ).toMatchObject({ code: 400, migrateTo: -1001 });
  });

  it("falls back to the message of an error that is not Telegram's", () => {
    expect(telegramErrorInfo(new Error("socket hang up"))).toEqual({
      code: undefined,
      description: "socket hang up",
      migrateTo: undefined,
      retryAfter: undefined,
    });
  });
});

describe("chatGone", () => {
  it("says the bot was removed on 403 and the chat is unknown on 400 'chat not found'", () => {
    expect(chatGone(telegramErrorInfo(telegramError(403, "Forbidden: bot was blocked by the user")))).toBe(
      "bot_removed",
    );
    expect(chatGone(telegramErrorInfo(telegramError(400, "Bad Request: chat not found")))).toBe(
      "chat_not_found",
    );
  });

  it("leaves other failures to the caller", () => {
    expect(chatGone(telegramErrorInfo(telegramError(400, "Bad Request: message is too long")))).toBeNull();
    expect(chatGone(telegramErrorInfo(telegramError(429, "Too Many Requests")))).toBeNull();
    expect(chatGone(telegramErrorInfo(new Error("ECONNRESET")))).toBeNull();
  });
});

describe("classifyFailure and telegramErrorInfo agree", () => {
  it("waits what a 429 says, from its parameters or its text", () => {
    expect(
      classifyFailure(telegramError(429, "Too Many Requests: retry after 3", { retry_after: 3 })),
    ).toEqual({
      kind: "flood",
      retryAfterMs: 3000,
    });
    expect(classifyFailure(telegramError(429, "Too Many Requests: retry after 2"))).toEqual({
      kind: "flood",
      retryAfterMs: 2000,
    });
  });

  it("retries a 5xx and gives a 403 to the caller", () => {
    expect(classifyFailure(telegramError(502, "Bad Gateway"))).toEqual({
      kind: "transient",
      reason: "HTTP 502",
    });
    expect(classifyFailure(telegramError(403, "Forbidden: bot was kicked"))).toEqual({ kind: "fatal" });
  });
});

describe("refusedForGood", () => {
  it("is a 4xx other than 429: the same call would be refused again", () => {
    const refused = (error: unknown) => refusedForGood(telegramErrorInfo(error));
    expect(refused(telegramError(400, "Bad Request: message is too long"))).toBe(true);
    expect(refused(telegramError(403, "Forbidden: bot was blocked by the user"))).toBe(true);
    expect(refused(telegramError(429, "Too Many Requests: retry after 5"))).toBe(false);
    expect(refused(telegramError(502, "Bad Gateway"))).toBe(false);
    expect(refused(new Error("ECONNRESET"))).toBe(false);
  });

  it("agrees with the outbox: what is refused for good is fatal there too", () => {
    for (const code of [400, 401, 403, 404, 409])
      expect(classifyFailure(telegramError(code, "refused"))).toEqual({ kind: "fatal" });
  });
});
