import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/logger.js";
import { memoryLogger } from "./server/log-sink.js";

const TOKEN = "1234567:AAFakeTokenForTestsOnly_abcdefghijklmno";
const TOKEN_SECRET = TOKEN.split(":")[1] as string;
const API_KEY = "sk-test-0123456789abcdef";

describe("createLogger redaction", () => {
  it("removes the token from a URL in the message and in fields", () => {
    const log = memoryLogger([TOKEN]);
    const url = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
    log.logger.info({ url, nested: { deeper: [url] } }, `calling ${url}`);
    expect(log.text()).not.toContain(TOKEN_SECRET);
    const line = log.lines[0];
    expect(line?.msg).toBe("calling https://api.telegram.org/bot[REDACTED]/sendMessage");
    expect(line?.url).toBe("https://api.telegram.org/bot[REDACTED]/sendMessage");
  });

  it("removes it from an error's message, stack and cause, keeping the useful fields", () => {
    const log = memoryLogger([TOKEN]);
    const cause = new Error(`connect ECONNREFUSED for /bot${TOKEN}/getMe`);
    const error = Object.assign(
      new Error(`request to http://127.0.0.1/bot${TOKEN}/getUpdates failed`, { cause }),
      { code: "ECONNRESET" },
    );
    log.logger.error({ err: error }, "send failed");
    expect(log.text()).not.toContain(TOKEN_SECRET);
    const err = log.lines[0]?.err as Record<string, unknown>;
    expect(err.type).toBe("Error");
    expect(err.code).toBe("ECONNRESET");
    expect(err.message).toBe("request to http://127.0.0.1/bot[REDACTED]/getUpdates failed");
    expect(String(err.stack)).toContain("bot[REDACTED]/getUpdates");
    expect((err.cause as Record<string, unknown>).message).toBe(
      "connect ECONNREFUSED for /bot[REDACTED]/getMe",
    );
  });

  it("removes a token shaped string it was not told about, also URL-encoded", () => {
    const log = memoryLogger();
    const other = "9876543:ZZanotherTokenNotConfigured_0123456789";
    log.logger.warn(`a /bot${other}/x and ${encodeURIComponent(other)} and bare ${other}`);
    expect(log.text()).not.toContain("ZZanotherTokenNotConfigured");
    expect(log.lines[0]?.msg).toBe("a /bot[REDACTED]/x and [REDACTED] and bare [REDACTED]");
  });

  it("removes API keys and the webhook secret wherever they appear, URL-encoded too", () => {
    const secret = "web/hook+secret=value";
    const log = memoryLogger([API_KEY, secret]);
    log.logger.info({ header: `Bearer ${API_KEY}`, query: `?s=${encodeURIComponent(secret)}` }, secret);
    expect(log.text()).not.toContain(API_KEY);
    expect(log.text()).not.toContain(secret);
    expect(log.text()).not.toContain(encodeURIComponent(secret));
  });

  it("censors credential fields whatever they hold, but not counts", () => {
    const log = memoryLogger();
    log.logger.info({
      token: "short",
      headers: { authorization: "Basic abc", "x-telegram-bot-api-secret-token": "abc", "api-key": "k" },
      options: { apiKey: "k", secret_token: "s", password: "p" },
      usage: { tokens: 120 },
    });
    const line = log.lines[0] as Record<string, unknown>;
    expect(line.token).toBe("[REDACTED]");
    expect(line.headers).toEqual({
      authorization: "[REDACTED]",
      "x-telegram-bot-api-secret-token": "[REDACTED]",
      "api-key": "[REDACTED]",
    });
    expect(line.options).toEqual({
      apiKey: "[REDACTED]",
      secret_token: "[REDACTED]",
      password: "[REDACTED]",
    });
    expect(line.usage).toEqual({ tokens: 120 });
  });

  it("scrubs child logger bindings, grandchildren included", () => {
    const log = memoryLogger([TOKEN]);
    const child = log.logger.child({ url: `/bot${TOKEN}/` });
    child.child({ again: TOKEN }).info("hello");
    expect(log.text()).not.toContain(TOKEN_SECRET);
    expect(log.lines[0]).toMatchObject({ url: "/bot[REDACTED]/", again: "[REDACTED]", msg: "hello" });
  });

  it("summarizes binary data and streams, and survives cycles", () => {
    const log = memoryLogger();
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const streamLike = { pipe: () => undefined, on: () => undefined };
    Object.setPrototypeOf(streamLike, { constructor: { name: "ReadStream" } });
    log.logger.info({ buf: Buffer.alloc(2048), cyclic, file: streamLike, when: new Date(0) });
    expect(log.lines[0]).toMatchObject({
      buf: "[2048 bytes]",
      cyclic: { name: "loop", self: "[Circular]" },
      when: "1970-01-01T00:00:00.000Z",
    });
    expect(typeof (log.lines[0] as Record<string, unknown>).file).toBe("string");
  });

  it("ignores secrets too short to redact safely", () => {
    const log = memoryLogger(["ab", ""]);
    log.logger.info("about abc");
    expect(log.lines[0]?.msg).toBe("about abc");
  });
});

describe("redactSecrets", () => {
  it("works on plain text (crash reports)", () => {
    const text = `Error: 401 at https://api.telegram.org/bot${TOKEN}/getMe with ${API_KEY}`;
    expect(redactSecrets(text, [API_KEY])).toBe(
      "Error: 401 at https://api.telegram.org/bot[REDACTED]/getMe with [REDACTED]",
    );
  });
});
