import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ConfigValidationError, configVariables, loadConfig } from "../../src/config.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("runs with nothing set: polling, embedded store, documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      BOT_MODE: "polling",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      ACCESS_MODE: "allowlist",
      STORE: "embedded",
      STORE_DIR: "data/store",
      CORPUS_DIR: "data/corpus",
      QDRANT_COLLECTION: "nhatthe",
      DIGEST_TIME: "07:30",
      TZ: "Asia/Ho_Chi_Minh",
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_MS: 10_000,
      WEBHOOK_MAX_IN_FLIGHT: 40,
    });
    expect(config.PORT).toBeUndefined();
    expect(config.HTTP_HOST).toBeUndefined();
  });

  it("reads webhook mode", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: "1:abc",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/tg/hook",
      WEBHOOK_SECRET: "Abc_123-xyz",
      PORT: "8443",
      HTTP_HOST: "127.0.0.1",
      SHUTDOWN_TIMEOUT_MS: "2500",
      WEBHOOK_MAX_IN_FLIGHT: "8",
    });
    expect(config).toMatchObject({
      BOT_MODE: "webhook",
      PORT: 8443,
      HTTP_HOST: "127.0.0.1",
      SHUTDOWN_TIMEOUT_MS: 2500,
      WEBHOOK_MAX_IN_FLIGHT: 8,
    });
  });

  it("types the webhook fields as present in webhook mode (a union on BOT_MODE)", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: "1:abc",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/tg/hook",
      WEBHOOK_SECRET: "Abc_123-xyz",
    });
    if (config.BOT_MODE !== "webhook") throw new Error("expected webhook mode");
    expectTypeOf(config.WEBHOOK_URL).toEqualTypeOf<string>();
    expectTypeOf(config.WEBHOOK_SECRET).toEqualTypeOf<string>();
    expectTypeOf(config.TELEGRAM_BOT_TOKEN).toEqualTypeOf<string>();
    expect(config.WEBHOOK_URL).toBe("https://bot.example.vn/tg/hook");
    const polling = loadConfig({});
    if (polling.BOT_MODE !== "polling") throw new Error("expected polling mode");
    expectTypeOf(polling.WEBHOOK_URL).toEqualTypeOf<string | undefined>();
  });

  it("lists the other problems also when BOT_MODE is unknown", () => {
    const problems = problemsOf({ BOT_MODE: "webhooks", PORT: "99999" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["BOT_MODE", "PORT"]);
    expect(problems[0]).toContain('"polling"|"webhook"');
  });

  it("lists every problem at once, also cross-field ones next to a bad value", () => {
    const problems = problemsOf({ BOT_MODE: "webhook", ACCESS_MODE: "bogus", TZ: "Mars/Olympus" });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ACCESS_MODE: /),
        "WEBHOOK_URL: required when BOT_MODE=webhook",
        "WEBHOOK_SECRET: required when BOT_MODE=webhook",
        "TELEGRAM_BOT_TOKEN: required when BOT_MODE=webhook",
        'TZ: unknown time zone "Mars/Olympus"',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it("refuses a webhook secret Telegram would refuse, and a webhook path the server keeps", () => {
    const problems = problemsOf({
      TELEGRAM_BOT_TOKEN: "1:abc",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/healthz",
      WEBHOOK_SECRET: "has spaces!",
    });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/WEBHOOK_URL: .*\/healthz/);
    expect(problems.join("\n")).toMatch(/WEBHOOK_SECRET: must be 1-256 characters/);
  });

  it("refuses bad numbers and URLs with the variable named, never echoing secrets", () => {
    const problems = problemsOf({
      PORT: "99999",
      SHUTDOWN_TIMEOUT_MS: "0",
      WEBHOOK_MAX_IN_FLIGHT: "many",
      QDRANT_URL: "not a url",
      WEBHOOK_SECRET: "bad secret with spaces",
    });
    const keys = problems.map((p) => p.split(":")[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        "PORT",
        "SHUTDOWN_TIMEOUT_MS",
        "WEBHOOK_MAX_IN_FLIGHT",
        "QDRANT_URL",
        "WEBHOOK_SECRET",
      ]),
    );
    expect(problems.join("\n")).not.toContain("bad secret with spaces");
  });
});

describe(".env.example", () => {
  const text = readFileSync(".env.example", "utf8");
  const lines = text.split("\n");
  const listed = lines.map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1]).filter((k): k is string => !!k);

  it("lists every variable the config reads, and only those", () => {
    const keys = [...configVariables];
    expect([...listed].sort()).toEqual([...keys].sort());
  });

  it("has a comment above every variable or its group", () => {
    lines.forEach((line, i) => {
      if (!/^[A-Z][A-Z0-9_]*=/.test(line)) return;
      // Walk up over the variables of the same group to the comment that explains them.
      let j = i - 1;
      while (j >= 0 && /^[A-Z][A-Z0-9_]*=/.test(lines[j] ?? "")) j -= 1;
      expect(lines[j]?.startsWith("#"), `no comment above ${line}`).toBe(true);
    });
  });

  it("parses as a valid configuration as it stands (values are the defaults)", () => {
    const env: Record<string, string> = {};
    for (const line of lines) {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (m?.[1]) env[m[1]] = m[2] ?? "";
    }
    const config = loadConfig(env);
    // An empty PORT is unset (no HTTP server in polling mode), not port 0.
    expect(config.PORT).toBeUndefined();
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
  });
});
